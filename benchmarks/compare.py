"""Comparison and brief speed: time to compare an event's reports and write its brief.

    python benchmarks/compare.py [FILE.jsonl ...] [--repeat 3] [--replicate 24,48,96]

Default FILE: ../shared/eval/dev/articles.jsonl plus its reserve articles. The articles are
ingested, enriched and clustered once (not timed); then every event is compared and briefed
``--repeat`` times, and the best run is reported: milliseconds per event and per article,
and the largest event. Target (issue 5): at most 50 ms per article on 2 cores.

``--replicate`` also times one large event: the largest event's reports copied, as independent
sources (new ids and outlets, same texts), to each size given, since comparison grows with the
square of an event's reports.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from storylens.store.base import Store

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--replicate", default="", help="sizes, e.g. 24,48,96")
    args = parser.parse_args()
    files = args.files or [DEV / "articles.jsonl", DEV / "articles_reserve.jsonl"]
    missing = [f for f in files if not f.exists()]
    if missing:
        raise SystemExit(f"not found: {', '.join(map(str, missing))}")

    from storylens.compare import compare_event
    from storylens.compare.brief import build_brief
    from storylens.enrich import Enricher
    from storylens.events import Clusterer, build_events, featurize
    from storylens.pipeline import ingest
    from storylens.store.sqlite import SQLiteStore

    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "bench.db")
        ingest([str(f) for f in files], store, reader_process=False)
        Enricher(store).run()
        featurize(store)
        Clusterer(store).run()
        events = build_events(store)
        articles = sum(len(e.article_ids) for e in events)
        runs = []
        per_event: list[float] = []
        conflicts = 0
        replicated = {}
        if args.replicate:
            biggest = max(events, key=lambda e: len(e.article_ids))
            for size in (int(n) for n in args.replicate.split(",")):
                replicated[size] = time_replicated(store, biggest.article_ids, size)
        for _ in range(args.repeat):
            per_event = []
            conflicts = 0
            start = time.perf_counter()
            for event in events:
                t = time.perf_counter()
                comparison = compare_event(store, event.id, event.article_ids)
                brief = build_brief(event, comparison)
                per_event.append(time.perf_counter() - t)
                conflicts += len(brief.differ)
            runs.append(time.perf_counter() - start)
        store.close()
    best = min(runs)
    largest = max(len(e.article_ids) for e in events)
    print(
        json.dumps(
            {
                "events": len(events),
                "articles": articles,
                "largest_event": largest,
                "seconds": round(best, 3),
                "ms_per_event": round(1000 * best / len(events), 1),
                "ms_per_article": round(1000 * best / articles, 1),
                "ms_event_median": round(1000 * statistics.median(per_event), 1),
                "ms_event_max": round(1000 * max(per_event), 1),
                "conflicts": conflicts,
                "replicated": {
                    str(n): {"seconds": round(t, 3), "ms_per_article": round(1000 * t / n, 1)}
                    for n, t in replicated.items()
                },
            }
        )
    )


def time_replicated(store: Store, article_ids: Sequence[str], size: int) -> float:
    """Seconds to compare ``size`` reports made by repeating the given ones as new sources."""
    import dataclasses

    from storylens.compare import compare_reports, load_reports
    from storylens.compare.align import idf_weights

    base = load_reports(store, article_ids)
    idf = idf_weights(store, base)
    reports = []
    for i in range(size):
        r = base[i % len(base)]
        article = dataclasses.replace(r.stored.article, id=f"{r.id}~{i}", outlet=f"o{i}.example")
        reports.append(
            dataclasses.replace(
                r, stored=dataclasses.replace(r.stored, article=article), source=article.id
            )
        )
    start = time.perf_counter()
    compare_reports(reports, idf)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
