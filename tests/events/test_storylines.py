"""The storyline tree: which earlier event each event follows (Story Forest's parent)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from storylens.events import build_events, build_storylines
from storylens.events.cluster import ActiveEvent
from storylens.events.storylines import _follow
from storylens.model import Event
from storylens.store.sqlite import SQLiteStore
from tests.events.conftest import SAMPLES, run_all


@dataclass
class FakeClusterer:
    """What :func:`_follow` reads of a clusterer: the events it holds and those it changed."""

    events: dict[int, ActiveEvent]
    touched: set[int] = field(default_factory=set)

    def active(self, event_id: int) -> ActiveEvent | None:
        return self.events.get(event_id)


def event(event_id: int, day: str | None) -> ActiveEvent:
    when = date.fromisoformat(day) if day else None
    return ActiveEvent(event_id, members=[f"a{event_id}"], first=when, last=when)


def summary(event_id: int, start: str | None, story: int = 1) -> Event:
    return Event(event_id, f"event {event_id}", start, start, (), (), 1, (), None, story)


def test_an_event_follows_the_earlier_event_it_links_to_best(store: SQLiteStore) -> None:
    with store.transaction():
        ids = [store.create_event() for _ in range(4)]
    a, b, c, d = ids
    held = {
        a: event(a, "2026-03-01"),
        b: event(b, "2026-03-03"),
        c: event(c, "2026-03-05"),
        d: event(d, None),  # undated: after the dated ones
    }
    fake = FakeClusterer(held, touched={c, d})
    links = {(a, c): 0.20, (b, c): 0.30, (a, b): 0.25, (c, d): 0.22, (a, d): 0.18}
    with store.transaction():
        _follow(store, fake, links)  # type: ignore[arg-type]
    assert store.follows() == {b: (a, 0.25), c: (b, 0.30), d: (c, 0.22)}

    # an event the run did not change keeps what it follows unless a better link appears
    with store.transaction():
        late = store.create_event()  # a late report opens an event dated before b
    held[late] = event(late, "2026-03-02")
    fake = FakeClusterer(held, touched={late})
    with store.transaction():
        _follow(store, fake, {(b, late): 0.21, (c, late): 0.40})  # type: ignore[arg-type]
    follows = store.follows()
    assert follows[b] == (a, 0.25)  # 0.21 is weaker: b stays under a
    assert follows[c] == (late, 0.40)  # 0.40 beats c's 0.30: c moves under the late event
    assert late not in follows  # nothing earlier linked to it


def test_the_tree_is_read_through_merges_and_dates(store: SQLiteStore) -> None:
    with store.transaction():
        a, b, c, gone = (store.create_event() for _ in range(4))
        store.set_follows(b, gone, 0.3)  # followed an event merged into a since
        store.set_follows(c, b, 0.3)
        store.set_follows(a, c, 0.3)  # a's start moved before c's: no longer valid
        store.merge_events(gone, a)
    events = [summary(a, "2026-03-01"), summary(b, "2026-03-02"), summary(c, "2026-03-04")]
    [story] = build_storylines(store, events)
    assert [e.id for e in story.events] == [a, b, c]
    assert story.follows == (None, a, b)
    assert [e["follows"] for e in story.as_dict()["events"]] == [None, a, b]  # type: ignore[index]
    # an event of another storyline is never followed
    other = [summary(a, "2026-03-01", story=1), summary(b, "2026-03-02", story=2)]
    assert all(f is None for s in build_storylines(store, other) for f in s.follows)


def test_a_late_earlier_event_becomes_the_parent(tmp_path: Path) -> None:
    """The sample's follow-up (the bridge money) is clustered before the collapse it follows
    arrives: the collapse, once it comes, becomes its parent."""
    first = SQLiteStore(tmp_path / "first.db")
    run_all(first, str(SAMPLES))
    events = build_events(first)
    collapse = next(e for e in events if "Bridge collapses" in e.title)
    lines = {
        s.article.id: json.dumps(
            {
                "id": s.article.id,
                "url": s.article.url,
                "title": s.article.title,
                "date": s.article.published_iso,
                "text": s.article.text,
            }
        )
        for e in events
        for a in e.article_ids
        if (s := first.get(a)) is not None
    }
    first.close()
    late = set(collapse.article_ids)
    (tmp_path / "rest.jsonl").write_text("\n".join(v for a, v in lines.items() if a not in late))
    (tmp_path / "collapse.jsonl").write_text("\n".join(v for a, v in lines.items() if a in late))
    store = SQLiteStore(tmp_path / "late.db")
    run_all(store, str(tmp_path / "rest.jsonl"))
    money = next(e for e in build_events(store) if "Reyk" in e.title)
    assert store.follows() == {}
    run_all(store, str(tmp_path / "collapse.jsonl"))
    [story] = [s for s in build_storylines(store, build_events(store)) if len(s.events) > 1]
    assert [e.id for e in story.events][1] == money.id
    assert story.follows == (None, story.events[0].id)
    assert "Bridge collapses" in story.events[0].title
    store.close()


def test_dev_storyline_trees(dev_store: SQLiteStore, dev_gold: dict[str, str]) -> None:
    """On dev, each follow-up of issue 4's list follows the event it continues."""
    events = build_events(dev_store)
    label = {}
    for e in events:
        labels = [dev_gold[a] for a in e.article_ids]
        label[e.id] = max(set(labels), key=labels.count)
    parent = {
        label[e.id]: label.get(s.followed(e.id) or -1)
        for s in build_storylines(dev_store, events)
        for e in s.events
    }

    def follows(child: str) -> str | None:
        return next(p for c, p in parent.items() if c.startswith(child))

    assert follows("alaska-").startswith("balloon-")  # type: ignore[union-attr]
    assert follows("yukon-").startswith(("alaska-", "balloon-"))  # type: ignore[union-attr]
    assert follows("hatay-quake").startswith("tr-sy-quake")  # type: ignore[union-attr]
    assert follows("trump-fulton-surrender").startswith("trump-georgia-indictment")  # type: ignore[union-attr]
    assert follows("balloon-") is None and follows("tr-sy-quake") is None


def test_storylines_are_newest_first_by_the_end_they_show(store: SQLiteStore) -> None:
    """A storyline whose latest event in time order is undated still sorts by the last day
    its dated events reach, the end it shows."""
    events = [
        summary(1, "2023-02-01", story=1),
        summary(2, "2023-02-11", story=1),
        summary(3, None, story=1),  # undated: last in time order
        summary(4, "2023-02-07", story=2),
        summary(5, "2023-02-05", story=3),
    ]
    stories = build_storylines(store, events)
    assert [s.id for s in stories] == [1, 2, 3]
    assert [s.as_dict()["end"] for s in stories] == ["2023-02-11", "2023-02-07", "2023-02-05"]
    assert stories[0].start == "2023-02-01" and [e.id for e in stories[0].events] == [1, 2, 3]
