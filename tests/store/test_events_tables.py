"""The SQLite event tables: assignment, merging, storylines, document frequencies."""

from __future__ import annotations

from storylens.model import Article, content_hash
from storylens.store.sqlite import SQLiteStore


def add_article(store: SQLiteStore, article_id: str, day: str) -> None:
    from datetime import date

    text = f"Report {article_id}."
    store.insert(
        Article(
            id=article_id,
            url=None,
            outlet="o.example",
            title=article_id,
            published=date.fromisoformat(day),
            language="en",
            text=text,
            source="t",
            content_hash=content_hash(article_id, text),
        )
    )


def test_merge_keeps_the_old_id_resolvable(store: SQLiteStore) -> None:
    with store.transaction():
        for i, day in enumerate(("2026-03-09", "2026-03-10", "2026-03-11")):
            add_article(store, f"a{i}", day)
        first, second = store.create_event(), store.create_event()
        store.assign("a0", first, 0.9)
        store.assign("a1", second, None)
        store.assign("a2", second, 0.5)
        store.merge_events(second, first)
    assert store.event_members() == {first: ["a0", "a1", "a2"]}
    assert store.resolve_event(second) == first == store.resolve_event(first)
    assert store.resolve_event(999) is None


def test_storylines_join_under_the_older_id(store: SQLiteStore) -> None:
    with store.transaction():
        events = [store.create_event() for _ in range(3)]
        for e, story in zip(events, (1, 2, 2), strict=True):
            store.set_storyline(e, story)
        store.merge_storylines(2, 1)
    assert set(store.storyline_ids().values()) == {1}


def test_document_frequencies_follow_replaced_terms(store: SQLiteStore) -> None:
    with store.transaction():
        add_article(store, "a", "2026-03-09")
        add_article(store, "b", "2026-03-09")
        store.save_terms("a", {"bridge": 2, "river": 1})
        store.save_terms("b", {"bridge": 1})
        store.save_terms("a", {"rate": 1})  # re-enriched: new text, new terms
    df, total = store.document_frequencies(["bridge", "river", "rate"])
    assert total == 2
    assert df == {"bridge": 1, "river": 0, "rate": 1}
