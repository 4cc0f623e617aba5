"""The pipeline: sentence boundaries set before the parser, and the faster attribute ruler
and lemmatizer, which must annotate exactly as spaCy's own components do."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

import storylens
from storylens.enrich.nlp import _FastRulerMatch, english_pipeline, load_nlp


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


@functools.cache
def shipped_pipeline() -> Language:
    """The same pipeline with spaCy's attribute ruler and lemmatizer as shipped."""
    return english_pipeline(fast=False)


def annotations(doc: Doc) -> list[tuple[object, ...]]:
    return [
        (t.i, t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_)
        for t in doc
    ]


def assert_same_annotations(texts: list[str]) -> None:
    fast = list(load_nlp().pipe(texts))
    shipped = list(shipped_pipeline().pipe(texts))
    for text, a, b in zip(texts, fast, shipped, strict=True):
        assert annotations(a) == annotations(b), text[:80]


def test_the_fast_components_are_in_place() -> None:
    nlp = load_nlp()
    assert isinstance(nlp.get_pipe("attribute_ruler").match, _FastRulerMatch)
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for words in index.values())


def test_every_ruler_pattern_kind_annotates_as_spacy_does() -> None:
    # one- and two-token patterns: "ai n't", "gon na", "got ta", "let 's", "c'm on", "y' all",
    # expletive "there is", "but" as an adverb, pronoun cases, auxiliaries, "gets"/"got",
    # determiners as pronouns, stray spaces
    assert_same_annotations(
        [
            "I ain't gonna lie, y'all: we gotta go. Let's move, c'mon!",
            "There is a problem and there were two more.  It gets worse; it got worse.",
            "You told me and I told you it was over. All but one left. That is what I said.",
            "Did he do it? He has done it, he had to. Those who know do not say.",
            "The minister said:\n\n  \u201cWe will send more than 10 anti-tank systems.\u201d",
        ]
    )


def test_the_sample_week_annotates_as_spacy_does() -> None:
    samples = Path(storylens.__file__).parent / "samples"
    texts = [p.read_text(encoding="utf-8") for p in sorted(samples.rglob("*")) if p.is_file()]
    assert len(texts) >= 10
    assert_same_annotations(texts)


def test_dev_news_annotates_as_spacy_does(shared: Path) -> None:
    lines = (shared / "eval" / "dev" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert_same_annotations([json.loads(line)["text"] for line in lines[:40]])


_WORDS = (
    "the a that which there it i you we they he she but and or if is are was were 's 're "
    "ai n't gon na got ta let c'm on y' all do does did have has had gets got said told "
    "minister ministers Ukraine NATO Blinken 10 ten tanks systems ."
).split()


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from([*_WORDS, ",", "\n", "  "]), min_size=1, max_size=40))
def test_any_word_sequence_annotates_as_spacy_does(words: list[str]) -> None:
    assert_same_annotations([" ".join(words)])
