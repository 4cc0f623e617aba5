"""The brief of an event and the timeline of a storyline: what a person reads.

A brief is made of source sentences only (extractive), each cited to the exact offsets of the
sentence it is, and to the sentences of other sources that say the same. It has:

- a headline (the event's most representative title) and a 3-6 sentence summary: the sentences
  other sources echo most, none repeating another, opened by the one that says most of the
  headline;
- what the sources agree on, with the number of independent sources;
- what only one source reports;
- where they differ, both sides quoted, and how;
- key quotes by speaker, key entities, and the reports in time order.

A timeline gives each event of a storyline one cited line: its brief's first summary sentence.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from storylens.compare import Comparison, compare_event, disputed
from storylens.compare.align import SentenceIndex, SentenceRef
from storylens.compare.data import Report
from storylens.compare.model import AGREE, UNIQUE, Relation, Side
from storylens.compare.words import content_words
from storylens.events.storylines import Storyline, build_storylines
from storylens.events.summary import build_events
from storylens.model import Event, Span
from storylens.store.base import Store

SUMMARY_MIN, SUMMARY_MAX = 3, 6
REDUNDANT = 0.35  # a sentence this like one already chosen says nothing new
SUPPORTS = 0.45  # another source's sentence this alike is cited as saying the same
LEAD_BONUS = 0.3  # news says what happened first: the first sentences of a report gain this
LEAD_SENTENCES = 3
DISPUTED = 1.0  # a sentence in a conflict drops this much in the summary's ranking
# A sentence that opens with a pronoun ("He said it is not known ...", "This is the third
# instance ...") leans on one before it that the brief does not show: it drops as much in the
# summary's ranking, and comes after the other only-in lines.
DANGLING = 1.0
_DANGLING = re.compile(
    r"^[\W_]*(?:(?:he|she|they|it|his|her|their|its)\b"
    r"|(?:this|that|these|those)(?=['’]s\b|\s*[,.;:!?]|\s+(?:is|was|are|were|has|had|have|will"
    r"|would|could|cannot|can|may|might|must|should|does|did|do|won|means|meant|comes|came|marks|makes)"
    r"(?:n?['’]t)?\b))",
    re.IGNORECASE,
)
MIN_WORDS, MAX_WORDS = 6, 60
TOP_AGREED = 5
TOP_UNIQUE = 6
TOP_QUOTES = 5
QUOTE_WORDS = 6  # shorter quotations ("its sovereignty") are fragments, not key quotes
SPEAKER_LABELS = frozenset({"PERSON", "ORG"})
_URL = re.compile(r"https?://|www\.|pic\.twitter|@\w")
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)]*$")


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a brief's words come from: a span of one article's text."""

    article_id: str
    outlet: str | None
    start: int
    end: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def of(cls, side: Side) -> Citation:
        return cls(side.article_id, side.outlet, side.start, side.end)


@dataclass(frozen=True, slots=True)
class BriefLine:
    """One line of a brief: source words and where they come from (the first citation is the
    sentence the text is; the others are sentences of other sources saying the same)."""

    text: str
    citations: tuple[Citation, ...]
    label: str = ""

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "citations": [c.as_dict() for c in self.citations],
        }
        if self.label:
            out["label"] = self.label
        return out


@dataclass(frozen=True, slots=True)
class KeyQuote:
    speaker: str
    text: str
    citation: Citation

    def as_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "text": self.text, "citation": self.citation.as_dict()}


@dataclass(frozen=True, slots=True)
class Brief:
    event: Event
    summary: tuple[BriefLine, ...]
    agreed: tuple[BriefLine, ...]
    only_in: tuple[BriefLine, ...]
    differ: tuple[Relation, ...]
    quotes: tuple[KeyQuote, ...]
    reports: tuple[dict[str, Any], ...]
    relations: tuple[Relation, ...] = field(default=(), repr=False)

    def as_dict(self) -> dict[str, Any]:
        e = self.event
        return {
            "event_id": e.id,
            "headline": e.title,
            "start": e.start,
            "end": e.end,
            "outlets": list(e.outlets),
            "independent_sources": e.independent_sources,
            "summary": [line.as_dict() for line in self.summary],
            "agreed": [line.as_dict() for line in self.agreed],
            "only_in": [line.as_dict() for line in self.only_in],
            "differ": [r.as_dict() for r in self.differ],
            "quotes": [q.as_dict() for q in self.quotes],
            "key_entities": list(e.key_entities),
            "main_place": e.main_place,
            "reports": list(self.reports),
        }


