"""Ages: the ways news writes a person's age, and the look-alikes that are none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storylens.enrich import Enricher
from storylens.pipeline import ingest
from storylens.store.sqlite import SQLiteStore


def ages_in(text: str, tmp_path: Path, store: SQLiteStore) -> list[tuple[str, int, bool]]:
    """Ingest and enrich one article of ``text``; its (person, age, named here) claims."""
    # JSON Lines keep the text whole (a plain text file's first line becomes the title)
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "title": "Ages", "text": text}))
    ingest([str(tmp_path / "a.jsonl")], store, reader_process=False)
    Enricher(store).run()
    [stored] = list(store.articles())
    return [
        (str(c.subject), int(c.value), c.referent is not None)
        for c in store.claims(stored.article.id)
        if c.kind == "age"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Sunday, his family announced that Pervez Musharraf, 79, died in a Dubai hospital.",
            ("Pervez Musharraf", 79, True),
        ),
        (
            "James rose both arms while 75-year-old Kareem Abdul-Jabbar stood and applauded.",
            ("Kareem Abdul-Jabbar", 75, True),
        ),
        (
            "There was a surprise win for 73-year-old blues singer Bonnie Raitt on Sunday night.",
            ("Bonnie Raitt", 73, True),
        ),
        (
            "LeBron James, a 38-year-old star for the Los Angeles Lakers, scored 38 points.",
            ("LeBron James", 38, True),
        ),
        # a title-case headline: the tagger takes "Dies" into the name; it is cut off
        (
            "Tina Turner Dies At 83 After Long Illness\n\nThe singer died at home.",
            ("Tina Turner", 83, True),
        ),
        (
            "Former president Pervez Musharraf died in Dubai on Sunday. He was 79.",
            ("Pervez Musharraf", 79, False),
        ),
    ],
)
def test_ages_and_whose_they_are(
    text: str, expected: tuple[str, int, bool], tmp_path: Path, store: SQLiteStore
) -> None:
    assert ages_in(text, tmp_path, store) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "LeBron James surpassed Kareem Abdul-Jabbar's 39-year-old record on Tuesday.",
        "Pervez Musharraf joined the army in 1961 at the age of 18 and rose to lead it.",
        "In 2009 the then-45-year-old Ellen Marsh led the inquiry.",
        "In 2009 the then 45-year-old Ellen Marsh led the inquiry.",
        "Parents asked what they could share with my 9-year-old, said Dana Cole.",
        "Mara Quist, 250, is a code name the agency used.",
        # an age in a sentence that names an earlier year is the age then
        "An officer in Ferguson fatally shot 18-year-old Michael Brown in 2014.",
    ],
)
def test_no_age(text: str, tmp_path: Path, store: SQLiteStore) -> None:
    assert ages_in(text, tmp_path, store) == []


def test_the_n_year_old_is_the_person_last_named(tmp_path: Path, store: SQLiteStore) -> None:
    got = ages_in(
        '"It means so much to me," said LeBron James. The 38-year-old, who needed 36 points, '
        "did so with a jumper.",
        tmp_path,
        store,
    )
    assert got == [("LeBron James", 38, False)]


def test_the_star_comma_age_is_the_person_last_named(tmp_path: Path, store: SQLiteStore) -> None:
    got = ages_in(
        "Taylor Swift made history at the ceremony. The pop superstar, 33, won her 12th award.",
        tmp_path,
        store,
    )
    assert got == [("Taylor Swift", 33, False)]


def test_an_n_year_old_is_said_as_a_description(tmp_path: Path, store: SQLiteStore) -> None:
    """ "a 22-year-old White House intern" may describe the person long ago: the claim says
    so, and the comparison lets it agree but not contradict."""
    (tmp_path / "a.jsonl").write_text(
        json.dumps(
            {
                "id": "a",
                "title": "Ages",
                "text": "Bill Clinton had a relationship with Monica Lewinsky, a 22-year-old "
                "White House intern. Hillary Clinton, 68, spoke on Monday.",
            }
        )
    )
    ingest([str(tmp_path / "a.jsonl")], store, reader_process=False)
    Enricher(store).run()
    got = {(c.subject, int(c.value), c.qualifier) for c in store.claims("a") if c.kind == "age"}
    assert got == {("Monica Lewinsky", 22, "described"), ("Hillary Clinton", 68, None)}
