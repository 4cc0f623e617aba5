"""``storylens eval compare``: the comparison scored against gold agreement/discrepancy records.

A gold record names two articles and a snippet of each. It is found when a predicted relation
has a side in each article whose sentence overlaps that article's snippet. Records whose
``genuine_conflict`` is ``yes`` count toward conflict recall (type accuracy: among those found,
the relation's kind matches the gold kind), ``no`` records toward the false-alarm rate (found as
any conflict), agreements toward agreement recall (found as ``agree`` or ``refines``).
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from storylens.compare import Comparison
from storylens.compare.model import AGREE, CONFLICT_PREFIX, REFINES, Relation

GOLD_KINDS = {
    "number": {"number"},
    "name-spelling": {"name"},
    "attribution": {"attribution", "speaker"},
    "date": {"date"},
    "place": {"place"},
    "other": {"referent", "attribution", "speaker"},
}


def read_gold(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _spans(text: str, snippet: str) -> list[tuple[int, int]]:
    out, start = [], 0
    while (i := text.find(snippet, start)) != -1:
        out.append((i, i + len(snippet)))
        start = i + 1
    return out


def _links(
    relation: Relation,
    a: str,
    b: str,
    spans_a: list[tuple[int, int]],
    spans_b: list[tuple[int, int]],
) -> bool:
    def hit(article: str, spans: list[tuple[int, int]]) -> bool:
        return any(
            s.article_id == article and s.start < end and start < s.end
            for s in relation.sides
            for start, end in spans
        )

    return hit(a, spans_a) and hit(b, spans_b)


def score(
    comparisons: Iterable[Comparison], gold: Sequence[dict[str, Any]], texts: dict[str, str]
) -> dict[str, Any]:
    """The figures of ``storylens eval compare`` (see the module doc)."""
    relations = [r for c in comparisons for r in c.relations]
    comparisons = list(comparisons)
    found_conflicts = typed = n_conflicts = 0
    false_alarms = n_apparent = 0
    found_agreements = n_agreements = 0
    details = []
    for record in gold:
        a, b = record["article_a"], record["article_b"]
        if a not in texts or b not in texts:
            continue
        spans_a = _spans(texts[a], record["what_a_says"])
        spans_b = _spans(texts[b], record["what_b_says"])
        linked = [r for r in relations if _links(r, a, b, spans_a, spans_b)]
        conflicts = [r for r in linked if r.is_conflict]
        kind, genuine = record["kind"], record.get("genuine_conflict")
        if kind == "agreement":
            n_agreements += 1
            hit = any(r.relation in (AGREE, REFINES) for r in linked)
            found_agreements += hit
        elif genuine == "yes":
            n_conflicts += 1
            hit = bool(conflicts)
            found_conflicts += hit
            wanted = GOLD_KINDS.get(kind, set())
            typed += any(r.relation[len(CONFLICT_PREFIX) :] in wanted for r in conflicts)
        elif genuine == "no":
            n_apparent += 1
            hit = bool(conflicts)
            false_alarms += hit
        else:
            continue
        details.append(
            {"record": record, "found": hit, "predicted": sorted({r.relation for r in linked})}
        )
    flagged = sum(1 for r in relations if r.is_conflict)
    return {
        "conflicts": {
            "recall": _ratio(found_conflicts, n_conflicts),
            "type_accuracy": _ratio(typed, found_conflicts),
            "n": n_conflicts,
        },
        "apparent": {"false_alarm_rate": _ratio(false_alarms, n_apparent), "n": n_apparent},
        "agreements": {"recall": _ratio(found_agreements, n_agreements), "n": n_agreements},
        "flagged_conflicts": flagged,
        "conflicts_per_event": round(flagged / max(1, len(comparisons)), 2),
        "events": len(comparisons),
        "details": details,
    }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 0.0


def evaluate_compare(articles: Path, discrepancies: Path) -> dict[str, Any]:
    """Run ingest, enrich, cluster and compare on ``articles`` in a temporary store; score."""
    from storylens.compare import compare_event
    from storylens.enrich import Enricher
    from storylens.events.cluster import Clusterer
    from storylens.events.features import featurize
    from storylens.pipeline import ingest
    from storylens.store.sqlite import SQLiteStore

    gold = read_gold(discrepancies)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "eval.db")
        try:
            ingest([str(articles)], store, reader_process=False)
            Enricher(store).run()
            featurize(store)
            Clusterer(store).run()
            comparisons = [
                compare_event(store, event_id, ids)
                for event_id, ids in sorted(store.event_members().items())
                if ids
            ]
            texts = {s.article.id: s.article.text for s in store.articles()}
        finally:
            store.close()
    result = score(comparisons, gold, texts)
    result["articles"] = len(texts)
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result