def build_brief(event: Event, comparison: Comparison) -> Brief:
    """The brief of ``event`` from the comparison of its reports."""
    reports = comparison.reports
    index = comparison.index
    speakers = {i: e.name for i, e in comparison.entities.items() if e.label in SPEAKER_LABELS}
    relations = comparison.relations
    agreed = sorted(
        (r for r in relations if r.relation == AGREE), key=lambda r: (-r.sources, -r.confidence)
    )
    conflicts = Counter(
        (s.article_id, s.start) for r in relations if r.is_conflict for s in r.sides
    )
    uniques = sorted(
        (r for r in relations if r.relation == UNIQUE),
        key=lambda r: (r.kind != "number" or _small_word_figure(r), -r.confidence),
    )
    return Brief(
        event=event,
        summary=tuple(
            _summary(
                reports,
                index,
                disputed(relations, reports),
                _same_deed(relations),
                _opposed(relations),
                event.title,
            )
        ),
        agreed=tuple(_agreed_lines(agreed, conflicts)[:TOP_AGREED]),
        only_in=tuple(_only_in_lines(uniques, agreed, _captions(reports))[:TOP_UNIQUE]),
        differ=tuple(r for r in relations if r.is_conflict),
        quotes=tuple(_key_quotes(reports, speakers)),
        reports=tuple(_report_line(r) for r in reports),
        relations=tuple(relations),
    )


def _agreed_lines(
    agreed: Sequence[Relation], conflicts: Counter[tuple[str, int]]
) -> list[BriefLine]:
    """One line per agreed sentence: relations of several kinds (a figure, a statement, who did
    what) often rest on the same sentence; their citations are merged. The line shows the
    sentence of its sides that the fewest conflicts dispute (a figure four sources agree on
    is shown in a sentence that does not also say what only one of them says it is for)."""
    merged: dict[tuple[str, int], tuple[int, list[Side]]] = {}
    # what each line's relations agree on, with their source counts; None: the whole sentence
    what: dict[tuple[str, int], dict[str, int] | None] = {}
    for r in agreed:
        first = r.sides[0]
        key = (first.article_id, first.start)
        sources, sides = merged.get(key, (0, []))
        sides += [s for s in r.sides if Citation.of(s) not in map(Citation.of, sides)]
        merged[key] = (max(sources, r.sources), sides)
        words = _compared_words(r)
        known = what.get(key, {})
        if words is None or known is None:
            what[key] = None
        else:
            what[key] = {**known, words: max(known.get(words, 0), r.sources)}
    lines = []
    for key, (sources, sides) in merged.items():
        items = what[key]
        # a sentence that writes every figure the label names (first of equals)
        writes = [s for s in sides if all(w.casefold() in s.text.casefold() for w in items or ())]
        shown = min(writes or sides[:1], key=lambda s: conflicts[(s.article_id, s.start)])
        cites = [Citation.of(shown)] + [Citation.of(s) for s in sides if s is not shown]
        lines.append(BriefLine(shown.text, tuple(cites), _agreed_label(sources, items)))
    return lines


def _agreed_label(sources: int, items: Mapping[str, int] | None) -> str:
    """ "Agreed by 3 independent sources", or with what was agreed when not the whole sentence:
    "Agreed by 3 independent sources (Thursday), by 2 (1.2 million)".

    >>> _agreed_label(3, {"Thursday": 3, "1.2 million": 2})
    'Agreed by 3 independent sources (Thursday), by 2 (1.2 million)'
    """
    if not items:
        return f"Agreed by {sources} independent sources"
    counts = sorted(set(items.values()), reverse=True)
    parts = [
        f"{'Agreed by ' if i == 0 else 'by '}{n}{' independent sources' if i == 0 else ''}"
        f" ({', '.join(w for w, m in items.items() if m == n)})"
        for i, n in enumerate(counts)
    ]
    return ", ".join(parts)


