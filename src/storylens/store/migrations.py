"""The SQLite schema, as the list of migrations that build it."""

from __future__ import annotations

import sqlite3

# Each entry moves the schema one version up; never edit a released entry, append a new one.
# Statements end at a ";" that completes one (a trigger's body holds several), so comments
# inside must not contain one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        id                TEXT PRIMARY KEY,
        seq               INTEGER NOT NULL UNIQUE,
        url               TEXT UNIQUE,
        outlet            TEXT,
        title             TEXT NOT NULL,
        published         TEXT,
        published_sort    TEXT,
        language          TEXT,
        text              TEXT NOT NULL,
        source            TEXT NOT NULL,
        content_hash      TEXT NOT NULL,
        metadata          TEXT NOT NULL DEFAULT '{}',
        revision          INTEGER NOT NULL DEFAULT 1,
        group_id          TEXT,
        near_duplicate_of TEXT REFERENCES articles(id),
        ingested_at       TEXT NOT NULL,
        updated_at        TEXT NOT NULL
    );
    CREATE INDEX articles_hash ON articles(content_hash);
    CREATE INDEX articles_group ON articles(group_id);
    CREATE TABLE revisions (
        article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        revision     INTEGER NOT NULL,
        title        TEXT NOT NULL,
        text         TEXT NOT NULL,
        published    TEXT,
        content_hash TEXT NOT NULL,
        source       TEXT NOT NULL,
        ingested_at  TEXT NOT NULL,
        PRIMARY KEY (article_id, revision)
    );
    -- MinHash LSH band keys (storylens.dedup). One B-tree keyed (key, seq), no rowid: about
    -- twice as fast to fill as a rowid table with an index, and ingest writes 64 rows an
    -- article. seq, not the text id, keeps rows small. No foreign key, as articles are
    -- never deleted and a check per row would cost as much again.
    CREATE TABLE lsh_bands (
        key INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (key, seq)
    ) WITHOUT ROWID;
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE sightings (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        url        TEXT NOT NULL DEFAULT '',
        outlet     TEXT,
        source     TEXT NOT NULL,
        seen_at    TEXT NOT NULL,
        PRIMARY KEY (article_id, url, source)
    );
    CREATE TABLE runs (
        id          INTEGER PRIMARY KEY,
        started_at  TEXT NOT NULL,
        finished_at TEXT,
        targets     TEXT NOT NULL,
        report      TEXT
    );
    CREATE TABLE rejects (
        source     TEXT NOT NULL,
        reason     TEXT NOT NULL,
        count      INTEGER NOT NULL DEFAULT 1,
        first_seen TEXT NOT NULL,
        last_seen  TEXT NOT NULL,
        PRIMARY KEY (source, reason)
    );
    """,
    # 2: enrichment. Mentions hold offsets only; alias strings are read from the article text.
    """
    CREATE TABLE entities (
        id    INTEGER PRIMARY KEY,
        label TEXT NOT NULL
    );
    CREATE TABLE entity_keys (
        key       TEXT NOT NULL,
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        PRIMARY KEY (key, entity_id)
    ) WITHOUT ROWID;
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start_char INTEGER NOT NULL,
        end_char   INTEGER NOT NULL,
        label      TEXT NOT NULL,
        entity_id  INTEGER REFERENCES entities(id),
        PRIMARY KEY (article_id, start_char, end_char)
    );
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE TABLE enrichments (
        article_id   TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        content_hash TEXT NOT NULL,
        version      INTEGER NOT NULL,
        enriched_at  TEXT NOT NULL
    );
    """,
    # 3: quotes. Spans are JSON lists of [start, end] pairs into the article text.
    """
    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx        INTEGER NOT NULL,
        cue        TEXT NOT NULL,
        sources    TEXT NOT NULL,
        contents   TEXT NOT NULL,
        direct     INTEGER NOT NULL,
        speaker    INTEGER REFERENCES entities(id),
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker);
    """,
    # 4: claims, one JSON document each (offsets for span and sentence).
    """
    CREATE TABLE claims (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx        INTEGER NOT NULL,
        kind       TEXT NOT NULL,
        data       TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX claims_kind ON claims(kind);
    """,
    # 5: events. Terms are each article's lemma counts (from enrichment), features what the
    # event stage compares, events and their members. An event id is never reused: a merged
    # event keeps its row, pointing at the event it joined.
    """
    CREATE TABLE article_terms (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        terms      TEXT NOT NULL
    );
    CREATE TABLE article_features (
        article_id   TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        content_hash TEXT NOT NULL,
        day          TEXT,
        vector       BLOB NOT NULL
    );
    CREATE TABLE term_df (
        term TEXT PRIMARY KEY,
        df   INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE events (
        id           INTEGER PRIMARY KEY,
        merged_into  INTEGER REFERENCES events(id),
        storyline_id INTEGER,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
    );
    CREATE TABLE event_articles (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        event_id   INTEGER NOT NULL REFERENCES events(id),
        score      REAL
    );
    CREATE INDEX event_articles_event ON event_articles(event_id);
    """,
    # 6: sentences (offsets and content lemmas, one JSON list per article), which the
    # comparison stage aligns across the articles of an event.
    """
    CREATE TABLE article_sentences (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        sentences  TEXT NOT NULL
    );
    """,
    # 7: full-text search over titles and texts (FTS5, reading its content from articles; the
    # store keeps it in step on insert and revise), and a cache of what the comparison stage
    # computes per event, valid while the event's members and their content are unchanged.
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='seq',
        tokenize='unicode61 remove_diacritics 2'
    );
    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
    CREATE TABLE event_cache (
        event_id  INTEGER PRIMARY KEY REFERENCES events(id),
        signature TEXT NOT NULL,
        summary   TEXT NOT NULL,
        record    TEXT,
        conflicts INTEGER
    );
    """,
    # 8: the storyline tree. An event follows the earlier event of its storyline that it links
    # to best (Story Forest's parent), with that link.
    """
    ALTER TABLE events ADD COLUMN follows INTEGER REFERENCES events(id);
    ALTER TABLE events ADD COLUMN follows_link REAL;
    """,
    # 9: which articles mention each entity, kept in step with mentions by triggers, so how
    # many articles name an entity is counted from an index, not from all of its mentions.
    """
    CREATE TABLE entity_articles (
        entity_id  INTEGER NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (entity_id, article_id)
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO entity_articles
        SELECT entity_id, article_id FROM mentions WHERE entity_id IS NOT NULL;
    CREATE TRIGGER mentions_entity_in AFTER INSERT ON mentions
    WHEN NEW.entity_id IS NOT NULL BEGIN
        INSERT OR IGNORE INTO entity_articles VALUES (NEW.entity_id, NEW.article_id);
    END;
    CREATE TRIGGER mentions_entity_out AFTER DELETE ON mentions
    WHEN OLD.entity_id IS NOT NULL BEGIN
        DELETE FROM entity_articles
        WHERE entity_id = OLD.entity_id AND article_id = OLD.article_id AND NOT EXISTS (
            SELECT 1 FROM mentions WHERE article_id = OLD.article_id
            AND entity_id = OLD.entity_id
        );
    END;
    CREATE TRIGGER mentions_entity_changed AFTER UPDATE OF entity_id, article_id ON mentions
    BEGIN
        DELETE FROM entity_articles
        WHERE entity_id = OLD.entity_id AND article_id = OLD.article_id AND NOT EXISTS (
            SELECT 1 FROM mentions WHERE article_id = OLD.article_id
            AND entity_id = OLD.entity_id
        );
        INSERT OR IGNORE INTO entity_articles SELECT NEW.entity_id, NEW.article_id
        WHERE NEW.entity_id IS NOT NULL;
    END;
    """,
)


def statements(script: str) -> list[str]:
    """The SQL statements of a migration script, each with its closing ";"."""
    out: list[str] = []
    buffer = ""
    for part in script.split(";"):
        buffer += part + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \n;"):
                out.append(buffer.strip())
            buffer = ""
    if buffer.strip(" \n;"):
        raise ValueError(f"incomplete SQL statement in a migration: {buffer.strip()[:80]}")
    return out
