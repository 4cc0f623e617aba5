"""What the comparison flags on news it was never tuned on, listed for a person to judge.

    python benchmarks/compare_audit.py [--polnear DIR] [--db PATH] [--agreements] [--json]

The dev file's gold records say how often a flagged conflict is real on the news the rules
were written against; this run says it on other news. It ingests the PolNeAR texts
(../shared/eval/polnear/{train,dev}/text: 924 political news articles of 2015-2016, from
several outlets, with their publication dates), enriches and clusters them, compares every
event of two or more reports, and prints the count of each kind of relation and every flagged
conflict with the sentences on each side (with ``--agreements`` every agreement and refinement
as well). There is no gold: read the list. With ``--db`` the store is kept (and reused when it
already holds the texts: enrichment takes about five minutes on 2 cores).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter
from pathlib import Path

from events_archive import POLNEAR, background


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, default=POLNEAR, help="the PolNeAR folder")
    parser.add_argument("--db", type=Path, help="keep the store here (reused if it exists)")
    parser.add_argument("--agreements", action="store_true", help="list agreements too")
    parser.add_argument("--json", action="store_true", help="one JSON object per relation")
    args = parser.parse_args()
    if not (args.polnear / "metadata.tsv").exists():
        raise SystemExit(f"{args.polnear}/metadata.tsv not found: give the PolNeAR folder")

    with tempfile.TemporaryDirectory(prefix="storylens-audit-") as tmp:
        db = args.db or Path(tmp) / "audit.db"
        audit(args.polnear, db, Path(tmp), args.agreements, args.json)


def audit(polnear: Path, db: Path, tmp: Path, agreements: bool, as_json: bool) -> None:
    from storylens.compare import compare_event
    from storylens.enrich import Enricher
    from storylens.events import Clusterer, build_events, featurize
    from storylens.pipeline import ingest
    from storylens.store.sqlite import SQLiteStore

    store = SQLiteStore(db)
    if not store.event_members():
        texts = tmp / "polnear.jsonl"
        background(polnear, texts, None)
        ingest([str(texts)], store, reader_process=False)
        Enricher(store).run()
        featurize(store)
        Clusterer(store).run()
    events = [e for e in build_events(store) if len(e.article_ids) > 1]
    counts: Counter[str] = Counter()
    for event in events:
        comparison = compare_event(store, event.id, event.article_ids)
        for r in comparison.relations:
            counts[f"{r.relation} ({r.kind})"] += 1
            if not (r.is_conflict or (agreements and r.relation in ("agree", "refines"))):
                continue
            sides = [{"article": s.article_id, "sentence": s.text} for s in r.sides]
            if as_json:
                row = {"event": event.id, "relation": r.relation, "note": r.note, "sides": sides}
                print(json.dumps(row, ensure_ascii=False))
                continue
            print(f"event {event.id}: {r.relation} ({r.kind}) {r.note}")
            for side in sides:
                print(f"    {side['article']}: {side['sentence'][:300]}")
    store.close()
    summary = {"events_compared": len(events), "relations": dict(sorted(counts.items()))}
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
