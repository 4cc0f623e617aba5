"""Publication dates from a record, a dateline, or the URL's path."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storylens.ingest.dates import date_in_url
from tests.conftest import articles_of, read_all


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://thestarnewsnetwork.com/2023/02/14/ecological-disaster/", date(2023, 2, 14)),
        ("https://www.latimes.com/politics/story/2023-02-07/biden-address", date(2023, 2, 7)),
        ("https://www.dailymaverick.co.za/article/2023-08-24-brics-expansion", date(2023, 8, 24)),
        ("https://www.democracynow.org/2023/8/15/headlines", date(2023, 8, 15)),
        ("https://www.arkansasonline.com/news/2023/aug/19/baja-in-path/", date(2023, 8, 19)),
        ("https://www.rfi.fr/en/sports/20230815-spain-beat-sweden", date(2023, 8, 15)),
        ("https://sputniknews.com/20230208/three-moments-1234.html", date(2023, 2, 8)),
        ("https://x.example/index.php/2023/02/09/lebron-record/", date(2023, 2, 9)),
        # a month is not a day; ids, queries, hosts and impossible days are not dates
        ("https://www.theintelligencer.net/news/2023/02/controlled-burn", None),
        ("https://www.newsbreak.com/news/2917034078114/editor-notebook", None),
        ("https://x.example/story?date=2023/02/14", None),
        ("https://2023.example/02/14/x", None),
        ("https://x.example/2023/02/30/x", None),
        ("https://x.example/1970/01/01/x", None),
        ("https://x.example/2023/02/140/x", None),
        ("https://x.example/page/20231345", None),
        (None, None),
        ("", None),
    ],
)
def test_date_in_url(url: str | None, expected: date | None) -> None:
    assert date_in_url(url) == expected


@given(
    st.dates(min_value=date(1995, 1, 1), max_value=date(2099, 12, 31)),
    st.sampled_from(
        ["{y}/{m:02d}/{d:02d}", "{y}-{m:02d}-{d:02d}", "{y}/{m}/{d}", "{y}{m:02d}{d:02d}"]
    ),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz-", min_size=1, max_size=30),
)
def test_any_day_written_in_a_path_reads_back(day: date, form: str, slug: str) -> None:
    part = form.format(y=day.year, m=day.month, d=day.day)
    assert date_in_url(f"https://news.example/section/{part}/{slug}") == day


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz-/", max_size=60))
def test_a_path_without_digits_has_no_date(path: str) -> None:
    assert date_in_url("https://news.example/" + path) is None


def test_url_date_when_no_field_states_one(tmp_path: Path) -> None:
    records = [
        {
            "id": "stated",
            "url": "https://a.example/2023/02/14/x",
            "date": "2023-02-15",
            "text": "A report.",
        },
        {
            "id": "dateline",
            "url": "https://a.example/2023/02/14/y",
            "text": "Published: February 16, 2023\n\nA report.",
        },
        {"id": "url", "url": "https://a.example/2023/02/14/z", "text": "A report."},
        {"id": "none", "url": "https://a.example/news/z", "text": "A report."},
        {
            "id": "clock",
            "url": "https://a.example/news/c",
            "text": "Fri. Nov 22nd, 2024\n\nA report.",
        },
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    got = {a.id: a for a in articles_of(read_all(path))}
    assert got["stated"].published == date(2023, 2, 15)
    assert got["dateline"].published == date(2023, 2, 14)  # the URL's day before a dateline
    assert got["url"].published == date(2023, 2, 14)
    assert got["url"].metadata["date_from"] == "url"  # where the date came from is kept
    assert "date_from" not in got["stated"].metadata
    assert got["none"].published is None
    assert got["clock"].published == date(2024, 11, 22)  # no day in the URL: the dateline
