"""What a person sees of an event: its title, dates, sources, key entities and main place."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace

import numpy as np

from storylens.model import Event, Mention, StoredArticle
from storylens.store.base import Store

KEY_ENTITIES = 5
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_SOURCES = 2  # independent reports that must state where it happened (else: most named)


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
    stated: Counter[int] = Counter()
    ids = {s.article.id for s in stored}
    for s in stored:
        mentions = store.mentions(s.article.id)
        counts.update({m.canonical for m in mentions if m.canonical is not None})
        named = [m for m in mentions if m.canonical is not None and m.label in PLACE_LABELS]
        places.update(e for m in named if (e := m.canonical) is not None)
        if s.near_duplicate_of not in ids:  # a copy states nothing new
            stated.update(_where_stated(store, s.article.id, named))
    top = [e for e, _ in counts.most_common(20)]
    title = _representative_title(store, stored)
    place_id = _main_place(stated, places, _headline_order(store, stated, title))
    wanted = top + ([place_id] if place_id is not None else [])
    names = store.entity_names(wanted)
    key = [names[e] for e in top if e in names][:KEY_ENTITIES]
    place = names.get(place_id) if place_id is not None else None
    return Event(
        id=event_id,
        title=title,
        start=days[0] if days else None,
        end=days[-1] if days else None,
        article_ids=tuple(s.article.id for s in stored),
        outlets=tuple(outlets),
        independent_sources=independent_sources(stored),
        key_entities=tuple(key),
        main_place=place,
    )


def _where_stated(store: Store, article_id: str, named: list[Mention]) -> set[int]:
    """The places a report states something happened at ("died in Dubai", "was held at Stadium
    Australia": enrichment's place claims), as canonical entity ids; each counts once per
    report."""
    claims = [c.span for c in store.claims(article_id) if c.kind == "place"]
    return {
        entity
        for m in named
        if (entity := m.canonical) is not None
        and any(m.start < c.end and c.start < m.end for c in claims)
    }


def _headline_order(store: Store, stated: Counter[int], headline: str) -> dict[int, int]:
    """Where in the headline each place that enough reports state is named (by any of its
    aliases, as a whole word): {entity id: character offset}."""
    corroborated = [e for e, n in stated.items() if n >= PLACE_SOURCES]
    out: dict[int, int] = {}
    for entity in store.entities(corroborated) if corroborated else []:
        for alias in entity.aliases:
            found = re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", headline)
            if found and found.start() < out.get(entity.id, len(headline)):
                out[entity.id] = found.start()
    return out


def _main_place(
    stated: Counter[int], mentioned: Counter[int], in_headline: Mapping[int, int] | None = None
) -> int | None:
    """Where the event happened: the place the most independent reports state something
    happened at, when at least :data:`PLACE_SOURCES` do (ties go to the more mentioned);
    otherwise the most mentioned place. A place that is only named ("Spain beat England") is
    weaker evidence than one reports put the happening in ("the final at Stadium Australia"),
    but one report's aside ("residents waited in Brenna") is weaker still. Of the places
    enough reports state, one the headline names comes first (the first it names): "... hits
    south-eastern Turkey near Syria border" is in Turkey, though more reports state deaths in
    Syria. ``in_headline`` gives where the headline names a place."""
    corroborated = [e for e, n in stated.items() if n >= PLACE_SOURCES]
    in_headline = in_headline or {}
    named = [e for e in corroborated if e in in_headline]
    if named:
        return min(named, key=lambda e: (in_headline[e], e))
    if corroborated:
        return max(corroborated, key=lambda e: (stated[e], mentioned[e], -e))
    return mentioned.most_common(1)[0][0] if mentioned else None


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
