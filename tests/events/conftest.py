"""The dev corpus clustered once for the tests of this folder that only read the result."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from storylens.enrich import Enricher
from storylens.events import Clusterer, featurize
from storylens.pipeline import ingest
from storylens.store.sqlite import SQLiteStore
from tests.conftest import SHARED

DEV = SHARED / "eval" / "dev" / "articles.jsonl"


@pytest.fixture(scope="session")
def dev_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SQLiteStore]:
    """The 130 dev articles ingested, enriched and clustered in one batch (read only)."""
    if not DEV.exists():
        pytest.skip(f"dev corpus not found at {DEV} (expected ../shared beside the repo)")
    store = SQLiteStore(tmp_path_factory.mktemp("dev") / "dev.db")
    ingest([str(DEV)], store, reader_process=False)
    assert not Enricher(store).run().failed
    featurize(store)
    Clusterer(store).run()
    yield store
    store.close()


@pytest.fixture(scope="session")
def dev_gold() -> dict[str, str]:
    """Each dev article's gold event."""
    if not DEV.exists():
        pytest.skip(f"dev corpus not found at {DEV}")
    return {json.loads(line)["id"]: json.loads(line)["gold_event"] for line in DEV.open()}
