import sqlite3
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storylens.errors import StoreError
from storylens.model import Article, content_hash
from storylens.store import default_db_path, open_store
from storylens.store.sqlite import MIGRATIONS, SQLiteStore


def make(aid: str, text: str = "Some text.", **kw: object) -> Article:
    fields: dict[str, object] = dict(
        id=aid,
        url=None,
        outlet="o.example",
        title="T",
        published=date(2025, 1, 1),
        language="en",
        text=text,
        source="test",
        content_hash=content_hash("T", text),
    )
    fields.update(kw)
    return Article(**fields)  # type: ignore[arg-type]


def test_schema_is_migrated_and_reopened(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    SQLiteStore(path).close()
    store = SQLiteStore(path)
    assert store.schema_version == len(MIGRATIONS)
    mode = store._db.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    assert store._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    store.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(StoreError, match="upgrade storylens"):
        SQLiteStore(path)


def test_round_trip(store: SQLiteStore) -> None:
    article = make("a1", "Para one.\n\nPara two.", metadata={"k": [1, 2]})
    with store.transaction():
        store.insert(article)
    stored = store.get("a1")
    assert stored is not None
    assert stored.article == article and stored.article.metadata == {"k": [1, 2]}
    assert stored.revision == 1 and stored.seq == 1


def test_writes_need_a_transaction(store: SQLiteStore) -> None:
    with pytest.raises(StoreError, match="transaction"):
        store.insert(make("a1"))


def test_failed_batch_leaves_nothing(store: SQLiteStore) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.insert(make("a1"))
        raise RuntimeError("crash mid-batch")
    assert store.get("a1") is None
    assert list(store.articles()) == []


def test_revisions_are_kept(store: SQLiteStore) -> None:
    with store.transaction():
        store.insert(make("a1", "Old text."))
        store.revise("a1", make("a1", "New text."))
    stored = store.get("a1")
    assert stored is not None and stored.revision == 2 and stored.article.text == "New text."
    assert [r.text for r in store.revisions("a1")] == ["Old text.", "New text."]


def test_original_is_earliest_then_first_seen(store: SQLiteStore) -> None:
    with store.transaction():
        store.insert(make("late", "x", published=date(2025, 1, 3)))
        store.insert(make("undated", "y", published=None))
        store.insert(make("early", "z", published=date(2025, 1, 2)))
        store.link_duplicates("undated", ["late"])
        store.link_duplicates("early", ["late"])
    [group] = store.duplicate_groups()
    assert group.original == "early"
    assert set(group.members) == {"late", "undated", "early"}
    copy = store.get("late")
    assert copy is not None and copy.near_duplicate_of == "early"


def test_band_index(store: SQLiteStore) -> None:
    with store.transaction():
        store.insert(make("a1"))
        store.insert(make("a2", "Other."))
        store.add_bands("a1", [1, 2, -3])
        store.add_bands("a2", [2])
        store.set_meta("lsh_params", "x")
    assert store.band_candidates([2]) == {"a1", "a2"}
    assert store.band_candidates([-3, 9]) == {"a1"}
    assert store.band_candidates([]) == set()
    with store.transaction():
        store.remove_bands("a1", [1, 2, -3])
    assert store.band_candidates([1, 2, -3]) == {"a2"}
    with store.transaction():
        store.clear_bands()
    assert store.band_candidates([2]) == set()
    assert store.get_meta("lsh_params") == "x" and store.get_meta("nope") is None


def test_rejects_are_counted_not_repeated(store: SQLiteStore) -> None:
    from storylens.model import Reject

    store.record_reject(Reject("f.txt", "empty input"))
    store.record_reject(Reject("f.txt", "empty input"))
    [record] = store.rejects()
    assert record.count == 2


def test_default_path_and_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("STORYLENS_DB", str(tmp_path / "env.db"))
    assert default_db_path() == tmp_path / "env.db"
    open_store().close()
    assert (tmp_path / "env.db").exists()
    monkeypatch.delenv("STORYLENS_DB")
    assert default_db_path().name == "storylens.db"


def test_unopenable_path(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="--db"):
        SQLiteStore(blocker / "sub" / "db.sqlite")


def test_stats_show_real_dates(store: SQLiteStore) -> None:
    with store.transaction():
        store.insert(make("a1", "x", published=date(2025, 1, 3)))
        store.insert(make("a2", "y", published=date(2025, 1, 1)))
    stats = store.stats()
    assert (stats["first_published"], stats["last_published"]) == ("2025-01-01", "2025-01-03")
    assert stats["articles"] == 2


def test_sentences_round_trip_and_older_rows_read_as_finite(store: SQLiteStore) -> None:
    from storylens.model import Sentence

    with store.transaction():
        store.insert(make("a1", "One caption here. A sentence was written."))
        sentences = [
            Sentence(0, 17, ("caption",), False, caption=True),
            Sentence(18, 41, ("sentence",)),
        ]
        store.save_sentences("a1", sentences)
    assert store.sentences("a1") == sentences
    # rows written before sentences said whether they have a finite verb, or are captions
    for row, finite in (('[[0, 17, ["caption"]]]', True), ('[[0, 17, ["caption"], false]]', False)):
        store._db.execute(
            "UPDATE article_sentences SET sentences = ? WHERE article_id = 'a1'", (row,)
        )
        assert store.sentences("a1") == [Sentence(0, 17, ("caption",), finite, caption=False)]


def test_names_and_aliases_come_from_an_entitys_latest_mentions(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """However many articles name someone, looking their names up reads a bounded number of
    mentions, the latest; the article count still counts every article."""
    from storylens.model import Mention
    from storylens.store import sqlite_entities

    old = "Tony Blinken met Tony Blinken."
    new = "Antony Blinken, the Secretary, met Antony Blinken and Antony Blinken."
    with store.transaction():
        person = store.create_entity("PERSON", ["p:blinken"])
        store.insert(make("a1", old))
        store.insert(make("a2", new))
        store.save_mentions(
            "a1", "h1", 1, [Mention(0, 12, "PERSON", person), Mention(17, 29, "PERSON", person)]
        )
        store.save_mentions(
            "a2",
            "h2",
            1,
            [
                Mention(0, 14, "PERSON", person),
                Mention(16, 29, "ROLE", person),
                Mention(35, 49, "PERSON", person),
                Mention(54, 68, "PERSON", person),
            ],
        )
    assert store.entity_aliases([person])[person] == {"Tony Blinken": 2, "Antony Blinken": 3}
    (everyone,) = store.entities([person])
    assert everyone.articles == 2 and everyone.name == "Antony Blinken"

    monkeypatch.setattr(sqlite_entities, "MAX_ALIAS_MENTIONS", 3)
    assert store.entity_aliases([person])[person] == {"Antony Blinken": 3}  # no role
    (latest,) = store.entities([person])
    assert latest.aliases == ("Antony Blinken", "the Secretary")
    assert latest.articles == 2
    assert store.entity_names([person]) == {person: latest.name} == {person: "Antony Blinken"}
    assert store.entity_names([]) == {}


def brute_force_frequencies(store: SQLiteStore) -> dict[int, int]:
    return dict(
        store._db.execute(
            "SELECT entity_id, COUNT(DISTINCT article_id) FROM mentions "
            "WHERE entity_id IS NOT NULL GROUP BY 1"
        ).fetchall()
    )


_OPERATION = st.tuples(
    st.sampled_from(["save", "revise"]),
    st.integers(0, 3),  # which article
    st.lists(st.tuples(st.integers(0, 8), st.sampled_from([None, 0, 1, 2])), max_size=6),
)


@settings(max_examples=40, deadline=None)
@given(st.lists(_OPERATION, min_size=1, max_size=12))
def test_article_counts_per_entity_stay_in_step_with_mentions(
    tmp_path_factory: pytest.TempPathFactory, operations: list[tuple[str, int, list]]
) -> None:
    """entity_articles, kept by triggers, counts what a scan of every mention would count,
    whatever order mentions are saved, replaced (spans repeated too) and dropped in."""
    from storylens.model import Mention

    store = SQLiteStore(tmp_path_factory.mktemp("counts") / "s.db")
    with store.transaction():
        ids = [store.create_entity("PERSON", [f"p:{n}"]) for n in range(3)]
        for a in range(4):
            store.insert(make(f"a{a}", "Alpha Beta Gamma Delta Epsilon. " * 3))
    for op, a, spans in operations:
        with store.transaction():
            if op == "revise":
                store.revise(f"a{a}", make(f"a{a}", f"Revised {len(spans)}. " * 3))
            else:
                mentions = [
                    Mention(s, s + 3, "PERSON", None if e is None else ids[e]) for s, e in spans
                ]
                store.save_mentions(f"a{a}", "h", 1, mentions)
        expected = brute_force_frequencies(store)
        found, _ = store.entity_frequencies(ids)
        assert found == expected
        assert {e.id: e.articles for e in store.entities(ids)} == expected
    store.close()


def test_an_older_store_gets_its_entity_counts(tmp_path: Path) -> None:
    """Opening a store of schema 8 fills entity_articles from the mentions it holds."""
    from storylens.store.migrations import statements

    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    for script in MIGRATIONS[:8]:
        for statement in statements(script):
            db.execute(statement)
    db.execute("PRAGMA user_version = 8")
    db.execute("INSERT INTO entities VALUES (1, 'PERSON'), (2, 'ORG')")
    for seq, article in enumerate(("a1", "a2"), start=1):
        db.execute(
            "INSERT INTO articles (id, seq, title, text, source, content_hash, ingested_at, "
            "updated_at) VALUES (?, ?, 'T', 'Some text here.', 's', ?, 'x', 'x')",
            (article, seq, article),
        )
    db.executemany(
        "INSERT INTO mentions VALUES (?, ?, ?, 'PERSON', ?)",
        [("a1", 0, 4, 1), ("a1", 5, 9, 1), ("a2", 0, 4, 1), ("a2", 5, 9, 2), ("a2", 10, 14, None)],
    )
    db.commit()
    db.close()
    store = SQLiteStore(path)
    assert store.schema_version == len(MIGRATIONS)
    assert store.entity_frequencies([1, 2])[0] == {1: 2, 2: 1}
    store.close()


def test_migration_statements_keep_trigger_bodies_whole() -> None:
    from storylens.store.migrations import statements

    script = """
    CREATE TABLE t (a INTEGER);
    CREATE TRIGGER t_in AFTER INSERT ON t BEGIN
        UPDATE t SET a = a + 1 WHERE a = NEW.a;
        DELETE FROM t WHERE a < 0;
    END;
    """
    found = statements(script)
    assert len(found) == 2 and found[1].endswith("END;")
    with pytest.raises(ValueError, match="incomplete"):
        statements("CREATE TRIGGER x AFTER INSERT ON t BEGIN DELETE FROM t;")
