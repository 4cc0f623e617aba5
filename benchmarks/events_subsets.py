"""Does the event threshold hold on a smaller corpus? Event clustering on random subsets of events.

    python benchmarks/events_subsets.py [FILE.jsonl] [--fraction 0.5] [--subsets 6] [--seed 7]

The threshold was calibrated on the whole dev file, and the term and entity weights (IDF) come
from the store, so a corpus with fewer documents weighs words differently. This keeps a random
``--fraction`` of FILE's gold events (all their articles, in the file's order), runs the whole
pipeline (ingest, enrich, cluster) on each of ``--subsets`` such files and prints B-cubed F1 per
subset, then the mean, minimum and maximum. Fewer events also means fewer hard negatives side
by side, so compare with the whole file's figure knowing that.
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
from pathlib import Path

from _gold import gold_parser, parse_gold_args


def main() -> None:
    parser = gold_parser(__doc__)
    parser.add_argument("--fraction", type=float, default=0.5, help="share of gold events kept")
    parser.add_argument("--subsets", type=int, default=6)
    parser.add_argument("--seed", type=int, default=7)
    args = parse_gold_args(parser)
    if not 0 < args.fraction <= 1:
        raise SystemExit("--fraction must be in (0, 1]")

    from storylens.events.evaluate import evaluate_events

    lines = [line for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = [json.loads(line)[args.gold_field] for line in lines]
    events = sorted(set(gold), key=str)
    keep_n = max(1, round(len(events) * args.fraction))
    rng = random.Random(args.seed)
    scores: list[float] = []
    with tempfile.TemporaryDirectory(prefix="storylens-subsets-") as tmp:
        for k in range(args.subsets):
            kept = set(rng.sample(events, keep_n))
            chosen = [line for line, g in zip(lines, gold, strict=True) if g in kept]
            path = Path(tmp) / f"subset-{k}.jsonl"
            path.write_text("".join(line + "\n" for line in chosen), encoding="utf-8")
            result = evaluate_events(path, args.gold_field)
            f1 = float(result["bcubed"]["f1"])  # type: ignore[index]
            scores.append(f1)
            row = {
                "subset": k,
                "articles": len(chosen),
                "events_gold": keep_n,
                "events_predicted": result["events_predicted"],
                "bcubed_f1": f1,
            }
            print(json.dumps(row), flush=True)
    summary = {"mean": round(statistics.fmean(scores), 4), "min": min(scores), "max": max(scores)}
    print(json.dumps({"fraction": args.fraction, "subsets": args.subsets, "bcubed_f1": summary}))


if __name__ == "__main__":
    main()
