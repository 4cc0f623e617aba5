"""Enrichment: articles -> annotations (offsets into the article text).

This stage finds entity mentions tied to store-wide entities, attributions (quotes) with their
speakers, claims (numbers, dates, places, venues), and photo captions. It runs over the articles
that need it (never enriched, changed since, or enriched by an older ``VERSION``), so it is
resumable and re-running it does nothing.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime

from spacy.language import Language
from spacy.tokens import Doc

from storylens.enrich.ages import ages_from_doc
from storylens.enrich.captions import captions_from_doc
from storylens.enrich.claims import claims_from_doc
from storylens.enrich.entities import mentions_from_doc, outlet_as_organisation
from storylens.enrich.grouping import group_mentions
from storylens.enrich.nlp import MAX_CHARS, load_nlp
from storylens.enrich.quotes import quotes_from_doc
from storylens.enrich.resolve import ArticleEntities, resolve
from storylens.enrich.roles import tie_roles
from storylens.enrich.speakers import speaker_of, subject_starts
from storylens.enrich.terms import sentences_from_doc, terms_from_doc
from storylens.model import Article, Mention, Published, Reject
from storylens.store.base import Store

__all__ = ["VERSION", "EnrichReport", "Enricher"]

log = logging.getLogger(__name__)

VERSION = 27  # raise when annotations change meaning: every article is then enriched again
BATCH = 32  # articles per transaction
PARALLEL_MIN = 64  # fewer articles are done before a second process would have started


@dataclass(frozen=True, slots=True)
class EnrichReport:
    enriched: int
    failed: tuple[Reject, ...]
    seconds: float

    def as_dict(self) -> dict[str, object]:
        return {
            "enriched": self.enriched,
            "failed": [{"source": r.source, "reason": r.reason} for r in self.failed],
            "seconds": round(self.seconds, 3),
        }


def _day(published: Published) -> date | None:
    if isinstance(published, datetime):
        return published.date()
    return published


class Enricher:
    """Annotates stored articles with entity mentions tied to store-wide entities."""

    def __init__(self, store: Store, nlp: Language | None = None) -> None:
        self.store = store
        self.nlp = nlp or load_nlp()

    def pending(self) -> list[str]:
        return list(self.store.unenriched(VERSION))

    def run(
        self,
        article_ids: Iterable[str] | None = None,
        on_article: Callable[[str], None] | None = None,
    ) -> EnrichReport:
        """Enrich ``article_ids`` (default: every article that needs it)."""
        start = time.perf_counter()
        ids = list(article_ids) if article_ids is not None else self.pending()
        enriched = 0
        failed: list[Reject] = []
        # spaCy in two processes when there is enough work to pay for starting them
        # (measured: 9.6 -> 15.8 articles/s on 600-word articles, 2 cores).
        n_process = 2 if len(ids) >= PARALLEL_MIN and (os.cpu_count() or 1) > 1 else 1
        # plain texts, not (text, id) tuples: with tuples spaCy tokenises in this process and
        # sends the workers serialised documents (seen in a profile of this process)
        docs = self.nlp.pipe((self._text(a) for a in ids), n_process=n_process, batch_size=16)
        pending: list[tuple[str, Doc | None]] = []
        for article_id, doc in zip(ids, docs, strict=True):
            pending.append((article_id, doc if len(doc) else None))
            if len(pending) >= BATCH:
                enriched += self._save(pending, failed, on_article)
                pending = []
        enriched += self._save(pending, failed, on_article)
        return EnrichReport(enriched, tuple(failed), time.perf_counter() - start)

    def _text(self, article_id: str) -> str:
        """What spaCy reads: the English text, or nothing (other languages get no annotations)."""
        stored = self.store.get(article_id)
        if stored is None or stored.article.language not in (None, "en"):
            return ""
        return stored.article.text[:MAX_CHARS]

    def _save(
        self,
        items: list[tuple[str, Doc | None]],
        failed: list[Reject],
        on_article: Callable[[str], None] | None,
    ) -> int:
        """Resolve and store the mentions of ``items`` in one transaction."""
        saved = 0
        with self.store.transaction():
            for article_id, doc in items:
                stored = self.store.get(article_id)
                if stored is None:
                    continue
                try:
                    mentions = self._mentions(stored.article, doc) if doc is not None else []
                    found = quotes_from_doc(doc) if doc is not None else []
                    reported = [c for q in found for c in q.contents]
                    subjects = subject_starts(doc, mentions) if doc is not None else set()
                    quotes = [
                        replace(
                            q,
                            speaker=speaker_of(
                                q, stored.article.text, mentions, reported, subjects
                            ),
                        )
                        for q in found
                    ]
                    self.store.save_mentions(
                        article_id, stored.article.content_hash, VERSION, mentions
                    )
                    self.store.save_quotes(article_id, quotes)
                    day = _day(stored.article.published)
                    captions = captions_from_doc(doc, day) if doc is not None else []
                    names = self._names(mentions)  # speakers are among the mentions
                    claims = (
                        claims_from_doc(doc, day, quotes, names)
                        + ages_from_doc(doc, mentions, names, subjects, reported, day)
                        if doc is not None
                        else []
                    )
                    self.store.save_claims(article_id, claims)
                    self.store.save_terms(
                        article_id, terms_from_doc(doc) if doc is not None else {}
                    )
                    self.store.save_sentences(
                        article_id, sentences_from_doc(doc, captions) if doc is not None else []
                    )
                    saved += 1
                except Exception as exc:  # one article's failure must not stop the rest
                    log.exception("enrichment failed for %s", article_id)
                    failed.append(Reject(article_id, f"enrichment failed: {exc!r}"))
                if on_article is not None:
                    on_article(article_id)
        return saved

    def _names(self, mentions: list[Mention]) -> dict[int, str]:
        """Canonical id -> name of the entities ``mentions`` are of."""
        ids = sorted({m.canonical for m in mentions if m.canonical is not None})
        return self.store.entity_names(ids) if ids else {}

    def _mentions(self, article: Article, doc: Doc) -> list[Mention]:
        raw = outlet_as_organisation(mentions_from_doc(doc), article.outlet)
        out: list[Mention] = []
        groups = group_mentions(article.text, raw)
        tie_roles(article.text, groups)
        entities = ArticleEntities(self.store)
        for group in groups:
            entity_id = resolve(group, entities)
            entities.resolved(entity_id, group)
            out.extend(
                Mention(m.start, m.end, m.label if m.label != "HANDLE" else group.label, entity_id)
                for m in group.mentions
            )
        return sorted(out, key=lambda m: (m.start, m.end))
