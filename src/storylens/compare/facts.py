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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storylens.compare.align import SentenceIndex, SentencePair, SentenceRef
from storylens.compare.data import Report
from storylens.compare.model import AGREE, CONFLICT_PREFIX
from storylens.compare.people import full_name_words, other_people, span_people
from storylens.compare.relate import Node
from storylens.compare.words import content_words, fold
from storylens.model import Claim, Mention, Sentence, Span

PLACE_SIMILARITY = 0.33
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
            out.append(
                DateMention(month, day, int(year) if year else None, Span(m.start(), m.end()))
            )
    return out


def _sentences(
    reports: Sequence[Report], pair: SentencePair
) -> tuple[tuple[Report, Sentence], tuple[Report, Sentence]]:
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
    """The capitalised part of a place name: "the coast of South Carolina" -> "South
    Carolina"."""
    words = [w for w in re.split(r"[\s,]+", name) if w[:1].isupper()]
    return [" ".join(words)] if words else [name]


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_RAW = re.compile(r"[\w'’-]+")


def _slot(text: str, start: int, end: int, sent_start: int, sent_end: int) -> tuple[str, str]:
    """The two words before and after a name, lower case: where in the sentence it stands."""
    before = _RAW.findall(text[sent_start:start])[-2:]
    after = _RAW.findall(text[end:sent_end])[:2]
    return " ".join(before).casefold(), " ".join(after).casefold()


