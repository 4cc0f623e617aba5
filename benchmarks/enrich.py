"""Enrichment throughput and peak memory on 600-word news articles.

    python benchmarks/enrich.py [--n 200]

Articles are built from real news text: the dev corpus in ../shared/eval/dev when it is there
(read, never copied), else the bundled sample week, cut into 600-word pieces. They are ingested
into a fresh store, then `Enricher.run` is timed alone.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev" / "articles.jsonl"
SAMPLES = ROOT / "src" / "storylens" / "samples"


def source_words() -> list[str]:
    if DEV.exists():
        lines = DEV.read_text(encoding="utf-8").splitlines()
        return " ".join(json.loads(line)["text"] for line in lines).split()
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES.rglob("*") if p.is_file()]
    return " ".join(texts).split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--words", type=int, default=600)
    args = parser.parse_args()

    from storylens.enrich import Enricher
    from storylens.enrich.nlp import load_nlp
    from storylens.pipeline import ingest
    from storylens.store.sqlite import SQLiteStore

    words = source_words()
    with tempfile.TemporaryDirectory(prefix="storylens-bench-") as tmp:
        path = Path(tmp) / "articles.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for i in range(args.n):
                start = (i * args.words) % max(1, len(words) - args.words)
                text = " ".join(words[start : start + args.words])
                out.write(json.dumps({"id": f"e{i}", "text": f"Report {i}. {text}"}) + "\n")
        store = SQLiteStore(Path(tmp) / "bench.db")
        ingest([str(path)], store, reader_process=False)
        load_nlp()  # model load is once per process: not part of the rate
        begin = time.perf_counter()
        report = Enricher(store).run()
        seconds = time.perf_counter() - begin
        mentions = sum(len(store.mentions(f"e{i}")) for i in range(args.n))
        entities = len(store.entities())
        store.close()
    peak_mb = (
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    ) / 1024
    print(
        json.dumps(
            {
                "articles": report.enriched,
                "failed": len(report.failed),
                "seconds": round(seconds, 2),
                "articles_per_s": round(report.enriched / seconds, 1),
                "mentions": mentions,
                "entities": entities,
                "peak_rss_mb_main_plus_workers": round(peak_mb, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
