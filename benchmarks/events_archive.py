"""Does the event threshold hold in a store that already holds other news? Dev events in a store
with an archive.

    python benchmarks/events_archive.py [FILE.jsonl] [--background DIR] [--live]
        [--thresholds 0.38,0.42]

The threshold was calibrated with FILE alone in the store, and the term and entity weights (IDF)
come from the store's document frequencies. Here the store first takes a background of other
real news (the PolNeAR texts, ../shared/eval/polnear/{train,dev}/text: 924 political news
articles of 2015-2016, with their publication dates from metadata.tsv), ingested, enriched and
clustered; then FILE, clustered at each threshold in a copy of that store. With ``--live`` the
background is dated at random days of FILE's own months (a seeded draw), so it lies in the
comparison window, as a dense live stream would. Prints, per threshold, B-cubed F1 over FILE's
articles, the events they form, and how many of them share an event with a background article.
"""

from __future__ import annotations

import csv
import json
import random
import shutil
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from _gold import ROOT, gold_parser, parse_gold_args

POLNEAR = ROOT.parent / "shared" / "eval" / "polnear"


def background(polnear: Path, out: Path, months: list[tuple[int, int]] | None) -> int:
    """Write the PolNeAR texts as JSON Lines to ``out``: with their own dates, or (``months``)
    at random days of those months."""
    meta: dict[str, dict[str, str]] = {}
    with (polnear / "metadata.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            meta[row["filename"]] = row
    rng = random.Random(7)
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for split in ("train", "dev"):
            for path in sorted((polnear / split / "text").glob("*.txt")):
                row = meta.get(path.stem, {})
                published = row.get("publication_date") or None
                if months:
                    year, month = rng.choice(months)
                    day = date(year, month, 1) + timedelta(days=rng.randrange(28))
                    published = day.isoformat()
                record = {
                    "id": f"bg-{path.stem}",
                    "title": row.get("title") or "",
                    "outlet": row.get("publisher") or None,
                    "published": published,
                    "text": path.read_text(encoding="utf-8"),
                }
                fh.write(json.dumps(record) + "\n")
                n += 1
    return n


def main() -> None:
    parser = gold_parser(__doc__)
    parser.add_argument("--background", type=Path, default=POLNEAR, help="the PolNeAR folder")
    parser.add_argument("--live", action="store_true", help="background dated in FILE's months")
    parser.add_argument("--thresholds", default="", help="comma-separated (default: shipped)")
    args = parse_gold_args(parser)
    if not (args.background / "metadata.tsv").exists():
        raise SystemExit(f"{args.background}/metadata.tsv not found: give the PolNeAR folder")

    from storylens.enrich import Enricher
    from storylens.events import Clusterer, featurize
    from storylens.events.cluster import THRESHOLD
    from storylens.events.evaluate import bcubed
    from storylens.pipeline import ingest
    from storylens.store.sqlite import SQLiteStore

    records = [json.loads(line) for line in args.file.read_text("utf-8").splitlines() if line]
    if args.live and not any(r.get("published") or r.get("date") for r in records):
        raise SystemExit(f"--live: no article in {args.file} has a date to take months from")
    gold = {str(r["id"]): r[args.gold_field] for r in records}
    # The months FILE's dated articles fall in (dev writes the day under "date").
    days = [str(r.get("published") or r.get("date") or "") for r in records]
    months = sorted(
        {(int(d[:4]), int(d[5:7])) for d in days if d[:4].isdigit() and d[5:7].isdigit()}
    )
    thresholds = [float(t) for t in args.thresholds.split(",") if t] or [THRESHOLD]

    def run(store: SQLiteStore, path: Path, threshold: float = THRESHOLD) -> None:
        ingest([str(path)], store, reader_process=False)
        Enricher(store).run()
        featurize(store)
        Clusterer(store, threshold=threshold).run()

    with tempfile.TemporaryDirectory(prefix="storylens-archive-") as tmp:
        bg_file, base = Path(tmp) / "background.jsonl", Path(tmp) / "background.db"
        n = background(args.background, bg_file, months if args.live else None)
        start = time.perf_counter()
        store = SQLiteStore(base)
        run(store, bg_file)
        store.close()
        seconds = round(time.perf_counter() - start, 1)
        print(json.dumps({"background": n, "live": args.live, "seconds": seconds}), flush=True)
        for threshold in thresholds:
            copy = Path(tmp) / "run.db"
            shutil.copy(base, copy)
            store = SQLiteStore(copy)
            run(store, args.file, threshold)
            members = store.event_members()
            store.close()
            pred = {a: e for e, ids in members.items() for a in ids}
            mixed = sum(1 for a in gold if any(x.startswith("bg-") for x in members[pred[a]]))
            row = {
                "threshold": threshold,
                "bcubed": bcubed({a: pred[a] for a in gold}, gold),
                "events_predicted": len({pred[a] for a in gold}),
                "events_gold": len(set(gold.values())),
                "with_background": mixed,
            }
            print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
