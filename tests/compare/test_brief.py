"""The brief: which source sentences its summary takes and in what order, and what its agreed,
only-in and key-quote lines show."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable

import pytest

from storylens.compare import Comparison, compare_reports
from storylens.compare.align import SentenceIndex
from storylens.compare.brief import (
    Brief,
    _agreed_lines,
    _key_quotes,
    _only_in_lines,
    _readable,
    _relation_line,
    build_brief,
    dangling,
)
from storylens.compare.data import Report
from storylens.compare.model import AGREE, UNIQUE, Relation, Side
from storylens.model import Claim, Event, Quote, Span

from .helpers import idf_of, report


def brief_of(title: str, *texts: str) -> Brief:
    reports = [report(f"r{i}", t, outlet=f"outlet{i}.example") for i, t in enumerate(texts)]
    idf = idf_of(reports)
    index = SentenceIndex(reports, idf)
    relations = compare_reports(reports, idf, index, {})
    ids = tuple(r.id for r in reports)
    event = Event(3, title, "2026-03-09", "2026-03-09", ids, ids, len(ids), (), None)
    return build_brief(event, Comparison(3, tuple(reports), tuple(relations), index, {}))


def briefed(title: str, texts: list[str]) -> tuple[list[Report], Callable[[list[Relation]], Brief]]:
    """The reports of ``texts``, and their brief as an event titled ``title`` given the
    relations a test chooses."""
    reports = [report(f"r{i}", t, outlet=f"outlet{i}.example") for i, t in enumerate(texts)]
    index = SentenceIndex(reports, idf_of(reports))
    ids = tuple(r.id for r in reports)
    event = Event(3, title, "2026-03-09", "2026-03-09", ids, ids, len(ids), (), None)

    def brief(relations: list[Relation]) -> Brief:
        return build_brief(event, Comparison(3, tuple(reports), tuple(relations), index, {}))

    return reports, brief


def summary_of(title: str, reports: list[Report]) -> list[str]:
    """The summary lines of ``reports`` as one event titled ``title``, compared as the
    comparison stage would."""
    idf = idf_of(reports)
    index = SentenceIndex(reports, idf)
    ids = tuple(r.id for r in reports)
    event = Event(3, title, "2026-03-09", "2026-03-09", ids, ids, len(ids), (), None)
    relations = tuple(compare_reports(reports, idf, index, {}))
    comparison = Comparison(3, tuple(reports), relations, index, {})
    return [line.text for line in build_brief(event, comparison).summary]


REPORTS = (
    "Divers searched the river until nine in the evening after the accident. "
    "The old quay bridge collapsed into the river on Monday morning, the mayor said. "
    "Traffic was sent over the northern crossing for the rest of the week.",
    "Divers searched the river until nine in the evening, the police said. "
    "The old quay bridge fell into the river on Monday, officials said. "
    "The span had been closed to lorries since 2019 because of cracks in its piers.",
)


def test_the_summary_opens_with_what_the_headline_says() -> None:
    """Both reports open on the search; the sentence that says what the headline says (the
    bridge fell) opens the summary, the others follow as news reads."""
    brief = brief_of("Old quay bridge collapses into the river", *REPORTS)
    texts = [line.text for line in brief.summary]
    assert texts[0].startswith("The old quay bridge")
    assert any(t.startswith("Divers searched") for t in texts[1:])
    for line in brief.summary:  # every line is its source's own words
        cited = line.citations[0]
        source = REPORTS[int(cited.article_id[1:])]
        assert source[cited.start : cited.end] == line.text


def test_without_a_headline_word_the_best_ranked_sentence_opens() -> None:
    brief = brief_of("Untitled", *REPORTS)
    assert brief.summary and brief.summary[0].text.startswith("Divers searched")


def test_what_another_source_says_too_opens_before_a_one_source_aside() -> None:
    """The aside names more of the headline, but only one source says it: the pledge both
    report opens the summary."""
    brief = brief_of(
        "Reyk pledges money for bridges after Port Alder disaster",
        "The government will spend more money on old bridges, Reyk announced on Wednesday. "
        "Reyk, speaking after the Port Alder disaster, said the country must build for decades.",
        "The government will spend more money on old bridges, Reyk announced on Wednesday night. "
        "Opposition leader Mara Quist called the announcement too little and too late.",
    )
    texts = [line.text for line in brief.summary]
    assert any(t.startswith("Reyk, speaking") for t in texts)  # chosen, but not to open
    assert texts[0].startswith("The government will spend")
    assert len(brief.summary[0].citations) == 2


def test_a_photo_caption_is_no_summary_sentence() -> None:
    """Two outlets print the same agency photo with its caption: echoed word for word, it would
    lead the summary; enrichment marks it a caption (``enrich.captions``), and it is not."""
    caption = "A black plume rises over the old quay bridge in Port Alder on Monday, May 4, 2026."
    texts = [
        f"{caption} The old quay bridge collapsed into the river on Monday morning. "
        "Divers searched the river until nine in the evening after the accident.",
        f"{caption} The old quay bridge fell into the river on Monday, officials said. "
        "The span had been closed to lorries since 2019 because of cracks in its piers.",
    ]
    reports = [report(f"r{i}", t, outlet=f"outlet{i}.example") for i, t in enumerate(texts)]

    def marked(r: Report) -> Report:
        sents = tuple(
            dataclasses.replace(s, caption=r.text[s.start : s.end] == caption) for s in r.sentences
        )
        return dataclasses.replace(r, sentences=sents)

    assert caption in summary_of("Bridge collapses", reports)
    lines = summary_of("Bridge collapses", [marked(r) for r in reports])
    assert caption not in lines and lines


@pytest.mark.parametrize(
    ("sentence", "readable"),
    [
        ('It is something much bigger than him and his campaign," said Devine.', False),
        ("You are one of a kind and always will be,” said James on Tuesday.", False),
        ("We want a process where the voters decide,'' Tad Devine said on Tuesday.", False),
        ("Tad Devine said: ''We want a process where the voters decide.''", True),
        ('Devine said: "It is something much bigger than him and the campaign."', True),
        ("Devine said: “It is something much bigger than him and the campaign.”", True),
        ('Devine called the campaign "something much bigger" than the senator.', True),
        ("In Tulsa, an unarmed man with his hands in the air and nothing in them?", False),
    ],
)
def test_the_end_of_a_quotation_begun_earlier_or_a_question_is_no_summary_sentence(
    sentence: str, readable: bool
) -> None:
    assert _readable(sentence) is readable


def test_a_sentence_without_a_finite_verb_is_no_summary_sentence_but_a_first_line() -> None:
    """A caption ("... blog page introducing its chatbot Bard.") is written like a sentence but
    has no finite verb; a report's first line may be its headline, which news writes so."""
    texts = [
        "Poll: bridge repairs in Port Alder a year behind plan. "
        "The mayor's blog page introducing her new repair schedule for the city. "
        "Crews will reopen the old quay crossing before the winter storms arrive.",
        "Bridge repairs in Port Alder a year behind plan, engineers say. "
        "The mayor's blog page introducing her new repair schedule for the city. "
        "Crews will reopen the old quay crossing before the winter storms arrive, officials said.",
    ]
    reports = [report(f"r{i}", t, outlet=f"outlet{i}.example") for i, t in enumerate(texts)]
    caption = "The mayor's blog page introducing her new repair schedule for the city."
    headline = "Poll: bridge repairs in Port Alder a year behind plan."

    def non_finite(r: Report) -> Report:
        sents = tuple(
            dataclasses.replace(s, finite=r.text[s.start : s.end] not in (caption, headline))
            for s in r.sentences
        )
        return dataclasses.replace(r, sentences=sents)

    assert caption in summary_of(
        "Bridge repairs", reports
    )  # all finite: the caption is echoed, so chosen
    flagged = summary_of("Bridge repairs", [non_finite(r) for r in reports])
    assert caption not in flagged
    assert headline in flagged  # the first line stays a candidate


