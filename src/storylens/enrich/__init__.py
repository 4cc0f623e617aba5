"""Enrichment: articles -> annotations (offsets into the article text).

This stage finds entity mentions and ties them to store-wide entities; quotes and claims
follow. It runs over the articles that need it (never enriched, changed since, or enriched by
an older ``VERSION``), so it is resumable and re-running it does nothing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from storylens.enrich.entities import mentions_from_doc
from storylens.enrich.grouping import group_mentions
from storylens.enrich.nlp import MAX_CHARS, load_nlp
from storylens.enrich.resolve import resolve
from storylens.model import Article, Mention, Reject
from storylens.store.base import Store

__all__ = ["VERSION", "EnrichReport", "Enricher"]

log = logging.getLogger(__name__)

VERSION = 1  # raise when annotations change meaning: every article is then enriched again
BATCH = 32


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
        start = time.perf_counter()
        ids = list(article_ids) if article_ids is not None else self.pending()
        enriched, failed = 0, []
        for i in range(0, len(ids), BATCH):
            articles = [s.article for a in ids[i : i + BATCH] if (s := self.store.get(a))]
            english = [a for a in articles if a.language in (None, "en")]
            docs = dict(
                zip(
                    (a.id for a in english),
                    self.nlp.pipe(a.text[:MAX_CHARS] for a in english),
                    strict=True,
                )
            )
            with self.store.transaction():
                for article in articles:
                    try:
                        doc = docs.get(article.id)
                        mentions = self._mentions(article, doc) if doc is not None else []
                        self.store.save_mentions(
                            article.id, article.content_hash, VERSION, mentions
                        )
                        enriched += 1
                    except Exception as exc:  # one article's failure must not stop the rest
                        log.exception("enrichment failed for %s", article.id)
                        failed.append(Reject(article.id, f"enrichment failed: {exc!r}"))
                    if on_article is not None:
                        on_article(article.id)
        return EnrichReport(enriched, tuple(failed), time.perf_counter() - start)

    def _mentions(self, article: Article, doc: Doc) -> list[Mention]:
        raw = mentions_from_doc(doc)
        out: list[Mention] = []
        for group in group_mentions(article.text, raw):
            entity_id = resolve(group, self.store)
            out.extend(
                Mention(m.start, m.end, m.label if m.label != "HANDLE" else group.label, entity_id)
                for m in group.mentions
            )
        return sorted(out, key=lambda m: (m.start, m.end))
