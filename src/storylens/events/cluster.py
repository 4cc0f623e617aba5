"""Streaming event clustering: each article joins the event it is most similar to, or opens one.

Similarity of two articles (each signal a cosine in [0, 1], weights in :data:`WEIGHTS`):

- ``dense``: MiniLM embeddings of title and lead (:mod:`storylens.events.embed`);
- ``terms``: TF-IDF over the lemma counts enrichment stores (lead counted twice), IDF from the
  store's document frequencies at the time of the run;
- ``entities``: TF-IDF over canonical entity mentions (so "Blinken" and "Anthony Blinken" are
  one feature), IDF from the entities' article counts.

An article's similarity to an event is its mean similarity to the event's articles (average
link). It joins the best event at or above :data:`THRESHOLD`, else opens a new event. Articles
arrive in order of publication; an event id, once given, stays; new articles only add to
events. After each run a merge pass joins events whose average link reaches the threshold
(the younger event points to the older one, which keeps its id). A near-duplicate joins its
original's event whatever its score: a copy is one source, not new evidence.

The outlet is no signal. Dates are: an article dated more than :data:`WINDOW_DAYS` from every
article of an event is never compared with it (undated articles are compared with all).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from storylens.model import ArticleFeatures
from storylens.store.base import Store

WEIGHTS = {"dense": 1.0, "terms": 2.0, "entities": 1.0}
# Calibrated on ../shared/eval/dev (docs/events.md): average-link streaming is best there between
# 0.37 and 0.41 with these weights; the middle is taken, not the dev optimum.
THRESHOLD = 0.39
WINDOW_DAYS = 14


@dataclass
class _Vectors:
    """One article's signals, ready for dot products."""

    dense: np.ndarray
    terms: dict[str, float]
    entities: dict[int, float]
    day: date | None


@dataclass
class _Event:
    id: int
    members: list[str] = field(default_factory=list)
    days: list[date] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ClusterReport:
    assigned: int
    new_events: int
    merged: int
    events: int
    storylines: int


def _unit(weights: dict[object, float]) -> dict[object, float]:
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {k: w / norm for k, w in weights.items()} if norm else {}


