"""Scoring event clusters against gold labels: B-cubed (Bagga & Baldwin 1998) and pairwise.

B-cubed: per article, precision is the share of its predicted cluster that shares its gold
event, recall the share of its gold event that shares its predicted cluster; both averaged over
articles. Pairwise (as the Priberam news-clustering scorer): precision and recall over the
pairs of articles put together.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from storylens.errors import ConfigError
from storylens.events.cluster import REFINE_MARGIN, THRESHOLD


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def bcubed(pred: Mapping[str, object], gold: Mapping[str, object]) -> dict[str, float]:
    ids = list(gold)
    pred_size = Counter(pred[i] for i in ids)
    gold_size = Counter(gold[i] for i in ids)
    both = Counter((pred[i], gold[i]) for i in ids)
    p = sum(both[pred[i], gold[i]] / pred_size[pred[i]] for i in ids) / len(ids)
    r = sum(both[pred[i], gold[i]] / gold_size[gold[i]] for i in ids) / len(ids)
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(_f1(p, r), 4)}


def pairwise(pred: Mapping[str, object], gold: Mapping[str, object]) -> dict[str, float]:
    def pairs(counts: Counter[object]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    ids = list(gold)
    together = pairs(Counter((pred[i], gold[i]) for i in ids))
    predicted = pairs(Counter(pred[i] for i in ids))
    actual = pairs(Counter(gold[i] for i in ids))
    p = together / predicted if predicted else 1.0
    r = together / actual if actual else 1.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(_f1(p, r), 4)}


def evaluate_events(
    path: Path,
    gold_field: str = "gold_event",
    *,
    poll: int = 0,
    refine: float | None = REFINE_MARGIN,
    split: bool = True,
    threshold: float = THRESHOLD,
) -> dict[str, object]:
    """Run ingest, enrich and clustering on ``path`` in a temporary store and score the events.

    ``poll``: bring the articles in polls of this many lines (each ingested, enriched and
    clustered before the next, as ``storylens watch`` does); 0 brings them in one batch.
    ``refine``: the clusterer's refine margin, None for no refine pass; ``split``: whether the
    clusterer's split pass runs; ``threshold``: the clusterer's (benchmarks sweep it).
    """
    from storylens.enrich import Enricher
    from storylens.events import Clusterer, featurize
    from storylens.pipeline import ingest
    from storylens.store.sqlite import SQLiteStore

    gold: dict[str, object] = {}
    lines: list[str] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            record = json.loads(line)
            if "id" not in record or gold_field not in record:
                raise ConfigError(f"{path}:{n}: needs 'id' and '{gold_field}'")
            gold[str(record["id"])] = record[gold_field]
            lines.append(line)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="storylens-eval-") as tmp:
        store = SQLiteStore(Path(tmp) / "eval.db")
        try:
            for part in _polls(path, lines, poll, Path(tmp)):
                ingest([str(part)], store, reader_process=False)
                failed = Enricher(store).run().failed
                if failed:
                    raise ConfigError(f"enrichment failed for {len(failed)} articles: {failed[0]}")
                featurize(store)
                Clusterer(store, threshold=threshold, refine=refine, split=split).run()
            members = store.event_members()
        finally:
            store.close()
    pred: dict[str, object] = {a: e for e, ids in members.items() for a in ids}
    missing = [a for a in gold if a not in pred]
    for i, article_id in enumerate(missing):  # not clustered (e.g. rejected): a cluster each
        pred[article_id] = f"unclustered-{i}"
    return {
        "bcubed": bcubed(pred, gold),
        "pairwise": pairwise(pred, gold),
        "events_predicted": len({pred[a] for a in gold}),
        "events_gold": len(set(gold.values())),
        "articles": len(gold),
        "unclustered": len(missing),
        "seconds": round(time.perf_counter() - start, 2),
        **({"poll": poll} if poll else {}),
    }


def _polls(path: Path, lines: list[str], poll: int, tmp: Path) -> list[Path]:
    """The file itself, or its lines cut into files of ``poll`` lines each."""
    if poll <= 0 or poll >= len(lines):
        return [path]
    parts = []
    for n, start in enumerate(range(0, len(lines), poll)):
        part = tmp / f"poll-{n:05d}.jsonl"
        part.write_text("".join(line + "\n" for line in lines[start : start + poll]), "utf-8")
        parts.append(part)
    return parts