VALUE_KINDS = frozenset({"number", "date", "time", "place", "venue"})


def _compared_words(relation: Relation) -> str | None:
    """The words a relation of a figure, date or place compares in its first sentence ("2-1",
    "Saturday"), or None when it is about the whole sentence (a statement, a quotation)."""
    if relation.kind not in VALUE_KINDS:
        return None
    return _highlighted(relation.sides[0]) or None


def _highlighted(side: Side) -> str:
    h = side.highlight
    return side.text[h.start - side.start : h.end - side.start] if h is not None else ""


def _label(label: str, words: Sequence[str] | None) -> str:
    """``label`` saying which words of the line it is about, when not the whole sentence: a
    line agreed on its score only, or only in one source for one of its figures, must not
    read as if every word of it were."""
    return f"{label} ({', '.join(words)})" if words else label


SMALL_WORDS = frozenset({"one", "two", "three", "a", "an", "single", "half"})


def _small_word_figure(relation: Relation) -> bool:
    """A figure written as "one", "two" or "three" ("the two main tracks", "her three
    children"): a detail of the telling more often than a fact only one source has, so such a
    line comes after the other "only in" lines, not before them."""
    words = _compared_words(relation)
    return words is not None and words.casefold() in SMALL_WORDS


def _captions(reports: Sequence[Report]) -> set[tuple[str, int]]:
    """(report id, sentence start) of the photo captions and credits enrichment found."""
    return {(r.id, s.start) for r in reports for s in r.sentences if s.caption}


def _only_in_lines(
    uniques: Sequence[Relation], agreed: Sequence[Relation], captions: set[tuple[str, int]]
) -> list[BriefLine]:
    """Lines for what one source alone says, leaving out a sentence an agreement cites (its
    figure or quotation may be its own, but the line would read as if nobody else said any of
    it), fragments too short to read ("8", a table cell) and what is no sentence: a headline
    or page furniture without a full stop ("Metro Montreal il y a 1 an 143 Views 0", "45
    minute: Half-time - score Spain 0, Sweden 0"), a photo caption. A line that opens with a
    pronoun comes after the others (:func:`dangling`)."""
    cited = {(s.article_id, s.start) for r in agreed for s in r.sides}
    lines = [
        _relation_line(r, f"Only in {r.note}")
        for r in uniques
        if (key := (r.sides[0].article_id, r.sides[0].start)) not in cited
        and key not in captions
        and len(r.sides[0].text.split()) >= MIN_WORDS
        and _a_sentence(r.sides[0].text)
    ]
    return sorted(lines, key=lambda line: dangling(line.text))  # stable: the order stays


def dangling(text: str) -> bool:
    """Whether a sentence opens with a pronoun, leaning on one before it ("He said ...",
    "That doesn't mean ..."); "This week ..." and "That night ..." do not."""
    return _DANGLING.match(text) is not None


_FOOTNOTES = re.compile(r"(?:\[\d+\])+\s*$")
_QUOTED_UP_TO_ITS_SPEAKER = re.compile(r",[\"'”’]$")  # '"... was lost," the agency said'


def _a_sentence(text: str) -> bool:
    """Ends as a sentence does (a footnote mark after it aside: "butyl acrylate.[1]"; a
    quotation cut before its speaker: '"... was lost,"') and is no link."""
    text = _FOOTNOTES.sub("", text.rstrip())
    ends = _ENDS_SENTENCE.search(text) or _QUOTED_UP_TO_ITS_SPEAKER.search(text)
    return bool(ends) and not _URL.search(text)


def _relation_line(relation: Relation, label: str) -> BriefLine:
    first = relation.sides[0]
    words = _compared_words(relation)
    cites = tuple(Citation.of(s) for s in relation.sides)
    return BriefLine(first.text, cites, _label(label, [words] if words else None))


def _report_line(report: Report) -> dict[str, Any]:
    a = report.stored.article
    return {
        "article_id": a.id,
        "outlet": a.outlet,
        "title": a.title,
        "display_title": a.display_title,
        "published": a.published_iso,
        "url": a.url,
        "copy_of": report.stored.near_duplicate_of,
    }


