"""Helpers of the event tests: the whole pipeline on some inputs, and the dev corpus clustered
once for the tests that only read the result."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from storylens.enrich import Enricher
from storylens.events import Clusterer, featurize
from storylens.pipeline import ingest
from storylens.store.sqlite import SQLiteStore
from tests.conftest import SHARED

DEV = SHARED / "eval" / "dev" / "articles.jsonl"
SAMPLES = Path(__file__).resolve().parents[2] / "src" / "storylens" / "samples"


def run_all(store: SQLiteStore, *targets: str) -> None:
    """Ingest, enrich, featurize and cluster ``targets`` into ``store``."""
    ingest(list(targets), store, reader_process=False)
    assert not Enricher(store).run().failed
    featurize(store)
    Clusterer(store).run()


@pytest.fixture(scope="session")
def dev_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SQLiteStore]:
    """The 130 dev articles ingested, enriched and clustered in one batch (read only)."""
    if not DEV.exists():
        pytest.skip(f"dev corpus not found at {DEV} (expected ../shared beside the repo)")
    store = SQLiteStore(tmp_path_factory.mktemp("dev") / "dev.db")
    run_all(store, str(DEV))
    yield store
    store.close()


@pytest.fixture(scope="session")
def dev_gold() -> dict[str, str]:
    """Each dev article's gold event."""
    if not DEV.exists():
        pytest.skip(f"dev corpus not found at {DEV}")
    return {json.loads(line)["id"]: json.loads(line)["gold_event"] for line in DEV.open()}
