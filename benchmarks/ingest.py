"""Ingest throughput and peak memory for HTML pages and JSON Lines.

    python benchmarks/ingest.py [--n 10000] [--words 600]

Generates N distinct synthetic articles as HTML pages (one file each, with navigation and
footer boilerplate) and as one N-line JSON Lines file, ingests each into a fresh SQLite store
in a child process, and prints articles/s and the child's peak RSS. A run at N/10 is printed
beside the full run: peak memory that does not grow with N shows the input is streamed.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

VOCAB = tuple(
    """the of and to in a is that for on said with was as by at from his have it an be are
    government minister police city council people year week report bridge storm market
    company shares vote election court judge fire rescue hospital school officials percent
    million billion workers union strike river coast road train airport price prices bank
    rate inflation growth border talks leaders summit agreement ceasefire village residents
    """.split()
)
NAMES = ["Arlo", "Bente", "Cyril", "Dagny", "Emeka", "Fenna", "Goran", "Hilde", "Ines", "Joris"]


def article(i: int, words: int, rng: random.Random) -> tuple[str, str]:
    title = f"{rng.choice(NAMES)} {rng.choice(VOCAB)} {rng.choice(VOCAB)} report {i}"
    paras = []
    for _ in range(6):
        n = words // 6
        paras.append(" ".join(rng.choice(VOCAB) for _ in range(n)).capitalize() + f" ({i}).")
    return title, "\n\n".join(paras)


def page(i: int, title: str, body: str) -> str:
    ps = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"<link rel='canonical' href='https://bench.example.com/{i}'>"
        "<meta property='article:published_time' content='2025-03-01T10:00:00+00:00'></head>"
        "<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{ps}</article>"
        "<aside><h2>Most read</h2><ul><li>One</li><li>Two</li></ul></aside>"
        "<footer>Copyright Bench News</footer></body></html>"
    )


def generate(fmt: str, n: int, words: int, root: Path) -> Path:
    rng = random.Random(n * 7 + len(fmt))
    if fmt == "jsonl":
        path = root / "bench.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for i in range(n):
                title, body = article(i, words, rng)
                out.write(
                    json.dumps(
                        {
                            "id": f"b{i}",
                            "url": f"https://bench.example.com/{i}",
                            "date": "2025-03-01",
                            "title": title,
                            "text": body,
                        }
                    )
                )
                out.write("\n")
        return path
    folder = root / "pages"
    folder.mkdir()
    for i in range(n):
        title, body = article(i, words, rng)
        (folder / f"{i:06d}.html").write_text(page(i, title, body), encoding="utf-8")
    return folder


def child(fmt: str, n: int, words: int) -> None:
    from storylens.config import Config
    from storylens.pipeline import ingest
    from storylens.store.sqlite import SQLiteStore

    with tempfile.TemporaryDirectory(prefix="storylens-bench-") as tmp:
        target = generate(fmt, n, words, Path(tmp))
        store = SQLiteStore(Path(tmp) / "bench.db")
        start = time.perf_counter()
        report = ingest([str(target)], store, Config())
        seconds = time.perf_counter() - start
        store.close()
    # main process (writer) plus the reader child: an upper bound on the run's peak memory
    peak_kb = (
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    )
    peak_mb = peak_kb / 1024
    print(
        json.dumps(
            {
                "format": fmt,
                "n": n,
                "added": report.added,
                "rejected": len(report.rejected),
                "seconds": round(seconds, 2),
                "articles_per_s": round(report.added / seconds, 1),
                "peak_rss_mb": round(peak_mb, 1),
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--formats", default="jsonl,html")
    parser.add_argument("--child", nargs=3, metavar=("FMT", "N", "WORDS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), int(args.child[2]))
        return
    print(f"{'format':>6} {'N':>7} {'articles/s':>11} {'seconds':>8} {'peak RSS MB':>12}")
    for fmt in args.formats.split(","):
        for n in (max(1, args.n // 10), args.n):
            out = subprocess.run(
                [sys.executable, __file__, "--child", fmt, str(n), str(args.words)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            r = json.loads(out.strip().splitlines()[-1])
            assert r["added"] == n and r["rejected"] == 0, r
            print(
                f"{fmt:>6} {n:>7} {r['articles_per_s']:>11} {r['seconds']:>8} "
                f"{r['peak_rss_mb']:>28}"
            )


if __name__ == "__main__":
    main()
