"""A store with the sample week, ingested, enriched and clustered once per test module."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storylens.config import Config, ServeConfig
from storylens.pipeline import ingest
from storylens.store.sqlite import SQLiteStore
from storylens.updates import refresh
from storylens.web import create_app

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "storylens" / "samples"
TOKEN = "test-token-123"
EVIL_TITLE = 'Bridge <script>alert("title")</script> report'
EVIL_TEXT = (
    'The bridge report said <img src=x onerror="alert(1)"> and <script>alert(2)</script> '
    "were written into the page. Nothing else happened in Port Alder on Monday."
)
# a source's own id may hold any character: links must still reach the article
ODD_ID = "feeds/2026 03?x#1 %"
# long enough for near-duplicate detection (25 shingles): evil-1 is a copy of the odd id
TAIL = (
    " The council will publish its notes on the library hours at Westmere next week, a"
    " spokesperson said, and residents can comment on them until the end of the month."
)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample week plus one hostile article, ready to serve (copied per test)."""
    path = tmp_path_factory.mktemp("web") / "sample.db"
    store = SQLiteStore(path)
    ingest([str(SAMPLES)], store, reader_process=False)
    evil = path.parent / "evil.jsonl"
    record = {"id": "evil-1", "outlet": "evil.example"}  # undated
    odd = {"id": ODD_ID, "url": "javascript:alert(3)", "outlet": "odd.example"}
    evil.write_text(
        json.dumps({**odd, "date": "2026-03-16", "title": EVIL_TITLE, "text": EVIL_TEXT + TAIL})
        + "\n"
        + json.dumps({**record, "title": EVIL_TITLE, "text": EVIL_TEXT + TAIL + " Yes."})
        + "\n"
    )
    ingest([str(evil)], store, reader_process=False)
    refresh(store)
    store.close()
    return path


@pytest.fixture
def db(sample_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "serve.db"
    shutil.copy(sample_db, copy)
    return copy


def make_client(db: Path, token: str | None = TOKEN, **serve: object) -> TestClient:
    config = Config(serve=ServeConfig(**serve))  # type: ignore[arg-type]
    return TestClient(create_app(db, config, token=token), raise_server_exceptions=False)


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    with make_client(db) as c:
        yield c
