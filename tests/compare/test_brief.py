"""The summary of a brief: which source sentences it takes and in what order."""

from __future__ import annotations

import dataclasses

import pytest

from storylens.compare import Comparison, compare_reports
from storylens.compare.align import SentenceIndex
from storylens.compare.brief import Brief, _key_quotes, _readable, build_brief
from storylens.model import Event, Quote, Span

from .helpers import idf_of, report


def brief_of(title: str, *texts: str) -> Brief:
    reports = [report(f"r{i}", t, outlet=f"outlet{i}.example") for i, t in enumerate(texts)]
    idf = idf_of(reports)
    index = SentenceIndex(reports, idf)
    relations = compare_reports(reports, idf, index, {})
    ids = tuple(r.id for r in reports)
    event = Event(3, title, "2026-03-09", "2026-03-09", ids, ids, len(ids), (), None)
    return build_brief(event, Comparison(3, tuple(reports), tuple(relations), index, {}))


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


@pytest.mark.parametrize(
    ("sentence", "readable"),
    [
        ("In this photo provided by Melissa Smith, a train fire is seen from her farm.", False),
        ("A black plume rises over East Palestine, Ohio, Monday, Feb. 6, 2023.", False),
        ("England celebrates the third goal (AP Photo/Abbie Parr) in the semifinal.", False),
        ("Contrails circle the balloon REUTERS/Randall Hill off the coast today.", False),
        ("The balloon was shot down off the coast of South Carolina on Saturday.", True),
        ("The membership of these countries will take effect from January 1, 2024.", True),
    ],
)
def test_photo_captions_are_not_summary_sentences(sentence: str, readable: bool) -> None:
    assert _readable(sentence) is readable


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