def _readable(text: str) -> bool:
    words = text.split()
    return (
        MIN_WORDS <= len(words) <= MAX_WORDS
        and not _URL.search(text)
        and bool(_ENDS_SENTENCE.search(text))
        and not _QUESTION.search(text)
        and text[:1].isupper()
        and not text.isupper()
        and not _ends_an_earlier_quotation(text)
    )


# a summary states what happened; a question ("In Tulsa, an unarmed man with his hands in the
# air?") is someone's words or a rhetorical turn
_QUESTION = re.compile(r"\?[\"'”’)]*$")


def _ends_an_earlier_quotation(text: str) -> bool:
    """Whether the first quotation mark of a sentence closes a quotation opened in an earlier
    one: 'It is something much bigger than him," said Devine.' is the end of someone's words,
    not a sentence a reader can take alone. Two apostrophes mark a quotation too (''...'')."""
    text = text.replace("''", '"')
    m = re.search(r'["“”]', text)
    if m is None:
        return False
    if m.group() != '"':
        return m.group() == "”"
    before = text[m.start() - 1] if m.start() else " "
    after = text[m.end()] if m.end() < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:")


def _same_deed(relations: Sequence[Relation]) -> set[frozenset[tuple[str, int]]]:
    """Pairs of sentences (article id, start) the comparison found telling who did what alike
    (an ``event`` agreement: "Microsoft is holding a surprise launch event" / "Microsoft are
    holding a surprise press event tomorrow"): one says what the other says, in other words."""
    out: set[frozenset[tuple[str, int]]] = set()
    for r in relations:
        if r.relation == AGREE and r.kind == "event":
            keys = sorted({(s.article_id, s.start) for s in r.sides})
            out.update(frozenset(pair) for pair in itertools.combinations(keys, 2))
    return out


def _opposed(relations: Sequence[Relation]) -> set[frozenset[tuple[str, int]]]:
    """Pairs of sentences (article id, start) some conflict sets against each other: neither
    is support for the other ("2 billion euros for new housing" cites no sentence of "2
    billion euros repairing ... bridges"). A name spelt two ways is not what the sentences
    state ("Georg Solti" / "George Solti" both tell whose record Beyoncé broke)."""
    out: set[frozenset[tuple[str, int]]] = set()
    for r in relations:
        if r.is_conflict and r.kind != "name":
            out |= r.opposed()
    return out


def _summary(
    reports: Sequence[Report],
    index: SentenceIndex,
    in_dispute: set[tuple[str, int]],
    same_deed: set[frozenset[tuple[str, int]]],
    opposed: set[frozenset[tuple[str, int]]],
    headline: str,
) -> list[BriefLine]:
    """The sentences other sources echo most, lead sentences first, none repeating another (in
    words, or in who did what: ``same_deed``), each with a finite verb but a report's first (a
    caption or a credit has none); a sentence in dispute is taken only when nothing else says
    as much (the disagreement has its own section), and never with a sentence a conflict sets
    against it (``opposed``): a summary does not contradict itself. A sentence that opens with
    a pronoun ranks down as a disputed one does (:func:`dangling`). The one that says most of
    the event's headline opens the summary (a timeline shows it), the rest follow as news
    reads."""
    candidates: list[tuple[float, SentenceRef]] = []
    for ri, report in enumerate(reports):
        readable = 0
        for si, sent in enumerate(report.sentences):
            if sent.caption or not _readable(report.text[sent.start : sent.end]):
                continue  # a photo caption (enrich.captions) tells of a picture, not the story
            if not sent.finite and si > 0:
                # a caption, a credit or a fragment; a report's first line may be its headline,
                # which news writes without a finite verb ("Poll: Clinton and Sanders in dead heat")
                continue
            ref = SentenceRef(ri, si)
            echo = sum(index.best.get(ref, {}).values())
            lead = LEAD_BONUS if readable < LEAD_SENTENCES else 0.0
            readable += 1
            penalty = DISPUTED if (report.id, sent.start) in in_dispute else 0.0
            if dangling(report.text[sent.start : sent.end]):
                penalty += DANGLING
            candidates.append((echo + lead - penalty, ref))
    candidates.sort(key=lambda c: (-c[0], c[1].report, c[1].sentence))
    sources = len({r.source for r in reports})
    wanted = max(SUMMARY_MIN, min(SUMMARY_MAX, sources + 2))

    def key(ref: SentenceRef) -> tuple[str, int]:
        return reports[ref.report].id, reports[ref.report].sentences[ref.sentence].start

    chosen: list[SentenceRef] = []
    for _, ref in candidates:
        if len(chosen) >= wanted:
            break
        if any(
            index.similarity(ref, other) >= REDUNDANT
            or frozenset((key(ref), key(other))) in same_deed
            or frozenset((key(ref), key(other))) in opposed  # it would contradict itself
            for other in chosen
        ):
            continue
        chosen.append(ref)
    if not chosen:
        return []
    # what opens the summary is what a timeline shows of the event: of the sentences another
    # source says too (all, if none is), the one that says most of the headline, its words
    # weighted by rarity (ties go to the better ranked); the rest follow as news reads
    title = set(content_words(headline))
    rank = {ref: i for i, ref in enumerate(chosen)}

    def covers(ref: SentenceRef) -> float:
        report = reports[ref.report]
        sent = report.sentences[ref.sentence]
        shared = title & set(content_words(report.text[sent.start : sent.end]))
        return sum(index.idf.get(word, 1.0) for word in shared)

    echoed = [r for r in chosen if any(v >= SUPPORTS for v in index.best.get(r, {}).values())]
    opening = max(echoed or chosen, key=lambda ref: (covers(ref), -rank[ref]))
    rest = sorted((ref for ref in chosen if ref != opening), key=lambda r: (r.sentence, r.report))
    ordered = [opening, *rest]
    return [_summary_line(reports, index, ref, opposed) for ref in ordered]


