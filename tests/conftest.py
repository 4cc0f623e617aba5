"""Shared fixtures: paths, stores, read helpers, the CLI runner and a local HTTP server."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from storylens.cli import app
from storylens.config import Config
from storylens.ingest import ReadContext, expand_targets, read_target
from storylens.model import Article, Reject
from storylens.store.sqlite import SQLiteStore

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "eval" / "dev" / "articles.jsonl").exists():
        pytest.skip(f"evaluation data not found at {SHARED} (expected ../shared beside the repo)")
    return SHARED


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(tmp_path / "test.db")
    yield s
    s.close()


def read_all(target: str | Path, ctx: ReadContext | None = None) -> list[Article | Reject]:
    ctx = ctx or ReadContext(config=Config())
    return [r for t in expand_targets([str(target)]) for r in read_target(t, ctx)]


def articles_of(results: list[Article | Reject]) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def rejects_of(results: list[Article | Reject]) -> list[Reject]:
    return [r for r in results if isinstance(r, Reject)]


class Cli:
    """Runs the storylens CLI in-process against one database."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str, code: int | None = 0) -> str:
        # global options (--config) may come first; --db is added in front of them
        result = self.runner.invoke(app, ["--db", str(self.db), *args], catch_exceptions=False)
        if code is not None:
            assert result.exit_code == code, result.output
        return result.output

    def json(self, *args: str) -> Any:
        return json.loads(self(*args, "--json"))

    def jsonl(self, *args: str) -> list[Any]:
        return [json.loads(line) for line in self(*args, "--json").splitlines() if line.strip()]


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path / "cli.db")


Route = tuple[int, str, bytes]


class LocalServer:
    """A tiny HTTP server on 127.0.0.1 whose routes tests set and change between requests."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.delays: dict[str, float] = {}
        self.hits: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.hits.append(self.path)
                time.sleep(server.delays.get(self.path, 0.0))
                if self.path.startswith("/redirect"):
                    self.send_response(302)
                    self.send_header("Location", self.path.removeprefix("/redirect"))
                    self.end_headers()
                    return
                status, ctype, body = server.routes.get(self.path, (404, "text/plain", b"nope"))
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[LocalServer]:
    s = LocalServer()
    yield s
    s.close()
