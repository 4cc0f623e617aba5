"""Values across the reports of an event: numbers, times of day, dates and ordinals.

Each value a sentence writes (from the enrichment's number claims, and times, month-day dates
and ordinals read from the sentence) becomes a :class:`Value`: what it measures (its dimension:
a length, a duration, dollars, deaths, a magnitude, a count of some noun, a time of day, a date),
the interval the written form allows, and the words around it. Two values of different sources
and the same dimension are then compared (see :func:`compare_values`):

- the same value said about the same thing agrees ("2:39 pm" / "2:39 p.m. ET", "$100bn" /
  "$100 billion"); an interval inside another refines ("more than 10" / "10");
- disjoint values conflict (``conflict:number``, ``conflict:date``), or differ by update when
  the reports were published on different days; the same figure counting different things is
  ``conflict:referent``.

Intervals: "17.9" is 17.85-17.95, "about 30" is 27-33, "at least 10" is 10 and up, "47,000" is
within 500, "3-4" is 3 to 4, a number in words ("two minutes") is loose, vague words ("a few",
"dozens") are not compared at all.

Results and votes ("beat England 1-0", "one-nil", "voted 5-2", "voted unanimously") are read
from the sentence and compared as one match's or one body's when the sides or words around
them say so (:func:`_tally_label`).

Ages (the enrichment's ``age`` claims: "Pervez Musharraf, 79", "He was 79.") are a dimension
per person, ``age:<name>``, the name being the one full name of the event's people that the
claim's name is part of ("James" -> "LeBron James"; a name that is part of two full names is
nobody's). The same age agrees whatever the sentences; two ages conflict only when both
sentences name the person (not "He was 79.") as they are now (not "a 22-year-old intern",
which may tell of long ago) and the reports are not days apart across which a birthday may
have fallen.

A conflict is only claimed when the two values demonstrably speak of the same thing: a shared
word next to each (besides the unit), similar sentences, the same verb or counted noun, no place
or named source that differs, no other value of the dimension in either sentence that matches,
and no name right after either value ("33 km from Gaziantep") that the other sentence lacks.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any

from storylens.compare.align import SentenceIndex, SentenceRef
from storylens.compare.data import Report
from storylens.compare.facts import date_mentions
from storylens.compare.model import AGREE, CONFLICT_PREFIX, REFINES, UPDATE
from storylens.compare.names import edit_distance
from storylens.compare.words import STOP_WORDS, content_words, fold, stem, word_spans
from storylens.enrich.quantities import CURRENCY_SYMBOLS
from storylens.model import Claim, Span

NUMBER_KINDS = frozenset({"quantity", "count_of_people", "money", "percent"})
CONTEXT_WORDS = 3  # content words either side of a value that say what it measures
AGREE_SIMILARITY = 0.1  # sentences sharing a specific value need be only this alike to agree
CONFLICT_SIMILARITY = 0.15  # ... and this alike for their different values to conflict
DATE_CONFLICT_SIMILARITY = 0.35
APPROXIMATE = 0.1  # "about 30": within 10 %
WORDY = 0.25  # "two minutes": numbers in words are loose
TEMPORAL = frozenset("prior previously formerly ago".split())
INSTANCE_WORDS = frozenset(
    "second third another other first previous earlier later next new separate additional "
    "further".split()
)
# a clause with one of these before its value says what is to happen ("will select 23
# delegates"); its figure is no rival to one of what happened ("won 14 delegates"). "May" the
# month is capitalised, "may" the modal is not.
PROSPECTIVE = frozenset({"may"})
PROSPECTIVE_ANY_CASE = frozenset(
    "will would could might shall expected scheduled planned plans plan aims hopes intends".split()
)
CLAUSE_WORDS = 8
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\bthat\b")
# moments said of many facts of one event: not specific enough to agree on by themselves
COMMON_MOMENTS = frozenset({"weekday", "daypart", "year"})
MAX_RATIO = 3.0  # rival accounts of one figure are near each other: 36 and 38,387 are two things
GENERIC = 0.4  # a word next to this share of a dimension's values is generic for it
ROUND = 0.02  # a round number ("47,000", "100") may stand for anything within 2 %
HALF = 0.49  # rounding: "17.9" covers 17.851-17.949, so 17.9 and 18.0 do not touch

_FACTORS: dict[str, tuple[str, float]] = {}
for _dim, _units in {
    "length": {
        "km": 1000.0, "kilometer": 1000.0, "kilometre": 1000.0, "kms": 1000.0,
        "mile": 1609.344, "mi": 1609.344, "m": 1.0, "meter": 1.0, "metre": 1.0,
        "foot": 0.3048, "feet": 0.3048, "ft": 0.3048, "yard": 0.9144, "cm": 0.01,
        "mm": 0.001, "inch": 0.0254,
    },
    "speed": {
        "mph": 0.44704, "kph": 0.277778, "km/h": 0.277778, "kmh": 0.277778, "knot": 0.514444,
    },
    "duration": {
        "second": 1.0, "sec": 1.0, "minute": 60.0, "min": 60.0, "hour": 3600.0,
        "hr": 3600.0, "day": 86400.0, "week": 604800.0, "month": 2629800.0,
        "year": 31557600.0,
    },
    "mass": {"kg": 1.0, "kilogram": 1.0, "ton": 1000.0, "tonne": 1000.0, "gram": 0.001},
}.items():  # fmt: skip
    for _unit, _factor in _units.items():
        _FACTORS[_unit] = (_dim, _factor)

UNIT_WORDS = frozenset(_FACTORS) | {stem(u) for u in _FACTORS} | {"kilometers", "kilometres"}
# counts that grow while news is written
TALLIES = frozenset({"deaths", "injured", "missing", "people"})
# measures of something that changes by the hour: a storm's winds, its category
CHANGING = frozenset({"speed", "scale:category"})
MOMENTS = frozenset({"date", "time", "daypart", "year", "weekday"})
PHYSICAL = frozenset({"length", "speed", "duration", "mass"})
DAY_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week
    month year""".split()
)
MONTH_WORDS = frozenset(
    """january february march april may june july august september october november december jan
    feb mar apr jun jul aug sep sept oct nov dec""".split()
)
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow morning
    afternoon evening night""".split()
)
DEATH_WORDS = frozenset("dead death die died kill killed fatality life live body toll".split())
INJURY_WORDS = frozenset(
    "injured injury injurie injure wounded wound hurt hospitalized hospitalised hospitalize".split()
)
SCALE_WORDS = frozenset({"magnitude", "category"})
VAGUE = re.compile(
    r"\b(?:few|several|dozens|hundreds|thousands|millions|many|multiple|some)\b", re.I
)
LOWER_BOUNDS = frozenset({"more than", "over", "at least", "upwards of", "just over"})
UPPER_BOUNDS = frozenset(
    {"less than", "fewer than", "under", "at most", "up to", "as many as", "as much as",
     "just under"}
)  # fmt: skip
ROUGHLY = frozenset({"about", "around", "approximately", "roughly", "some", "close to"})
NEARLY = frozenset({"nearly", "almost"})
_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_RANGE = re.compile(r"(\d[\d,.]*)\s*(?:-|–|to)\s*(\d[\d,.]*)")
_TIME = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3])(?:(?P<sep>[:.])(?P<m>[0-5]\d))?\s*"
    r"(?P<ampm>[ap]\.?\s?m\b\.?)?"
    r"(?:\s*\(?(?P<zone>GMT|UTC|[ECMP][SD]?T|IST|BST|CET|CEST|MSK|local time|Moscow time))?",
    re.IGNORECASE,
)
_RESULT = re.compile(
    r"(?<![\d.,:/\w-])(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\d.,:%/\w-])(?!\s*(?:percent|per cent))",
    re.IGNORECASE,
)  # not "72-75 percent": a range
_SCORE_WORDS = ("nil", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_WORD_RESULT = re.compile(
    rf"\b({'|'.join(_SCORE_WORDS)})-({'|'.join(_SCORE_WORDS)})\b", re.IGNORECASE
)  # "beaten England one-nil"
_UNANIMOUS = re.compile(r"\bunanimous(?:ly)?\b", re.IGNORECASE)
RESULT_WORDS = frozenset(
    """beat beats beating won win wins winning victory victories defeat defeated defeats lost
    lose loses loss losses drew draw draws triumph thrashed edged""".split()
)
VOTE_WORDS = frozenset("voted vote votes verdict ruling".split())
TALLY_DIMENSIONS = frozenset({"score", "vote"})
_MONTH_NAMES = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PARTS = ("early hours", "morning", "afternoon", "evening", "night")
_WEEKDAY = re.compile(
    rf"(?<!last )(?<!next )(?<!this )\b({'|'.join(_WEEKDAYS)})\b(?!\s*,?\s*(?:{_MONTH_NAMES}))",
    re.IGNORECASE,
)
_DAYPART = re.compile(
    rf"\b(?P<d1>{'|'.join(_WEEKDAYS)})\s+(?P<p1>morning|afternoon|evening|night)\b"
    rf"|\b(?P<p2>early hours|morning|afternoon|evening|night)\s+of\s+(?:this\s+|last\s+)?"
    rf"(?P<d2>{'|'.join(_WEEKDAYS)})\b",
    re.IGNORECASE,
)
_MILITARY = re.compile(r"\b(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*(?P<zone>GMT|UTC)\b")
_YEAR = re.compile(r"\b(?:in|since|of|from|until|by)\s+(?:\w+\s+)?(?P<y>(?:19|20)\d\d)\b")
# a comma or point after a figure ends it unless a digit follows ("a mark of 38,387, set in 1989")
_FIGURE = re.compile(
    r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?!\d|[.,]\d)|(?<![\d.,])[1-9]\d{4,}(?!\d|[.,]\d)"
)
_ORDINAL = re.compile(
    r"\b(\d{1,3})(?:st|nd|rd|th)[- ](minute|day|anniversary|round|lap|floor|president)\b",
    re.IGNORECASE,
)
_MEASURE = re.compile(
    r"\b(?P<n>\d[\d,]*(?:\.\d+)?)[\s-]?(?P<unit>km|kilomet(?:er|re)s?|miles?|mph|kph|km/h|"
    r"meters?|metres?|feet|foot|ft|minutes?|hours?|seconds?)\b",
    re.IGNORECASE,
)
_QUALIFIER_BEFORE = re.compile(
    r"("
    + "|".join(sorted(LOWER_BOUNDS | UPPER_BOUNDS | ROUGHLY | NEARLY, key=len, reverse=True))
    + r")\s+$",
    re.IGNORECASE,
)


def _qualifier_before(text: str, start: int) -> str | None:
    m = _QUALIFIER_BEFORE.search(text[max(0, start - 20) : start])
    return m.group(1).lower() if m else None


def view_span(view: _Sentence) -> Span:
    return Span(view.start, view.end)


_PREPOSITIONS = frozenset({"from", "of", "in", "off", "outside", "near"})


@dataclass(frozen=True, slots=True)
class Value:
    """One value a sentence writes, made comparable (see the module doc)."""

    report: int
    sentence: SentenceRef
    span: Span
    dimension: str
    low: float
    high: float
    context: frozenset[str]
    anchors: frozenset[str]  # what or whose it is: "from Gaziantep", "Michael Jordan (32,292"
    claim: Claim | None = None  # the enrichment's claim, for numbers
    zone: str | None = None  # for times of day; the year for dates
    specific: bool = False  # distinctive enough to agree on with little else in common
    ambiguous: bool = False  # a time without am/pm, under 13 hours: "6:04"
    near: frozenset[str] = frozenset()  # the nearest content word on each side
    words_near: frozenset[str] = frozenset()  # 3 words before, 2 after, stop words kept
    written: str = ""  # the value as the text writes it
    markers: frozenset[str] = frozenset()  # 3 words before and 6 after, for "prior", "had"
    prospective: bool = False  # said of what is to happen: "will select 23 delegates"
    sides: tuple[str | None, str | None] = (None, None)  # a result's winner and loser named

    @property
    def point(self) -> float:
        return self.low if self.high == math.inf else (self.low + self.high) / 2


@dataclass(frozen=True, slots=True)
class ValuePair:
    a: Value
    b: Value
    relation: str
    similarity: float


# --- reading values ---------------------------------------------------------------------


def dimension(claim: Claim, before: list[str], after: list[str]) -> tuple[str, float] | None:
    """What a number claim measures and the factor to a common unit, or None if unknown."""
    unit = fold(claim.unit or "")
    referent = set(content_words(claim.referent or ""))
    words = set(before) | set(after) | {stem(unit)} | referent
    if claim.kind == "money":
        return (f"money:{claim.unit}", 1.0) if claim.unit else None
    if claim.kind == "percent":
        return f"percent:{claim.unit}", 1.0
    for key in (unit, stem(unit)):
        if key in _FACTORS:
            return _FACTORS[key]
    scale = SCALE_WORDS & (set(before[-2:]) | set(after[:1]) | {stem(unit)} | referent)
    if scale:
        return f"scale:{sorted(scale)[0]}", 1.0
    if claim.kind == "count_of_people":
        # what the counted words and their verb say first ("76 people had been killed, and 440
        # hurt": 440 are hurt; "six people died and 294 people were injured"), then the words
        # around
        counted = referent | {stem(unit), fold(claim.predicate or "")}
        for said in (counted, words):
            if said & DEATH_WORDS:
                return "deaths", 1.0
            if said & INJURY_WORDS:
                return "injured", 1.0
            if "missing" in said:
                return "missing", 1.0
        return "people", 1.0
    if claim.unit:
        return f"count:{stem(unit)}", 1.0
    return None


def interval(claim: Claim, written: str, factor: float) -> tuple[float, float]:
    """The values a written number allows (see the module doc)."""
    value = float(claim.value) * factor
    scale = _scale_of(written, float(claim.value))
    rng = _RANGE.search(written)
    if rng:
        lo, hi = (_to_float(g) for g in rng.groups())
        if lo is not None and hi is not None and lo < hi:
            return lo * scale * factor, hi * scale * factor
    m = _NUMBER.search(written)
    if m is None:  # in words
        tol = abs(value) * WORDY
    elif m.group(1):
        tol = HALF * 10 ** -len(m.group(1)) * scale * factor
    else:
        digits = m.group().replace(",", "")
        zeros = len(digits) - len(digits.rstrip("0"))
        tol = (HALF + (ROUND * abs(float(digits)) if zeros >= 2 else 0.0)) * scale * factor
        if claim.kind == "percent":
            tol = 1.0  # "shares fell 7%" is said of a 7.68 % fall
    q = claim.qualifier
    if q in LOWER_BOUNDS:
        return value - tol, math.inf
    if q in UPPER_BOUNDS:
        return 0.0, value + tol
    if q in ROUGHLY:
        return value * (1 - APPROXIMATE) - tol, value * (1 + APPROXIMATE) + tol
    if q in NEARLY:
        return value * (1 - APPROXIMATE) - tol, value + tol
    return value - tol, value + tol


def _to_float(text: str) -> float | None:
    try:
        return float(text.replace(",", "").rstrip("."))
    except ValueError:
        return None


def _scale_of(written: str, value: float) -> float:
    """How much the first number written stands for: 1 for "17.9", 1e6 for "1.2 million"."""
    m = _NUMBER.search(written)
    first = _to_float(m.group()) if m else None
    return value / first if first else 1.0


class _Sentence:
    """A sentence's words with offsets, to read the words around a value."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.start, self.end, self.text = start, end, text
        self.words = [(start + a, start + b, w) for a, b, w in word_spans(text[start:end])]
        self.digits = [start + m.start() for m in re.finditer(r"\d+", text[start:end])]

    def around(self, span: Span) -> tuple[list[str], list[str]]:
        """Content words before and after ``span``, up to the next number either way (the words
        beyond another number describe that one)."""
        left = max((d for d in self.digits if d < span.start), default=self.start)
        # the next number ends this one's words, unless only a word lies between: in "the
        # 97-page, 41-count indictment" the indictment is both numbers' word
        right = self.end
        for d in self.digits:
            if d >= span.end and len(content_words(self.text[span.end : d])) > 1:
                right = d
                break
        first = self.words[0][0] if self.words else -1
        before = [
            w.casefold() if a == first else w
            for a, b, w in self.words
            if left <= a and b <= span.start
        ]  # fmt: skip
        after = [w for a, b, w in self.words if a >= span.end and b <= right]
        return _content(before)[-CONTEXT_WORDS:], _content(after)[:CONTEXT_WORDS]

    def prospective(self, span: Span) -> bool:
        """Whether a modal or a word of planning stands before ``span`` in its clause ("Wyoming
        will select 23 of its 29 delegates", "is expected to reach 30"): the clause says what is
        to happen, not what happened. The clause starts after the last punctuation mark or
        "that" before the value, at most ``CLAUSE_WORDS`` words back."""
        start = max(
            [self.start]
            + [m.end() for m in _CLAUSE_BREAK.finditer(self.text, self.start, span.start)]
        )
        words = [w for a, b, w in self.words if a >= start and b <= span.start][-CLAUSE_WORDS:]
        return any(
            w in PROSPECTIVE
            or w.casefold() in PROSPECTIVE_ANY_CASE
            or w.casefold().endswith(("'ll", "’ll"))  # "it'll"
            for w in words
        )

    def raw_before(self, span: Span, n: int = 3, m: int = 2) -> frozenset[str]:
        """The ``n`` words before and ``m`` after ``span``, lower case, stop words kept."""
        before = [w.casefold() for a, b, w in self.words if b <= span.start][-n:]
        after = [w.casefold() for a, b, w in self.words if a >= span.end][:m]
        return frozenset(before + after)

    def anchors(self, span: Span) -> frozenset[str]:
        """What or whose a value is: the name (or "the" noun) after "from"/"of"/"in" within a
        few words after ``span`` ("33 km from Gaziantep", "17 km from the seaside"), and names
        just before it ("Michael Jordan (32,292 points)")."""
        after = [w for a, b, w in self.words if a >= span.end][:6]
        before = [w for a, b, w in self.words if b <= span.start][-3:]
        first = self.words[0][0] if self.words else -1
        out = {
            fold(w) for a, b, w in self.words
            if b <= span.start and w in before and w[:1].isupper() and a != first
        }  # fmt: skip
        for i, word in enumerate(after):
            if word.casefold() not in _PREPOSITIONS:
                continue
            rest = after[i + 1 : i + 3]
            if rest and rest[0][:1].isupper():
                out.add(fold(rest[0]))  # "from Gaziantep"
            elif len(rest) == 2 and rest[0].casefold() == "the" and content_words(rest[1]):
                out.add(fold(rest[1]))  # "from the seaside"; not "from their homes"
            break
        return frozenset(out)


