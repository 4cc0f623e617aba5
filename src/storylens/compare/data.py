"""What the comparison reads of an event: its reports with their annotations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storylens.compare.model import Side
from storylens.model import Claim, Mention, Quote, Sentence, Span, StoredArticle
from storylens.store.base import Store


@dataclass(frozen=True, slots=True)
class Report:
    """One article of the event with what enrichment found in it.

    ``source`` names its syndication group: the original's id for a near-duplicate copy whose
    original is in the event, else its own id. Reports with one ``source`` are one source.
    """

    stored: StoredArticle
    source: str
    sentences: tuple[Sentence, ...]
    claims: tuple[Claim, ...]
    quotes: tuple[Quote, ...]
    mentions: tuple[Mention, ...]

    @property
    def id(self) -> str:
        return self.stored.article.id

    @property
    def text(self) -> str:
        return self.stored.article.text

    @property
    def outlet(self) -> str | None:
        return self.stored.article.outlet

    @property
    def day(self) -> str | None:
        iso = self.stored.article.published_iso
        return iso[:10] if iso else None

    def side(self, span: Span) -> Side:
        """A relation side: the sentence around ``span``, with ``span`` highlighted."""
        sentence = self.sentence_at(span.start)
        start, end = (sentence.start, sentence.end) if sentence else (span.start, span.end)
        start, end = min(start, span.start), max(end, span.end)
        return Side(self.id, self.outlet, start, end, self.text[start:end], span)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing character ``offset``."""
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None


def load_reports(store: Store, article_ids: Sequence[str]) -> list[Report]:
    """The event's reports in time order (undated ones last, by ingest order)."""
    stored = [s for a in article_ids if (s := store.get(a)) is not None]
    ids = {s.article.id for s in stored}
    reports = [
        Report(
            stored=s,
            source=s.near_duplicate_of if s.near_duplicate_of in ids else s.article.id,
            sentences=tuple(store.sentences(s.article.id)),
            claims=tuple(store.claims(s.article.id)),
            quotes=tuple(store.quotes(s.article.id)),
            mentions=tuple(store.mentions(s.article.id)),
        )
        for s in stored
    ]
    return sorted(
        reports,
        key=lambda r: (r.day is None, r.stored.article.published_iso or "", r.stored.seq),
    )
