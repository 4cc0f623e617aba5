"""What the event benchmarks share: a JSON Lines file of articles with gold event labels (the dev
file by default) given on the command line."""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev" / "articles.jsonl"


def gold_parser(doc: str) -> argparse.ArgumentParser:
    """A parser taking FILE (default: the dev file) and ``--gold-field``, described by the first
    paragraph of ``doc``."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEV)
    parser.add_argument("--gold-field", default="gold_event")
    return parser


def parse_gold_args(parser: argparse.ArgumentParser) -> argparse.Namespace:
    """Parse the command line; a FILE that does not exist ends the run with how to fix it."""
    args = parser.parse_args()
    if not args.file.exists():
        raise SystemExit(f"{args.file} not found: give a JSON Lines file with id and gold labels")
    return args


def order_files(
    file: Path, orders: int, seed: int, folder: Path
) -> Iterator[tuple[str | int, Path]]:
    """FILE's lines in ``orders`` arrival orders, each written to a file in ``folder``: the
    file's own order ("file"), then seeded shuffles (1, 2, ...)."""
    lines = [line + "\n" for line in file.read_text(encoding="utf-8").splitlines() if line]
    rng = random.Random(seed)
    for order in range(orders):
        shuffled = lines[:] if order == 0 else rng.sample(lines, len(lines))
        path = folder / f"order-{order}.jsonl"
        path.write_text("".join(shuffled), encoding="utf-8")
        yield ("file" if order == 0 else order), path