def _near(before: list[str], after: list[str], skip: set[str] | frozenset[str]) -> frozenset[str]:
    b = [w for w in before if w not in skip][-1:]
    a = [w for w in after if w not in skip][:1]
    return frozenset(b + a)


def _content(words: list[str]) -> list[str]:
    """Content words, names left out: what a value measures is said in common words
    ("depth", "killed"); a name next to it is where or who, checked separately."""
    return [c for w in words if not w[:1].isupper() for c in content_words(w)]


def read_values(reports: Sequence[Report]) -> list[Value]:
    """Every value of every sentence of ``reports``."""
    out: list[Value] = []
    people = _people(reports)
    for ri, report in enumerate(reports):
        for si, sent in enumerate(report.sentences):
            view = _Sentence(report.text, sent.start, sent.end)
            ref = SentenceRef(ri, si)
            found = _number_values(report, ri, ref, view) + _pattern_values(report, ri, ref, view)
            out.extend(_mark_composites(found, report.text))
            out.extend(_age_values(report, ri, ref, view, people))
    return out


def _name_words(name: str) -> frozenset[str]:
    return frozenset(fold(w) for w in re.findall(r"[^\W\d_]+", name))


def _people(reports: Sequence[Report]) -> list[frozenset[str]]:
    """The words of every person's name the reports write (mentions tagged PERSON, and the
    names of age claims)."""
    names = {
        _name_words(r.text[m.start : m.end])
        for r in reports
        for m in r.mentions
        if m.label == "PERSON"
    } | {_name_words(str(c.subject)) for r in reports for c in r.claims if c.kind == "age"}
    return [n for n in names if n]  # fmt: skip


