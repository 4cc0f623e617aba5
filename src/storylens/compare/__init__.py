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

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from storylens.compare.align import SentenceIndex, SentenceRef, idf_weights
from storylens.compare.data import Report, load_reports
from storylens.compare.facts import (
    compare_directions,
    compare_events,
    compare_places,
    compare_venues,
    event_doers,
    places_differ,
)
from storylens.compare.model import AGREE, UNIQUE, Relation
from storylens.compare.names import minority_sides, name_conflicts, word_conflicts
from storylens.compare.people import full_name_words, other_people, sentence_people
from storylens.compare.quotes import QuoteFact, compare_quotes, quote_facts, speaker_note
from storylens.compare.relate import Link, Node, coherent_agreements, relations_from_links
from storylens.compare.values import Value, compare_values, figures_differ, read_values
from storylens.compare.words import STOP_WORDS, content_words
from storylens.model import Entity, Sentence, Span
from storylens.store.base import Store

__all__ = [
    "Comparison",
    "Report",
    "compare_event",
    "compare_reports",
    "disputed",
    "load_reports",
]

VERSION = 45  # raise when relations, briefs or event summaries change: cached ones are recomputed
AGREE_SIMILARITY = 0.55  # sentences this alike say the same thing
CHAINED_SIMILARITY = 0.3  # ... and each of a group of them is at least this like every other
BEYOND_NAMES = 0.1  # ... and this alike in what they say of the names they share
UNIQUE_SIMILARITY = 0.5  # a figure in a sentence this like another source's is not "only in"
QUOTE_ECHO = 0.3  # a quotation sharing this much with another source's is not unique
PARAPHRASE = 0.6  # ... nor one whose words another source's sentence mostly has
COPY_OVERLAP = 0.8  # one source's two sentences sharing this much of their words are one text
MOMENT_KINDS = frozenset({"date", "daypart", "year", "weekday"})  # compared as dates
UNIQUE_KINDS = frozenset({"money", "count_of_people", "quantity"})


@dataclass(frozen=True, slots=True)
class Comparison:
    """An event's reports, their aligned sentences and the relations between their statements."""

    event_id: int | None
    reports: tuple[Report, ...]
    relations: tuple[Relation, ...]
    index: SentenceIndex
    entities: dict[int, Entity]  # the canonical entities of the reports' mentions and speakers

    @property
    def names(self) -> dict[int, str]:
        return {i: e.name for i, e in self.entities.items()}

    @property
    def conflicts(self) -> list[Relation]:
        return [r for r in self.relations if r.is_conflict]


def compare_event(store: Store, event_id: int | None, article_ids: Sequence[str]) -> Comparison:
    """Compare the reports of one event (``article_ids``: its members)."""
    reports = load_reports(store, article_ids)
    idf = idf_weights(store, reports)
    index = SentenceIndex(reports, idf)
    ids = sorted(
        {m.canonical for r in reports for m in r.mentions if m.canonical is not None}
        | {q.speaker for r in reports for q in r.quotes if q.speaker is not None}
    )
    entities = {e.id: e for e in store.entities(ids)} if ids else {}
    relations = compare_reports(reports, idf, index, {i: e.name for i, e in entities.items()})
    return Comparison(event_id, tuple(reports), tuple(relations), index, entities)


def compare_reports(
    reports: Sequence[Report],
    idf: Mapping[str, float],
    index: SentenceIndex | None = None,
    names: Mapping[int, str] | None = None,
) -> list[Relation]:
    """All relations between the statements of ``reports`` (see the module doc), conflicts
    first."""
    index = index or SentenceIndex(reports, idf)
    values = read_values(reports)
    quotes = quote_facts(reports)
    doers = event_doers(reports)
    links = (
        _value_links(reports, index, values)
        + _fact_links(reports, index, doers)
        + _quote_links(reports, quotes)
    )
    relations: list[Relation] = []
    for kind in ("number", "time", "date", "place", "venue", "quote"):
        relations.extend(relations_from_links(reports, [x for x in links if x.kind == kind]))
    relations.extend(_deeds(reports, [x for x in links if x.kind == "event"], doers))
    relations.extend(name_conflicts(reports, names or {}))
    relations.extend(word_conflicts(reports, idf))
    in_dispute = disputed(relations, reports)
    relations.extend(_statement_agreements(reports, index, in_dispute, values))
    uniques = _uniques(reports, index, values, quotes)
    relations.extend(
        u for u in uniques if (u.sides[0].article_id, u.sides[0].start) not in in_dispute
    )
    return sorted(relations, key=_order)