def test_two_sentences_telling_who_did_what_alike_are_not_both_summary_lines() -> None:
    """Few words shared, so alike in words they are not; the comparison found them telling
    the same deed (an event agreement), so the summary takes one of them."""
    texts = [
        "Microsoft is holding a surprise launch event at its Redmond headquarters on Tuesday. "
        "Investors expect news about the search engine and its chatbot partnership.",
        "The software giant will stage an unannounced press gathering near Seattle tomorrow. "
        "Investors expect news about the search engine and its chatbot partnership, analysts said.",
    ]
    reports, brief = briefed("Microsoft event", texts)
    relations = compare_reports(reports, idf_of(reports))

    def summary(rels: list[Relation]) -> list[str]:
        return [line.text for line in brief(rels).summary]

    first = [reports[0].side(reports[0].sentences[0].span)]
    other = [reports[1].side(reports[1].sentences[0].span)]
    deed = Relation(AGREE, "event", 0.8, (first[0], other[0]), 2, "Microsoft: hold")
    openings = {texts[0].split(". ")[0] + ".", texts[1].split(". ")[0] + "."}
    assert openings <= set(summary(relations))  # unlinked, both are taken
    assert len(openings & set(summary([*relations, deed]))) == 1


def _said(text: str, who: str, words: str, speaker: int) -> Quote:
    """A quote of ``speaker``: source ``who``, content ``words`` (first occurrences)."""
    at, w = text.index(who), text.index(words)
    return Quote((Span(at, at + len(who)),), (Span(at, at + len(who)),),
                 (Span(w, w + len(words)),), words[0] in "“\"", speaker=speaker)  # fmt: skip


