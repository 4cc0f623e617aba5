"""Sentence alignment across the reports of one event.

Two sentences of different sources are compared by the content lemmas they share, each weighted
by its inverse document frequency in the store (rare words say more than common ones): the
cosine of the two binary IDF-weighted lemma vectors. Only pairs sharing a lemma are scored
(through an inverted index), so the cost follows the overlap, not the square of the sentences.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from storylens.compare.data import Report
from storylens.compare.words import stem
from storylens.store.base import Store

MIN_SIMILARITY = 0.2  # pairs below this are not kept at all
MAX_SENTENCE_LEMMAS = 80  # page debris (long lists, tables) is cut, not compared whole
MIN_LEMMAS = 3  # a heading of one or two words ("Blinken") is aligned with nothing
MAX_POSTING = 300  # a lemma in more sentences than this adds too little to pay for its pairs


class SentenceRef(NamedTuple):
    """A sentence of the event: a tuple, so hashing and equality cost what a tuple's do (the
    comparison looks sentences up hundreds of thousands of times in large events)."""

    report: int  # index into the event's reports
    sentence: int  # index into that report's sentences


@dataclass(frozen=True, slots=True)
class SentencePair:
    a: SentenceRef
    b: SentenceRef
    similarity: float


def idf_weights(store: Store, reports: Sequence[Report]) -> dict[str, float]:
    """IDF of every lemma of the reports' sentences, from the store's document frequencies."""
    lemmas = sorted({lem for r in reports for s in r.sentences for lem in s.lemmas})
    df, n = store.document_frequencies(lemmas)
    return {lem: math.log((n + 1) / (df.get(lem, 0) + 1)) + 1.0 for lem in lemmas}


class SentenceIndex:
    """The event's sentences as IDF-weighted lemma sets, with their pairwise similarities."""

    def __init__(self, reports: Sequence[Report], idf: Mapping[str, float]) -> None:
        self.reports = reports
        self.idf = idf
        self.lemmas: dict[SentenceRef, frozenset[str]] = {}
        self.norms: dict[SentenceRef, float] = {}
        for ri, report in enumerate(reports):
            for si, sent in enumerate(report.sentences):
                ref = SentenceRef(ri, si)
                lemmas = frozenset(sent.lemmas[:MAX_SENTENCE_LEMMAS])
                if len(lemmas) < MIN_LEMMAS:
                    lemmas = frozenset()
                self.lemmas[ref] = lemmas
                self.norms[ref] = math.sqrt(sum(idf.get(x, 1.0) ** 2 for x in lemmas))
        self._sources = [r.source for r in reports]
        self._similarities: dict[tuple[SentenceRef, SentenceRef], float] = {}
        self.pairs = self._pairs()
        self.best: dict[SentenceRef, dict[str, float]] = defaultdict(dict)
        for pair in self.pairs:
            for mine, other in ((pair.a, pair.b), (pair.b, pair.a)):
                source = reports[other.report].source
                if pair.similarity > self.best[mine].get(source, 0.0):
                    self.best[mine][source] = pair.similarity

    def _pairs(self) -> list[SentencePair]:
        postings: dict[str, list[SentenceRef]] = defaultdict(list)
        for ref, lemmas in self.lemmas.items():
            for lem in lemmas:
                postings[lem].append(ref)
        dots: dict[tuple[SentenceRef, SentenceRef], float] = defaultdict(float)
        for lem, refs in postings.items():
            if len(refs) > MAX_POSTING:
                continue
            w = self.idf.get(lem, 1.0) ** 2
            sources = self._sources
            for i, a in enumerate(refs):
                for b in refs[i + 1 :]:
                    if sources[a.report] != sources[b.report]:
                        dots[(a, b)] += w
        out = []
        for (a, b), dot in dots.items():
            sim = dot / (self.norms[a] * self.norms[b] or 1.0)
            if sim >= MIN_SIMILARITY:
                out.append(SentencePair(a, b, sim))
        out.sort(key=lambda p: -p.similarity)
        return out

    def similarity(self, a: SentenceRef, b: SentenceRef) -> float:
        """Cosine of two sentences (any two, of any reports); remembered."""
        key = (a, b) if a <= b else (b, a)
        found = self._similarities.get(key)
        if found is None:
            la, lb = self.lemmas[a], self.lemmas[b]
            dot = sum(self.idf.get(x, 1.0) ** 2 for x in la & lb)
            found = self._similarities[key] = dot / (self.norms[a] * self.norms[b] or 1.0)
        return found

    def similarity_beyond(self, a: SentenceRef, b: SentenceRef, left_out: frozenset[str]) -> float:
        """Cosine of two sentences over their lemmas but those whose stem is in ``left_out``
        (the names in them: what the sentences say of those names)."""
        la = {x for x in self.lemmas[a] if stem(x) not in left_out}
        lb = {x for x in self.lemmas[b] if stem(x) not in left_out}
        dot = sum(self.idf.get(x, 1.0) ** 2 for x in la & lb)
        if not dot:
            return 0.0
        na = math.sqrt(sum(self.idf.get(x, 1.0) ** 2 for x in la))
        nb = math.sqrt(sum(self.idf.get(x, 1.0) ** 2 for x in lb))
        return dot / (na * nb)

    def best_elsewhere(self, ref: SentenceRef) -> float:
        """The highest similarity of the sentence to any sentence of another source."""
        return max(self.best.get(ref, {}).values(), default=0.0)