def _dot(a: dict[object, float], b: dict[object, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(k, 0.0) for k, w in a.items())


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


class Clusterer:
    """Assigns the store's unclustered articles to events (see the module docstring)."""

    def __init__(self, store: Store, threshold: float = THRESHOLD) -> None:
        self.store = store
        self.threshold = threshold
        self._vectors: dict[str, _Vectors] = {}
        self._events: dict[int, _Event] = {}
        self._event_of: dict[str, int] = {}

    # --- loading -------------------------------------------------------------------------
    def _load(self, article_ids: Sequence[str]) -> None:
        missing = [a for a in article_ids if a not in self._vectors]
        if not missing:
            return
        features = self.store.features(missing)
        terms = sorted({t for f in features.values() for t in f.terms})
        df, total = self.store.document_frequencies(terms)
        entity_ids = sorted({e for f in features.values() for e in f.entities})
        edf, etotal = self.store.entity_frequencies(entity_ids)
        for article_id, f in features.items():
            self._vectors[article_id] = self._vectorise(f, df, total, edf, etotal)

    @staticmethod
    def _vectorise(
        f: ArticleFeatures, df: dict[str, int], total: int, edf: dict[int, int], etotal: int
    ) -> _Vectors:
        def idf(count: int, n: int) -> float:
            return math.log((1 + n) / (1 + count)) + 1.0

        terms = {
            t: (1 + math.log(c)) * idf(df.get(t, 1), total) for t, c in f.terms.items() if c > 0
        }
        entities = {
            e: (1 + math.log(c)) * idf(edf.get(e, 1), etotal) for e, c in f.entities.items()
        }
        return _Vectors(
            dense=np.asarray(f.vector, dtype=np.float32),
            terms=_unit(terms),  # type: ignore[arg-type]
            entities=_unit(entities),  # type: ignore[arg-type]
            day=_day(f.day),
        )

    def _load_events(self) -> None:
        self._events.clear()
        self._event_of.clear()
        members = self.store.event_members()
        self._load([a for ids in members.values() for a in ids])
        for event_id, ids in members.items():
            event = _Event(event_id)
            for article_id in ids:
                self._add(event, article_id)
            self._events[event_id] = event

    def _add(self, event: _Event, article_id: str) -> None:
        event.members.append(article_id)
        self._event_of[article_id] = event.id
        day = self._vectors[article_id].day if article_id in self._vectors else None
        if day is not None:
            event.days.append(day)

    # --- similarity ----------------------------------------------------------------------
    def similarity(self, a: str, b: str) -> float:
        va, vb = self._vectors[a], self._vectors[b]
        dense = max(0.0, float(va.dense @ vb.dense))
        score = (
            WEIGHTS["dense"] * dense
            + WEIGHTS["terms"] * _dot(va.terms, vb.terms)  # type: ignore[arg-type]
            + WEIGHTS["entities"] * _dot(va.entities, vb.entities)  # type: ignore[arg-type]
        )
        return score / sum(WEIGHTS.values())

    def _link(self, article_id: str, event: _Event) -> float:
        return float(np.mean([self.similarity(article_id, m) for m in event.members]))

    def _in_window(self, day: date | None, event: _Event) -> bool:
        if day is None or not event.days:
            return True
        return min(abs((day - d).days) for d in event.days) <= WINDOW_DAYS

    # --- the run -------------------------------------------------------------------------
    def run(self, on_article: Callable[[str], None] | None = None) -> ClusterReport:
        """Cluster every article that needs it (features must be stored: see
        :func:`storylens.events.features.featurize`)."""
        pending = self.store.unclustered()
        self._load_events()
        self._load(pending)
        with self.store.transaction():
            assigned, new = self._assign_all(pending, on_article)
            merged = self._merge_pass()
        from storylens.events.storylines import link_storylines

        storylines = link_storylines(self.store, self)
        live = sum(1 for e in self._events.values() if e.members)
        return ClusterReport(assigned, new, merged, live, storylines)

    def _assign_all(
        self, pending: list[str], on_article: Callable[[str], None] | None
    ) -> tuple[int, int]:
        assigned = new = 0
        for article_id in pending:
            if article_id not in self._vectors:
                continue  # no features (not enriched or empty): nothing to compare
            previous = self._event_of.get(article_id)
            if previous is not None:  # changed text: it is placed afresh
                self._events[previous].members.remove(article_id)
            event_id, score = self._place(article_id)
            if event_id is None:
                event_id = self.store.create_event()
                self._events[event_id] = _Event(event_id)
                new += 1
            self._add(self._events[event_id], article_id)
            self.store.assign(article_id, event_id, score)
            assigned += 1
            if on_article is not None:
                on_article(article_id)
        return assigned, new

    def _place(self, article_id: str) -> tuple[int | None, float | None]:
        original = self.store.get(article_id)
        copy_of = original.near_duplicate_of if original is not None else None
        if copy_of is not None and copy_of in self._event_of:
            return self._event_of[copy_of], None
        day = self._vectors[article_id].day
        best, best_score = None, -1.0
        for event in self._candidates(article_id):
            if not event.members or not self._in_window(day, event):
                continue
            score = self._link(article_id, event)
            if score > best_score:
                best, best_score = event.id, score
        if best is not None and best_score >= self.threshold:
            return best, best_score
        return None, None

    def _candidates(self, article_id: str) -> Iterable[_Event]:
        return list(self._events.values())

    def _merge_pass(self) -> int:
        """Join events whose average link reaches the threshold; the older id survives."""
        merged = 0
        changed = True
        while changed:
            changed = False
            live = sorted((e for e in self._events.values() if e.members), key=lambda e: e.id)
            for i, older in enumerate(live):
                for younger in live[i + 1 :]:
                    if not older.members or not younger.members:
                        continue
                    if younger.days and not any(self._in_window(d, older) for d in younger.days):
                        continue
                    link = float(np.mean([self._link(a, older) for a in younger.members]))
                    if link >= self.threshold:
                        for a in younger.members:
                            self._add(older, a)
                        younger.members = []
                        self.store.merge_events(younger.id, older.id)
                        merged += 1
                        changed = True
        return merged
