"""The SQLite store's event tables: article terms and features, document frequencies, events."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, Literal, TypeVar

import numpy as np

from storylens.model import ArticleFeatures
from storylens.store.base import CachedEvent, SearchHit

T = TypeVar("T")


def storable(value: int) -> bool:
    """Whether an id asked for fits SQLite's integers (a larger one names nothing stored)."""
    return -(2**63) <= value < 2**63


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class EventTables:
    """Mixed into :class:`~storylens.store.sqlite.SQLiteStore`."""

    _db: sqlite3.Connection

    def _require_tx(self) -> None:  # provided by SQLiteStore
        raise NotImplementedError

    # --- terms (written by enrichment) -------------------------------------------------
    def save_terms(self, article_id: str, terms: dict[str, int]) -> None:
        """Replace the article's lemma counts, keeping document frequencies in step."""
        self._require_tx()
        old = self._db.execute(
            "SELECT terms FROM article_terms WHERE article_id = ?", (article_id,)
        ).fetchone()
        if old is not None:
            self._db.executemany(
                "UPDATE term_df SET df = df - 1 WHERE term = ?", [(t,) for t in json.loads(old[0])]
            )
        self._db.execute(
            "INSERT OR REPLACE INTO article_terms VALUES (?, ?)",
            (article_id, json.dumps(terms, sort_keys=True)),
        )
        self._db.executemany(
            "INSERT INTO term_df VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET df = df + 1",
            [(t,) for t in terms],
        )

    def terms(self, article_ids: Sequence[str]) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for chunk in _chunks(article_ids):
            marks = ",".join("?" * len(chunk))
            for article_id, data in self._db.execute(
                f"SELECT article_id, terms FROM article_terms WHERE article_id IN ({marks})", chunk
            ):
                out[article_id] = json.loads(data)
        return out

    def document_frequencies(self, terms: Sequence[str]) -> tuple[dict[str, int], int]:
        """Each term's document frequency, and the number of documents."""
        out: dict[str, int] = {}
        for chunk in _chunks(terms):
            marks = ",".join("?" * len(chunk))
            out.update(
                self._db.execute(f"SELECT term, df FROM term_df WHERE term IN ({marks})", chunk)
            )
        (total,) = self._db.execute("SELECT COUNT(*) FROM article_terms").fetchone()
        return out, int(total)

    def entity_frequencies(self, entity_ids: Sequence[int]) -> tuple[dict[int, int], int]:
        """How many articles mention each entity, and how many articles have mentions."""
        out: dict[int, int] = {}
        for chunk in _chunks(entity_ids):
            marks = ",".join("?" * len(chunk))
            out.update(
                self._db.execute(
                    "SELECT entity_id, COUNT(*) FROM entity_articles "
                    f"WHERE entity_id IN ({marks}) GROUP BY 1",
                    chunk,
                )
            )
        (total,) = self._db.execute("SELECT COUNT(*) FROM enrichments").fetchone()
        return out, int(total)

    def unfeatured(self) -> list[str]:
        """Enriched articles without features for their current text."""
        rows = self._db.execute(
            "SELECT a.id FROM articles a JOIN enrichments n ON n.article_id = a.id "
            "LEFT JOIN article_features f ON f.article_id = a.id "
            "WHERE f.content_hash IS NOT a.content_hash ORDER BY a.seq"
        )
        return [str(r[0]) for r in rows]

    # --- features (written by the event stage) -----------------------------------------
    def save_features(self, features: ArticleFeatures, content_hash: str) -> None:
        self._require_tx()
        self._db.execute(
            "INSERT OR REPLACE INTO article_features VALUES (?, ?, ?, ?)",
            (
                features.article_id,
                content_hash,
                features.day,
                np.asarray(features.vector, dtype=np.float32).tobytes(),
            ),
        )

    def features(self, article_ids: Sequence[str]) -> dict[str, ArticleFeatures]:
        """Stored features with the article's terms and entity mention counts."""
        terms = self.terms(article_ids)
        entities = self._entity_counts(article_ids)
        out: dict[str, ArticleFeatures] = {}
        for chunk in _chunks(article_ids):
            marks = ",".join("?" * len(chunk))
            for article_id, day, blob in self._db.execute(
                "SELECT article_id, day, vector FROM article_features "
                f"WHERE article_id IN ({marks})",
                chunk,
            ):
                out[article_id] = ArticleFeatures(
                    article_id=article_id,
                    day=day,
                    vector=np.frombuffer(blob, dtype=np.float32),
                    terms=terms.get(article_id, {}),
                    entities=entities.get(article_id, {}),
                )
        return out

    def _entity_counts(self, article_ids: Sequence[str]) -> dict[str, dict[int, int]]:
        out: dict[str, dict[int, int]] = {}
        for chunk in _chunks(article_ids):
            marks = ",".join("?" * len(chunk))
            for article_id, entity_id, count in self._db.execute(
                "SELECT article_id, entity_id, COUNT(*) FROM mentions WHERE entity_id IS NOT NULL "
                f"AND article_id IN ({marks}) GROUP BY 1, 2",
                chunk,
            ):
                out.setdefault(article_id, {})[int(entity_id)] = int(count)
        return out

    def copies_of(self, article_ids: Sequence[str]) -> dict[str, str]:
        """For those of ``article_ids`` that are near-duplicates: the article each copies."""
        return self._copies("id", article_ids)

    def copies_made_of(self, originals: Sequence[str]) -> dict[str, str]:
        """The near-duplicates of ``originals`` (a copy's group is named by its original):
        each copy and the original it copies."""
        return self._copies("group_id", originals)

    def _copies(self, column: Literal["id", "group_id"], keys: Sequence[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for chunk in _chunks(keys):
            marks = ",".join("?" * len(chunk))
            out.update(
                self._db.execute(
                    f"SELECT id, near_duplicate_of FROM articles WHERE {column} IN ({marks}) "
                    "AND near_duplicate_of IS NOT NULL",
                    chunk,
                )
            )
        return out

    def unclustered(self) -> list[str]:
        """Enriched articles not yet in an event, or changed since: in order of publication
        (undated ones where they were ingested)."""
        rows = self._db.execute(
            "SELECT a.id FROM articles a JOIN enrichments n ON n.article_id = a.id "
            "LEFT JOIN article_features f ON f.article_id = a.id "
            "LEFT JOIN event_articles e ON e.article_id = a.id "
            "WHERE e.article_id IS NULL OR f.content_hash IS NOT a.content_hash "
            "ORDER BY COALESCE(a.published_sort, ''), a.seq"
        )
        return [str(r[0]) for r in rows]

    def ungrouped(self) -> int:
        row = self._db.execute(
            "SELECT COUNT(*) FROM articles a LEFT JOIN event_articles e ON e.article_id = a.id "
            "WHERE e.article_id IS NULL"
        ).fetchone()
        return int(row[0])

    # --- events --------------------------------------------------------------------------
    def create_event(self) -> int:
        self._require_tx()
        now = _now()
        cur = self._db.execute(
            "INSERT INTO events (created_at, updated_at) VALUES (?, ?)", (now, now)
        )
        return int(cur.lastrowid or 0)

    def assign(self, article_id: str, event_id: int, score: float | None) -> None:
        """Put the article in the event (moving it out of any other)."""
        self._require_tx()
        self._db.execute(
            "INSERT INTO event_articles VALUES (?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET "
            "event_id = excluded.event_id, score = excluded.score",
            (article_id, event_id, score),
        )
        self._db.execute("UPDATE events SET updated_at = ? WHERE id = ?", (_now(), event_id))

    def merge_events(self, source: int, target: int) -> None:
        """Move ``source``'s articles into ``target``; ``source`` remains, pointing there."""
        self._require_tx()
        self._db.execute(
            "UPDATE event_articles SET event_id = ? WHERE event_id = ?", (target, source)
        )
        self._db.execute(
            "UPDATE events SET merged_into = ?, updated_at = ? WHERE id = ?",
            (target, _now(), source),
        )

    def event_members(self) -> dict[int, list[str]]:
        """Every live event's article ids, in order of publication."""
        out: dict[int, list[str]] = {}
        for event_id, article_id in self._db.execute(
            "SELECT e.event_id, e.article_id FROM event_articles e JOIN articles a ON "
            "a.id = e.article_id ORDER BY e.event_id, COALESCE(a.published_sort, ''), a.seq"
        ):
            out.setdefault(int(event_id), []).append(str(article_id))
        return out

    def active_event_members(self, since: str | None, recent: int) -> dict[int, list[str]]:
        """Article ids (in order of publication) of the live events with a report published
        on or after ``since`` (an ISO date), and of the ``recent`` newest events."""
        ids = {
            int(r[0])
            for r in self._db.execute(
                "SELECT id FROM events WHERE merged_into IS NULL ORDER BY id DESC LIMIT ?",
                (recent,),
            )
        }
        if since is not None:
            ids |= {
                int(r[0])
                for r in self._db.execute(
                    "SELECT DISTINCT e.event_id FROM event_articles e JOIN articles a ON "
                    "a.id = e.article_id WHERE a.published_sort >= ?",
                    (since,),
                )
            }
        out: dict[int, list[str]] = {}
        for chunk in _chunks(sorted(ids)):
            marks = ",".join("?" * len(chunk))
            for event_id, article_id in self._db.execute(
                "SELECT e.event_id, e.article_id FROM event_articles e JOIN articles a ON "
                f"a.id = e.article_id WHERE e.event_id IN ({marks}) "
                "ORDER BY e.event_id, COALESCE(a.published_sort, ''), a.seq",
                chunk,
            ):
                out.setdefault(int(event_id), []).append(str(article_id))
        return out

    def merge_storylines(self, source: int, target: int) -> None:
        """Every event of storyline ``source`` joins storyline ``target``."""
        self._require_tx()
        self._db.execute(
            "UPDATE events SET storyline_id = ? WHERE storyline_id = ?", (target, source)
        )

    def storyline_ids(self) -> dict[int, int]:
        """Live events' storyline ids (events not yet linked are left out)."""
        return {
            int(e): int(s)
            for e, s in self._db.execute(
                "SELECT id, storyline_id FROM events "
                "WHERE merged_into IS NULL AND storyline_id IS NOT NULL"
            )
        }

    def set_storyline(self, event_id: int, storyline_id: int) -> None:
        self._require_tx()
        self._db.execute(
            "UPDATE events SET storyline_id = ? WHERE id = ?", (storyline_id, event_id)
        )

    def follows(self) -> dict[int, tuple[int, float]]:
        """For live events that follow another, the event followed (as stored: it may have been
        merged since) and the link between the two."""
        return {
            int(e): (int(p), float(link))
            for e, p, link in self._db.execute(
                "SELECT id, follows, follows_link FROM events "
                "WHERE merged_into IS NULL AND follows IS NOT NULL"
            )
        }

    def set_follows(self, event_id: int, followed: int, link: float) -> None:
        self._require_tx()
        self._db.execute(
            "UPDATE events SET follows = ?, follows_link = ? WHERE id = ?",
            (followed, link, event_id),
        )

    def resolve_event(self, event_id: int) -> int | None:
        """The live event an id stands for (following merges), or None if unknown."""
        if not storable(event_id):
            return None
        seen = set()
        current: int | None = event_id
        while current is not None and current not in seen:
            seen.add(current)
            row = self._db.execute(
                "SELECT merged_into FROM events WHERE id = ?", (current,)
            ).fetchone()
            if row is None:
                return None
            if row[0] is None:
                return current
            current = int(row[0])
        return None

    # --- full-text search and the comparison cache ---------------------------------------

    def search(self, query: str, limit: int = 20, offset: int = 0) -> tuple[list[SearchHit], int]:
        """Articles matching every word of ``query`` (any order, accents ignored), best first,
        with a snippet; and the number of matches."""
        words = [w for w in re.findall(r"\w+", query) if w]
        if not words or not storable(offset):
            return [], 0
        match = " ".join('"' + w.replace('"', "") + '"' for w in words)
        total = int(
            self._db.execute(
                "SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ?", (match,)
            ).fetchone()[0]
        )
        rows = self._db.execute(
            "SELECT a.id, a.title, a.outlet, a.published, "
            "snippet(articles_fts, 1, '\x02', '\x03', ' … ', 16) "
            "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
            (match, limit, offset),
        )
        return [SearchHit(str(r[0]), str(r[1]), r[2], r[3], str(r[4])) for r in rows], total

    def events_of_entity(self, entity_id: int) -> dict[int, int]:
        """The live events whose reports mention the entity, with the number of mentions."""
        if not storable(entity_id):
            return {}
        rows = self._db.execute(
            "SELECT e.event_id, COUNT(*) FROM mentions m JOIN event_articles e "
            "ON e.article_id = m.article_id WHERE m.entity_id = ? GROUP BY 1",
            (entity_id,),
        )
        return {int(r[0]): int(r[1]) for r in rows}

    def event_of(self, article_id: str) -> int | None:
        row = self._db.execute(
            "SELECT event_id FROM event_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return int(row[0]) if row else None

    def event_signature(self, event_id: int) -> str | None:
        """The signature (see :meth:`event_signatures`) of one event; None if it has no
        members."""
        h = hashlib.sha1()
        n = 0
        for article_id, chash, version in self._db.execute(
            "SELECT e.article_id, a.content_hash, COALESCE(n.version, 0) "
            "FROM event_articles e JOIN articles a ON a.id = e.article_id "
            "LEFT JOIN enrichments n ON n.article_id = e.article_id "
            "WHERE e.event_id = ? ORDER BY e.article_id",
            (event_id,),
        ):
            h.update(f"{article_id}:{chash}:{version};".encode())
            n += 1
        return h.hexdigest() if n else None

    def cached_record_json(self, event_id: int, signature: str) -> str | None:
        """The cached record of an event as JSON text, if it is still valid."""
        row = self._db.execute(
            "SELECT record FROM event_cache WHERE event_id = ? AND signature = ?",
            (event_id, signature),
        ).fetchone()
        return str(row[0]) if row is not None and row[0] is not None else None

    def generation(self) -> str:
        """Changes whenever events, their members, enrichments or cached comparisons change: a
        key for caches of what is derived from them."""
        row = self._db.execute(
            "SELECT (SELECT COUNT(*) FROM event_articles), (SELECT MAX(rowid) FROM event_articles),"
            " (SELECT MAX(updated_at) FROM events), (SELECT COUNT(*) FROM events),"
            " (SELECT COUNT(*) FROM enrichments), (SELECT MAX(seq) FROM articles),"
            " (SELECT COUNT(*) FROM event_cache WHERE conflicts IS NOT NULL)"
        ).fetchone()
        return ":".join(str(x) for x in row)

    def storyline_of(self, event_id: int) -> int | None:
        row = self._db.execute(
            "SELECT storyline_id FROM events WHERE id = ?", (event_id,)
        ).fetchone()
        return int(row[0]) if row is not None and row[0] is not None else None

    def event_signatures(self) -> dict[int, str]:
        """For every live event, a digest of its members and their content: a cached summary
        or comparison is valid while it is unchanged."""
        digests: dict[int, Any] = {}
        for event_id, article_id, chash, version in self._db.execute(
            "SELECT e.event_id, e.article_id, a.content_hash, COALESCE(n.version, 0) "
            "FROM event_articles e JOIN articles a ON a.id = e.article_id "
            "LEFT JOIN enrichments n ON n.article_id = e.article_id "
            "ORDER BY e.event_id, e.article_id"
        ):
            h = digests.setdefault(int(event_id), hashlib.sha1())
            h.update(f"{article_id}:{chash}:{version};".encode())
        return {e: h.hexdigest() for e, h in digests.items()}

    def cached_events(self, event_ids: Sequence[int]) -> dict[int, CachedEvent]:
        out: dict[int, CachedEvent] = {}
        for chunk in _chunks(list(event_ids)):
            marks = ",".join("?" * len(chunk))
            for row in self._db.execute(
                f"SELECT event_id, signature, summary, record, conflicts FROM event_cache "
                f"WHERE event_id IN ({marks})",
                chunk,
            ):
                out[int(row[0])] = CachedEvent(
                    str(row[1]),
                    json.loads(row[2]),
                    json.loads(row[3]) if row[3] is not None else None,
                    row[4],
                )
        return out

    def cache_event(
        self,
        event_id: int,
        signature: str,
        summary: dict[str, Any],
        record: dict[str, Any] | None = None,
        conflicts: int | None = None,
    ) -> None:
        """Keep what was computed for an event (its summary; its record with relations and brief,
        and its number of conflicts, when computed)."""
        self._require_tx()
        self._db.execute(
            "INSERT INTO event_cache VALUES (?, ?, ?, ?, ?) ON CONFLICT(event_id) DO UPDATE SET "
            "signature = excluded.signature, summary = excluded.summary, "
            "record = COALESCE(excluded.record, CASE WHEN event_cache.signature = "
            "excluded.signature THEN event_cache.record END), "
            "conflicts = COALESCE(excluded.conflicts, CASE WHEN event_cache.signature = "
            "excluded.signature THEN event_cache.conflicts END)",
            (
                event_id,
                signature,
                json.dumps(summary),
                json.dumps(record) if record is not None else None,
                conflicts,
            ),
        )


def _chunks(items: Sequence[T], size: int = 500) -> list[list[T]]:
    items = list(items)
    return [items[i : i + size] for i in range(0, len(items), size)]