def person_key(name: str, people: Sequence[frozenset[str]]) -> str | None:
    """The one full name among ``people`` that ``name`` is part of, or None when it is part
    of several ("James" in an event with LeBron and Bronny James)."""
    words = _name_words(name)
    if not words:
        return None
    holders = [p for p in people if words <= p]
    widest = {p for p in holders if not any(p < q for q in holders)}
    return " ".join(sorted(widest.pop())) if len(widest) == 1 else None


def _age_values(
    report: Report, ri: int, ref: SentenceRef, view: _Sentence, people: Sequence[frozenset[str]]
) -> list[Value]:
    out = []
    for claim in report.claims:
        if claim.kind != "age" or not view.start <= claim.span.start < view.end:
            continue
        key = person_key(str(claim.subject), people)
        if key is None:
            continue
        age = float(claim.value)
        out.append(
            Value(ri, ref, claim.span, f"age:{key}", age - 0.4, age + 0.4, frozenset({"age"}),
                  frozenset(), claim, specific=True,
                  written=report.text[claim.span.start : claim.span.end])
        )  # fmt: skip
    return out


QUAKE_WORDS = frozenset("earthquake quake tremor aftershock temblor magnitude richter".split())


def _bare_magnitude(claim: Claim, written: str, view: _Sentence) -> bool:
    """A decimal without a unit, "measuring" or "measured (it) at" it, in a sentence about an
    earthquake: "a subsequent earthquake measuring 5.8", "the USGS measured it at 7.5"."""
    if claim.unit or "." not in written or not 1.0 <= float(claim.value) < 10.0:
        return False
    words = {fold(w) for _a, _b, w in view.words}
    return bool(words & QUAKE_WORDS) and bool(
        view.raw_before(claim.span, 3, 0) & {"measuring", "measured"}
    )


def _number_values(report: Report, ri: int, ref: SentenceRef, view: _Sentence) -> list[Value]:
    out = []
    for claim in report.claims:
        if claim.kind not in NUMBER_KINDS or not view.start <= claim.span.start < view.end:
            continue
        written = report.text[claim.span.start : claim.span.end]
        if VAGUE.search(written) or not isinstance(claim.value, float | int):
            continue
        before, after = view.around(claim.span)
        symbol = report.text[max(0, claim.span.start - 1) : claim.span.start]
        if symbol in CURRENCY_SYMBOLS and not claim.unit:  # "$" left out of the span
            claim = replace(claim, kind="money", unit=CURRENCY_SYMBOLS[symbol])
        dim = dimension(claim, before, after)
        if dim is None and _bare_magnitude(claim, written, view):
            dim = ("scale:magnitude", 1.0)
        if dim is None:
            continue
        low, high = interval(claim, written, dim[1])
        unit_words = {stem(claim.unit or ""), fold(claim.unit or "")} | SCALE_WORDS | UNIT_WORDS
        context = set(before + after) | set(content_words(claim.referent or ""))
        if dim[0] == "people" or dim[0].startswith("count:"):
            unit_words = set(SCALE_WORDS | UNIT_WORDS)  # the counted noun says what is counted
        digits = re.sub(r"\D", "", written)
        out.append(
            Value(ri, ref, claim.span, dim[0], low, high, frozenset(context - unit_words),
                  view.anchors(claim.span), claim,
                  specific=len(digits.strip("0")) >= 3 or "." in written or dim[0] in PHYSICAL,
                  near=_near(before, after, unit_words), words_near=view.raw_before(claim.span),
                  written=written, markers=view.raw_before(claim.span, 3, 6),
                  prospective=view.prospective(claim.span))
        )  # fmt: skip
    return out