def _summary_line(
    reports: Sequence[Report],
    index: SentenceIndex,
    ref: SentenceRef,
    opposed: set[frozenset[tuple[str, int]]],
) -> BriefLine:
    """A summary sentence cited to itself and, per other source, to the sentence most like
    it, unless a conflict sets the two against each other."""
    report = reports[ref.report]
    sent = report.sentences[ref.sentence]
    citations = [Citation(report.id, report.outlet, sent.start, sent.end)]
    by_source: dict[str, tuple[float, SentenceRef]] = {}
    for pair in index.pairs:
        if pair.similarity < SUPPORTS:
            break
        other = pair.b if pair.a == ref else pair.a if pair.b == ref else None
        if other is None:
            continue
        r = reports[other.report]
        key = (r.id, r.sentences[other.sentence].start)
        if frozenset(((report.id, sent.start), key)) in opposed:
            continue
        source = r.source
        if source != report.source and source not in by_source:
            by_source[source] = (pair.similarity, other)
    for _, other in by_source.values():
        r = reports[other.report]
        s = r.sentences[other.sentence]
        citations.append(Citation(r.id, r.outlet, s.start, s.end))
    return BriefLine(report.text[sent.start : sent.end], tuple(citations))


def _key_quotes(reports: Sequence[Report], speakers: Mapping[int, str]) -> list[KeyQuote]:
    """One quotation per speaker, most quoted speakers first: the speaker's earliest words
    (in an original rather than a copy) between quotation marks, at least :data:`QUOTE_WORDS`
    of them, not opening in lower case (a quotation inside the reporter's sentence). Only
    words in quotation marks are quotes: an indirect account ("Earps denying Hermoso from the
    penalty spot", "He claimed that ..., according to AP") is the reporter's wording. Words
    already shown under another name (reports crediting one quotation to two speakers) are
    not shown twice."""
    found: dict[str, list[tuple[Report, Span]]] = {}  # by the speaker's name
    counts: Counter[str] = Counter()
    for report in reports:
        for q in report.quotes:
            if q.speaker is None or q.speaker not in speakers:
                continue
            name = speakers[q.speaker]
            counts[name] += 1
            for content in q.contents:
                words = quotation(report.text, content)
                if words is None:
                    continue
                said = words.of(report.text)
                # words opening in lower case continue the reporter's sentence: "Ms. Tanzer
                # said, ''is a perfect example of adapting'' to the changing economy"
                if len(said.split()) >= QUOTE_WORDS and not said[:1].islower():
                    found.setdefault(name, []).append((report, words))
                    break
    out: list[KeyQuote] = []
    shown: list[list[str]] = []
    for name in sorted(found, key=lambda n: -counts[n]):
        # the original's words before a copy's (a copy drops the dateline, so its words
        # start earlier), then the speaker's first words in the article
        report, words = min(
            found[name], key=lambda item: (item[0].source != item[0].id, item[1].start)
        )
        text = words.of(report.text)
        opening = content_words(text)[:QUOTE_WORDS]
        if any(_same_opening(opening, seen) for seen in shown):
            continue
        shown.append(opening)
        citation = Citation(report.id, report.outlet, words.start, words.end)
        out.append(KeyQuote(name, text, citation))
        if len(out) >= TOP_QUOTES:
            break
    return out


