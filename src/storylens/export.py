"""Records for readers outside the library (``article --json``, ``export``, the API): an
article with its annotations, an event with its relations and brief, a storyline. Every
annotation is a pair of character offsets into its article's text, with the text it names."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from storylens.model import Article, Span, StoredArticle
from storylens.store.base import Store


def article_record(store: Store, stored: StoredArticle) -> dict[str, Any]:
    """The article, its text and paragraphs, and its entities, quotes and claims."""
    data = stored.full()
    data["revisions"] = len(store.revisions(stored.article.id))
    data["entities"] = entity_annotations(store, stored.article)
    data["quotes"] = quote_annotations(store, stored.article)
    data["claims"] = [c.as_dict(stored.article.text) for c in store.claims(stored.article.id)]
    return data


def entity_annotations(store: Store, article: Article) -> list[dict[str, object]]:
    """The ``entities`` of ``article --json``: each mention with its canonical name."""
    mentions = store.mentions(article.id)
    ids = sorted({m.canonical for m in mentions if m.canonical is not None})
    names = store.entity_names(ids)
    return [
        {
            "text": article.text[m.start : m.end],
            "label": m.label,
            "start": m.start,
            "end": m.end,
            "canonical": names.get(m.canonical) if m.canonical else None,
            "entity_id": m.canonical,
        }
        for m in mentions
    ]


def quote_annotations(store: Store, article: Article) -> list[dict[str, object]]:
    """The ``quotes`` of ``article --json``: cue, source and content spans and the speaker."""
    quotes = store.quotes(article.id)
    ids = sorted({q.speaker for q in quotes if q.speaker is not None})
    names = store.entity_names(ids)

    def span(s: Span) -> dict[str, object]:
        return {"start": s.start, "end": s.end, "text": s.of(article.text)}

    return [
        {
            "speaker": names.get(q.speaker) if q.speaker is not None else None,
            "speaker_id": q.speaker,
            "direct": q.direct,
            "cue": span(q.cue[0]),
            "source": span(q.sources[0]) if q.sources else None,
            "content": span(Span(q.contents[0].start, q.contents[-1].end)),
            "contents": [span(c) for c in q.contents],
        }
        for q in quotes
    ]


def event_record(store: Store, event_id: int) -> dict[str, Any] | None:
    """An event as ``storylens event ID --json`` prints it: its summary, its reports, the
    relations between their statements and its brief. None if there is no such event."""
    from storylens.compare import compare_event
    from storylens.compare.brief import build_brief
    from storylens.events import build_events

    live = store.resolve_event(event_id)
    events = build_events(store, [live]) if live is not None else []
    if not events:
        return None
    event = events[0]
    comparison = compare_event(store, event.id, event.article_ids)
    texts = {r.id: r.text for r in comparison.reports}
    data = event.as_dict()
    if live != event_id:
        data["merged_from"] = event_id
    data["reports"] = [r.stored.summary() for r in comparison.reports]
    data["relations"] = [r.as_dict(texts) for r in comparison.relations]
    data["brief"] = build_brief(event, comparison).as_dict()
    return data


def export_records(store: Store) -> Iterator[dict[str, Any]]:
    """Everything: articles (with annotations), then events, then storylines; each record has
    a ``type``."""
    from storylens.events import build_events, build_storylines

    for stored in store.articles():
        yield {"type": "article", **article_record(store, stored)}
    events = build_events(store)
    for event in events:
        record = event_record(store, event.id)
        if record is not None:
            yield {"type": "event", **record}
    for story in build_storylines(store, events):
        yield {"type": "storyline", **story.as_dict()}
