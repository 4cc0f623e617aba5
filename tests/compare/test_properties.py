"""Every span the comparison and the brief cite round-trips to its article's text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storylens.compare import Comparison, compare_reports
from storylens.compare.align import SentenceIndex
from storylens.compare.brief import build_brief, quotation
from storylens.compare.render import brief_html, brief_markdown
from storylens.model import Event, Span

from .helpers import idf_of, report

NAMES = ["Anthony Reyk", "Antony Reyk", "Mara Osei", "Mara Ossei", "Port Alder", "Port Aldar"]
UNITS = ["km", "miles", "mph", "minutes", "people"]
TEMPLATES = [
    "{name} said {n} {unit} of the bridge were damaged on Feb. {d}.",
    "The storm reached {name} at {h}:{m:02d} pm with winds of {n} {unit}.",
    "About {n} {unit} from {name}, rescuers worked through the night.",
    "“We will rebuild,” {name} said on {weekday} morning.",
    "Officials in {name} counted at least {n} {unit} by {h}:{m:02d} am.",
]
sentence = st.builds(
    lambda t, name, n, unit, d, h, m, weekday, space: (
        t.format(name=name, n=n, unit=unit, d=d, h=h, m=m, weekday=weekday) + space
    ),
    st.sampled_from(TEMPLATES),
    st.sampled_from(NAMES),
    st.one_of(st.integers(1, 500), st.floats(0.5, 99.5).map(lambda x: round(x, 1))),
    st.sampled_from(UNITS),
    st.integers(1, 28),
    st.integers(1, 12),
    st.integers(0, 59),
    st.sampled_from(["Monday", "Sunday"]),
    st.sampled_from([" ", "\n\n", "  "]),
)
article = st.lists(sentence, min_size=1, max_size=6).map("".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(article, min_size=2, max_size=4))
def test_every_cited_span_round_trips(texts: list[str]) -> None:
    reports = [report(f"r{i}", t, names=NAMES) for i, t in enumerate(texts)]
    text_of = {r.id: r.text for r in reports}
    idf = idf_of(reports)
    index = SentenceIndex(reports, idf)
    relations = compare_reports(reports, idf, index, {})
    for relation in relations:
        assert relation.sides
        for side in relation.sides:
            assert text_of[side.article_id][side.start : side.end] == side.text
            if side.highlight is not None:
                assert side.start <= side.highlight.start <= side.highlight.end <= side.end
    event = Event(1, "t", None, None, tuple(text_of), tuple(text_of), len(reports), (), None)
    brief = build_brief(event, Comparison(1, tuple(reports), tuple(relations), index, {}))
    for line in (*brief.summary, *brief.agreed, *brief.only_in):
        first = line.citations[0]
        assert text_of[first.article_id][first.start : first.end] == line.text
        for c in line.citations:
            assert 0 <= c.start < c.end <= len(text_of[c.article_id])
    for q in brief.quotes:
        c = q.citation
        assert text_of[c.article_id][c.start : c.end] == q.text
    assert brief_markdown(brief) and brief_html(brief)


words = st.text(alphabet=st.sampled_from("abc ,.’'"), min_size=0, max_size=30)


@settings(max_examples=200, deadline=None)
@given(words, words, words, st.sampled_from(["“”", '""', "‘’", "«»"]), st.booleans())
def test_a_quotation_is_the_words_inside_its_marks(
    before: str, inner: str, after: str, marks: str, whole: bool
) -> None:
    """Whatever the text, ``quotation`` gives a span inside the content it was given, free of
    the marks; and it gives one only for a content that opens and closes with them."""
    quoted = f"{marks[0]}{inner}{marks[1]}"
    text = before + quoted + after
    start = len(before)
    content = Span(start, start + len(quoted)) if whole else Span(0, len(text))
    found = quotation(text, content)
    if found is None:
        return
    assert content.start < found.start <= found.end < content.end
    words_found = text[found.start : found.end]
    assert words_found and words_found == words_found.strip(",;: ")
    assert text[content.start : content.end].strip()[0] in '“"‘«'
