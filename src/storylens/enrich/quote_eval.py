"""Scoring attributions against PolNeAR-layout data (brat standoff).

Layout: ``DIR/text/NAME.txt`` and ``DIR/attributions/NAME_ANNOTATOR.ann``. A span is the tuple of
its fragments (brat writes discontinuous content as ``START END;START END``). *Exact*: a
predicted span counts when the same fragments are gold. *Overlap*: when it shares a character
with a gold span of the same role. Each (text, annotator) pair is scored as one document and the
counts are summed, which averages over annotators where a text has several.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from storylens.errors import ConfigError
from storylens.model import Quote, Span

ROLES = ("source", "cue", "content")
Fragments = tuple[tuple[int, int], ...]
_TEXTBOUND = re.compile(r"^(T\d+)\t(\w+) ([\d ;]+)\t?")


def read_ann(path: Path) -> dict[str, set[Fragments]]:
    """Gold spans by role from one brat file (relations are not needed for span scores)."""
    spans: dict[str, set[Fragments]] = {role: set() for role in ROLES}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _TEXTBOUND.match(line)
        if m is None or m.group(2).lower() not in spans:
            continue
        frags = tuple(
            (int(a), int(b)) for a, b in (p.split() for p in m.group(3).strip().split(";"))
        )
        spans[m.group(2).lower()].add(frags)
    return spans


def predicted_spans(quotes: Iterable[Quote]) -> dict[str, set[Fragments]]:
    out: dict[str, set[Fragments]] = {role: set() for role in ROLES}
    for q in quotes:
        out["cue"].add(_frags(q.cue))
        for s in q.sources:
            out["source"].add(((s.start, s.end),))
        if q.contents:
            out["content"].add(_frags(q.contents))
    return out


def _frags(spans: tuple[Span, ...]) -> Fragments:
    return tuple((s.start, s.end) for s in spans)


@dataclass
class Counts:
    tp: int = 0
    pred: int = 0
    gold: int = 0
    tp_gold: int = 0  # gold spans matched (overlap recall)

    def prf(self, *, overlap: bool) -> dict[str, float]:
        p = self.tp / self.pred if self.pred else 0.0
        r = (self.tp_gold if overlap else self.tp) / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


@dataclass
class QuoteScores:
    exact: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})
    overlap: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})
    documents: int = 0

    def add(self, pred: dict[str, set[Fragments]], gold: dict[str, set[Fragments]]) -> None:
        self.documents += 1
        for role in ROLES:
            p, g = pred[role], gold[role]
            e = self.exact[role]
            e.pred += len(p)
            e.gold += len(g)
            e.tp += len(p & g)
            o = self.overlap[role]
            o.pred += len(p)
            o.gold += len(g)
            o.tp += sum(1 for x in p if any(_touch(x, y) for y in g))
            o.tp_gold += sum(1 for y in g if any(_touch(x, y) for x in p))

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            role: {
                "exact": self.exact[role].prf(overlap=False),
                "overlap": self.overlap[role].prf(overlap=True),
            }
            for role in ROLES
        }
        out["documents"] = self.documents
        return out


def _touch(a: Fragments, b: Fragments) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def evaluate_quotes(directory: Path, limit: int | None = None) -> dict[str, object]:
    """Run the quote extractor over ``directory`` (PolNeAR layout) and score it."""
    from storylens.enrich.nlp import load_nlp
    from storylens.enrich.quotes import quotes_from_doc

    texts = sorted((directory / "text").glob("*.txt"))[:limit]
    if not texts:
        raise ConfigError(
            f"{directory}: expected text/*.txt and attributions/*.ann (PolNeAR layout)"
        )
    start = time.perf_counter()
    scores = QuoteScores()
    nlp = load_nlp()
    contents = [p.read_text(encoding="utf-8") for p in texts]
    for path, doc in zip(texts, nlp.pipe(contents, batch_size=16), strict=True):
        pred = predicted_spans(quotes_from_doc(doc))
        for ann in sorted((directory / "attributions").glob(f"{path.stem}_*.ann")):
            scores.add(pred, read_ann(ann))
    result = scores.as_dict()
    result["seconds"] = round(time.perf_counter() - start, 2)
    return result