def test_key_quotes_are_words_in_quotation_marks() -> None:
    """Only words between quotation marks are shown as a speaker's words, without the marks;
    an indirect account, a partial quotation, and words relayed "according to AP" are the
    reporter's wording."""
    text = (
        "England goalie Mary Earps denying Jennifer Hermoso from the penalty spot was not enough. "
        "Trump called it a “very sad day for America” as he left the jail. "
        "“We will continue to impose severe sanctions on the Kremlin,” Blinken said, "
        "according to AP."
    )
    sanctions = "“We will continue to impose severe sanctions on the Kremlin,”"
    quotes = (
        _said(text, "Mary Earps", "Jennifer Hermoso from the penalty spot", 1),
        _said(text, "Trump", "it a “very sad day for America”", 2),
        _said(text, "Blinken", sanctions, 3),
        _said(text, "AP", sanctions + " Blinken said", 4),
    )
    r = dataclasses.replace(report("r0", text), quotes=quotes)
    found = _key_quotes([r], {1: "Mary Earps", 2: "Donald Trump", 3: "Antony Blinken", 4: "AP"})
    assert [(q.speaker, q.text) for q in found] == [
        ("Antony Blinken", "We will continue to impose severe sanctions on the Kremlin")
    ]
    citation = found[0].citation
    assert text[citation.start : citation.end] == found[0].text


def test_a_quotation_between_two_apostrophes_is_a_key_quote() -> None:
    """The New York Times marks quotations with two apostrophes: ''...''."""
    text = "''Voters are very serious about us defending ourselves,'' Gingrich said on Sunday."
    words = "''Voters are very serious about us defending ourselves,''"
    r = dataclasses.replace(report("r0", text), quotes=(_said(text, "Gingrich", words, 1),))
    [found] = _key_quotes([r], {1: "Newt Gingrich"})
    assert found.text == "Voters are very serious about us defending ourselves"
    assert text[found.citation.start : found.citation.end] == found.text


def test_a_quotation_opening_in_lower_case_is_no_key_quote() -> None:
    """Words in marks that continue the reporter's sentence are part of it; the speaker's
    whole quotation later in the report is the key quote."""
    text = (
        "Ms. Tanzer said the club ''is a perfect example of adapting to the economy'' today. "
        "''They're spending a fortune on making the place family-friendly,'' Ms. Tanzer said."
    )
    quotes = (
        _said(text, "Tanzer", "''is a perfect example of adapting to the economy''", 1),
        _said(text, "Tanzer said.", "''They're spending a fortune on making the place "
              "family-friendly,''", 1),
    )  # fmt: skip
    r = dataclasses.replace(report("r0", text), quotes=quotes)
    [found] = _key_quotes([r], {1: "Michelle F. Tanzer"})
    assert found.text == "They're spending a fortune on making the place family-friendly"


