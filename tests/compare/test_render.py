"""Briefs as Markdown and HTML: structure, citations, and untrusted text kept inert."""

from __future__ import annotations

from storylens.compare import Comparison, compare_reports
from storylens.compare.align import SentenceIndex
from storylens.compare.brief import build_brief
from storylens.compare.render import brief_html, brief_markdown, report_html, to_json
from storylens.model import Event

from .helpers import idf_of, report

EVIL = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def brief_of(*texts: str):  # type: ignore[no-untyped-def]
    reports = [report(f"r{i}", t, outlet=f"outlet{i}.example") for i, t in enumerate(texts)]
    idf = idf_of(reports)
    index = SentenceIndex(reports, idf)
    relations = compare_reports(reports, idf, index, {})
    ids = tuple(r.id for r in reports)
    event = Event(7, f"Bridge {EVIL}", "2026-03-09", "2026-03-09", ids, ids, len(ids), (), None)
    return build_brief(event, Comparison(7, tuple(reports), tuple(relations), index, {}))


TEXTS = (
    "The old quay bridge collapsed at 6:40 am on Monday, the mayor said. "
    "Divers searched the river until 9 pm. The bridge had been closed to lorries since 2019.",
    "The old quay bridge collapsed at 6:40 am on Monday, officials said. "
    "The span fell 12 metres into the river. " + EVIL + " was in a caption.",
)


def test_markdown_cites_every_line() -> None:
    md = brief_markdown(brief_of(*TEXTS))
    assert md.startswith("# Bridge")
    assert "## Summary" in md and "## Sources" in md
    assert "Agreed by 2 independent sources" in md
    assert "outlet0.example (r0, chars " in md


def test_html_is_inert_and_self_contained() -> None:
    html = brief_html(brief_of(*TEXTS))
    assert "<script>" not in html and "onerror=" not in html.replace("onerror=&quot;", "")
    assert "&lt;script&gt;" in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "http://" not in html and "https://" not in html  # loads nothing
    page = report_html([brief_of(*TEXTS)])
    assert "<script>" not in page and page.count("<article") == 1


def test_json_has_offsets() -> None:
    import json

    data = json.loads(to_json(brief_of(*TEXTS)))
    assert data["event_id"] == 7
    line = data["summary"][0]
    assert {"article_id", "outlet", "start", "end"} <= set(line["citations"][0])


def test_a_conflict_shows_its_two_accounts_one_after_the_other() -> None:
    """Sides come camp by camp, and "versus" opens the second account, in Markdown and HTML."""
    brief = brief_of(
        "The central span of the old quay bridge fell 12 metres into the river on Monday.",
        "The central span of the old quay bridge fell 20 metres into the river on Monday.",
        "The old quay bridge's central span fell 12 metres into the river on Monday.",
    )
    (conflict,) = [r for r in brief.differ if r.kind == "number"]
    assert sorted(conflict.camps) == list(conflict.camps)  # camp by camp
    first = conflict.note.split(" / ")[0]
    assert all(
        first in s.text for s, c in zip(conflict.sides, conflict.camps, strict=True) if c == 0
    )
    md = brief_markdown(brief)
    section = md.split("## Sources differ")[1].split("\n\n")[1]
    lines = section.splitlines()[1:]
    assert [line.startswith("  - *versus* ") for line in lines] == [
        i > 0 and c == 1 and conflict.camps[i - 1] == 0 for i, c in enumerate(conflict.camps)
    ]
    assert "*versus* outlet1.example" in md
    assert brief_html(brief).count('<div class="versus">versus</div>') == 1
