"""Evaluation harnesses that run the real pipeline on labelled data in a temporary store."""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path
from typing import Any

from storylens.config import Config
from storylens.dedup import group_pairs, pair_scores
from storylens.errors import ConfigError
from storylens.pipeline import ingest
from storylens.store.sqlite import SQLiteStore


def _gold_records(path: Path) -> list[dict[str, Any]]:
    try:
        with path.open(encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read gold file {path}: {exc}") from exc


def evaluate_dedup(path: Path, config: Config | None = None) -> dict[str, Any]:
    """Ingest the JSON Lines file ``path`` and score near-duplicate groups against its
    ``near_duplicate_of`` links.

    Scores are pairwise over "same syndication group" links, so which member is elected
    original does not matter; gold links are closed transitively in the same way.
    """
    records = _gold_records(path)
    if not records or "id" not in records[0]:
        raise ConfigError(f"{path}: gold records need 'id' and 'near_duplicate_of' fields")
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="storylens-eval-") as tmp:
        store = SQLiteStore(Path(tmp) / "eval.db")
        try:
            report = ingest([str(path)], store, config)
            stored = [s.article.id for s in store.articles()]
            groups = [set(g.members) for g in store.duplicate_groups()]
        finally:
            store.close()
    ids = [str(r["id"]) for r in records]
    gold = group_pairs(
        ids,
        [
            (str(r["id"]), str(r["near_duplicate_of"]))
            for r in records
            if r.get("near_duplicate_of")
        ],
    )
    grouped = set().union(*groups) if groups else set()
    predicted = groups + [{i} for i in stored if i not in grouped]
    scores = pair_scores(predicted, gold)
    return {
        **scores,
        "articles": len(stored),
        "rejected": len(report.rejected),
        "seconds": round(time.perf_counter() - start, 3),
    }