def _value_links(
    reports: Sequence[Report], index: SentenceIndex, values: Sequence[Value]
) -> list[Link]:
    out = []
    for p in compare_values(reports, index, values):
        dim = p.a.dimension
        kind = "time" if dim == "time" else "date" if dim in MOMENT_KINDS else "number"
        note = f"{_written(reports, p.a)} / {_written(reports, p.b)}"
        confidence = min(1.0, 0.5 + p.similarity)
        out.append(
            Link(p.relation, kind, (p.a.report, p.a.span), (p.b.report, p.b.span), confidence, note)
        )
    return out


def _sentence(reports: Sequence[Report], ref: SentenceRef) -> tuple[Report, Sentence]:
    report = reports[ref.report]
    return report, report.sentences[ref.sentence]


def _fact_links(
    reports: Sequence[Report], index: SentenceIndex, doers: Mapping[Node, frozenset[str]]
) -> list[Link]:
    facts = (
        compare_places(reports, index)
        + compare_directions(reports, index)
        + compare_venues(reports, index)
        + compare_events(reports, index, doers)
    )
    return [Link(f.relation, f.kind, f.a, f.b, min(1.0, 0.4 + f.similarity), f.note) for f in facts]


def _deeds(
    reports: Sequence[Report], links: Sequence[Link], doers: Mapping[Node, frozenset[str]]
) -> list[Relation]:
    """Who-did-what agreements, grouped so that no group holds the deeds of different people:
    "Cruz won Oklahoma" and "Cruz and Clinton have won" agree, and so do "Cruz and Clinton" and
    "Trump and Clinton have won"; the two links do not make one group."""

    def together(x: Node, y: Node) -> bool:
        return not other_people(doers.get(x, frozenset()), doers.get(y, frozenset()))

    ordered = sorted(links, key=lambda x: -x.confidence)
    joined, apart = coherent_agreements(ordered, together)
    out = relations_from_links(reports, joined)
    for link in apart:
        out.extend(relations_from_links(reports, [link]))
    return out


def _quote_links(reports: Sequence[Report], quotes: Sequence[QuoteFact]) -> list[Link]:
    out = []
    for q in compare_quotes(reports, quotes):
        note = speaker_note(reports, q) if q.relation != AGREE else ""
        a, b = (q.a.report, q.a.span), (q.b.report, q.b.span)
        out.append(Link(q.relation, "quote", a, b, q.overlap, note))
    return out


def _order(r: Relation) -> tuple[int, float]:
    rank = 0 if r.is_conflict else 1 if r.relation == AGREE else 2 if r.relation != UNIQUE else 3
    return rank, -r.confidence


def _written(reports: Sequence[Report], value: Value) -> str:
    return reports[value.report].text[value.span.start : value.span.end]


def disputed(relations: Sequence[Relation], reports: Sequence[Report]) -> set[tuple[str, int]]:
    """The sentences (article id, start) whose statement some conflict disputes: every side of
    a conflict, except that a name spelt two ways disputes only the sentences with the spelling
    fewer sources use (:func:`.names.minority_sides`)."""
    out: set[tuple[str, int]] = set()
    for r in relations:
        if r.is_conflict:
            sides = minority_sides(r, reports) if r.kind == "name" else r.sides
            out.update((s.article_id, s.start) for s in sides)
    return out


def _statement_agreements(
    reports: Sequence[Report],
    index: SentenceIndex,
    conflicting: set[tuple[str, int]],
    values: Sequence[Value],
) -> list[Relation]:
    """Sentences of different sources that say the same thing, grouped: alike, alike too in
    more than the names they share ("Trump didn't need to meet with Peña Nieto." / "Peña Nieto
    said that immigration ... peaked"), not each about other people (:func:`.people.other_people`),
    neither disputed, and not giving different figures of one kind; a group holds sentences
    each somewhat like every other and none about other people than another
    (:func:`.relate.coherent_agreements`)."""
    by_sentence: dict[SentenceRef, list[Value]] = defaultdict(list)
    for v in values:
        by_sentence[v.sentence].append(v)
    names: dict[SentenceRef, frozenset[str]] = {}

    def name_words(ref: SentenceRef) -> frozenset[str]:
        if ref not in names:
            report = reports[ref.report]
            sent = report.sentences[ref.sentence]
            names[ref] = frozenset(
                word
                for m in report.mentions
                if sent.start <= m.start and m.end <= sent.end
                for word in content_words(report.text[m.start : m.end])
            )
        return names[ref]

    people: dict[SentenceRef, frozenset[str]] = {}
    name_parts = full_name_words(reports)

    def person_words(ref: SentenceRef) -> frozenset[str]:
        if ref not in people:
            people[ref] = sentence_people(reports[ref.report], ref, name_parts)
        return people[ref]

    refs: dict[Node, SentenceRef] = {}
    links = []
    for pair in index.pairs:  # most alike first
        if pair.similarity < AGREE_SIMILARITY:
            break
        if figures_differ(by_sentence[pair.a], by_sentence[pair.b]):
            continue
        left_out = name_words(pair.a) | name_words(pair.b) | STOP_WORDS
        if index.similarity_beyond(pair.a, pair.b, left_out) < BEYOND_NAMES:
            continue
        if other_people(person_words(pair.a), person_words(pair.b)):
            continue
        if places_differ(*(_sentence(reports, ref) for ref in (pair.a, pair.b))):
            continue
        sides = []
        for ref in (pair.a, pair.b):
            sent = reports[ref.report].sentences[ref.sentence]
            sides.append((ref.report, sent.span))
            refs[(ref.report, sent.span.start, sent.span.end)] = ref
        if any((reports[i].id, span.start) in conflicting for i, span in sides):
            continue
        links.append(Link(AGREE, "statement", sides[0], sides[1], pair.similarity))

    def together(x: Node, y: Node) -> bool:
        a, b = refs[x], refs[y]
        return index.similarity(a, b) >= CHAINED_SIMILARITY and not other_people(
            person_words(a), person_words(b)
        )

    joined, apart = coherent_agreements(links, together)
    out = relations_from_links(reports, joined, whole_sentences=True)
    for link in apart:
        out.extend(relations_from_links(reports, [link], whole_sentences=True))
    return out