def _pattern_values(report: Report, ri: int, ref: SentenceRef, view: _Sentence) -> list[Value]:
    text = report.text
    out: list[Value] = []

    def point(span: Span, dim: str, key: float, *, near: bool = False, **extra: Any) -> None:
        """A value that is one point: a time, a date, a year, a figure, an ordinal. A weekday,
        a part of a day or a year is said of many facts of one event ("Tuesday's primary",
        "told Fox News on Tuesday"): not specific enough to agree on alone."""
        before, after = view.around(span)
        out.append(
            Value(ri, ref, span, dim, key - 0.4, key + 0.4, frozenset(before + after),
                  extra.pop("anchors", frozenset()), specific=dim not in COMMON_MOMENTS,
                  near=_near(before, after, frozenset()) if near else frozenset(), **extra)
        )  # fmt: skip

    for m in _TIME.finditer(text, view.start, view.end):
        if not (m.group("ampm") or (m.group("sep") == ":" and m.group("m"))):
            continue
        if m.group("sep") == "." and not m.group("ampm"):
            continue  # "7.68" is a number, not a time
        ambiguous = not m.group("ampm") and int(m.group("h")) <= 12
        hour = int(m.group("h")) % 12 if m.group("ampm") else int(m.group("h"))
        if m.group("ampm") and m.group("ampm")[0].lower() == "p":
            hour += 12
        minute = hour * 60 + int(m.group("m") or 0)
        zone = (m.group("zone") or "").upper() or None
        point(Span(m.start(), m.end()), "time", minute, zone=zone, ambiguous=ambiguous)
        if not ambiguous:
            out[-1] = _time_span(out[-1], text, minute)
    for m in _MILITARY.finditer(text, view.start, view.end):
        minute = int(m.group("h")) * 60 + int(m.group("m"))
        point(Span(m.start(), m.end()), "time", minute, zone=m.group("zone").upper())
    for m in _YEAR.finditer(text, view.start, view.end):
        point(Span(m.start("y"), m.end("y")), "year", int(m.group("y")))
    for m in _FIGURE.finditer(text, view.start, view.end):
        digits = m.group().replace(",", "")
        if len(digits.rstrip("0")) >= 4:  # round figures ("47,000") are said of many things
            point(Span(m.start(), m.end()), "figure", float(digits))
    for m in _WEEKDAY.finditer(text, view.start, view.end):
        if not _DAYPART.match(text, m.start()):  # "Sunday morning" is a part of a day
            day = _WEEKDAYS.index(m.group(1).lower())
            point(Span(m.start(), m.end()), "weekday", day, near=True)
    for d in date_mentions(text, view.start, view.end):
        point(d.span, "date", d.month * 100 + d.day, zone=str(d.year) if d.year else None)
    for m in _DAYPART.finditer(text, view.start, view.end):
        day = _WEEKDAYS.index((m.group("d1") or m.group("d2")).lower())
        part = _PARTS.index((m.group("p1") or m.group("p2")).lower())
        key = day * 10 + (1 if part == 0 else part)  # "early hours" is the morning
        point(Span(m.start(), m.end()), "daypart", key)
    claimed = [c.span for c in report.claims if view.start <= c.span.start < view.end]
    for m in _MEASURE.finditer(text, view.start, view.end):
        span = Span(m.start(), m.end())
        if any(c.start < span.end and span.start < c.end for c in claimed):
            continue  # the enrichment read it already
        unit = m.group("unit").lower()
        dim, factor = _FACTORS.get(unit) or _FACTORS.get(stem(unit)) or _FACTORS[unit.rstrip("s")]
        qualifier = _qualifier_before(text, m.start())
        claim = Claim("quantity", _to_float(m.group("n")) or 0.0, span, view_span(view),
                      unit=stem(unit), qualifier=qualifier)  # fmt: skip
        low, high = interval(claim, m.group(), factor)
        before, after = view.around(span)
        out.append(
            Value(ri, ref, span, dim, low, high, frozenset(set(before + after) - UNIT_WORDS),
                  view.anchors(span), claim, specific=True,
                  near=_near(before, after, UNIT_WORDS), words_near=view.raw_before(span),
                  prospective=view.prospective(span))
        )  # fmt: skip
    for m in _ORDINAL.finditer(text, view.start, view.end):
        span = Span(m.start(), m.end())
        dim = f"ordinal:{stem(m.group(2))}"
        point(span, dim, int(m.group(1)), near=True, anchors=view.anchors(span))
    out.extend(_tally_values(report, ri, ref, view))
    return out


def _tally_values(report: Report, ri: int, ref: SentenceRef, view: _Sentence) -> list[Value]:
    """Results and votes: "beat England 1-0", "a 133-130 loss", "voted 5-2", "voted
    unanimously". The pair is kept as (more, fewer), so "won 2-1" and "lost 1-2" are one
    result; a unanimous vote is (any, 0). A pair with no word of a result or a vote next to it
    ("1-1 min. 62") is a running score, a range or a date, and is not read."""
    text = report.text
    out = []
    pairs = [
        (m, int(m.group(1)), int(m.group(2))) for m in _RESULT.finditer(text, view.start, view.end)
    ] + [
        (m, _SCORE_WORDS.index(m.group(1).lower()), _SCORE_WORDS.index(m.group(2).lower()))
        for m in _WORD_RESULT.finditer(text, view.start, view.end)
    ]
    for m, first, second in pairs:
        kind = _tally_kind(view, Span(m.start(), m.end()))
        if kind is None:
            continue
        more, fewer = sorted((first, second), reverse=True)
        out.append(_tally(ri, ref, view, Span(m.start(), m.end()), kind, more, fewer))
    for m in _UNANIMOUS.finditer(text, view.start, view.end):
        if _tally_kind(view, Span(m.start(), m.end())) == "vote":
            out.append(_tally(ri, ref, view, Span(m.start(), m.end()), "vote", -1, 0))
    return out


def _tally(
    ri: int, ref: SentenceRef, view: _Sentence, span: Span, kind: str, more: int, fewer: int
) -> Value:
    before, after = view.around(span)
    context = frozenset(before + after) - RESULT_WORDS - VOTE_WORDS - TIME_WORDS
    # no interval here: ``low`` holds the larger count and ``high`` the smaller, -1 for the
    # majority of a unanimous vote, which no one counted; only _tally_label reads them
    return Value(ri, ref, span, kind, float(more), float(fewer), context,
                 _names_near(view, span), specific=True,
                 written=view.text[span.start : span.end],
                 sides=_sides_of(view, span) if kind == "score" else (None, None))  # fmt: skip


def _clause_words(view: _Sentence, span: Span, before: int, after: int) -> list[str]:
    """Up to ``before`` words before ``span`` and ``after`` after it, within its clause."""
    text = view.text
    left = re.split(r"[;:()\n]|\.\s", text[max(view.start, span.start - 80) : span.start])[-1]
    right = re.split(r"[;:()\n]|\.\s", text[span.end : min(view.end, span.end + 50)])[0]
    words = re.findall(r"[^\W\d_][\w'’-]*", left)[-before:] if before else []
    return words + re.findall(r"[^\W\d_][\w'’-]*", right)[:after]


