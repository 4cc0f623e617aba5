"""Storylines: events that continue one another (a quake and its aftershock, an indictment and
the surrender that followed), linked while staying separate events.

Two events are linked when the average similarity of their articles (the clusterer's measure)
reaches :data:`STORY_THRESHOLD`, well below the event threshold: the same people, places and
vocabulary, but not the same happening. Storylines are the connected groups of linked events.
Within a storyline each event follows the earlier event it links to best (Story Forest's tree:
the surrender under the indictment, the Yukon object under the Alaska one under the balloon);
an event linked to nothing earlier is a root.
A storyline keeps the smallest id among those its events already had, so ids stay stable as
events arrive; a group with none gets a new id.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storylens.events.cluster import ActiveEvent, Clusterer
from storylens.model import Event
from storylens.store.base import Store

# On ../shared/eval/dev the events of one storyline link at 0.22-0.45, unrelated events at
# most 0.11 (docs/events.md); the threshold sits between.
STORY_THRESHOLD = 0.17
# Any two active events may be linked, whatever their dates: page dates are too noisy to rule
# a follow-up out (one dev report of a final is dated a year later), and the clusterer holds
# only the active window in memory anyway.
# At most this many articles of each event enter the average, to bound the cost.
SAMPLE = 4
# Events sharing fewer index keys (strongest entities and terms) are not compared.
MIN_SHARED_KEYS = 2


@dataclass(frozen=True, slots=True)
class Storyline:
    id: int
    title: str
    events: tuple[Event, ...]  # in time order
    # for each event, the earlier event of this storyline it follows (None: a root of the tree)
    follows: tuple[int | None, ...] = ()

    @property
    def start(self) -> str | None:
        return self.events[0].start if self.events else None

    @property
    def end(self) -> str | None:
        """The last day any of its events was reported (undated events have none)."""
        return max((e.end for e in self.events if e.end), default=None)

    def followed(self, event_id: int) -> int | None:
        """The event ``event_id`` follows in this storyline, if any."""
        for e, f in zip(self.events, self.follows, strict=False):
            if e.id == event_id:
                return f
        return None

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "event_ids": [e.id for e in self.events],
            "events": [
                {
                    "id": e.id,
                    "title": e.title,
                    "start": e.start,
                    "end": e.end,
                    "follows": self.followed(e.id),
                }
                for e in self.events
            ],
        }


def link_storylines(store: Store, clusterer: Clusterer) -> int:
    """Give the events changed in ``clusterer``'s run a storyline: linked events (among the
    active ones the clusterer holds) share one, and each follows the earlier event it links to
    best (see :func:`_follow`). Returns the number of storylines."""
    parent: dict[int, int] = {}

    def find(e: int) -> int:
        parent.setdefault(e, e)
        while parent[e] != e:
            parent[e] = parent[parent[e]]
            e = parent[e]
        return e

    links: dict[tuple[int, int], float] = {}  # linked pairs, the smaller id first
    measured: set[tuple[int, int]] = set()
    for event_id in sorted(clusterer.touched):
        event = clusterer.active(event_id)
        if event is None or not event.members:
            continue
        find(event_id)
        mine = clusterer.comparable(event.members[-SAMPLE:])
        for other in clusterer.candidates(event.keys, None, window=None):
            pair = (min(event_id, other.id), max(event_id, other.id))
            if other.id == event_id or pair in measured:
                continue
            measured.add(pair)
            if len(event.keys & other.keys) < MIN_SHARED_KEYS:
                continue
            theirs = clusterer.comparable(other.members[-SAMPLE:])
            if not mine or not theirs:
                continue
            pairs = [clusterer.similarity(x, y, timed=False) for x in mine for y in theirs]
            link = float(np.mean(pairs))
            if link >= STORY_THRESHOLD:
                links[pair] = link
                parent[find(other.id)] = find(event_id)
    groups: dict[int, list[int]] = {}
    for e in parent:
        groups.setdefault(find(e), []).append(e)
    existing = store.storyline_ids()
    next_id = max(existing.values(), default=0) + 1
    with store.transaction():
        for members in sorted(groups.values(), key=min):
            old = sorted({existing[e] for e in members if e in existing})
            if old:
                story = old[0]
                for other_story in old[1:]:  # two storylines joined: the older id stays
                    store.merge_storylines(other_story, story)
                    existing = {e: (story if s == other_story else s) for e, s in existing.items()}
            else:
                story = next_id
                next_id += 1
            for e in members:
                if existing.get(e) != story:
                    store.set_storyline(e, story)
                    existing[e] = story
        _follow(store, clusterer, links)
    return len(set(store.storyline_ids().values()))


def _when(event: ActiveEvent) -> tuple[str, int]:
    """Time order of events, as storylines list them: by first report, undated ones last."""
    return (event.first.isoformat() if event.first else "9999", event.id)


def _follow(store: Store, clusterer: Clusterer, links: dict[tuple[int, int], float]) -> None:
    """Story Forest's tree: each event follows the earlier event of its storyline that it links
    to best. An event this run changed takes the best of the links just measured; an event it
    did not change follows a newly linked earlier event only if that one links better than the
    event it follows (a late report can open an event that belongs before it)."""
    best: dict[int, tuple[int, float]] = {}
    for (a, b), link in links.items():
        first, second = clusterer.active(a), clusterer.active(b)
        if first is None or second is None:
            continue
        earlier, later = sorted((first, second), key=_when)
        if later.id not in best or link > best[later.id][1]:
            best[later.id] = (earlier.id, link)
    stored = store.follows()
    for event_id, (followed, link) in sorted(best.items()):
        old = stored.get(event_id)
        better = old is None or link > old[1] or old[0] == followed
        if (event_id in clusterer.touched or better) and old != (followed, link):
            store.set_follows(event_id, followed, link)


def build_storylines(store: Store, events: list[Event]) -> list[Storyline]:
    """Storylines of ``events`` (as :func:`~storylens.events.build_events` gives them),
    newest first."""
    by_story: dict[int, list[Event]] = {}
    for e in events:
        if e.storyline_id is not None:
            by_story.setdefault(e.storyline_id, []).append(e)
    stored = store.follows()
    out = []
    for story, group in by_story.items():
        group.sort(key=lambda e: (e.start or "9999", e.id))
        biggest = max(group, key=lambda e: (len(e.article_ids), -e.id))
        place = {e.id: n for n, e in enumerate(group)}
        follows: list[int | None] = []
        for n, e in enumerate(group):
            followed = stored[e.id][0] if e.id in stored else None
            if followed is not None and followed not in place:  # merged away since
                followed = store.resolve_event(followed)
            # only an earlier event of the same storyline (dates can change as reports arrive)
            ok = followed is not None and place.get(followed, n) < n
            follows.append(followed if ok else None)
        out.append(Storyline(story, biggest.title, tuple(group), tuple(follows)))
    # newest first by the end a storyline shows (its last event in time order may be undated)
    return sorted(out, key=lambda s: (s.end or "", s.id), reverse=True)
