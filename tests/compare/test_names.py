"""Spelling variants of names: what is and is not a variant, and relations between reports."""

from __future__ import annotations

import dataclasses
import re

import pytest

from storylens.compare import Report, compare_reports, disputed
from storylens.compare.names import edit_distance, minority_sides, spellings, word_variants
from storylens.model import Mention

from .helpers import idf_of, report


@pytest.mark.parametrize(
    ("a", "b", "single", "expected"),
    [
        ("Antony", "Anthony", False, True),
        ("Georg", "George", False, True),
        ("Muosvic", "Musovic", False, True),  # swapped neighbours count one
        ("Wiegman", "Wiegmann", False, True),
        ("Hilary", "Hillary", True, True),
        ("Jenni", "Jennifer", False, False),  # a short form, not a misspelling
        ("Iran", "Iraq", True, False),  # short words: one letter makes another name
        ("Defence", "Defense", True, False),  # British and American spelling
        ("Sweden", "Swedens", True, False),  # plural
        ("Süleyman", "Suleyman", False, False),  # accents only
        ("Adıyaman", "Adiyaman", True, False),  # a letter without a decomposition
        ("Smith", "Jones", False, False),
        ("Democratic", "Democrats", True, False),  # one stem, two endings
        ("Buddhism", "Buddhists", True, False),
        ("Americans", "Mexicans", True, False),  # two edits, other first letters
        ("Roscosmos", "Roskomos", True, True),  # two edits in a long word
        ("Deutsch", "Deutsche", False, True),  # "e" is no ending of English word formation
    ],
)
def test_word_variants(a: str, b: str, single: bool, expected: bool) -> None:
    assert word_variants(a, b, single=single) is expected


def test_edit_distance() -> None:
    assert edit_distance("phosgene", "phosphene") == 2
    assert edit_distance("abc", "acb") == 1
    assert edit_distance("kitten", "sitting") == 3


def test_name_conflict_between_reports() -> None:
    a = report(
        "a",
        "Anthony Blinken said aid would come. Blinken spoke in Brussels.",
        names=["Anthony Blinken", "Blinken"],
    )
    b = report(
        "b", "Antony Blinken arrived at the headquarters on Wednesday.", names=["Antony Blinken"]
    )
    rels = [r for r in compare_reports([a, b], idf_of([a, b])) if r.relation == "conflict:name"]
    assert len(rels) == 1 and rels[0].note.startswith("Anthony / Antony")
    assert {s.article_id for s in rels[0].sides} == {"a", "b"}
    # each side's camp is its spelling: "Anthony" first
    assert {(s.article_id, c) for s, c in zip(rels[0].sides, rels[0].camps, strict=True)} == {
        ("a", 0),
        ("b", 1),
    }
    for side in rels[0].sides:  # the highlighted words are the name as each report writes it
        assert side.highlight is not None
        text = (a if side.article_id == "a" else b).text
        assert "Blinken" in text[side.highlight.start : side.highlight.end]


def test_two_people_or_both_spellings_are_no_conflict() -> None:
    # "Mark Kelly" and "Mary Kelly" differ by one letter but are short first names of two
    # people: allowed only when the rest of the name matches, so this one is reported...
    a = report("a", "Coach Sarina Wiegman praised the team.", names=["Sarina Wiegman"])
    b = report("b", "Coach Sarina Wiegmann praised the team.", names=["Sarina Wiegmann"])
    assert any(r.relation == "conflict:name" for r in compare_reports([a, b], idf_of([a, b])))
    # ... but reports that both use both spellings do not differ from each other
    both = "Coach Sarina Wiegman praised the team. Sarina Wiegmann left."
    c = report("c", both, names=["Sarina Wiegman", "Sarina Wiegmann"])
    d = report("d", both, names=["Sarina Wiegman", "Sarina Wiegmann"])
    assert not any(r.is_conflict for r in compare_reports([c, d], idf_of([c, d])))
    # a country and its people are not spellings of one name
    e = report("e", "Spain beat Sweden in the final.", names=["Sweden"], label="GPE")
    f = report("f", "Spain beat the Swedes in the final.", names=["Swedes"], label="NORP")
    assert not any(r.is_conflict for r in compare_reports([e, f], idf_of([e, f])))


def test_words_of_one_stem_or_far_apart_are_no_conflict() -> None:
    """Unseen political news (PolNeAR) gave these as name conflicts; none is one."""
    a = _labelled(
        "a",
        "Hillary Clinton defeated Bernie Sanders in the Democratic primary. Mexicans deserve "
        "respect, he said.",
        {"Democratic": "NORP", "Mexicans": "NORP"},
    )
    b = _labelled(
        "b",
        "She received support from six in 10 Democrats. It is what is good for Americans.",
        {"Democrats": "NORP", "Americans": "NORP"},
    )
    assert not any(r.is_conflict for r in compare_reports([a, b], idf_of([a, b])))