def _tally_kind(view: _Sentence, span: Span) -> str | None:
    """ "score" or "vote" when a word of a result or a vote stands within a few words of the
    pair in its clause, else None."""
    words = {fold(w) for w in _clause_words(view, span, 6, 3)}
    if VOTE_WORDS & words:
        return "vote"
    if RESULT_WORDS & words:
        return "score"
    return None


WIN_WORDS = frozenset(
    "beat beats beating won win wins winning victory victories triumph thrashed edged defeated "
    "defeats".split()
)
LOSS_WORDS = frozenset("lost lose loses loss losses defeat".split())  # "a 133-130 defeat by"
_LOSER_AFTER = frozenset("over against beat beats beating defeated defeats thrashed edged".split())
_WINNER_AFTER = frozenset("to by against".split())


def _sides_of(view: _Sentence, span: Span) -> tuple[str | None, str | None]:
    """(winner, loser) as a result's clause names them after its words: "a 2-1 win over
    Sweden", "Spain beat England 1-0" (loser Sweden, England); "a 3-1 loss to England", "a
    133-130 defeat by the Oklahoma City Thunder" (winner England, Oklahoma). The first
    capitalised word within three words after "over"/"beat" or "to"/"by", from the result's
    word on."""
    words = _clause_words(view, span, 8, 5)
    folded = [fold(w) for w in words]
    win = any(w in WIN_WORDS for w in folded)
    loss = any(w in LOSS_WORDS for w in folded)
    if win == loss:
        return None, None  # no result word, or both ("lost ... before winning"): unclear
    after = _LOSER_AFTER if win else _WINNER_AFTER
    said = min(i for i, w in enumerate(folded) if w in (WIN_WORDS if win else LOSS_WORDS))
    for i, w in enumerate(folded):
        if i < said or w not in after:
            continue  # "against Sweden after a 2-1 victory over the Netherlands"
        name = next((n for n in words[i + 1 : i + 4] if n[:1].isupper()), None)
        if name is not None:
            return (None, fold(name)) if win else (fold(name), None)
    return None, None


def _names_near(view: _Sentence, span: Span) -> frozenset[str]:
    """The capitalised words of a result's clause around it: who played ("Spain beat England
    1-0", "a 2-1 win over Sweden")."""
    return frozenset(
        fold(w) for w in _clause_words(view, span, 8, 5)
        if w[:1].isupper() and fold(w) not in STOP_WORDS
    )  # fmt: skip


_TIME_QUALIFIER = re.compile(
    r"\b(just after|shortly after|soon after|just before|shortly before|about|around|"
    r"approximately|roughly|some|nearly|almost|after|before)\s+(?:at\s+)?$",
    re.IGNORECASE,
)
TIME_SLACK = 15  # minutes: "just after 4:30 p.m." is 4:30 to 4:45, "about 9 pm" 8:45 to 9:15
OPEN_HOURS = 6 * 60  # "after 9 pm": within the next six hours


def _time_span(value: Value, text: str, minute: int) -> Value:
    """The minutes a time of day allows, from the words before it: "about 9 pm", "just after
    4:30 p.m.", "shortly before 9", "after 9 pm"; an unqualified time is its minute. "by 6.04
    pm" and "until 6 pm" stay points: the end of what was done, not a bound on when."""
    m = _TIME_QUALIFIER.search(text[max(0, value.span.start - 20) : value.span.start])
    if m is None:
        return value
    q = m.group(1).lower()
    low, high = {
        "just after": (0, TIME_SLACK), "shortly after": (0, TIME_SLACK),
        "soon after": (0, TIME_SLACK), "just before": (-TIME_SLACK, 0),
        "shortly before": (-TIME_SLACK, 0), "nearly": (-TIME_SLACK, 0),
        "almost": (-TIME_SLACK, 0), "after": (0, OPEN_HOURS), "before": (-OPEN_HOURS, 0),
    }.get(q, (-TIME_SLACK, TIME_SLACK))  # fmt: skip
    return replace(value, low=minute + low - 0.4, high=minute + high + 0.4)


# "six of the past seven contests": a share of a run of the latest (or first) ones
_OF_A_RUN = re.compile(
    r"^\s+of\s+(?:the|its|their|his|her|our)\s+(?:past|last|previous|latest|first|next)\s+$",
    re.IGNORECASE,
)


def _mark_composites(values: list[Value], text: str) -> list[Value]:
    """Drop the parts of compound values: "6 feet, 3 inches" measure one thing, and "six of
    the past seven contests" is a share, whose "seven" is no count of contests to agree with
    "seven of the past eight"."""
    drop: set[Span] = set()
    ordered = sorted(values, key=lambda v: v.span.start)
    for a, b in itertools.pairwise(ordered):
        gap = text[a.span.end : b.span.start]
        if a.dimension == b.dimension and (
            gap.strip() in (",", "and", ", and") or _OF_A_RUN.match(gap)
        ):
            drop.update((a.span, b.span))
    return [v for v in values if v.span not in drop]


# --- comparing values -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Event:
    """What comparing two values may look up: the reports, their aligned sentences, and the
    values by sentence and by report."""

    reports: Sequence[Report]
    index: SentenceIndex
    by_sentence: dict[SentenceRef, list[Value]]
    by_report: dict[int, list[Value]]


def compare_values(
    reports: Sequence[Report], index: SentenceIndex, values: Sequence[Value]
) -> list[ValuePair]:
    """Every labelled pair of values of one dimension from different sources."""
    by_dim: dict[str, list[Value]] = defaultdict(list)
    for v in values:
        by_dim[v.dimension].append(v)
    # words next to most values of a dimension say only what is measured ("earthquake" by
    # magnitudes): they do not tell two values of one report apart
    generic: dict[str, set[str]] = {}
    for dim, dim_values in by_dim.items():
        counts = Counter(w for v in dim_values for w in v.near)
        floor = max(3.0, GENERIC * len(dim_values))
        generic[dim] = {w for w, n in counts.items() if n >= floor}
    values = [replace(v, near=v.near - generic[v.dimension]) for v in values]
    by_dim = defaultdict(list)
    event = _Event(reports, index, defaultdict(list), defaultdict(list))
    for v in values:
        by_dim[v.dimension].append(v)
        event.by_sentence[v.sentence].append(v)
        event.by_report[v.report].append(v)
    out = []
    for dim_values in by_dim.values():
        for i, a in enumerate(dim_values):
            for b in dim_values[i + 1 :]:
                if reports[a.report].source == reports[b.report].source:
                    continue
                label = _label(a, b, event)
                if label is not None:
                    out.append(ValuePair(a, b, label, index.similarity(a.sentence, b.sentence)))
    days = by_dim.get("weekday", []) + by_dim.get("daypart", [])
    for a, b in itertools.product(by_dim.get("date", []), days):
        if reports[a.report].source != reports[b.report].source and _weekday_conflict(a, b, event):
            sim = index.similarity(a.sentence, b.sentence)
            out.append(ValuePair(a, b, CONFLICT_PREFIX + "date", sim))
    return out


def _weekday_of(value: Value, report: Report) -> int | None:
    """The weekday a month-day date falls on, in the year it writes or else the report's."""
    year = value.zone or (report.day[:4] if report.day else None)
    month, day = divmod(round(value.point), 100)
    try:
        return date(int(year), month, day).weekday() if year else None
    except ValueError:
        return None


def _named_weekday(value: Value) -> int | None:
    """The weekday a weekday ("Sunday") or a part of a day ("Sunday morning") names."""
    if value.dimension == "weekday":
        return round(value.point)
    return round(value.point) // 10 if value.dimension == "daypart" else None


def _days_of(ri: int, report: Report, event: _Event) -> set[int]:
    """The weekdays a report names, directly or through its dates."""
    out = set()
    for v in event.by_report[ri]:
        day = _weekday_of(v, report) if v.dimension == "date" else _named_weekday(v)
        if day is not None:
            out.add(day)
    return out


