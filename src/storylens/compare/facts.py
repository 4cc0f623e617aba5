"""Dates, places and venues across the reports of an event: agree, conflict:date,
conflict:place, conflict:attribution.

These are compared only between sentences that say nearly the same thing (similar sentences of
different sources, see :mod:`storylens.compare.align`): then "on Feb. 5" against "on Feb. 4",
"off the coast of North Carolina" against "... South Carolina", or "in an interview with NBC"
against "told CNN" are two accounts of one fact. A place or date one sentence gives and the
other also mentions is no conflict ("east of Nurdagi, in Gaziantep" / "from Gaziantep").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storylens.compare.align import SentenceIndex, SentencePair
from storylens.compare.data import Report
from storylens.compare.model import AGREE, CONFLICT_PREFIX
from storylens.compare.words import fold
from storylens.model import Span

DATE_SIMILARITY = 0.3
PLACE_SIMILARITY = 0.45
VENUE_SIMILARITY = 0.4

_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")]
    )
    for name in names
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>(?:19|20)\d\d))?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})\b\.?(?:,?\s+(?P<y2>(?:19|20)\d\d))?)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    month: int
    day: int
    year: int | None
    span: Span


@dataclass(frozen=True, slots=True)
class FactPair:
    """Two sentences' accounts of one date, place or venue, labelled."""

    relation: str
    kind: str  # date, place, venue
    a: tuple[int, Span]  # (report index, highlighted span)
    b: tuple[int, Span]
    similarity: float
    note: str


def date_mentions(text: str, start: int, end: int) -> list[DateMention]:
    """Month-day dates written in ``text[start:end]`` ("Feb. 4", "4 February 2023")."""
    out = []
    for m in _DATE.finditer(text, start, end):
        month = _MONTHS[(m.group("m1") or m.group("m2")).casefold()]
        day = int(m.group("d1") or m.group("d2"))
        year = m.group("y1") or m.group("y2")
        if 1 <= day <= 31:
            out.append(DateMention(month, day, int(year) if year else None, Span(m.start(), m.end())))
    return out


def _same_day(a: DateMention, b: DateMention) -> bool:
    return (a.month, a.day) == (b.month, b.day) and (a.year is None or b.year is None or a.year == b.year)


def compare_dates(reports: Sequence[Report], index: SentenceIndex) -> list[FactPair]:
    out = []
    for pair in index.pairs:
        if pair.similarity < DATE_SIMILARITY:
            continue
        (ra, sa), (rb, sb) = _sentences(reports, pair)
        da = date_mentions(ra.text, sa.start, sa.end)
        db = date_mentions(rb.text, sb.start, sb.end)
        if len(da) != 1 or len(db) != 1:
            continue  # one date each, or it is unclear which dates face each other
        a, b = da[0], db[0]
        relation = AGREE if _same_day(a, b) else CONFLICT_PREFIX + "date"
        note = f"{ra.text[a.span.start:a.span.end]} / {rb.text[b.span.start:b.span.end]}"
        out.append(
            FactPair(relation, "date", (pair.a.report, a.span), (pair.b.report, b.span),
                     pair.similarity, note)
        )  # fmt: skip
    return out


def _sentences(reports: Sequence[Report], pair: SentencePair):  # type: ignore[no-untyped-def]
    ra, rb = reports[pair.a.report], reports[pair.b.report]
    return (ra, ra.sentences[pair.a.sentence]), (rb, rb.sentences[pair.b.sentence])


def _claims_in(report: Report, start: int, end: int, kind: str) -> list[tuple[str, Span]]:
    return [
        (str(c.value), c.span)
        for c in report.claims
        if c.kind == kind and start <= c.span.start < end
    ]


def _mentioned(name: str, text: str) -> bool:
    folded = fold(text)
    return any(fold(part) in folded for part in _name_parts(name))


def _name_parts(name: str) -> list[str]:
    """"the coast of South Carolina" -> ["South Carolina"]; "Gaziantep province" -> ["Gaziantep"]."""
    words = [w for w in re.split(r"[\s,]+", name) if w[:1].isupper()]
    return [" ".join(words)] if words else [name]


def compare_places(reports: Sequence[Report], index: SentenceIndex) -> list[FactPair]:
    return _compare_named(reports, index, "place", PLACE_SIMILARITY)


def compare_venues(reports: Sequence[Report], index: SentenceIndex) -> list[FactPair]:
    return _compare_named(reports, index, "venue", VENUE_SIMILARITY)


def _compare_named(
    reports: Sequence[Report], index: SentenceIndex, kind: str, threshold: float
) -> list[FactPair]:
    conflict = CONFLICT_PREFIX + ("place" if kind == "place" else "attribution")
    out = []
    for pair in index.pairs:
        if pair.similarity < threshold:
            continue
        (ra, sa), (rb, sb) = _sentences(reports, pair)
        pa = _claims_in(ra, sa.start, sa.end, kind)
        pb = _claims_in(rb, sb.start, sb.end, kind)
        if len(pa) != 1 or len(pb) != 1:
            continue
        (va, spa), (vb, spb) = pa[0], pb[0]
        text_a, text_b = ra.text[sa.start : sa.end], rb.text[sb.start : sb.end]
        if fold(va) == fold(vb):
            relation = AGREE
        elif _mentioned(va, text_b) or _mentioned(vb, text_a):
            continue  # one names both: a part and its whole, or two places of one account
        else:
            relation = conflict
        out.append(
            FactPair(relation, kind, (pair.a.report, spa), (pair.b.report, spb),
                     pair.similarity, f"{va} / {vb}")
        )  # fmt: skip
    return out
