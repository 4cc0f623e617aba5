"""The SQLite store's enrichment tables: entities, their lookup keys, mentions."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from storylens.model import Claim, Entity, Mention, Quote, Sentence, Span
from storylens.store.sqlite_events import storable

_ALIAS_SQL = (
    "SELECT m.entity_id, substr(a.text, m.start_char + 1, m.end_char - m.start_char), "
    "COUNT(*), MIN(a.seq * 1000000 + m.start_char) AS first_seen, MAX(m.label = 'ROLE') "
    "FROM mentions m JOIN articles a ON a.id = m.article_id "
)
_ALIAS_ORDER = " ORDER BY first_seen"
# The same, over an entity's latest mentions only (the rowids of one entity, newest first,
# come straight from the mentions_entity index).
_LATEST_ALIAS_SQL = (
    "SELECT m.entity_id, substr(a.text, m.start_char + 1, m.end_char - m.start_char), "
    "COUNT(*), MIN(a.seq * 1000000 + m.start_char) AS first_seen, MAX(m.label = 'ROLE') "
    "FROM (SELECT rowid FROM mentions WHERE entity_id = ? {only} ORDER BY rowid DESC LIMIT ?) "
    "AS latest JOIN mentions m ON m.rowid = latest.rowid JOIN articles a ON a.id = m.article_id "
    "GROUP BY 1, 2 ORDER BY first_seen"
)
# An entity's names and aliases come from its latest mentions, so what enriching one article
# costs does not grow with the archive: with every mention, one person named in 50,000 stored
# articles (250,000 mentions) took 5.7 s to look up per article mentioning them (2026-11-23).
MAX_ALIAS_MENTIONS = 2000


# A form counts as attested when seen twice, or in at least this share of the mentions.
ATTESTED_SHARE = 0.2


def _forms(
    rows: Iterable[tuple[int, str, int, int, int]],
) -> tuple[dict[int, Counter[str]], set[str], dict[int, int]]:
    """From alias rows (entity, alias, count, first seen, is a role): each entity's forms with
    their counts, the forms that are roles, and where each entity was first seen."""
    aliases: dict[int, Counter[str]] = {}
    roles: set[str] = set()
    first_seen: dict[int, int] = {}
    for entity_id, alias, count, seen, is_role in rows:
        aliases.setdefault(int(entity_id), Counter())[alias] += count
        first_seen[entity_id] = min(seen, first_seen.get(entity_id, seen))
        if is_role:
            roles.add(alias)
    return aliases, roles, first_seen


def _name(forms: Counter[str], roles: set[str]) -> str:
    """An entity's name: its best form that is not a role ("the Secretary of State")."""
    return best_name(Counter({a: n for a, n in forms.items() if a not in roles}) or forms)


def best_name(aliases: Counter[str]) -> str:
    """The most complete well-attested form: among attested forms, the one with most words,
    then the most frequent, then the first seen (``aliases`` is in first-seen order).
    Handles ("@SecBlinken") are never chosen while another form exists."""
    names = Counter({a: n for a, n in aliases.items() if not a.startswith("@")}) or aliases
    total = sum(names.values())
    attested = [a for a, n in names.items() if n >= 2 or n >= ATTESTED_SHARE * total] or list(names)
    order = {a: i for i, a in enumerate(names)}
    return max(attested, key=lambda a: (len(a.split()), names[a], -order[a]))


def _spans_json(spans: Sequence[Span]) -> str:
    return json.dumps([[s.start, s.end] for s in spans])


def _spans(data: str) -> tuple[Span, ...]:
    return tuple(Span(int(a), int(b)) for a, b in json.loads(data))


def _claim_json(claim: Claim) -> dict[str, object]:
    data = {f: getattr(claim, f) for f in Claim.__dataclass_fields__}
    data["span"] = [claim.span.start, claim.span.end]
    data["sentence"] = [claim.sentence.start, claim.sentence.end]
    return data


def _claim_from_json(data: dict[str, Any]) -> Claim:
    data["span"] = Span(*data["span"])
    data["sentence"] = Span(*data["sentence"])
    return Claim(**data)