def _weekday_conflict(d: Value, w: Value, event: _Event) -> bool:
    """A date one report gives and a weekday another gives for one fact, on different days:
    "made landfall ... on August 19, 2023" (a Saturday) / "made landfall on Sunday morning".
    Only when each sentence says the moment one way (a weekday beside its date is compared
    date to date), neither report writes the other's day anywhere, and the two values pass
    the same checks as two dates (:func:`_why_not_same`)."""
    rd, rw = event.reports[d.report], event.reports[w.report]
    day, named = _weekday_of(d, rd), _named_weekday(w)
    if day is None or named is None or day == named:
        return False
    if any(_named_weekday(v) is not None for v in event.by_sentence[d.sentence]) or any(
        v.dimension == "date" for v in event.by_sentence[w.sentence]
    ):
        return False
    if named in _days_of(d.report, rd, event) or day in _days_of(w.report, rw, event):
        return False  # a report that also names the other's day knows both moments
    return _why_not_same(d, w, event) is None


def figures_differ(xs: Sequence[Value], ys: Sequence[Value]) -> bool:
    """Whether two sentences' values differ in some dimension both give: there, no value of
    one overlaps a value of the other ("plus or minus four percentage points" / "plus or
    minus 5.7 percentage points"). Such sentences do not say the same thing, however alike."""
    dims = {x.dimension for x in xs} & {y.dimension for y in ys}
    return any(
        not any(
            _same_or_overlapping(x, y)
            for x in xs
            if x.dimension == d
            for y in ys
            if y.dimension == d
        )
        for d in dims
    )


def _same_or_overlapping(a: Value, b: Value) -> bool:
    if a.dimension in TALLY_DIMENSIONS:  # a score's or vote's two numbers, not an interval
        return (a.low, a.high) == (b.low, b.high)
    return _overlap(a, b)


def _overlap(a: Value, b: Value) -> bool:
    if a.ambiguous or b.ambiguous:  # "6:04" may be 6:04 pm
        return round(a.point) % 720 == round(b.point) % 720
    return not (a.high < b.low or b.high < a.low)


def _label(a: Value, b: Value, event: _Event) -> str | None:
    """How two values of one dimension from different sources relate, or None if unknown."""
    ra, rb = event.reports[a.report], event.reports[b.report]
    if a.dimension.startswith("age:"):
        return _age_label(a, b, ra, rb)
    if a.dimension in TALLY_DIMENSIONS:
        return _tally_label(a, b, event)
    sim = event.index.similarity(a.sentence, b.sentence)
    shared = a.context & b.context
    if a.dimension == "time" and a.zone and b.zone and a.zone != b.zone:
        return None  # "8:04 pm" local and "17:04 GMT" are one moment; zones are not converted
    if a.dimension == "date" and a.zone and b.zone and a.zone != b.zone:
        return CONFLICT_PREFIX + "date" if _same_fact(a, b, event) else None
    if a.dimension == "figure":
        # a long figure only ever agrees (two different ones are two things), and the same
        # unround figure ("43,217") in two reports of one event is one fact wherever it stands
        return AGREE if _overlap(a, b) else None
    if _unit_mixup(a, b) and _same_fact(a, b, event):
        return CONFLICT_PREFIX + "number"  # "100 miles" / "over 100 kilometres"
    if _overlap(a, b) and not _exact_and_different(a, b):
        if not (shared or sim >= 0.3 or (a.specific and b.specific and sim >= AGREE_SIMILARITY)):
            return None
        if a.dimension in ("weekday", "daypart") and not (shared and sim >= 0.3):
            return None  # "Tuesday" in two sentences sharing a word is no fact agreed on
        if (
            a.claim
            and b.claim
            and a.claim.value == b.claim.value
            and (_referents_differ(a, b, ra, rb, sim) or _money_for_other_things(a, b, ra, rb, sim))
        ):
            return CONFLICT_PREFIX + "referent"
        refines = shared and sim >= CONFLICT_SIMILARITY and _refinable(a, b, event)
        if _open(a) or _open(b):
            # "after 9 pm" holds "11:30 pm" without saying it
            return REFINES if refines else None
        if (a.low, a.high) == (b.low, b.high) or _both_exact(a, b):
            return AGREE
        if _faces_another(a, b, event):
            return None  # "213 injured" / "213 victims ... while over 130 people were injured"
        return REFINES if refines else None
    if not _same_fact(a, b, event):
        return None
    if a.dimension in ("date", "daypart", "year", "weekday"):
        return CONFLICT_PREFIX + "date"
    if ra.day and rb.day and ra.day != rb.day and a.dimension in TALLIES | CHANGING:
        return UPDATE  # a toll reported a day later may have grown, a storm's winds changed
    if a.dimension in TALLIES and not (ra.day and rb.day):
        return None  # an undated toll may be an earlier or later count of the day
    return CONFLICT_PREFIX + "number"


def _refinable(a: Value, b: Value, event: _Event) -> bool:
    """Whether one value may say more exactly what the other says: both figures written in
    digits (or large: "a million") and within ``MAX_RATIO`` of each other ("more than 200
    delegates" is not a rounder "2,383 delegates", "two candidates" no vaguer "four"). Tolls
    are the exception: "at least 76 dead" and "at least 1,014" are two counts of one toll as
    it grows."""
    if a.dimension in TALLIES:
        return True
    ra, rb = event.reports[a.report], event.reports[b.report]
    if not (_has_digit(ra, a) or a.point >= 100) or not (_has_digit(rb, b) or b.point >= 100):
        return False  # "two" / "four"; "a million" is a figure
    low, high = sorted((_magnitude(a), _magnitude(b)))
    return low > 0 and high / low <= MAX_RATIO


def _magnitude(value: Value) -> float:
    """The figure a value writes: the bound of "more than 200" or "up to 60", else its point."""
    if value.high == math.inf:
        return value.low
    return value.high if value.low <= 0 else value.point


def _has_digit(report: Report, value: Value) -> bool:
    return bool(re.search(r"\d", report.text[value.span.start : value.span.end]))


def _tally_label(a: Value, b: Value, event: _Event) -> str | None:
    """Two results or two votes (see :func:`_tally_values`). Two results are of one match when
    both name the same winner or loser, or the same two sides around them, and of two matches
    when they name different winners or losers ("Sweden defeated Australia 2-0" in a report of
    the final is the third-place match); a vote is one body's when the words around both share
    one ("committee")."""
    sim = event.index.similarity(a.sentence, b.sentence)
    if a.dimension == "score":
        pairs = list(zip(a.sides, b.sides, strict=True))
        if any(x and y and x != y for x, y in pairs):
            return None  # "a 2-1 win over Sweden" / "a 2-1 victory over the Netherlands"
        one_match = any(x and x == y for x, y in pairs)
        same = (one_match or len(a.anchors & b.anchors) >= 2) and sim >= CONFLICT_SIMILARITY
        alike = same or (bool(a.anchors & b.anchors) and sim >= 0.3)
    else:
        same = bool(a.context & b.context) and sim >= CONFLICT_SIMILARITY
        alike = same
    unanimous = a.low < 0 or b.low < 0
    agree = a.high == b.high and (unanimous or a.low == b.low)
    if agree:
        return AGREE if alike else None
    return CONFLICT_PREFIX + "number" if same else None


BIRTHDAY_DAYS = 7  # reports further apart may give ages a birthday apart


def _age_label(a: Value, b: Value, ra: Report, rb: Report) -> str | None:
    """One person's age in two reports (see the module doc)."""
    if a.low == b.low:
        return AGREE
    if not (_said_now_of_a_name(a) and _said_now_of_a_name(b)):
        return None  # "He was 79.": the person last named, a guess; "a 22-year-old intern"
    if ra.day and rb.day:
        apart = abs((date.fromisoformat(ra.day) - date.fromisoformat(rb.day)).days)
        if apart > BIRTHDAY_DAYS and abs(a.low - b.low) <= 1:
            return None
    return CONFLICT_PREFIX + "number"


