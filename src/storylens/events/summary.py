"""What a person sees of an event: its title, dates, sources, key entities and main place."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import numpy as np

from storylens.model import Event, StoredArticle
from storylens.store.base import Store

KEY_ENTITIES = 5
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def build_events(store: Store, event_ids: list[int] | None = None) -> list[Event]:
    """The live events (or those of ``event_ids``), newest first."""
    members = store.event_members()
    if event_ids is not None:
        members = {e: ids for e, ids in members.items() if e in set(event_ids)}
    stories = store.storyline_ids()
    out = [
        replace(_event(store, event_id, ids), storyline_id=stories.get(event_id))
        for event_id, ids in members.items()
        if ids
    ]
    return sorted(out, key=lambda e: (e.end or "", e.id), reverse=True)


def _event(store: Store, event_id: int, article_ids: list[str]) -> Event:
    stored = [s for a in article_ids if (s := store.get(a)) is not None]
    days = sorted(d[:10] for s in stored if (d := s.article.published_iso))
    outlets = list(dict.fromkeys(s.article.outlet for s in stored if s.article.outlet))
    counts: Counter[int] = Counter()
    places: Counter[int] = Counter()
    for s in stored:
        mentions = store.mentions(s.article.id)
        counts.update({m.canonical for m in mentions if m.canonical is not None})
        places.update(
            m.canonical for m in mentions if m.canonical is not None and m.label in PLACE_LABELS
        )
    top = [e for e, _ in counts.most_common(20)]
    place_id = places.most_common(1)[0][0] if places else None
    wanted = top + ([place_id] if place_id is not None else [])
    names = {e.id: e.name for e in store.entities(wanted)}
    key = [names[e] for e in top if e in names][:KEY_ENTITIES]
    place = names.get(place_id) if place_id is not None else None
    return Event(
        id=event_id,
        title=_representative_title(store, stored),
        start=days[0] if days else None,
        end=days[-1] if days else None,
        article_ids=tuple(s.article.id for s in stored),
        outlets=tuple(outlets),
        independent_sources=independent_sources(stored),
        key_entities=tuple(key),
        main_place=place,
    )


def independent_sources(stored: list[StoredArticle]) -> int:
    """Reports that are not copies of another report of the event: a wire story and its
    republications count once."""
    ids = {s.article.id for s in stored}
    return sum(1 for s in stored if s.near_duplicate_of not in ids)


def _representative_title(store: Store, stored: list[StoredArticle]) -> str:
    """The headline of the report closest to all the others (the medoid of the embeddings)."""
    titled = [s for s in stored if s.article.title.strip()]
    if not titled:
        return stored[0].article.display_title if stored else ""
    features = store.features([s.article.id for s in titled])
    with_vectors = [s for s in titled if s.article.id in features]
    if len(with_vectors) < 3:
        return titled[0].article.title
    matrix = np.stack([features[s.article.id].vector for s in with_vectors])
    centrality = (matrix @ matrix.T).sum(axis=1)
    return with_vectors[int(np.argmax(centrality))].article.title
