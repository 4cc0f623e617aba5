"""Storylines: events that continue one another (a quake and its aftershock, an indictment and
the surrender that followed), linked while staying separate events.

Two events are linked when the average similarity of their articles (the clusterer's measure)
reaches :data:`STORY_THRESHOLD`, well below the event threshold: the same people, places and
vocabulary, but not the same happening. Storylines are the connected groups of linked events.
A storyline keeps the smallest id among those its events already had, so ids stay stable as
events arrive; a group with none gets a new id.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from storylens.events.cluster import Clusterer
from storylens.model import Event
from storylens.store.base import Store

# On ../shared/eval/dev the events of one storyline link at 0.22-0.45, unrelated events at
# most 0.11 (docs/events.md); the threshold sits between.
STORY_THRESHOLD = 0.17
# At most this many articles of each event enter the average, to bound the cost.
SAMPLE = 8


@dataclass(frozen=True, slots=True)
class Storyline:
    id: int
    title: str
    events: tuple[Event, ...]  # in time order

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "start": self.events[0].start if self.events else None,
            "end": max((e.end for e in self.events if e.end), default=None),
            "event_ids": [e.id for e in self.events],
            "events": [
                {"id": e.id, "title": e.title, "start": e.start, "end": e.end} for e in self.events
            ],
        }


def link_storylines(store: Store, clusterer: Clusterer) -> int:
    """Give every live event a storyline id; returns the number of storylines."""
    members = {e: ids for e, ids in store.event_members().items() if ids}
    clusterer._load([a for ids in members.values() for a in ids[:SAMPLE]])
    parent = {e: e for e in members}

    def find(e: int) -> int:
        while parent[e] != e:
            parent[e] = parent[parent[e]]
            e = parent[e]
        return e

    for a, b in itertools.combinations(sorted(members), 2):
        if find(a) == find(b):
            continue
        left = [x for x in members[a][:SAMPLE] if x in clusterer._vectors]
        right = [y for y in members[b][:SAMPLE] if y in clusterer._vectors]
        if not left or not right:
            continue
        link = float(np.mean([clusterer.similarity(x, y) for x in left for y in right]))
        if link >= STORY_THRESHOLD:
            parent[find(b)] = find(a)
    groups: dict[int, list[int]] = {}
    for e in members:
        groups.setdefault(find(e), []).append(e)
    existing = store.storyline_ids()
    taken: set[int] = set()
    next_id = max(existing.values(), default=0) + 1
    with store.transaction():
        for events in sorted(groups.values(), key=min):
            old = sorted({existing[e] for e in events if e in existing} - taken)
            if old:
                story = old[0]
            else:
                story = next_id
                next_id += 1
            taken.add(story)
            for e in events:
                if existing.get(e) != story:
                    store.set_storyline(e, story)
    return len(groups)


def build_storylines(store: Store, events: list[Event]) -> list[Storyline]:
    """Storylines of ``events`` (as :func:`~storylens.events.build_events` gives them),
    newest first."""
    by_story: dict[int, list[Event]] = {}
    for e in events:
        if e.storyline_id is not None:
            by_story.setdefault(e.storyline_id, []).append(e)
    out = []
    for story, group in by_story.items():
        group.sort(key=lambda e: (e.start or "9999", e.id))
        biggest = max(group, key=lambda e: (len(e.article_ids), -e.id))
        out.append(Storyline(story, biggest.title, tuple(group)))
    return sorted(out, key=lambda s: (s.events[-1].end or "", s.id), reverse=True)
