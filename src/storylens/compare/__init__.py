"""Comparison: the reports of one event -> relations between their statements.

What the sources agree on (counting independent sources, not copies), what only one reports,
which is more specific, and where they contradict each other and how. Precision comes first:
every check below declines to label a pair it is unsure of, because an invented conflict is worse
than a missed one.

1. sentences of different sources are aligned by shared rare words (:mod:`.align`);
2. numbers (:mod:`.numbers`), dates, places and venues (:mod:`.facts`), quotes
   (:mod:`.quotes`) and names (:mod:`.names`) are compared within aligned statements;
3. labelled pairs are grouped into relations (:mod:`.relate`); statements no other source has
   are ``unique``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storylens.compare.align import SentenceIndex, SentenceRef, idf_weights
from storylens.compare.data import Report, load_reports
from storylens.compare.facts import compare_places, compare_venues
from storylens.compare.model import AGREE, UNIQUE, Relation
from storylens.compare.names import name_conflicts
from storylens.compare.values import Value, compare_values, read_values
from storylens.compare.quotes import compare_quotes, quote_facts
from storylens.compare.relate import Link, relations_from_links
from storylens.store.base import Store

__all__ = ["Comparison", "compare_event", "compare_reports", "Report", "load_reports"]

AGREE_SIMILARITY = 0.55  # sentences this alike say the same thing
UNIQUE_SIMILARITY = 0.25  # a statement whose sentence is this unlike all other sources' is unique
UNIQUE_KINDS = frozenset({"money", "count_of_people", "quantity"})


@dataclass(frozen=True, slots=True)
class Comparison:
    """An event's reports and the relations between their statements."""

    event_id: int | None
    reports: tuple[Report, ...]
    relations: tuple[Relation, ...]

    @property
    def conflicts(self) -> list[Relation]:
        return [r for r in self.relations if r.is_conflict]


def compare_event(store: Store, event_id: int, article_ids: Sequence[str]) -> Comparison:
    """Compare the reports of one event (``article_ids``: its members)."""
    reports = load_reports(store, article_ids)
    return Comparison(event_id, tuple(reports), tuple(compare_reports(reports, idf_weights(store, reports))))


def compare_reports(reports: Sequence[Report], idf: Mapping[str, float]) -> list[Relation]:
    """All relations between the statements of ``reports`` (see the module doc)."""
    if len({r.source for r in reports}) < 1:
        return []
    index = SentenceIndex(reports, idf)
    links: list[Link] = []
    values = read_values(reports)
    for p in compare_values(reports, index, values):
        kind = "date" if p.a.dimension == "date" else "time" if p.a.dimension == "time" else "number"
        links.append(
            Link(p.relation, kind, (p.a.report, p.a.span), (p.b.report, p.b.span),
                 min(1.0, 0.5 + p.similarity), _value_note(reports, p.a, p.b))
        )  # fmt: skip
    for f in compare_places(reports, index) + compare_venues(reports, index):
        links.append(Link(f.relation, f.kind, f.a, f.b, min(1.0, 0.4 + f.similarity), f.note))
    quotes = quote_facts(reports)
    quote_pairs = compare_quotes(reports, quotes)
    for q in quote_pairs:
        links.append(Link(q.relation, "quote", (q.a.report, q.a.span), (q.b.report, q.b.span), q.overlap))
    relations: list[Relation] = []
    for kind in ("number", "time", "date", "place", "venue", "quote"):
        relations.extend(relations_from_links(reports, [x for x in links if x.kind == kind]))
    relations.extend(name_conflicts(reports))
    conflicting = _conflicting_sentences(reports, relations)
    relations.extend(_statement_agreements(reports, index, conflicting))
    matched = {(x.a[0], x.a[1].start) for x in links} | {(x.b[0], x.b[1].start) for x in links}
    relations.extend(_uniques(reports, index, values, quotes, matched))
    return sorted(relations, key=_order)


def _order(r: Relation) -> tuple[int, float]:
    rank = 0 if r.is_conflict else 1 if r.relation == AGREE else 2 if r.relation != UNIQUE else 3
    return rank, -r.confidence


def _value_note(reports: Sequence[Report], a: Value, b: Value) -> str:
    ta = reports[a.report].text[a.span.start : a.span.end]
    tb = reports[b.report].text[b.span.start : b.span.end]
    return f"{ta} / {tb}"


def _conflicting_sentences(reports: Sequence[Report], relations: Sequence[Relation]) -> set[tuple[str, int]]:
    return {(s.article_id, s.start) for r in relations if r.is_conflict for s in r.sides}


def _statement_agreements(
    reports: Sequence[Report], index: SentenceIndex, conflicting: set[tuple[str, int]]
) -> list[Relation]:
    """Sentences of different sources that say the same thing, grouped."""
    links = []
    for pair in index.pairs:
        if pair.similarity < AGREE_SIMILARITY:
            break
        sides = []
        for ref in (pair.a, pair.b):
            report = reports[ref.report]
            sent = report.sentences[ref.sentence]
            sides.append((ref.report, sent.span))
        if any((reports[i].id, span.start) in conflicting for i, span in sides):
            continue
        links.append(Link(AGREE, "statement", sides[0], sides[1], pair.similarity))
    return relations_from_links(reports, links, whole_sentences=True)


def _uniques(
    reports: Sequence[Report],
    index: SentenceIndex,
    numbers,  # type: ignore[no-untyped-def]
    quotes,
    matched: set[tuple[int, int]],
) -> list[Relation]:
    """Numbers and quotes whose sentence no other source has anything like."""
    out = []
    seen: set[tuple[int, int]] = set()
    candidates = [
        (v.report, v.span, v.sentence, "number")
        for v in numbers
        if v.claim is not None and v.claim.kind in UNIQUE_KINDS
    ]
    candidates += [(q.report, q.span, None, "quote") for q in quotes if q.quote.speaker is not None]
    for ri, span, ref, kind in candidates:
        report = reports[ri]
        if (ri, span.start) in matched:
            continue
        if ref is None:
            sentence = report.sentence_at(span.start)
            if sentence is None:
                continue
            ref = SentenceRef(ri, report.sentences.index(sentence))
        if (ri, ref.sentence) in seen or index.best_elsewhere(ref) >= UNIQUE_SIMILARITY:
            continue
        seen.add((ri, ref.sentence))
        side = report.side(span)
        out.append(Relation(UNIQUE, kind, 1.0 - index.best_elsewhere(ref), (side,), 1, report.outlet or report.id))
    return out