def _said_now_of_a_name(value: Value) -> bool:
    """An age the sentence gives a name as the person's now: "Musharraf, 79,", "died at 79"."""
    return value.claim is not None and bool(value.claim.referent) and not value.claim.qualifier


def _exact_and_different(a: Value, b: Value) -> bool:
    """Two exact figures that are not the same number: "seven" / "nine" (numbers in words are
    loose for rounding, never for identity)."""
    if a.claim is None or b.claim is None or not _both_exact(a, b):
        return False
    if a.dimension in PHYSICAL:  # units differ: 18 km may be 11 miles
        return False
    va, vb = float(a.claim.value), float(b.claim.value)
    # at the coarser of the two precisions they differ: 7.68 and 8 are one figure rounded
    digits = min(_decimals(a), _decimals(b))
    return round(va, digits) != round(vb, digits)


def _same_digits(a: Value, b: Value) -> bool:
    """The same digits with the point moved: "1.2 million" / "12 million", a slip of scale."""
    da, db = re.sub(r"\D", "", a.written), re.sub(r"\D", "", b.written)
    return bool(da) and da == db


def _decimals(value: Value) -> int:
    m = re.search(r"\.(\d+)", value.written) if value.written else None
    return len(m.group(1)) if m else 0


def _unit_mixup(a: Value, b: Value) -> bool:
    """The same figure in two different units of one dimension: one report has the unit wrong."""
    if a.claim is None or b.claim is None or a.dimension not in ("length", "speed", "mass"):
        return False
    ua, ub = stem(a.claim.unit or ""), stem(b.claim.unit or "")
    same_unit = ua == ub or {ua, ub} <= {"km", "kilometer", "kilometre"}
    return a.claim.value == b.claim.value and not same_unit


def _both_exact(a: Value, b: Value) -> bool:
    return (a.claim is None or a.claim.qualifier is None) and (
        b.claim is None or b.claim.qualifier is None
    )


def _same_fact(a: Value, b: Value, event: _Event) -> bool:
    """Whether two different values demonstrably speak of the same thing (see module doc)."""
    return _why_not_same(a, b, event) is None


FRAME_WORDS = 5  # the words right before a moment that tell what happened then


def _same_frame(a: Value, b: Value, event: _Event) -> bool:
    """Whether two moments follow the same words ("was downed off the coast of South Carolina
    on Feb. 5" / "shot down a Chinese spy balloon off the coast of South Carolina on February
    4"): the last :data:`FRAME_WORDS` words before each are one phrase, with two content words
    at least. Sentences that tell the rest in other words are then about one happening."""
    frames = []
    for v in (a, b):
        report = event.reports[v.report]
        sent = report.sentences[v.sentence.sentence]
        before = [w.casefold() for _, _, w in word_spans(report.text[sent.start : v.span.start])]
        frames.append(before[-FRAME_WORDS:])
    frame = frames[0]
    return (
        len(frame) == FRAME_WORDS
        and frame == frames[1]
        and len(content_words(" ".join(frame))) >= 2
    )


def _why_not_same(a: Value, b: Value, event: _Event) -> str | None:
    """Why two values may speak of different things, or None when they speak of one."""
    ra, rb = event.reports[a.report], event.reports[b.report]
    sim = event.index.similarity(a.sentence, b.sentence)
    shared = a.context & b.context
    by_sentence, by_report = event.by_sentence, event.by_report
    moment = a.dimension in MOMENTS
    if moment:
        shared = shared - TIME_WORDS - MONTH_WORDS
    threshold = DATE_CONFLICT_SIMILARITY if moment else CONFLICT_SIMILARITY
    if sim < threshold and not (moment and sim >= CONFLICT_SIMILARITY and _same_frame(a, b, event)):
        return "sentences too unlike"
    if not shared:
        return "no word in common next to the values"
    if a.ambiguous or b.ambiguous:
        return "a time without am/pm"
    if (a.markers & TEMPORAL) != (b.markers & TEMPORAL):
        return "another moment"  # "had won 28 Grammys prior to the night" / "32 Grammys"
    if a.prospective != b.prospective:
        return "what is to happen and what happened"  # "will select 23" / "won 14 delegates"
    if (a.words_near & INSTANCE_WORDS) != (b.words_near & INSTANCE_WORDS):
        return "another instance"  # "a second 7.6 magnitude tremor", "another 648 people"
    if a.dimension.startswith("ordinal:") and not (shared - {"minute", "day"}):
        return "ordinals said differently"  # "the 81st minute" / "the 90th minute": two goals
    sent_a, sent_b = ra.sentences[a.sentence.sentence], rb.sentences[b.sentence.sentence]
    text_a = fold(ra.text[sent_a.start : sent_a.end])
    text_b = fold(rb.text[sent_b.start : sent_b.end])
    if moment:
        if a.dimension in ("date", "weekday") and (
            len([v for v in by_sentence[a.sentence] if v.dimension == a.dimension]) != 1
            or len([v for v in by_sentence[b.sentence] if v.dimension == b.dimension]) != 1
        ):
            return "several dates in a sentence"
        if a.dimension == "weekday" and not (a.near & b.near) - TIME_WORDS:
            return "weekdays said of different things"  # "will hit ... Monday" / "made ... Friday"
        if a.dimension == "year" and not (
            _first_of_kind(a, by_sentence) and _first_of_kind(b, by_sentence)
        ):
            return "a later year of a sentence with several"
        if _knows(rb, b.report, a, by_report) or _knows(ra, a.report, b, by_report):
            return "each report knows the other's moment"
        if a.dimension == "date" and any(
            _knows(r, i, a, by_report) and _knows(r, i, b, by_report)
            for i, r in enumerate(event.reports)
        ):
            return "another report writes both days"  # the derailment (3rd), the release (6th)
    else:
        times_a, times_b = _time_words(text_a), _time_words(text_b)
        if times_a and times_b and not times_a & times_b:
            return "different days"  # "145 mph early Friday" / "70 mph on Sunday"
        if a.dimension in CHANGING and bool(times_a) != bool(times_b):
            return "a changing measure, and only one report says when"  # "145 mph early Friday"
        if _years(text_a) != _years(text_b):
            return "different years"  # "a 7.6 magnitude earthquake which struck Izmit in 1999"
        ratio_ok = (
            min(a.point, b.point) > 0 and max(a.point, b.point) / min(a.point, b.point) <= MAX_RATIO
        )
        if not ratio_ok and not _same_digits(a, b):
            return "values too far apart to be one figure"  # "36 points" / "38,387 points"
        people = a.dimension in TALLIES
        if not people and not (_has_digit(ra, a) and _has_digit(rb, b)):
            return "a number in words"  # "one count", "five cars": rarely the figure of a fact
    if a.claim is not None and b.claim is not None:
        ca, cb = a.claim, b.claim
        if _differ(ca.source, cb.source):
            return "different sources"
        if _differ(ca.place, cb.place):
            return "different places"
        same_verb = ca.predicate is not None and ca.predicate == cb.predicate
        subj_a, subj_b = set(content_words(ca.subject or "")), set(content_words(cb.subject or ""))
        # a subject of one the other has next to its value ("Inflation rose to 6.4%" /
        # "inflation, which stood at 6.1%") is the same subject
        counted = {stem(ca.unit or ""), stem(cb.unit or "")} | SCALE_WORDS
        subj_a, subj_b = subj_a - counted, subj_b - counted
        same_subject = bool(subj_a & subj_b or subj_a & b.context or subj_b & a.context)
        # one subject doing two things ("James needed 36 points" / "scored 38 points") is no
        # sign of one figure: a subject counts only with a word in common besides the noun
        same_subject = same_subject and bool(shared - counted)
        slip = _same_digits(a, b)  # "1.2 million" / "12 million" customers: one figure
        if not (same_verb or same_subject or slip or len(shared - counted) >= 2):
            return "different verbs and subjects"
        if a.dimension.startswith("scale:") and not same_verb:
            return "different verbs"  # a magnitude "measured" is not the one that "struck"
        if _named_differently(ca.subject, cb.subject):
            return "different subjects"  # "James ... 1,410 games" / "Abdul-Jabbar took 1,560"
    if any(x not in text_b for x in a.anchors) or any(x not in text_a for x in b.anchors):
        return "measured from different places"
    # a report giving several values for the thing ("145 mph" early Friday, "130 mph" later)
    # tells of a changing quantity: its values are moments, not rival accounts (unless one of
    # them is the other report's value: then the report contradicts itself too)
    for mine, theirs in ((a, b), (b, a)):
        for other in by_report[mine.report] if not moment else ():
            if (
                other.dimension == mine.dimension
                and not _overlap(mine, other)
                and not _overlap(other, theirs)
                and other.near & mine.near
            ):
                return "a changing quantity"
    if _faces_another(a, b, event):
        return "the other sentence also has this value"
    return None