def _same_slot(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether two names stand after, or before, the same two words."""
    return any(x and x == y and len(x.split()) == 2 for x, y in zip(a, b, strict=True))


def compare_places(reports: Sequence[Report], index: SentenceIndex) -> list[FactPair]:
    """Different places in the same slot of two similar sentences: "off the coast of North
    Carolina" / "off the coast of South Carolina", "at Eden Park on Sunday" / "in Sydney on
    Sunday". A place either report names anywhere, a place inside the other's name, or a place
    in a list ("Turkey and Syria") is no conflict: reports often name several places."""
    out = []
    for pair in index.pairs:
        if pair.similarity < PLACE_SIMILARITY:
            continue
        (ra, sa), (rb, sb) = _sentences(reports, pair)
        for ma in (
            m for m in ra.mentions if m.label in PLACE_LABELS and sa.start <= m.start < sa.end
        ):
            for mb in (
                m for m in rb.mentions if m.label in PLACE_LABELS and sb.start <= m.start < sb.end
            ):
                name_a, name_b = ra.text[ma.start : ma.end], rb.text[mb.start : mb.end]
                fa, fb = fold(name_a), fold(name_b)
                if fa in fb or fb in fa or fa in fold(rb.text) or fb in fold(ra.text):
                    continue
                slot_a = _slot(ra.text, ma.start, ma.end, sa.start, sa.end)
                slot_b = _slot(rb.text, mb.start, mb.end, sb.start, sb.end)
                if any(_listed(x) for x in (*slot_a, *slot_b)):
                    continue
                if _same_slot(slot_a, slot_b):
                    out.append(
                        FactPair(CONFLICT_PREFIX + "place", "place", (pair.a.report, ma.span),
                                 (pair.b.report, mb.span), pair.similarity, f"{name_a} / {name_b}")
                    )  # fmt: skip
    return out


def places_differ(a: tuple[Report, Sentence], b: tuple[Report, Sentence]) -> bool:
    """Whether two sentences put different places in the same slot ("Cruz won Oklahoma and his
    home state of Texas" / "Sanders won Oklahoma and his home state of Vermont"): whatever else
    they share, they do not say the same thing. A place the other sentence names too ("US" in
    "U.S. says ..."), or one in a list ("in Georgia, Virginia, Arkansas"), is left alone."""
    (ra, sa), (rb, sb) = a, b
    text_a, text_b = _plain(ra.text[sa.start : sa.end]), _plain(rb.text[sb.start : sb.end])
    for ma in _places(ra, sa):
        fa = _plain(ra.text[ma.start : ma.end])
        if _names(fa, text_b):
            continue
        slot_a = _slot(ra.text, ma.start, ma.end, sa.start, sa.end)
        for mb in _places(rb, sb):
            fb = _plain(rb.text[mb.start : mb.end])
            if _names(fb, text_a) or _names(fa, fb) or _names(fb, fa):
                continue
            slot_b = _slot(rb.text, mb.start, mb.end, sb.start, sb.end)
            if _same_slot(slot_a, slot_b):
                return True
    return False


def _plain(text: str) -> str:
    return fold(text).replace(".", "")


def _names(name: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


_LIST_MARK = re.compile(r"(?:,|&|\b(?:and|or)\b)\s*$")
_LIST_NEXT = re.compile(r"^\s*(?:,|&|(?:and|or)\b)")


def _places(report: Report, sent: Sentence) -> list[Mention]:
    """The places a sentence names, but those in a list."""
    text = report.text
    return [
        m
        for m in report.mentions
        if m.label in PLACE_LABELS
        and sent.start <= m.start < sent.end
        and not _LIST_MARK.search(text[max(sent.start, m.start - 6) : m.start])
        and not _LIST_NEXT.match(text[m.end : min(sent.end, m.end + 6)])
    ]


def _listed(words: str) -> bool:
    return bool(re.search(r"\b(?:and|or)\b", words))


def compare_venues(reports: Sequence[Report], index: SentenceIndex) -> list[FactPair]:
    return _compare_named(reports, index, "venue", VENUE_SIMILARITY)


def _compare_named(  # venues: claims of one each in two similar sentences
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


EVENT_SIMILARITY = 0.2
_NEGATION = re.compile(r"\b(?:not|never|no)\b", re.IGNORECASE)


def compare_events(
    reports: Sequence[Report], index: SentenceIndex, doers: Mapping[Node, frozenset[str]]
) -> list[FactPair]:
    """Who did what, said alike: event claims of two sources with the same verb and a subject
    word in common, in sentences about the same thing ("the US Secretary of State arrived in
    Brussels" / "US Secretary of State Antony Blinken on Wednesday arrived at the NATO
    Headquarters"). One denied and one affirmed are left alone, not called agreeing, and so are
    two whose subjects name different people: "Republican Sen. Ted Cruz won the primary in
    Oklahoma" and "Democrat Sen. Bernie Sanders won the primary in Oklahoma" share words, not
    the winner. ``doers``: the people each claim's subject names (:func:`event_doers`)."""
    claims = [
        (ri, si, c)
        for ri, report in enumerate(reports)
        for c in report.claims
        if c.kind == "event" and c.predicate and c.subject
        for si in [_sentence_index(report, c.span.start)]
        if si is not None
    ]
    out = []
    for i, (ra, sa, ca) in enumerate(claims):
        for rb, sb, cb in claims[i + 1 :]:
            if reports[ra].source == reports[rb].source or ca.predicate != cb.predicate:
                continue
            if not set(content_words(_core(ca.subject))) & set(content_words(_core(cb.subject))):
                continue
            if other_people(
                doers.get((ra, ca.span.start, ca.span.end), frozenset()),
                doers.get((rb, cb.span.start, cb.span.end), frozenset()),
            ):
                continue
            if bool(_NEGATION.search(str(ca.value))) != bool(_NEGATION.search(str(cb.value))):
                continue
            if other_titles(ca.referent, cb.referent):
                continue
            sim = index.similarity(SentenceRef(ra, sa), SentenceRef(rb, sb))
            if sim < EVENT_SIMILARITY:
                continue
            note = f"{ca.subject} / {cb.subject}: {ca.predicate}"
            out.append(FactPair(AGREE, "event", (ra, ca.span), (rb, cb.span), sim, note))
    return out


def event_doers(reports: Sequence[Report]) -> dict[Node, frozenset[str]]:
    """For each who-did-what claim (report index, span), the people its subject names."""
    name_parts = full_name_words(reports)
    return {
        (i, c.span.start, c.span.end): subject_people(report, c, name_parts)
        for i, report in enumerate(reports)
        for c in report.claims
        if c.kind == "event"
    }


def subject_people(report: Report, claim: Claim, name_parts: frozenset[str]) -> frozenset[str]:
    """The words of the people's names in the subject of a who-did-what ``claim`` (its own
    words, without a relative clause about it)."""
    core = _core(claim.subject)
    at = report.text.find(core, claim.span.start, claim.span.end) if core else -1
    if at < 0:
        return frozenset()
    return span_people(report, at, at + len(core), name_parts)


# where a subject's own words end and a relative clause about it begins (an appositive stays:
# "Google's parent firm, Alphabet,")
_ASIDE = re.compile(r",?\s(?:who|which|whose)\s", re.IGNORECASE)


def _core(subject: str | None) -> str:
    """A subject without the relative clause describing it: "U.S. District Judge Gonzalo
    Curiel, who is handling two class-action lawsuits against Trump University" is the judge,
    not Trump.

    >>> _core("U.S. District Judge Gonzalo Curiel, who is handling lawsuits against Trump")
    'U.S. District Judge Gonzalo Curiel'
    >>> _core("the US Secretary of State")
    'the US Secretary of State'
    """
    text = subject or ""
    m = _ASIDE.search(text)
    return text[: m.start()].strip() if m and m.start() > 0 else text


_TITLE = re.compile(r"^(?:the\s+|an?\s+)?(?:best\s+)?([\w'’-]+)\s+of\s+the\s+(.+)$", re.IGNORECASE)


def other_titles(a: str | None, b: str | None) -> bool:
    """Whether two things done are titles of one kind that differ in their first word: "won
    record of the year" / "won song of the year", "named player of the match" / "goal of the
    match". Such claims are about different things, however alike their sentences.

    >>> other_titles("record of the year", "song of the year")
    True
    >>> other_titles("album of the year", "Album of the Year")
    False
    >>> other_titles("a record-breaking 32nd Grammy Award", "more Grammys")
    False
    """
    ma, mb = _TITLE.match((a or "").strip()), _TITLE.match((b or "").strip())
    if ma is None or mb is None:
        return False
    return fold(ma.group(2)) == fold(mb.group(2)) and fold(ma.group(1)) != fold(mb.group(1))


def _sentence_index(report: Report, offset: int) -> int | None:
    for i, s in enumerate(report.sentences):
        if s.start <= offset < s.end:
            return i
    return None


_DIRECTION = re.compile(
    r"\b(?i:(north|south|east|west|north-east|north-west|south-east|south-west|northeast|"
    r"northwest|southeast|southwest)(?:ern)?\s+of\s+(?:the\s+)?)([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)"
)
DIRECTION_SIMILARITY = 0.2


def compare_directions(reports: Sequence[Report], index: SentenceIndex) -> list[FactPair]:
    """One place, opposite sides of it: "in the Kestrel Hills north of Brenna" / "... south
    of Brenna". Only between similar sentences, and only when neither report gives both."""
    found: list[tuple[int, int, str, str, Span]] = []
    for ri, report in enumerate(reports):
        for si, sent in enumerate(report.sentences):
            for m in _DIRECTION.finditer(report.text, sent.start, sent.end):
                direction = m.group(1).casefold().replace("-", "")
                found.append((ri, si, direction, fold(m.group(2)), Span(m.start(), m.end())))
    said: dict[tuple[int, str], set[str]] = {}
    for ri, _, direction, place, _ in found:
        said.setdefault((ri, place), set()).add(direction)
    out = []
    for i, (ra, sa, da, pa, span_a) in enumerate(found):
        for rb, sb, db, pb, span_b in found[i + 1 :]:
            if pa != pb or reports[ra].source == reports[rb].source:
                continue
            if len(said[(ra, pa)]) > 1 or len(said[(rb, pb)]) > 1:
                continue
            sim = index.similarity(SentenceRef(ra, sa), SentenceRef(rb, sb))
            if sim < DIRECTION_SIMILARITY:
                continue
            relation = AGREE if da == db else CONFLICT_PREFIX + "place"
            ta = reports[ra].text[span_a.start : span_a.end]
            tb = reports[rb].text[span_b.start : span_b.end]
            out.append(
                FactPair(relation, "place", (ra, span_a), (rb, span_b), sim, f"{ta} / {tb}")
            )  # fmt: skip
    return out
