"""Which people a stretch of a report names, so that two statements about different people are
not taken to say the same thing ("Trump has won Georgia, Virginia, Alabama ..." / "Clinton has
won Democratic primaries in Georgia, Virginia, ...")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from storylens.compare.align import SentenceRef
from storylens.compare.data import Report
from storylens.compare.words import content_words, word_spans
from storylens.model import Mention

SUBJECT = 4  # a name among a sentence's first words (after "Democrat", "Former President") leads it


def full_name_words(reports: Sequence[Report]) -> frozenset[str]:
    """The words of the full names (two words or more) tagged PERSON in the reports."""
    out = set()
    for report in reports:
        for m in report.mentions:
            words = content_words(report.text[m.start : m.end])
            if m.label == "PERSON" and len(words) >= 2:
                out.update(words)
    return frozenset(out)


def sentence_people(report: Report, ref: SentenceRef, name_parts: frozenset[str]) -> frozenset[str]:
    """The words of the people's names a sentence writes (:func:`people_named`), and for a
    sentence opening with "He" or "She", those of the one person the sentence before names,
    when it names that person first, in its opening words ("Clinton has won Democratic
    primaries in ... She also won Georgia, ..."; not "The Vermont senator won the state's
    caucuses, beating rival Hillary Clinton. He also won ...")."""
    sent = report.sentences[ref.sentence]
    people = {name for _, name in people_named(report, sent.start, sent.end, name_parts)}
    opening = report.text[sent.start :].lstrip()[:4]
    if ref.sentence > 0 and re.match(r"(?:He|She)\b", opening):
        prev = report.sentences[ref.sentence - 1]
        before = people_named(report, prev.start, prev.end, name_parts)
        if len({name[-1] for _, name in before}) == 1 and min(at for at, _ in before) < SUBJECT:
            people |= {name for _, name in before}
    return frozenset(word for name in people for word in name)


def span_people(report: Report, start: int, end: int, name_parts: frozenset[str]) -> frozenset[str]:
    """The words of the people's names written between ``start`` and ``end``."""
    return frozenset(
        word for _, name in people_named(report, start, end, name_parts) for word in name
    )


def people_named(
    report: Report, start: int, end: int, name_parts: frozenset[str]
) -> list[tuple[int, tuple[str, ...]]]:
    """The people named between ``start`` and ``end``, each as the words of its name with the
    number of words before it: full names tagged PERSON and written as names (capitalised: the
    tagger also calls "strawberry hair" a person), and capitalised words that are part of the
    name of someone the event's reports name in full, tagged or not (the tagger misses "Trump"
    in "Trump won not only in the Northeast", and "Harry" in "His album Harry's House has beaten
    ..." is Harry Styles), and the name a list item opens with (:func:`_listed_name`). Other
    single words tagged PERSON are too often something else ("a Dawn report")."""
    inside = [m for m in report.mentions if start <= m.start and m.end <= end]
    words = word_spans(report.text[start:end])
    people: list[tuple[int, tuple[str, ...]]] = []
    for m in inside:
        full = content_words(report.text[m.start : m.end])
        if m.label == "PERSON" and report.text[m.start].isupper() and len(full) >= 2:
            people.append((sum(start + w[0] < m.start for w in words), tuple(full)))
    named = {word for _, name in people for word in name}
    listed = _listed_name(report, start, end, inside)
    if listed and not set(listed) & named:
        people.append((0, listed))
        named.update(listed)
    for i, (at, _, word) in enumerate(words):
        if not word[:1].isupper():
            continue
        if any(m.start <= start + at < m.end and m.label != "PERSON" for m in inside):
            continue
        people.extend((i, (w,)) for w in content_words(word) if w in name_parts and w not in named)
    return people


# a list item or caption that opens with a name and a comma: "• Shawn Still, fake GOP elector"
_LISTED = re.compile(r"^[^\w]*((?:[A-Z][\w'’-]+ ){1,2}[A-Z][\w'’-]+),\s")
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december".split()
)


def _listed_name(
    report: Report, start: int, end: int, inside: Sequence[Mention]
) -> tuple[str, ...] | None:
    """The name a stretch opens with, two or three capitalised words before a comma, that the
    tagger may not have seen ("Still" is also an adverb): unless the words are an entity of
    another kind ("South Africa, Brazil ..."), a date ("Last Tuesday,") or hold a stop word
    ("In Washington,")."""
    m = _LISTED.match(report.text[start:end])
    if m is None:
        return None
    run_start, run_end = start + m.start(1), start + m.end(1)
    if any(x.start < run_end and run_start < x.end and x.label != "PERSON" for x in inside):
        return None
    run = m.group(1).split()
    words = content_words(m.group(1))
    if len(words) != len(run) or any(w.casefold() in _CALENDAR for w in run):
        return None
    return tuple(words)


def other_people(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two statements, each naming people, name none in common: alike as they may be,
    they say things of different people ("Trump has won Georgia, Virginia, Alabama ..." /
    "Clinton has won Democratic primaries in Georgia, Virginia, ..."). A name written two ways
    shares a word ("Pat Labat" / "Patrick Labat"); a statement naming nobody ("He won ...") may
    agree with any."""
    return bool(a) and bool(b) and not (a & b)