def _uniques(
    reports: Sequence[Report],
    index: SentenceIndex,
    values: Sequence[Value],
    quotes: Sequence[QuoteFact],
) -> list[Relation]:
    """Figures and quotations that no other source has (copies of one original are one
    source): a figure no other source gives in its dimension ("$100 million"), a quotation no
    other source quotes or paraphrases ("a punch to the gut"). Absence in another report is
    not disagreement: these say "only in", nothing more."""
    out: list[Relation] = []
    seen: set[tuple[str, int]] = set()
    # what each relation of ``out`` rests on: its kind, source, and the words of its sentence
    # or quotation, so that a copy's "only in" joins its original's line
    basis: list[tuple[str, str, frozenset[str]]] = []

    def add(
        report: Report, span: Span, kind: str, confidence: float, words: frozenset[str]
    ) -> None:
        key = (report.id, report.side(span).start)  # one line per sentence
        if key in seen:
            return
        seen.add(key)
        for i, (k, source, other) in enumerate(basis):
            if (
                (k, source) == (kind, report.source)
                and all(side.article_id != report.id for side in out[i].sides)
                and _same_words(words, other)
            ):
                out[i] = _with_copy(out[i], report, span, reports)
                return
        out.append(_unique(report, span, kind, confidence))
        basis.append((kind, report.source, words))

    for v in values:
        if v.claim is None or v.claim.kind not in UNIQUE_KINDS:
            continue
        others = [
            w for w in values
            if w.dimension == v.dimension and reports[w.report].source != reports[v.report].source
        ]  # fmt: skip
        if any(not (w.high < v.low or v.high < w.low) for w in others):
            continue
        if index.best_elsewhere(v.sentence) >= UNIQUE_SIMILARITY:
            continue  # a sentence another source also has, with another figure: not "only in"
        report = reports[v.report]
        sentence = report.sentences[v.sentence.sentence]
        words = frozenset(content_words(report.text[sentence.start : sentence.end]))
        add(report, v.span, "number", 1.0 - index.best_elsewhere(v.sentence), words)
    sentence_words = [
        (r.source, set(content_words(r.text[s.start : s.end])))
        for r in reports
        for s in r.sentences
    ]
    for q in quotes:
        report = reports[q.report]
        if q.quote.speaker is None:
            continue
        echoed = any(
            reports[o.report].source != report.source
            and len(q.words & o.words) / len(q.words | o.words) >= QUOTE_ECHO
            for o in quotes
        )
        paraphrased = any(
            source != report.source and len(q.words & words) >= PARAPHRASE * len(q.words)
            for source, words in sentence_words
        )
        if not echoed and not paraphrased:
            add(report, q.span, "quote", 0.8, q.words)
    return out


def _same_words(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sentences (or quotations) are one text, give or take an edit: a copy's."""
    return bool(a | b) and len(a & b) / len(a | b) >= COPY_OVERLAP


def _with_copy(
    relation: Relation, report: Report, span: Span, reports: Sequence[Report]
) -> Relation:
    """``relation`` with a copy's side added; the original's outlet names the line."""
    sides = (*relation.sides, report.side(span))
    by_id = {r.id: r for r in reports}
    copies = [s for s in sides if by_id[s.article_id].stored.near_duplicate_of is not None]
    ordered = tuple(s for s in sides if s not in copies) + tuple(copies)
    first = by_id[ordered[0].article_id]
    return replace(relation, sides=ordered, note=first.outlet or first.id)


def _unique(report: Report, span: Span, kind: str, confidence: float) -> Relation:
    return Relation(UNIQUE, kind, confidence, (report.side(span),), 1, report.outlet or report.id)