def _faces_another(a: Value, b: Value, event: _Event) -> bool:
    """Whether another value of the dimension in either sentence matches the other value: the
    two then face that one, not each other."""
    for mine, theirs in ((a, b), (b, a)):
        for other in event.by_sentence[theirs.sentence]:
            if (
                other is not theirs
                and other.dimension == mine.dimension
                and not _open(other)
                and _overlap(mine, other)
            ):
                return True
    return False


def _open(value: Value) -> bool:
    """A time said only as a bound ("after 9 pm"): it holds many times, and says none."""
    return value.dimension == "time" and value.high - value.low > 2 * TIME_SLACK + 1


@lru_cache(maxsize=1 << 14)
def _time_words(text: str) -> frozenset[str]:
    """The days a sentence names: weekdays, dates, "yesterday", "last year"."""
    return frozenset({w for w in re.findall(r"[a-z]+", text) if w in DAY_WORDS}) | {
        f"{d.month}-{d.day}" for d in date_mentions(text, 0, len(text))
    }


def _first_of_kind(value: Value, by_sentence: dict[SentenceRef, list[Value]]) -> bool:
    """Whether ``value`` is the first of its dimension in its sentence: with several years, the
    first is the one the sentence is about ("became president in 2002 ... served until
    2008"); the later ones are not compared."""
    same = [v for v in by_sentence[value.sentence] if v.dimension == value.dimension]
    return min(v.span.start for v in same) == value.span.start


@lru_cache(maxsize=1 << 14)
def _years(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\b(?:19|20)\d\d\b", text))


def _knows(report: Report, ri: int, value: Value, by_report: dict[int, list[Value]]) -> bool:
    """Whether the report writes ``value`` (same dimension, same value) anywhere."""
    return any(
        v.dimension == value.dimension and not _open(v) and _overlap(v, value)
        for v in by_report.get(ri, [])
    )


def _named_differently(x: str | None, y: str | None) -> bool:
    """Two subjects that are names with no word in common ("James" / "Abdul-Jabbar")."""
    if not x or not y:
        return False
    return bool((nx := _names_in(x)) and (ny := _names_in(y))) and not nx & ny


def _names_in(phrase: str) -> set[str]:
    """Capitalised words of a phrase, its first word left out unless it is the only one (a
    sentence starts with a capital: "Seven people")."""
    words = phrase.split()
    if len(words) > 1:
        words = words[1:]
    return {fold(w) for w in words if w[:1].isupper()} - STOP_WORDS


def _differ(x: str | None, y: str | None) -> bool:
    """Two names with no word in common ("AFAD" / "Soylu"; not "United States Geological
    Service" / "US Geological Survey", nor "Solvane" / "Solvayne"). A description ("the
    payments company") is no name: it may be either."""
    if not x or not y or not x[:1].isupper() or not y[:1].isupper():
        return False
    if x.split()[0].casefold() in STOP_WORDS or y.split()[0].casefold() in STOP_WORDS:
        return False
    wx = {w for w in re.findall(r"\w+", fold(x)) if len(w) > 2 and w not in STOP_WORDS}
    wy = {w for w in re.findall(r"\w+", fold(y)) if len(w) > 2 and w not in STOP_WORDS}
    if any(edit_distance(a, b) <= 2 for a in wx for b in wy if min(len(a), len(b)) >= 5):
        return False
    return bool(wx and wy) and not wx & wy


def _money_for_other_things(a: Value, b: Value, ra: Report, rb: Report, sim: float) -> bool:
    """The same sum of money for two different things: "$200,000 cash" / "a $200,000 bond",
    "2 billion euros for bridges" / "... for housing"."""
    if sim < 0.3 or not a.dimension.startswith("money:"):
        return False
    assert a.claim is not None and b.claim is not None
    # a day is when, not what for ("a decline of $100 billion on Wednesday")
    ref_a = set(content_words(a.claim.referent or "")) - DAY_WORDS - MONTH_WORDS - TIME_WORDS
    ref_b = set(content_words(b.claim.referent or "")) - DAY_WORDS - MONTH_WORDS - TIME_WORDS
    ref_a = ref_a or {n for n in [_noun_after(ra, a)] if n}
    ref_b = ref_b or {n for n in [_noun_after(rb, b)] if n}
    if not ref_a or not ref_b or ref_a & ref_b:
        return False
    sa, sb = ra.sentences[a.sentence.sentence], rb.sentences[b.sentence.sentence]
    words_a = set(content_words(ra.text[sa.start : sa.end]))
    words_b = set(content_words(rb.text[sb.start : sb.end]))
    return not ref_a & words_b and not ref_b & words_a


def _noun_after(report: Report, value: Value) -> str | None:
    """The word right after an amount ("cash" in "$200,000 cash"), if one follows directly."""
    m = re.match(r"\s+([a-z][a-z-]+)\b", report.text[value.span.end : value.span.end + 30])
    if m is None or m.group(1) in STOP_WORDS or m.group(1) in _NOT_WHAT_FOR:
        return None
    return stem(m.group(1))


# words that follow an amount without saying what it is ("$100 billion due to an error",
# "$5 apiece", "$2 million more")
_NOT_WHAT_FOR = frozenset(
    """million billion trillion thousand hundred dollars euros due worth each apiece annually
    yearly monthly more less over plus ago earlier later already""".split()
)


def _referents_differ(a: Value, b: Value, ra: Report, rb: Report, sim: float) -> bool:
    """The same figure counting different things: each referent names something the other
    sentence never mentions ("for every Russian tank" / "to attack the Russian warplanes")."""
    assert a.claim is not None and b.claim is not None
    if sim < 0.3 or not a.dimension.startswith(("count:", "people:")):
        return False
    if stem(a.claim.unit or "") != stem(b.claim.unit or ""):
        return False  # "3-1 loss" / "3-1 defeat": other words for one thing, not other things
    unit = {stem(a.claim.unit or "")}
    words_a = content_words(f"{a.claim.referent or ''} {a.claim.per or ''}")
    words_b = content_words(f"{b.claim.referent or ''} {b.claim.per or ''}")
    ref_a, ref_b = set(words_a) - unit, set(words_b) - unit
    if any(any(c.isdigit() for c in w) for w in ref_a | ref_b):
        return False
    only_a, only_b = ref_a - ref_b, ref_b - ref_a
    if not only_a or not only_b or not (ref_a & ref_b):
        return False
    # one head with other modifiers is one thing: "four remaining mainstream candidates" /
    # "four mainstream conservative candidates"
    if words_a[-1] not in only_a or words_b[-1] not in only_b:
        return False
    sa, sb = a.claim.sentence, b.claim.sentence
    sent_a = set(content_words(ra.text[sa.start : sa.end]))
    sent_b = set(content_words(rb.text[sb.start : sb.end]))
    return not (only_a & sent_b) and not (only_b & sent_a)
