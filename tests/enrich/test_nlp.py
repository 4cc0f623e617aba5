"""Sentence boundaries the pipeline sets before the parser."""

from __future__ import annotations

import pytest

from storylens.enrich.nlp import load_nlp


def sentences(text: str) -> list[str]:
    return [s.text.strip() for s in load_nlp()(text).sents]


def test_a_line_break_ends_a_sentence() -> None:
    assert sentences("“We will win,” she said\nThe minister left early.") == [
        "“We will win,” she said",
        "The minister left early.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Trump was booked as inmate no. P01135809 at the Fulton County jail on Thursday.",
        "A spokesman for No. 10 Downing Street said the talks went well.",
        "He was ranked No. 1 in the world for most of the season.",
    ],
)
def test_no_before_a_number_is_no_sentence_end(text: str) -> None:
    assert sentences(text) == [text]


def test_a_number_after_no_stays_in_its_sentence() -> None:
    assert sentences(
        "The booking took 20 minutes. Jail records list him as inmate no. P01135809. He left."
    ) == [
        "The booking took 20 minutes.",
        "Jail records list him as inmate no. P01135809.",
        "He left.",
    ]


def test_no_at_the_end_of_a_sentence_still_ends_it() -> None:
    assert sentences("She said no. He left the room.") == ["She said no.", "He left the room."]


def test_a_footnote_mark_after_a_full_stop_ends_the_sentence() -> None:
    text = (
        "Biden was ready for them.[0] Not only did he roll with the interruptions, he used "
        "them.[1] Republicans booed."
    )
    assert sentences(text) == [
        "Biden was ready for them.[0]",
        "Not only did he roll with the interruptions, he used them.[1]",
        "Republicans booed.",
    ]


def test_sentences_say_whether_they_have_a_finite_verb() -> None:
    from storylens.enrich.terms import sentences_from_doc

    text = (
        "The balloon was shot down off the coast on Saturday.\n"
        "Google's blog page introducing its new chatbot Bard.\n"
        "The epicenter of the earthquake in southern Turkey on the evening of February 20.\n"
        "Officials will inspect every bridge of the same design."
    )
    found = [(text[s.start : s.end], s.finite) for s in sentences_from_doc(load_nlp()(text))]
    assert [finite for _, finite in found] == [True, False, False, True], found