def test_one_quotation_credited_to_two_speakers_is_shown_once() -> None:
    text = (
        "“I'm trying not to be too emotional,” Beyoncé said. "
        "“I'm trying not to be too emotional, I'm trying to just receive this night,” "
        "she told Nile Rodgers."
    )
    quotes = (
        _said(text, "Beyoncé", "“I'm trying not to be too emotional,”", 1),
        _said(
            text,
            "Nile Rodgers",
            "“I'm trying not to be too emotional, I'm trying to just receive this night,”",
            2,
        ),
    )
    r = dataclasses.replace(report("r0", text), quotes=quotes)
    assert [q.speaker for q in _key_quotes([r], {1: "Beyoncé", 2: "Nile Rodgers"})] == ["Beyoncé"]
    r = dataclasses.replace(r, quotes=quotes[1:])
    assert [q.speaker for q in _key_quotes([r], {2: "Nile Rodgers"})] == ["Nile Rodgers"]


def test_a_copy_and_its_original_make_one_only_in_line() -> None:
    """A figure only one source gives, in the original and in a wire copy of it, is one line
    "only in" the original's outlet citing both, not one line per outlet."""
    fine = "Companies can be fined up to 20 million euros for failing to protect data."
    texts = {
        "orig": f"Hackers stole the data of many customers on Thursday. {fine}",
        "copy": f"Hackers stole the data of many customers on Thursday, the firm said. {fine}",
        "other": "Hackers stole customer data, the payments firm said on Thursday.",
    }
    reports = []
    for article_id, text in texts.items():
        at = text.find("20 million euros")
        claims = []
        if at >= 0:
            claims = [
                Claim("money", 20e6, Span(at, at + 16), Span(text.index(fine), len(text)), "EUR")
            ]
        copy_of = "orig" if article_id == "copy" else None
        reports.append(
            report(article_id, text, outlet=f"{article_id}.example", claims=claims, copy_of=copy_of)
        )
    relations = compare_reports(reports, idf_of(reports))
    [unique] = [r for r in relations if r.relation == UNIQUE]
    assert [s.article_id for s in unique.sides] == ["orig", "copy"]
    assert unique.note == "orig.example" and unique.sources == 1
    line = _relation_line(unique, f"Only in {unique.note}")
    assert line.label == "Only in orig.example (20 million euros)"
    assert [c.article_id for c in line.citations] == ["orig", "copy"]


def test_an_agreed_line_says_what_is_agreed_and_shows_the_least_disputed_sentence() -> None:
    """Four sources agree on a figure and three on a day, but one of them says what the money
    is for differently: the line shows a sentence no conflict disputes, and names the figure
    and the day with their own source counts, so that it does not read as if every word of
    it were agreed."""
    housing = "Reyk said on Wednesday that 2 billion euros would go to new housing."
    bridges = "Reyk said on Wednesday that 2 billion euros would go to bridges."

    def side(article_id: str, text: str, words: str) -> Side:
        at = text.index(words)
        return Side(article_id, None, 0, len(text), text, Span(at, at + len(words)))

    money = Relation(
        AGREE, "number", 0.9, (side("a", housing, "2 billion"), side("b", bridges, "2 billion")), 4
    )
    day = Relation(
        AGREE, "date", 0.9, (side("a", housing, "Wednesday"), side("b", bridges, "Wednesday")), 3
    )
    [line] = _agreed_lines([money, day], Counter({("a", 0): 1}))
    assert line.text == bridges and line.citations[0].article_id == "b"
    assert line.label == "Agreed by 4 independent sources (2 billion), by 3 (Wednesday)"
    statement = Relation(AGREE, "statement", 0.9, (side("a", housing, "Reyk"),), 4)
    [line] = _agreed_lines([statement, money], Counter())
    assert line.label == "Agreed by 4 independent sources"  # the whole sentence


def test_an_agreed_line_shows_a_sentence_that_writes_what_its_label_names() -> None:
    bail = "The court set bail at $200,000, and he was released on Thursday."
    other = "He was released on Thursday evening."  # in the agreement, without the figure
    money = Relation(
        AGREE,
        "number",
        0.9,
        (
            Side("a", None, 0, len(bail), bail, Span(bail.index("$"), bail.index(", and"))),
            Side("b", None, 0, len(other), other, None),
        ),
        2,
    )
    [line] = _agreed_lines([money], Counter({("a", 0): 1}))
    assert line.text == bail and line.label == "Agreed by 2 independent sources ($200,000)"


