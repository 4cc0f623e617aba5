"""The FastAPI app: REST API under ``/api``, web UI at ``/``, OpenAPI at ``/docs``.

Each request opens the store and closes it after (SQLite in WAL mode: readers never wait for
the writer). Errors reach clients as problem details (RFC 9457 JSON on the API, a page in the
UI), never as a stack trace. Every response carries a strict Content-Security-Policy.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from storylens.config import Config
from storylens.store import Store, open_store

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'none'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


@dataclass
class AppState:
    """What every request needs: where the store is, the settings, the ingest token."""

    db: Path | None
    config: Config
    token: str | None
    refresh_lock: threading.Lock = field(default_factory=threading.Lock)
    _summaries: tuple[object, list[dict[str, Any]]] | None = None
    _summaries_lock: threading.Lock = field(default_factory=threading.Lock)
    _watch: sqlite3.Connection | None = None
    _local: threading.local = field(default_factory=threading.local)
    _opened: list[Store] = field(default_factory=list)

    def _version(self, store: Store) -> object:
        """Changes whenever anyone commits to the database. SQLite's data_version, read on a
        connection this process keeps open: it counts the commits of every other connection,
        and costs no scan. (File times would not do: the last connection to close checkpoints
        and removes the write-ahead log.)"""
        if self.db is None or str(self.db) == ":memory:":
            return store.generation()
        with self._summaries_lock:
            if self._watch is None:
                self._watch = sqlite3.connect(str(self.db), check_same_thread=False)
            return self._watch.execute("PRAGMA data_version").fetchone()[0]

    def store(self) -> Store:
        """A new connection to the store (for writes and background work; close it)."""
        return open_store(self.db)

    def local_store(self) -> Store:
        """This thread's connection to the store, opened once and kept: reads need no new
        connection per request (SQLite connections are not shared between threads)."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db)
            self._local.store = store
            with self._summaries_lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        """Close the connections this app kept open (on shutdown)."""
        with self._summaries_lock:
            for store in self._opened:
                store.close()
            self._opened.clear()
            if self._watch is not None:
                self._watch.close()
                self._watch = None

    def summaries(self, store: Store) -> list[dict[str, Any]]:
        """Every live event's summary, newest first; kept in memory until anyone writes to the
        store."""
        from storylens.web.queries import event_summaries

        version = self._version(store)
        cached = self._summaries
        if cached is not None and cached[0] == version:
            return cached[1]
        data = event_summaries(store)
        self._summaries = (self._version(store), data)
        return data


def create_app(
    db: Path | str | None = None, config: Config | None = None, token: str | None = None
) -> FastAPI:
    """The app over the store at ``db`` (default: as the CLI finds it). The ingest token is
    ``token``, else the config's ``serve.api_token``, else ``STORYLENS_API_TOKEN``."""
    from storylens.web import api, ui

    config = config or Config()
    token = token or config.serve.api_token or os.environ.get("STORYLENS_API_TOKEN") or None
    state = AppState(Path(db) if db is not None else config.db, config, token)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    app = FastAPI(
        lifespan=lifespan,
        title="storylens",
        summary="News events, their sources, what they agree on and where they differ.",
        version="0.1.0",
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.storylens = state
    app.include_router(api.router)
    app.include_router(ui.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    app.add_middleware(SecurityHeaders)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _problem(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        where = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()
        )
        return _problem(request, 422, f"invalid request: {where}")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return _problem(request, 500, "internal error: the server log has the details")

    return app


class SecurityHeaders:
    """Adds the security headers to every response (a plain ASGI middleware: Starlette's
    ``BaseHTTPMiddleware`` costs about a millisecond a request). The OpenAPI page loads its own
    script and styles and gets no Content-Security-Policy."""

    HEADERS = (
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
    )

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"].startswith(("/docs", "/openapi.json"))

        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = [*message.get("headers", []), *self.HEADERS]
                if not docs:
                    headers.append((b"content-security-policy", CSP.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


_TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    413: "Payload too large",
    415: "Unsupported media type",
    422: "Unprocessable content",
    500: "Internal server error",
    503: "Service unavailable",
}


def _problem(request: Request, status: int, detail: str) -> Response:
    title = _TITLES.get(status, "Error")
    if request.url.path.startswith("/api") or "text/html" not in request.headers.get("accept", ""):
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse(
            {"type": "about:blank", "title": title, "status": status, "detail": detail},
            status_code=status,
            media_type="application/problem+json",
            headers=headers,
        )
    from storylens.web.ui import error_page

    return error_page(request, status, title, detail)


def app_from_environment() -> FastAPI:
    """The app as ``storylens serve --workers N`` starts it in each worker process: the store
    from ``STORYLENS_DB``, the settings from ``STORYLENS_CONFIG``."""
    from storylens.config import load_config

    return create_app(os.environ.get("STORYLENS_DB") or None, load_config())
