import pytest

from storylens.enrich.aliases import (
    acronym,
    first_names_match,
    is_acronym,
    name_key,
    normalise,
    person_parts,
)
from storylens.store.sqlite_entities import best_name


def test_place_variants() -> None:
    assert {name_key(n) for n in ("US", "U.S.", "the United States", "USA")} == {"united states"}
    assert name_key("Türkiye") == name_key("Turkey")
    assert name_key("Brussels") == "brussels"


def test_person_parts() -> None:
    assert person_parts("Antony J. Blinken") == ("antony", "blinken")
    assert person_parts("Martin Luther King Jr.") == ("martin", "king")
    assert person_parts("Blinken") == (None, "blinken")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("antony", "anthony", True),
        ("sara", "sarah", True),
        ("a", "antony", True),
        ("jon", "john", True),
        ("mark", "mary", False),
        ("jill", "bill", False),
        ("michael", "michelle", False),
        ("jo", "joe", False),  # too short to tell
        ("pat", "patrick", True),  # a short form: Fulton County Sheriff Pat / Patrick Labat
        ("jenni", "jennifer", True),
        ("jo", "joan", False),
        ("chris", "kris", False),
    ],
)
def test_first_names(a: str, b: str, same: bool) -> None:
    assert first_names_match(a, b) is same


def test_acronyms() -> None:
    assert acronym("North Atlantic Treaty Organization") == "nato"
    assert acronym("Kremlin") is None
    assert is_acronym("NATO") and is_acronym("U.N.") and not is_acronym("Nato")
    assert normalise("The U.N.") == "un"


def test_best_name_is_the_most_complete_well_attested_form() -> None:
    from collections import Counter

    assert best_name(Counter({"Blinken": 9, "Antony Blinken": 3, "Anthony Blinken": 1})) == (
        "Antony Blinken"
    )
    # a fuller form seen once among many mentions is not yet well attested
    assert best_name(Counter({"NATO": 7, "North Atlantic Treaty Organization": 1})) == "NATO"
    # equally attested spellings: the first seen
    assert best_name(Counter({"Blinken": 2, "Antony Blinken": 1, "Anthony Blinken": 1})) == (
        "Antony Blinken"
    )
    assert best_name(Counter({"@SecBlinken": 2, "Blinken": 1})) == "Blinken"