def test_only_in_leaves_out_agreed_sentences_and_fragments() -> None:
    said = "Ramaphosa said six countries will join the group next year."
    agreed = Relation(
        AGREE,
        "statement",
        0.9,
        (Side("a", None, 0, len(said), said), Side("b", None, 5, 9, "x")),
        2,
    )
    alone = Relation(UNIQUE, "quote", 0.8, (Side("a", None, 0, len(said), said),), 1, "a.example")
    fragment = Relation(UNIQUE, "number", 1.0, (Side("c", None, 0, 1, "8", Span(0, 1)),), 1, "c")
    kept = Relation(
        UNIQUE,
        "number",
        1.0,
        (Side("d", None, 0, len(said), said, Span(said.index("six"), said.index(" countries"))),),
        1,
        "d.example",
    )
    lines = _only_in_lines([alone, fragment, kept], [agreed], set())
    assert [line.label for line in lines] == ["Only in d.example (six)"]


def test_a_figure_in_small_words_comes_after_the_other_only_in_lines() -> None:
    small = "The fire remains active and the two main tracks are still blocked."
    figure = "James has made 2,237 shots from beyond the arc in his career."
    reports = [report("a", small, outlet="a.example"), report("b", figure, outlet="b.example")]
    index = SentenceIndex(reports, idf_of(reports))

    def unique(text: str, article: str, words: str, confidence: float) -> Relation:
        at = text.index(words)
        side = Side(article, f"{article}.example", 0, len(text), text, Span(at, at + len(words)))
        return Relation(UNIQUE, "number", confidence, (side,), 1, f"{article}.example")

    relations = (unique(small, "a", "two", 0.9), unique(figure, "b", "2,237", 0.6))
    event = Event(3, "Fire", "2026-03-09", "2026-03-09", ("a", "b"), ("a", "b"), 2, (), None)
    brief = build_brief(event, Comparison(3, tuple(reports), relations, index, {}))
    assert [line.label for line in brief.only_in] == [
        "Only in b.example (2,237)",
        "Only in a.example (two)",
    ]


def test_only_in_leaves_out_what_is_no_sentence() -> None:
    def unique(article: str, text: str) -> Relation:
        side = Side(article, None, 0, len(text), text)
        return Relation(UNIQUE, "quote", 0.9, (side,), 1, f"{article}.example")

    lines = _only_in_lines(
        [
            unique("a", "Metro Montreal il y a 1 an 143 Views 0"),
            unique("b", "Also read: Top 8 Financial Tips for Adults, Never Ignore these"),
            unique("c", "Ten of the fifty derailed cars were carrying vinyl chloride.[1]"),
            unique("d", '"At about 2:57 p.m. the connection with the probe was lost,"'),
            unique("e", "A black plume rises over the derailed cars (AP Photo/Gene J. Puskar)."),
        ],
        [],
        {("e", 0)},  # a caption, as enrichment found
    )
    assert [line.label for line in lines] == ["Only in c.example", "Only in d.example"]


def test_a_summary_line_cites_no_sentence_a_conflict_sets_against_it() -> None:
    """Alike in words, the two sentences give one sum for different things; the conflict says
    so, and the summary line is not cited to the other."""
    texts = [
        "Prime Minister Tomas Reyk said on Wednesday that the government would set aside "
        "2 billion euros to repair the country's ageing bridges.",
        "Prime Minister Tomas Reyk said on Wednesday that the government would set aside "
        "2 billion euros for new housing in the capital.",
    ]
    reports, brief = briefed("Reyk pledges money", texts)
    sides = tuple(r.side(r.sentences[0].span) for r in reports)

    def cited(relations: list[Relation]) -> set[str]:
        return {c.article_id for c in brief(relations).summary[0].citations}

    assert cited([]) == {"r0", "r1"}
    referent = Relation("conflict:referent", "number", 0.9, sides, 2, "2 billion", (0, 1))
    assert len(cited([referent])) == 1
    # a name spelt two ways disputes the spelling only: the sentences still support each other
    name = dataclasses.replace(referent, relation="conflict:name", kind="name")
    assert cited([name]) == {"r0", "r1"}


