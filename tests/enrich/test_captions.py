"""Photo captions and credits: found per sentence, without taking news prose for one."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storylens.enrich.captions import captions_from_doc, is_photo_credit
from storylens.enrich.nlp import load_nlp
from storylens.enrich.terms import sentences_from_doc

STORY = (
    "A freight train derailed in East Palestine, Ohio, on Friday night. "
    "About 50 cars left the tracks, the rail operator said on Saturday."
)


def captions(text: str, day: date | None = None) -> list[str]:
    doc = load_nlp()(text)
    return [span.of(text) for span in captions_from_doc(doc, day)]


def caption_text(text: str, day: date | None = None) -> str:
    """What the captions of ``text`` say, one space between sentences."""
    return " ".join(captions(text, day))


@pytest.mark.parametrize(
    "caption",
    [
        # a parenthesised credit: a photo word, "via AP", "Owner/Photographer"
        "A black plume rises over East Palestine, Ohio, on Monday. (AP Photo/Gene J. Puskar)",
        "Residents stand outside an apartment building in Antakya. (Photo: Reuters)",
        "A train fire burns near her farm late on Friday night. (Melissa Smith via AP)",
        "Trudeau speaks to the media in Ottawa. (The Canadian Press/ Patrick Doyle)",
        # a bare credit at the end, or an agency's anywhere
        "Excess water hits a car in Mexicali, Mexico. REUTERS/Victor Medina",
        "Contrails circle the balloon REUTERS/Randall Hill off the coast today.",
        # pointing at a picture; an agency caption's dateline
        "In this photo provided by Melissa Smith, a train fire is seen from her farm.",
        "Smoke rose over the village in East Palestine, Ohio, Friday, Feb. 3, 2023.",
        # written as a caption: present tense, a full date with the year at the end
        "A U.S. Air Force U-2 pilot looks down at the balloon over the central United "
        "States Feb. 3, 2023.",
        "A high altitude balloon floats over Billings, Montana, on February 1, 2023.",
        "A train fire is seen from a farm in East Palestine, Ohio, on Feb. 3, 2023.",
        "South African President Cyril Ramaphosa shakes hands with guests in Johannesburg, "
        "South Africa, 24 August 2023.",
    ],
)
def test_a_caption_before_the_story_is_found(caption: str) -> None:
    assert caption_text(f"{caption}\n{STORY}") == caption


@pytest.mark.parametrize(
    "sentence",
    [
        # the past tense tells what happened, whatever the date looks like
        "Microsoft introduced its new Bing at its headquarters on February 7, 2023.",
        "The rover was deployed from the lander on August 24, 2023.",
        # a copula, a plan, a pronoun's words are no picture
        "Harry's House is Styles' third studio album and came out on May 20, 2022.",
        "The Chandrayaan-3 lander is set to land on the moon today on 23 August 2023.",
        "Q: You open your book on May 17, 2001.",
        # a dateline's or a source's agency, a poll, a unit, an aside: no photo credit
        "EAST PALESTINE, Ohio (AP) — A freight train derailed near the state line.",
        "Most voters back the plan, a Reuters/Ipsos poll found on Tuesday.",
        "The storm carried winds of 60 miles per hour (96 km/h) at landfall.",
        "Nobody slept (she says the photo of her son made her break down in tears).",
    ],
)
def test_news_prose_is_no_caption(sentence: str) -> None:
    assert captions(f"{sentence}\n{STORY}") == []


def test_a_present_tense_caption_shows_the_days_before_a_dated_article() -> None:
    """On a dated article a caption shows its own fortnight; a present-tense sentence that
    ends with the date of another year is analysis, not a photo."""
    old = "The pattern re-emerges in the donations to the committee on June 27, 2014."
    assert captions(old, date(2016, 8, 24)) == []
    assert captions(old) == [old]  # undated: nothing to tell it by
    recent = "Donald Trump speaks at a campaign rally in Greensboro on June 14, 2016."
    assert captions(recent, date(2016, 6, 17)) == [recent]


def test_a_credit_on_its_own_closes_the_caption_before_it() -> None:
    caption = "President Biden delivers his address as the Speaker of the House listens."
    credit = "(Kent Nishimura / Los Angeles Times)"
    assert captions(f"{caption}\n{credit}\n\n{STORY}") == [caption, credit]  # two sentences
    # a blank line between: the credit's photo had no caption, the line above is the story
    assert captions(f"{STORY}\n\nMatt Winkelmeyer / Getty Images\n\n{STORY}") == [
        "Matt Winkelmeyer / Getty Images"
    ]


def test_glued_captions_of_a_page_that_lost_its_line_breaks() -> None:
    text = (
        "The balloon drifts over the ocean off Surfside Beach, South Carolina, US February 4, "
        "2023. (REUTERS/ Randall Hill)Contrails from jets circle the balloon off the coast. "
        "(Chad Fish via AP)Spectators watch from the beach in Holden Beach, North Carolina."
    )
    found = captions(text)
    assert len(found) == 3 and "".join(found).replace(" ", "") == text.replace(" ", "")


def test_photo_credit_inside_parentheses() -> None:
    assert is_photo_credit("AP Photo/Gene J. Puskar")
    assert is_photo_credit("Larry Mayer/ The Billings Gazette via AP")
    assert is_photo_credit("FABRICE COFFRINI/AFP/Getty Images.")
    assert not is_photo_credit("AP")
    assert not is_photo_credit("AC/DC")
    assert not is_photo_credit("160 km/h")
    assert not is_photo_credit("R-Fla.")


def test_sentences_carry_whether_they_are_captions() -> None:
    caption = "A black plume rises over East Palestine, Ohio. (AP Photo/Gene J. Puskar)"
    text = f"{caption}\n{STORY}"
    doc = load_nlp()(text)
    sentences = sentences_from_doc(doc, captions_from_doc(doc))
    assert " ".join(text[s.start : s.end] for s in sentences if s.caption) == caption
    assert " ".join(text[s.start : s.end] for s in sentences if not s.caption) == STORY


_PIECES = st.sampled_from(
    [
        "A train derailed on Friday.",
        "(AP Photo/Gene J. Puskar)",
        "A plume rises over the town on Feb. 6, 2023.",
        "REUTERS/Victor Medina",
        "In this photo, smoke rises.",
        "Officials said 50 cars left the tracks.",
        "(AP)",
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_PIECES, st.sampled_from([" ", "\n", "\n\n"])), max_size=8))
def test_caption_spans_are_ordered_disjoint_trimmed_text(pieces: list[tuple[str, str]]) -> None:
    text = "".join(p + sep for p, sep in pieces)
    spans = captions_from_doc(load_nlp()(text))
    for a, b in itertools.pairwise(spans):
        assert a.end <= b.start
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.of(text) == span.of(text).strip()