def _same_opening(a: list[str], b: list[str]) -> bool:
    """Whether two quotations open with the same content words (the shorter one's, at least
    two): "I'm trying not to be too emotional" and "I'm trying not to be too emotional, I'm
    trying to just receive this night" are one quotation."""
    n = min(len(a), len(b))
    return n >= 2 and a[:n] == b[:n]


_OPENING = '"“‘«'
_CLOSING = '"”’»'
_EDGES = " \n\t,;:"  # left off the words inside the marks


def quotation(text: str, span: Span) -> Span | None:
    """The words inside the quotation marks when ``span`` of ``text`` is one whole quotation
    (the content “We will win,” gives We will win), else None: a partial quotation (called it
    a “very sad day”) or an indirect account is no one's exact words.

    >>> quotation("“We will win,” he said.", Span(0, 14))
    Span(start=1, end=12)
    >>> quotation("He called it a “very sad day”.", Span(13, 29)) is None
    True
    >>> quotation("''We will win,'' he said.", Span(0, 16))
    Span(start=2, end=13)
    """
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:"):
        end -= 1
    if text.startswith("''", start) and text.endswith("''", start, end) and end - start > 4:
        start, end = start + 2, end - 2  # the New York Times quotes with two apostrophes
    elif end - start < 3 or text[start] not in _OPENING or text[end - 1] not in _CLOSING:
        return None
    else:
        start, end = start + 1, end - 1
    inner = text[start:end]
    if any(mark in inner for mark in '“”"«»') or "''" in inner:
        return None  # two quotations with the reporter's words between them
    while start < end and text[start] in _EDGES:
        start += 1
    while end > start and text[end - 1] in _EDGES:
        end -= 1  # "We will win," -> We will win
    return Span(start, end) if end > start else None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    event: Event
    line: BriefLine | None

    def as_dict(self) -> dict[str, Any]:
        e = self.event
        return {
            "event_id": e.id,
            "title": e.title,
            "start": e.start,
            "end": e.end,
            "line": self.line.as_dict() if self.line else None,
        }


@dataclass(frozen=True, slots=True)
class Timeline:
    storyline: Storyline
    entries: tuple[TimelineEntry, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "storyline_id": self.storyline.id,
            "title": self.storyline.title,
            "events": [entry.as_dict() for entry in self.entries],
        }


def build_timeline(storyline: Storyline, briefs: Mapping[int, Brief]) -> Timeline:
    """The storyline's events in time order, each with its brief's first summary line."""
    entries = []
    for event in storyline.events:
        brief = briefs.get(event.id)
        line = brief.summary[0] if brief is not None and brief.summary else None
        entries.append(TimelineEntry(event, line))
    return Timeline(storyline, tuple(entries))


def briefs(store: Store, event_ids: Sequence[int] | None = None) -> list[Brief]:
    """The briefs of the live events (or of ``event_ids``), newest event first."""
    events = build_events(store, list(event_ids) if event_ids is not None else None)
    out = []
    for event in events:
        comparison = compare_event(store, event.id, event.article_ids)
        out.append(build_brief(event, comparison))
    return out


def timeline(store: Store, storyline_id: int) -> Timeline | None:
    """The timeline of one storyline, or None if there is no such storyline."""
    events = build_events(store)
    stories = [s for s in build_storylines(store, events) if s.id == storyline_id]
    if not stories:
        return None
    story = stories[0]
    return build_timeline(
        story, {b.event.id: b for b in briefs(store, [e.id for e in story.events])}
    )