def test_one_word_is_set_against_a_persons_name_only() -> None:
    """A surname alone may be a slip of a person's full name ("Scott Deutsche" / "Deutsch"),
    not of the last word of an organisation's ("HuffPost Politics" / "Politico")."""
    site = _labelled("a", "The meeting was first reported by Politico.", {"Politico": "ORG"})
    podcast = _labelled(
        "b", "He co-hosts the HuffPost Politics podcast.", {"HuffPost Politics": "ORG"}
    )
    assert not any(r.is_conflict for r in compare_reports([site, podcast], idf_of([site, podcast])))
    short = _labelled("c", "Deutsch said the fire was out.", {"Deutsch": "PERSON"})
    full = _labelled("d", "Scott Deutsche said the fire was out.", {"Scott Deutsche": "PERSON"})
    pair = [short, full]
    assert any(r.relation == "conflict:name" for r in compare_reports(pair, idf_of(pair)))
    # a name after common nouns (the reports write "hurricane" in lower case too)
    storm = _labelled("e", "Hillary grew rapidly in strength early Friday.", {"Hillary": "PERSON"})
    named = _labelled(
        "f",
        "The hurricane weakened. Forecasters said Hurricane Hilary gathered strength.",
        {"Hurricane Hilary": "EVENT"},
    )
    pair = [storm, named]
    assert any(r.relation == "conflict:name" for r in compare_reports(pair, idf_of(pair)))


def _labelled(article_id: str, text: str, names: dict[str, str]) -> Report:
    """A report whose names carry their own labels ({name: label})."""
    mentions = [
        Mention(m.start(), m.end(), label)
        for name, label in names.items()
        for m in re.finditer(rf"\b{re.escape(name)}\b", text)
    ]
    base = report(article_id, text)
    return dataclasses.replace(base, mentions=tuple(sorted(mentions, key=lambda m: m.start)))


def test_a_person_and_a_place_written_by_one_report_are_two_names() -> None:
    mayor = _labelled(
        "b", "Mayor Trent Conaway said the air was safe.", {"Trent Conaway": "PERSON"}
    )
    town = _labelled("c", "The train was bound for Conway, Pennsylvania.", {"Conway": "GPE"})
    # alone, the two look like one name spelt two ways (nothing tells them apart)...
    assert any(
        r.relation == "conflict:name" for r in compare_reports([mayor, town], idf_of([mayor, town]))
    )
    # ... but a report that names the mayor and the town shows they are two names
    both = _labelled(
        "a",
        "Mayor Trent Conaway spoke. The train ran to Conway, Pennsylvania.",
        {"Trent Conaway": "PERSON", "Conway": "GPE"},
    )
    reports = [mayor, town, both]
    assert not any(r.relation == "conflict:name" for r in compare_reports(reports, idf_of(reports)))
    # one name with a slip in one report, whatever labels the tagger gave: still a conflict
    slip = _labelled(
        "d",
        "Alessia Russo scored. Alessio Russo 86 minutes.",
        {"Alessia Russo": "FAC", "Alessio Russo": "PERSON"},
    )
    right = _labelled("e", "Alessia Russo sealed the win.", {"Alessia Russo": "PERSON"})
    assert any(
        r.relation == "conflict:name" for r in compare_reports([slip, right], idf_of([slip, right]))
    )


def test_a_misspelt_name_disputes_only_the_rarer_spelling() -> None:
    """Two sources write "Antony", one "Anthony": the "Antony" sentences still state what they
    state (they may agree with others and lead a summary); the "Anthony" one is in dispute."""
    a = report("a", "Anthony Blinken said aid would come soon.", names=["Anthony Blinken"])
    b = report("b", "Antony Blinken arrived at the headquarters.", names=["Antony Blinken"])
    c = report("c", "Antony Blinken met the ministers in Brussels.", names=["Antony Blinken"])
    reports = [a, b, c]
    relations = compare_reports(reports, idf_of(reports))
    (name,) = [r for r in relations if r.relation == "conflict:name"]
    assert spellings(name) == ("Anthony", "Antony")
    assert {s.article_id for s in minority_sides(name, reports)} == {"a"}
    assert disputed([name], reports) == {("a", 0)}


def test_a_name_spelt_two_ways_by_as_many_sources_disputes_both() -> None:
    a = report("a", "Anthony Blinken said aid would come soon.", names=["Anthony Blinken"])
    b = report("b", "Antony Blinken arrived at the headquarters.", names=["Antony Blinken"])
    (name,) = [r for r in compare_reports([a, b], idf_of([a, b])) if r.kind == "name"]
    assert minority_sides(name, [a, b]) == name.sides
    assert disputed([name], [a, b]) == {("a", 0), ("b", 0)}