def test_a_summary_never_states_both_sides_of_a_conflict() -> None:
    """Unlike in words, both sentences would be summary lines; a conflict setting them
    against each other leaves one (the disagreement has its own section)."""
    texts = [
        "Jonah Acres came off the bench to head the winner in the 89th minute. "
        "Thousands of supporters greeted the team at the harbour on Sunday morning.",
        "Akers, a teenage substitute, struck with a low shot at 88 minutes to settle it. "
        "The club's chairman promised a new training ground before next season.",
    ]
    reports, brief = briefed("Athletic win the cup", texts)
    sides = tuple(r.side(r.sentences[0].span) for r in reports)
    firsts = {r.text[r.sentences[0].start : r.sentences[0].end] for r in reports}

    def summary(relations: list[Relation]) -> set[str]:
        return {line.text for line in brief(relations).summary}

    assert firsts <= summary([])
    minute = Relation("conflict:number", "number", 0.9, sides, 2, "89th / 88th", (0, 1))
    assert len(firsts & summary([minute])) == 1
    # names spelt two ways are no contradiction of what the sentences state
    name = dataclasses.replace(minute, relation="conflict:name", kind="name")
    assert firsts <= summary([name])


@pytest.mark.parametrize(
    ("text", "leans"),
    [
        ("He said it is not known what the object is.", True),
        ('"She is right," he said.', True),
        ("It was noted that the probe changed course.", True),
        ("Its chief executive resigned on Friday.", True),
        ("This is the third object shot down this month.", True),
        ("That doesn’t mean the race is over.", True),
        ("That’s the view of most analysts.", True),
        ("These are the latest jobs he has lost.", True),
        ("This week the storm reached the coast.", False),
        ("That night, fire broke out in the depot.", False),
        ("Those who left came back on Monday.", False),
        ("Helen Hayes said the bridge would reopen.", False),
        ("Hebrides ferries stopped running.", False),
    ],
)
def test_a_sentence_opening_with_a_pronoun_leans_on_an_earlier_one(text: str, leans: bool) -> None:
    assert dangling(text) is leans


def test_summary_and_only_in_lines_prefer_sentences_that_stand_alone() -> None:
    brief = brief_of(
        "Harbour bridge opens",
        "The mayor of Port Alder opened the new harbour bridge on Monday morning. "
        "She said it had cost 40 million euros to build. "
        "Traffic engineers expect ten thousand cars a day on the crossing. "
        "The old ferry to Brenna will stop running next month.",
        "Port Alder's new harbour bridge was opened by the mayor on Monday. "
        "It is the longest bridge in the region at 1,200 metres. "
        "Local shop owners hope for more customers from the northern villages. "
        "Cyclists get a separate lane on the east side of the deck.",
    )
    summary = [line.text for line in brief.summary]
    assert len(summary) == 4 and not any(dangling(t) for t in summary), summary


def test_only_in_lines_that_open_with_a_pronoun_come_last() -> None:
    texts = [
        "He said the new bridge cost 40 million euros to build.",
        "The old ferry to Brenna carried 900 passengers a day.",
        "It is the longest bridge in the region.",
    ]
    uniques = [
        Relation(UNIQUE, "number", 1.0 - i / 10, (Side(f"r{i}", None, 0, len(t), t),), 1, f"r{i}")
        for i, t in enumerate(texts)
    ]
    lines = _only_in_lines(uniques, [], set())
    assert [line.text for line in lines] == [texts[1], texts[0], texts[2]]


def test_a_key_quote_cites_the_original_not_its_copy() -> None:
    """The copy left out the dateline, so its quotation starts earlier in its text; the key
    quote still cites the original."""
    body = "“This is the darkest morning our city has known in decades,” Mayor Ilsa Marchetti said."
    original_text = "PORT ALDER, March 9 (Meridian Press) - " + body
    words = "“This is the darkest morning our city has known in decades,”"
    original = dataclasses.replace(
        report("mp", original_text), quotes=(_said(original_text, "Ilsa", words, 1),)
    )
    copy = dataclasses.replace(
        report("ht", body, copy_of="mp"), quotes=(_said(body, "Ilsa", words, 1),)
    )
    [quote] = _key_quotes([copy, original], {1: "Ilsa Marchetti"})
    assert quote.citation.article_id == "mp"
    assert original_text[quote.citation.start : quote.citation.end] == quote.text
