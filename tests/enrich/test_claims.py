from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storylens.enrich import Enricher
from storylens.enrich.claims import claims_from_doc
from storylens.enrich.nlp import load_nlp
from storylens.enrich.quantities import currency_of, parse_number
from storylens.enrich.timex import normalise_date
from storylens.model import Claim
from storylens.pipeline import ingest
from storylens.store.sqlite import SQLiteStore

WED = date(2022, 4, 6)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ten", 10),
        ("3,200", 3200),
        ("1.2 million", 1_200_000),
        ("$100 million", 100_000_000),
        ("a dozen", 12),
        ("half a million", 500_000),
        ("two billion", 2_000_000_000),
        ("one hundred and five", 105),
        ("6.1%", 6.1),
        ("£3bn", 3_000_000_000),
        ("nothing", None),
        # an article is one only when no number follows it
        ("an additional 30", 30),
        ("a total of 13", 13),
        ("an estimated 5,000", 5000),
        ("a hundred", 100),
        ("a week", 1),
        ("three and a half", 3.5),
        # a range is its first number (summed before 2026-11-23: "6-10 inches" was 16)
        ("6-10", 6),
        ("about 20-25", 20),
        ("two and a half million", 2_500_000),
        ("5 and 6", 5),
        ("two-thirds", 2 / 3),
        ("three quarters", 0.75),
        ("one in five", None),  # a proportion, not a count
    ],
)
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


def test_currencies() -> None:
    assert currency_of("$100 million") == "USD"
    assert currency_of("20 million euros") == "EUR"
    assert currency_of("US$5m") == "USD"
    assert currency_of("10 apples") is None


@pytest.mark.parametrize(
    ("phrase", "future", "iso"),
    [
        ("on Tuesday", False, "2022-04-05"),
        ("Wednesday", False, "2022-04-06"),
        ("on Friday", True, "2022-04-08"),
        ("yesterday", False, "2022-04-05"),
        ("tomorrow", False, "2022-04-07"),
        ("April 7", False, "2022-04-07"),
        ("6 February 2023", False, "2023-02-06"),
        ("last year", False, None),
    ],
)
def test_normalise_date(phrase: str, future: bool, iso: str | None) -> None:
    assert normalise_date(phrase, WED, future=future) == iso


def claims(text: str, day: date | None = WED) -> list[Claim]:
    return claims_from_doc(load_nlp()(text), day, [], {})


def test_number_with_qualifier_referent_and_ratio() -> None:
    [c] = [
        c
        for c in claims(
            "There will soon be more than 10 anti-tank systems for every Russian tank in Ukraine."
        )
        if c.kind == "quantity"
    ]
    assert (c.value, c.qualifier, c.referent, c.per, c.unit) == (
        10,
        "more than",
        "anti-tank systems",
        "Russian tank",
        "system",
    )


@pytest.mark.parametrize(
    ("text", "value", "unit", "referent"),
    [
        # a measure written as a modifier: the unit is the hyphenated word, the referent the
        # noun it measures
        ("A 1-mile evacuation zone around the site remains.", 1, "mile", "evacuation zone"),
        ("Police cleared a 16-kilometre radius on Monday.", 16, "kilometre", "radius"),
        ("Workers built a 10-foot wall.", 10, "foot", "wall"),
        # a partitive counts the noun after "of"
        ("Trump is charged with 13 of the 41 counts in the indictment.", 13, "count", "counts"),
        ("Around 3,200 of the residents left.", 3200, "resident", "residents"),
        # "of which", "of whom": the noun the relative clause hangs on
        (
            "It derailed 50 train carriages, 10 of which were carrying hazardous materials.",
            10,
            "carriage",
            "train carriages",
        ),
        ("The boat carried 120 migrants, 20 of whom were children.", 20, "migrant", "migrants"),
        # unchanged: a plain count
        ("Officials counted 41 counts.", 41, "count", "counts"),
    ],
)
def test_units_of_modifiers_and_partitives(
    text: str, value: float, unit: str, referent: str
) -> None:
    found = [c for c in claims(text) if c.kind in ("quantity", "count_of_people")]
    [c] = [c for c in found if c.value == value]
    assert (c.unit, c.referent) == (unit, referent)


def test_people_money_percent_and_time() -> None:
    found = claims(
        "At least 3,549 people died in Turkey on Monday, while the government "
        "promised $100 million for reconstruction and inflation hit 6.1%."
    )
    kinds = {c.kind: c for c in found}
    assert kinds["count_of_people"].value == 3549
    assert kinds["count_of_people"].qualifier == "at least"
    assert kinds["count_of_people"].time == "2022-04-04"
    assert kinds["count_of_people"].predicate == "die"
    assert (kinds["money"].value, kinds["money"].unit) == (100_000_000, "USD")
    assert kinds["percent"].value == 6.1
    assert kinds["place"].value == "Turkey"


def test_venue_and_attribution() -> None:
    found = claims(
        "Reyk said in an interview with Channel 9 that, according to Reuters, talks would resume."
    )
    assert {(c.kind, c.value) for c in found if c.kind in ("venue", "attribution")} == {
        ("venue", "Channel 9"),
        ("attribution", "Reuters"),
    }