class EntityTables:
    """Mixed into :class:`~storylens.store.sqlite.SQLiteStore`."""

    _db: sqlite3.Connection

    def _require_tx(self) -> None:  # provided by SQLiteStore
        raise NotImplementedError

    def entity_aliases(self, entity_ids: Sequence[int]) -> dict[int, Counter[str]]:
        """Surface forms of each entity with their mention counts."""
        out: dict[int, Counter[str]] = {i: Counter() for i in entity_ids}
        # role mentions ("the US Secretary of State") are no name to match a person by
        for entity_id, alias, count, _first, _role in self._latest_aliases(
            entity_ids, names_only=True
        ):
            out[entity_id][alias] += count
        return out

    def _latest_aliases(
        self, entity_ids: Sequence[int], *, names_only: bool = False
    ) -> Iterator[tuple[int, str, int, int, int]]:
        """(entity, alias, count, first seen, is a role) over each entity's latest
        ``MAX_ALIAS_MENTIONS`` mentions, first seen first within an entity."""
        sql = _LATEST_ALIAS_SQL.format(only="AND label != 'ROLE'" if names_only else "")
        for entity_id in dict.fromkeys(entity_ids):
            for row in self._db.execute(sql, (entity_id, MAX_ALIAS_MENTIONS)):
                yield int(row[0]), str(row[1]), int(row[2]), int(row[3]), int(row[4])

    def entity_candidates(self, keys: Sequence[str]) -> dict[int, str]:
        """Entities registered under any of ``keys``: id -> label."""
        if not keys:
            return {}
        rows = self._db.execute(
            "SELECT DISTINCT e.id, e.label FROM entity_keys k JOIN entities e ON e.id = "
            f"k.entity_id WHERE k.key IN ({','.join('?' * len(keys))}) ORDER BY e.id",
            tuple(keys),
        )
        return {int(r[0]): str(r[1]) for r in rows}

    def create_entity(self, label: str, keys: Sequence[str]) -> int:
        self._require_tx()
        cur = self._db.execute("INSERT INTO entities (label) VALUES (?)", (label,))
        entity_id = int(cur.lastrowid or 0)
        self.add_entity_keys(entity_id, keys)
        return entity_id

    def add_entity_keys(self, entity_id: int, keys: Sequence[str]) -> None:
        self._require_tx()
        self._db.executemany(
            "INSERT OR IGNORE INTO entity_keys VALUES (?, ?)", [(k, entity_id) for k in keys]
        )

    def save_mentions(
        self, article_id: str, content_hash: str, version: int, mentions: Sequence[Mention]
    ) -> None:
        """Replace the article's mentions and mark it enriched at ``version``."""
        self._require_tx()
        self._db.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
        by_span = {(m.start, m.end): m for m in mentions}  # one mention per span, the last
        self._db.executemany(
            "INSERT INTO mentions VALUES (?, ?, ?, ?, ?)",
            [(article_id, m.start, m.end, m.label, m.canonical) for m in by_span.values()],
        )
        self._db.execute(
            "INSERT INTO enrichments VALUES (?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET "
            "content_hash = excluded.content_hash, version = excluded.version, "
            "enriched_at = excluded.enriched_at",
            (article_id, content_hash, version, datetime.now(UTC).isoformat(timespec="seconds")),
        )

    def save_quotes(self, article_id: str, quotes: Sequence[Quote]) -> None:
        """Replace the article's quotes."""
        self._require_tx()
        self._db.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
        self._db.executemany(
            "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article_id,
                    i,
                    _spans_json(q.cue),
                    _spans_json(q.sources),
                    _spans_json(q.contents),
                    int(q.direct),
                    q.speaker,
                )
                for i, q in enumerate(quotes)
            ],
        )

    def quotes(self, article_id: str) -> list[Quote]:
        rows = self._db.execute(
            "SELECT cue, sources, contents, direct, speaker FROM quotes WHERE article_id = ? "
            "ORDER BY idx",
            (article_id,),
        )
        return [Quote(_spans(r[0]), _spans(r[1]), _spans(r[2]), bool(r[3]), r[4]) for r in rows]

    def save_claims(self, article_id: str, claims: Sequence[Claim]) -> None:
        """Replace the article's claims."""
        self._require_tx()
        self._db.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
        self._db.executemany(
            "INSERT INTO claims VALUES (?, ?, ?, ?)",
            [(article_id, i, c.kind, json.dumps(_claim_json(c))) for i, c in enumerate(claims)],
        )

    def claims(self, article_id: str) -> list[Claim]:
        rows = self._db.execute(
            "SELECT data FROM claims WHERE article_id = ? ORDER BY idx", (article_id,)
        )
        return [_claim_from_json(json.loads(r[0])) for r in rows]

    def save_sentences(self, article_id: str, sentences: Sequence[Sentence]) -> None:
        """Replace the article's sentences."""
        self._require_tx()
        data = [[s.start, s.end, list(s.lemmas), s.finite, s.caption] for s in sentences]
        self._db.execute(
            "INSERT OR REPLACE INTO article_sentences VALUES (?, ?)", (article_id, json.dumps(data))
        )

    def sentences(self, article_id: str) -> list[Sentence]:
        row = self._db.execute(
            "SELECT sentences FROM article_sentences WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return []
        # rows written before enrichment version 20 have no ``finite`` (taken as finite), before
        # version 23 no ``caption`` (taken as none)
        return [
            Sentence(
                int(x[0]),
                int(x[1]),
                tuple(x[2]),
                bool(x[3]) if len(x) > 3 else True,
                bool(x[4]) if len(x) > 4 else False,
            )
            for x in json.loads(row[0])
        ]

    def mentions(self, article_id: str) -> list[Mention]:
        rows = self._db.execute(
            "SELECT start_char, end_char, label, entity_id FROM mentions WHERE article_id = ? "
            "ORDER BY start_char",
            (article_id,),
        )
        return [Mention(int(r[0]), int(r[1]), str(r[2]), r[3]) for r in rows]

    def unenriched(self, version: int) -> Iterator[str]:
        """Ids of articles never enriched, changed since, or enriched by an older version."""
        rows = self._db.execute(
            "SELECT a.id FROM articles a LEFT JOIN enrichments e ON e.article_id = a.id "
            "WHERE e.article_id IS NULL OR e.content_hash != a.content_hash OR e.version != ? "
            "ORDER BY a.seq",
            (version,),
        )
        for row in rows.fetchall():
            yield str(row[0])

    def entity_names(self, entity_ids: Sequence[int]) -> dict[int, str]:
        """Canonical names of ``entity_ids``, as :meth:`entities` gives them, without the
        article counts (which cost a scan of every mention of a frequent entity)."""
        aliases, roles, _ = _forms(self._latest_aliases([e for e in entity_ids if storable(e)]))
        return {entity_id: _name(forms, roles) for entity_id, forms in aliases.items()}

    def entities(self, entity_ids: Sequence[int] | None = None) -> list[Entity]:
        """Entities with their canonical name, aliases (most frequent first), article count."""
        where = ""
        params: tuple[int, ...] = ()
        if entity_ids is not None:
            entity_ids = [e for e in entity_ids if storable(e)]
            if not entity_ids:
                return []
            where = f"WHERE m.entity_id IN ({','.join('?' * len(entity_ids))}) "
            params = tuple(entity_ids)
        aliases, roles, first_seen = _forms(
            self._latest_aliases(params)
            if entity_ids is not None
            else self._db.execute(_ALIAS_SQL + "GROUP BY 1, 2" + _ALIAS_ORDER)
        )
        # counts and labels of the entities asked for only: a page of events asks for a few
        # entities each, and a scan of every mention per event grows with the square of the store
        only = where.replace("m.entity_id", "entity_id")
        articles = dict(
            self._db.execute(
                "SELECT entity_id, COUNT(*) FROM entity_articles " + only + "GROUP BY 1", params
            ).fetchall()
        )
        labels = dict(
            self._db.execute(
                "SELECT id, label FROM entities " + where.replace("m.entity_id", "id"), params
            ).fetchall()
        )
        out = [
            Entity(
                id=entity_id,
                name=_name(forms, roles),
                label=labels[entity_id],
                aliases=tuple(a for a, _ in forms.most_common()),
                articles=int(articles.get(entity_id, 0)),
            )
            for entity_id, forms in aliases.items()
            if entity_id is not None
        ]
        return sorted(out, key=lambda e: (-e.articles, e.name, first_seen[e.id]))
