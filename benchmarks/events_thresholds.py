"""B-cubed F1 of the events at several clustering thresholds, in one batch or in polls.

    python benchmarks/events_thresholds.py [FILE.jsonl] [--thresholds 0.37,0.38,0.39,0.40]
        [--poll 0] [--orders 1] [--seed 1]

The threshold is the one number the events depend on most, and it was chosen where F1 stays
high over several conditions (docs/events.md), not at one run's peak. This prints one row per
arrival order with the F1 at each threshold, then the mean over orders. In one batch
(``--poll 0``) FILE is ingested, enriched and featurized once and only clustering is run again
per threshold (in a copy of the store); with ``--poll N`` the whole pipeline runs per threshold,
poll by poll, since each poll's clustering changes what the next one starts from. Order 0 is the
file's own; the others are seeded shuffles. For the same with an archive in the store, see
benchmarks/events_archive.py.
"""

from __future__ import annotations

import json
import shutil
import statistics
import tempfile
from pathlib import Path

from _gold import gold_parser, order_files, parse_gold_args


def main() -> None:
    parser = gold_parser(__doc__)
    parser.add_argument("--thresholds", default="0.36,0.37,0.38,0.39,0.40,0.41,0.42")
    parser.add_argument("--poll", type=int, default=0, help="articles per poll (0: one batch)")
    parser.add_argument("--orders", type=int, default=1, help="file order, then shuffles")
    parser.add_argument("--seed", type=int, default=1)
    args = parse_gold_args(parser)
    thresholds = [float(t) for t in args.thresholds.split(",") if t.strip()]
    if not thresholds:
        raise SystemExit("--thresholds: give at least one, e.g. 0.37,0.38,0.39")

    scores: dict[float, list[float]] = {t: [] for t in thresholds}
    with tempfile.TemporaryDirectory(prefix="storylens-thresholds-") as tmp:
        for label, path in order_files(args.file, args.orders, args.seed, Path(tmp)):
            if args.poll:
                f1 = _polls(path, args.gold_field, args.poll, thresholds)
            else:
                f1 = _batch(path, args.gold_field, thresholds, Path(tmp))
            for t, value in f1.items():
                scores[t].append(value)
            print(json.dumps({"order": label, "bcubed_f1": {str(t): v for t, v in f1.items()}}))
    mean = {str(t): round(statistics.fmean(v), 4) for t, v in scores.items()}
    print(json.dumps({"orders": args.orders, "poll": args.poll, "mean_bcubed_f1": mean}))


def _polls(path: Path, gold_field: str, poll: int, thresholds: list[float]) -> dict[float, float]:
    from storylens.events.evaluate import evaluate_events

    out = {}
    for t in thresholds:
        result = evaluate_events(path, gold_field, poll=poll, threshold=t)
        out[t] = float(result["bcubed"]["f1"])  # type: ignore[index]
    return out


def _batch(path: Path, gold_field: str, thresholds: list[float], tmp: Path) -> dict[float, float]:
    from storylens.enrich import Enricher
    from storylens.events import Clusterer, featurize
    from storylens.events.evaluate import bcubed
    from storylens.pipeline import ingest
    from storylens.store.sqlite import SQLiteStore

    gold = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            gold[str(record["id"])] = record[gold_field]
    base = tmp / "enriched.db"
    base.unlink(missing_ok=True)
    store = SQLiteStore(base)
    ingest([str(path)], store, reader_process=False)
    Enricher(store).run()
    featurize(store)
    store.close()
    out = {}
    for t in thresholds:
        copy = tmp / "clustered.db"
        shutil.copy(base, copy)
        store = SQLiteStore(copy)
        Clusterer(store, threshold=t).run()
        members = store.event_members()
        store.close()
        pred: dict[str, object] = {a: e for e, ids in members.items() for a in ids}
        for i, a in enumerate(a for a in gold if a not in pred):
            pred[a] = f"unclustered-{i}"
        out[t] = round(bcubed({a: pred[a] for a in gold}, gold)["f1"], 4)
    return out


if __name__ == "__main__":
    main()