def test_seeds_acceptance(shared: Path, store: SQLiteStore) -> None:
    ingest([str(shared / "seeds")], store, reader_process=False)
    Enricher(store).run()
    tanks, money = [], []
    for stored in store.articles():
        text = stored.article.text
        for c in store.claims(stored.article.id):
            assert c.span.of(text) and c.sentence.start <= c.span.start < c.span.end
            assert c.span.end <= c.sentence.end
            if c.referent and c.referent.startswith("anti-tank systems") and c.value == 10:
                tanks.append(c)
            if c.kind == "money":
                money.append(c)
    assert {(c.per, c.referent) for c in tanks} == {
        ("Russian tank", "anti-tank systems"),
        (None, "anti-tank systems to attack the Russian warplanes"),
    }
    assert [(c.value, c.unit) for c in money] == [(100_000_000, "USD")]


def test_no_claims_from_garbage() -> None:
    assert claims("@@@ ### $$$", None) == []
    assert claims("", None) == []


def test_claim_inside_a_quote_carries_its_source(tmp_path: Path, store: SQLiteStore) -> None:
    (tmp_path / "a.txt").write_text(
        "Governor Maria Lopez visited the valley on Monday.\n\n"
        "She said that more than 500 people had been evacuated. Officials said that 12 roads "
        "were closed.\n"
    )
    ingest([str(tmp_path / "a.txt")], store, reader_process=False)
    Enricher(store).run()
    [stored] = list(store.articles())
    by_value = {c.value: c for c in store.claims(stored.article.id) if c.kind != "date"}
    assert by_value[500].source == "Maria Lopez"
    assert by_value[500].kind == "count_of_people" and by_value[500].qualifier == "more than"
    assert by_value[12].source == "Officials"


def test_event_claims_who_did_what() -> None:
    text = (
        "Ilsa Marchetti arrived in Port Alder on Tuesday. The Veloria Ferry Company did not "
        "resume the night crossings. Reyk said that Veloria would send two inspectors. "
        "It was raining."
    )
    events = [c for c in claims_from_doc(load_nlp()(text), WED, [], {}) if c.kind == "event"]
    got = {(c.subject, c.predicate, c.value, c.time, c.place) for c in events}
    assert ("Ilsa Marchetti", "arrive", "arrive in Port Alder", "2022-04-05", "Port Alder") in got
    assert any(p == "not resume" and v == "not resume the night crossings" for _, p, v, _, _ in got)
    # the clause a verb of saying reports is an event; the saying itself is a quote
    assert any(s == "Veloria" and p == "send" for s, p, _, _, _ in got)
    assert not any(p == "say" for _, p, _, _, _ in got)
    assert not any(s == "It" for s, _, _, _, _ in got)  # no one named: no event
    for c in events:
        assert text[c.span.start : c.span.end].startswith(c.subject or "")


def test_event_with_subject_after_verb() -> None:
    text = "Into the final stepped Veloria after a late goal."
    for c in claims_from_doc(load_nlp()(text), WED, [], {}):
        assert 0 <= c.span.start < c.span.end <= len(text)


@pytest.mark.parametrize(
    "text",
    [
        "Athletic won the cup after a 2-1 victory over Rovers.",
        "The committee voted 5-2 for the increase.",
    ],
)
def test_a_score_or_a_tally_counts_nothing(text: str) -> None:
    """ "a 2-1 victory" is no count of victories (the brief listed it "only in" one source)."""
    assert [c for c in claims(text) if c.kind in ("quantity", "count_of_people")] == []


@pytest.mark.parametrize(
    "text",
    [
        "Spain beat England one-nil in the final.",
        "Arsenal won two-one.",
        "England sealed a 3-1 triumph against hosts Australia.",  # the tagger's one entity
    ],
)
def test_a_score_in_words_or_inside_one_entity_counts_nothing(text: str) -> None:
    assert [c for c in claims(text) if c.kind in ("quantity", "count_of_people")] == []


def test_a_range_of_people_is_still_a_count() -> None:
    [c] = [c for c in claims("Police said 3-4 people were hurt.") if c.kind == "count_of_people"]
    assert c.unit == "people"


def test_one_of_is_no_figure() -> None:
    """ "one of the strongest quakes" names a member, it counts nothing (the brief listed "one"
    as a figure only one source gives)."""
    text = "The quake, one of the strongest to hit the region, killed 12 people."
    counted = [c for c in claims(text) if c.kind in ("quantity", "count_of_people")]
    assert [(c.value, c.unit) for c in counted] == [(12, "people")]


@pytest.mark.parametrize(
    ("text", "value", "referent"),
    [
        ("The storm caused flooding, leaving at least 10 dead and dozens missing.", 10, "dead"),
        ("The agency said 76 people had been killed, and 440 hurt.", 440, "hurt"),
        ("The quake kills more than 500 in Turkey and Syria.", 500, "kill"),
    ],
)
def test_a_bare_number_of_casualties_counts_people(text: str, value: float, referent: str) -> None:
    """ "10 dead", "440 hurt": the word after the number says whom it counts (these were
    numbers of nothing, never compared)."""
    [c] = [c for c in claims(text) if c.value == value]
    assert (c.kind, c.unit, c.referent) == ("count_of_people", "people", referent)
