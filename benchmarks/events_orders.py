"""How much the events depend on the order articles arrive in.

    python benchmarks/events_orders.py [FILE.jsonl] [--orders 8] [--poll 0] [--seed 1]

A streaming clusterer sees each article once, in arrival order (publication order; undated
pages where they were ingested), so the same articles in another order can give other events.
This runs the whole pipeline (ingest, enrich, cluster) on FILE (default
../shared/eval/dev/articles.jsonl) in ``--orders`` ingest orders (the file's own, then shuffled
ones), with the refine and split passes, without the split pass, and without either, and
prints B-cubed F1 per order and the mean, minimum and maximum of each.

``--poll N`` brings the articles in polls of N (each ingested, enriched and clustered before
the next arrives, as `storylens watch` does); 0 (default) brings them in one batch.
"""

from __future__ import annotations

import json
import statistics
import tempfile
from pathlib import Path

from _gold import gold_parser, order_files, parse_gold_args


def main() -> None:
    parser = gold_parser(__doc__)
    parser.add_argument("--orders", type=int, default=8)
    parser.add_argument("--poll", type=int, default=0, help="articles per poll (0: one batch)")
    parser.add_argument("--seed", type=int, default=1)
    args = parse_gold_args(parser)

    from storylens.events.cluster import REFINE_MARGIN
    from storylens.events.evaluate import evaluate_events

    configs: dict[str, tuple[float | None, bool]] = {
        "refine+split": (REFINE_MARGIN, True),
        "refine": (REFINE_MARGIN, False),
        "neither": (None, False),
    }
    scores: dict[str, list[float]] = {name: [] for name in configs}
    with tempfile.TemporaryDirectory(prefix="storylens-orders-") as tmp:
        for label, path in order_files(args.file, args.orders, args.seed, Path(tmp)):
            row: dict[str, object] = {"order": label}
            for name, (refine, split) in configs.items():
                result = evaluate_events(
                    path, args.gold_field, poll=args.poll, refine=refine, split=split
                )
                f1 = float(result["bcubed"]["f1"])  # type: ignore[index]
                scores[name].append(f1)
                row[name] = f1
            print(json.dumps(row), flush=True)
    summary = {
        name: {
            "mean": round(statistics.fmean(v), 4),
            "min": min(v),
            "max": max(v),
        }
        for name, v in scores.items()
    }
    print(json.dumps({"orders": args.orders, "poll": args.poll, "bcubed_f1": summary}))


if __name__ == "__main__":
    main()
