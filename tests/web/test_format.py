"""How pages write times, chart labels and quoted sentences."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storylens.annotations import claim_about, claim_value, cut, figure
from storylens.compare.render import quoted
from storylens.web.charts import Point, time_chart
from storylens.web.ui import when


def test_publication_times_read_as_people_write_them() -> None:
    assert when("2026-03-09T09:05:00+01:00") == "2026-03-09 09:05 (UTC+01:00)"
    assert when("2026-03-09T22:40:00-05:30") == "2026-03-09 22:40 (UTC-05:30)"
    assert when("2026-03-09T09:05:00+00:00") == "2026-03-09 09:05 (UTC)"
    assert when("2026-03-09T09:05:00") == "2026-03-09 09:05"
    assert when("2026-03-09") == "2026-03-09"
    assert when(None) == "undated" and when("") == "undated"
    assert when("not a date") == "not a date"


def test_long_row_names_are_cut_visibly_and_kept_whole_in_a_tooltip() -> None:
    name = "coastlinegazette.example.co.uk"
    svg = time_chart([Point("2026-03-09", "a report", None, 0)], [name, "short.example"])
    assert f"<title>{name}</title>coastlinegazette.exampl…</text>" in svg
    assert "<title>short.example</title>short.example</text>" in svg


def test_a_sentence_gets_quotation_marks_unless_it_opens_with_its_own() -> None:
    assert quoted("Seven people died.") == "“Seven people died.”"
    assert quoted('"We will rebuild," she said.') == '"We will rebuild," she said.'
    assert quoted("“We will rebuild,” she said.") == "“We will rebuild,” she said."
    assert quoted("") == "“”"


def test_claim_values_read_as_figures() -> None:
    assert figure(3549.0) == "3,549" and figure(1_200_000.0) == "1,200,000"
    assert figure(4.25) == "4.25" and figure(0.5) == "0.5" and figure(-2.0) == "-2"
    assert figure(12_345_678.9) == "12,345,679"
    assert figure("2026-03-09") == "2026-03-09" and figure("Port Alder") == "Port Alder"


def test_a_claim_reads_as_value_and_what_it_is_about() -> None:
    toll = {
        "kind": "count_of_people", "value": 3549.0, "unit": "death", "qualifier": "at least",
        "referent": "deaths", "per": None, "subject": "At least 3,549 deaths",
        "predicate": "report", "time": "2023-02-06", "place": "Turkey",
    }  # fmt: skip
    assert claim_value(toll) == "at least 3,549 death"
    assert claim_about(toll) == "deaths · At least 3,549 deaths report · 2023-02-06 · Turkey"
    rate = {**toll, "kind": "quantity", "value": 4.25, "unit": "%", "qualifier": None}
    rate |= {"per": "year", "referent": None, "subject": None, "predicate": None, "time": None}
    assert claim_value(rate) == "4.25 % per year" and claim_about(rate) == "Turkey"
    place = {**toll, "kind": "place", "value": "Turkey"}  # its place is its value
    assert "Turkey" not in claim_about(place)
    assert cut("a long line of words", 12) == "a long line…" and cut("short", 12) == "short"


@given(st.text(max_size=80), st.integers(min_value=2, max_value=60))
def test_a_cut_text_fits_and_begins_as_the_text(text: str, limit: int) -> None:
    out = cut(text, limit)
    assert len(out) <= limit
    assert out == text or (out.endswith("…") and text.startswith(out[:-1]))
