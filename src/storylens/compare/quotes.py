"""Quotes across the reports of an event: the same words given to the same speaker agree;
the same words given to different speakers are ``conflict:speaker``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storylens.compare.data import Report
from storylens.compare.model import AGREE, CONFLICT_PREFIX
from storylens.compare.words import content_words
from storylens.model import Quote, Span

SAME_WORDS = 0.6  # Jaccard overlap of content words for "the same quote"
MIN_WORDS = 4
SPEAKER_WORDS = 6  # a speaker conflict needs a quotation at least this long ...
SPEAKER_OVERLAP = 0.7  # ... and this close: short or loose matches are common phrases
_NOT_NAMES = frozenset("he she they it we i the a an his her their its this that".split())


@dataclass(frozen=True, slots=True)
class QuoteFact:
    report: int
    quote: Quote
    words: frozenset[str]

    @property
    def span(self) -> Span:
        spans = self.quote.contents
        return Span(spans[0].start, spans[-1].end)


@dataclass(frozen=True, slots=True)
class QuotePair:
    a: QuoteFact
    b: QuoteFact
    relation: str
    overlap: float


def quote_facts(reports: Sequence[Report]) -> list[QuoteFact]:
    out = []
    for ri, report in enumerate(reports):
        for q in report.quotes:
            if not q.contents:
                continue
            words = frozenset(
                w for span in q.contents for w in content_words(report.text[span.start : span.end])
            )
            if len(words) >= MIN_WORDS:
                out.append(QuoteFact(ri, q, words))
    return out


def compare_quotes(reports: Sequence[Report], facts: Sequence[QuoteFact]) -> list[QuotePair]:
    out = []
    for i, qa in enumerate(facts):
        for qb in facts[i + 1 :]:
            overlap = len(qa.words & qb.words) / len(qa.words | qb.words)
            if overlap < SAME_WORDS:
                continue
            if reports[qa.report].source == reports[qb.report].source:
                if qa.quote.speaker == qb.quote.speaker:  # a copy: one source, grouped as one
                    out.append(QuotePair(qa, qb, AGREE, overlap))
                continue
            sa, sb = qa.quote.speaker, qb.quote.speaker
            if sa is not None and sb is not None and sa != sb:
                long_enough = min(len(qa.words), len(qb.words)) >= SPEAKER_WORDS
                same_words = overlap == 1.0  # word for word, even a short quotation
                if (
                    _named(reports[qa.report], qa)
                    and _named(reports[qb.report], qb)
                    and qa.quote.direct
                    and qb.quote.direct
                    and ((long_enough and overlap >= SPEAKER_OVERLAP) or same_words)
                ):
                    out.append(QuotePair(qa, qb, CONFLICT_PREFIX + "speaker", overlap))
            elif sa is not None and sa == sb:
                out.append(QuotePair(qa, qb, AGREE, overlap))
    return out


def _named(report: Report, fact: QuoteFact) -> bool:
    """Whether the quote's source is written as a name (not "he", "the agency")."""
    if not fact.quote.sources:
        return False
    first = report.text[fact.quote.sources[0].start : fact.quote.sources[0].end].split()
    return bool(first) and first[0][:1].isupper() and first[0].casefold() not in _NOT_NAMES


def speaker_note(reports: Sequence[Report], pair: QuotePair) -> str:
    """ "Mayor Ilsa Marchetti / Transport Minister Dario Fenn": who each report says spoke."""

    def who(fact: QuoteFact) -> str:
        sources = fact.quote.sources
        text = reports[fact.report].text
        return text[sources[0].start : sources[0].end] if sources else "?"

    return f"{who(pair.a)} / {who(pair.b)}"
