"""Briefs and timelines as Markdown, self-contained HTML and JSON.

Article text is untrusted: in HTML every piece of it is escaped, and the page carries no script
and loads nothing (styles are inline). Citations are numbered; each number names the outlet,
the article id and the character offsets of the cited sentence, and in HTML its title shows the
sentence itself.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape
from typing import Any

from storylens.compare.brief import Brief, BriefLine, Citation, Timeline
from storylens.compare.model import Relation

FORMATS = ("md", "html", "json")


class _Sources:
    """Numbers citations in order of first use."""

    def __init__(self) -> None:
        self.numbers: dict[Citation, int] = {}

    def cite(self, citations: Sequence[Citation]) -> list[int]:
        out = []
        for c in citations:
            if c not in self.numbers:
                self.numbers[c] = len(self.numbers) + 1
            out.append(self.numbers[c])
        return out


_OPENING_MARKS = "\"“‘'«„"


def quoted(text: str) -> str:
    """A source sentence between quotation marks, unless it opens with one of its own
    (a sentence that opens a quotation would read “"This is ...," she said.”)."""
    return text if text and text[0] in _OPENING_MARKS else f"“{text}”"


def _span(c: Citation) -> str:
    return f"{c.outlet or c.article_id} ({c.article_id}, chars {c.start}-{c.end})"


def _versus(relation: Relation) -> list[bool]:
    """For each side of a conflict, whether the other account begins with it (the sides come
    camp by camp)."""
    camps = relation.camps or (0,) * len(relation.sides)
    return [c != 0 and (i == 0 or camps[i - 1] == 0) for i, c in enumerate(camps)]


def _kind(relation: Relation) -> str:
    return relation.relation.split(":", 1)[-1]


# --- Markdown -----------------------------------------------------------------------------


def brief_markdown(brief: Brief) -> str:
    e = brief.event
    sources = _Sources()
    out = [f"# {e.title}", ""]
    dates = e.start if e.start == e.end else f"{e.start or '?'} – {e.end or '?'}"
    out.append(
        f"*{dates or 'undated'} · {len(brief.reports)} reports · "
        f"{e.independent_sources} independent sources · event {e.id}*"
    )
    out.append("")

    def cited(line: BriefLine) -> str:
        refs = "".join(f"[{n}]" for n in sources.cite(line.citations))
        return f"{line.text} {refs}"

    if brief.summary:
        out += ["## Summary", ""] + [cited(line) for line in brief.summary] + [""]
    if brief.agreed:
        out += ["## Agreed", ""]
        out += [f"- **{line.label}:** {cited(line)}" for line in brief.agreed] + [""]
    if brief.only_in:
        out += ["## Only in one source", ""]
        out += [f"- **{line.label}:** {cited(line)}" for line in brief.only_in] + [""]
    if brief.differ:
        out += ["## Sources differ", ""]
        for r in brief.differ:
            out.append(f"- **{_kind(r)}** ({r.note}):")
            for side, versus in zip(r.sides, _versus(r), strict=True):
                n = sources.cite([Citation.of(side)])[0]
                against = "*versus* " if versus else ""
                who = side.outlet or side.article_id
                out.append(f"  - {against}{who}: {quoted(side.text)} [{n}]")
        out.append("")
    if brief.quotes:
        out += ["## Key quotes", ""]
        for q in brief.quotes:
            n = sources.cite([q.citation])[0]
            out.append(f"- **{q.speaker}:** “{q.text}” [{n}]")
        out.append("")
    if e.key_entities:
        out += ["## Entities", "", ", ".join(e.key_entities), ""]
    out += ["## Reports", ""]
    for rep in brief.reports:
        copy = f", copy of {rep['copy_of']}" if rep.get("copy_of") else ""
        when, outlet = rep["published"] or "undated", rep["outlet"] or "?"
        title = rep.get("display_title") or rep["title"]
        out.append(f"- {when} · {outlet} · {title} ({rep['article_id']}{copy})")
    out += ["", "## Sources", ""]
    out += [f"{n}. {_span(c)}" for c, n in sources.numbers.items()]
    return "\n".join(out) + "\n"


def timeline_markdown(tl: Timeline) -> str:
    sources = _Sources()
    out = [f"# {tl.storyline.title}", "", f"*storyline {tl.storyline.id}*", ""]
    for entry in tl.entries:
        e = entry.event
        line = ""
        if entry.line is not None:
            refs = "".join(f"[{n}]" for n in sources.cite(entry.line.citations[:1]))
            line = f": {entry.line.text} {refs}"
        out.append(f"- **{e.start or 'undated'}** {e.title} (event {e.id}){line}")
    out += ["", "## Sources", ""] + [f"{n}. {_span(c)}" for c, n in sources.numbers.items()]
    return "\n".join(out) + "\n"


# --- HTML ---------------------------------------------------------------------------------

_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.1rem;margin-top:1.6rem}
.meta{color:#666}.cite{font-size:.75rem;vertical-align:super;text-decoration:none;margin-left:1px}
.label{font-weight:600}.kind{display:inline-block;background:#fde2e1;color:#8a1c14;
border-radius:3px;padding:0 .3rem;font-size:.85rem}blockquote{margin:.2rem 0 .2rem 1rem;color:#333}
.versus{margin-left:1rem;font-style:italic;color:#666}
ol.sources{font-size:.85rem;color:#555}article{border-bottom:1px solid #ddd;padding-bottom:1rem}
"""
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; "
    "form-action 'none'"
)


def _page(title: str, body: str) -> str:
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>\n{body}\n</body></html>\n"
    )


def _html_cites(
    sources: _Sources, citations: Sequence[Citation], texts: dict[Citation, str]
) -> str:
    out = []
    for c, n in zip(citations, sources.cite(citations), strict=True):
        tip = escape(texts.get(c, _span(c)))
        out.append(f'<a class="cite" href="#src-{n}" title="{tip}">[{n}]</a>')
    return "".join(out)


def _brief_body(brief: Brief, sources: _Sources, texts: dict[Citation, str]) -> str:
    e = brief.event
    dates = e.start if e.start == e.end else f"{e.start or '?'} – {e.end or '?'}"
    h: list[str] = [f'<article id="event-{e.id}"><h1>{escape(e.title)}</h1>']
    h.append(
        f'<p class="meta">{escape(dates or "undated")} · {len(brief.reports)} reports · '
        f"{e.independent_sources} independent sources · event {e.id}</p>"
    )

    def line_html(line: BriefLine) -> str:
        label = f'<span class="label">{escape(line.label)}:</span> ' if line.label else ""
        return f"{label}{escape(line.text)}{_html_cites(sources, line.citations, texts)}"

    if brief.summary:
        h.append("<h2>Summary</h2><p>" + " ".join(line_html(x) for x in brief.summary) + "</p>")
    for title, lines in (("Agreed", brief.agreed), ("Only in one source", brief.only_in)):
        if lines:
            h.append(
                f"<h2>{title}</h2><ul>"
                + "".join(f"<li>{line_html(x)}</li>" for x in lines)
                + "</ul>"
            )
    if brief.differ:
        h.append("<h2>Sources differ</h2><ul>")
        for r in brief.differ:
            h.append(f'<li><span class="kind">{escape(_kind(r))}</span> {escape(r.note)}')
            for side, versus in zip(r.sides, _versus(r), strict=True):
                c = Citation.of(side)
                if versus:
                    h.append('<div class="versus">versus</div>')
                h.append(
                    f"<blockquote>{escape(side.outlet or side.article_id)}: "
                    f"{escape(quoted(side.text))}{_html_cites(sources, [c], texts)}</blockquote>"
                )
            h.append("</li>")
        h.append("</ul>")
    if brief.quotes:
        h.append("<h2>Key quotes</h2><ul>")
        for q in brief.quotes:
            h.append(
                f'<li><span class="label">{escape(q.speaker)}:</span> “{escape(q.text)}”'
                f"{_html_cites(sources, [q.citation], texts)}</li>"
            )
        h.append("</ul>")
    if e.key_entities:
        h.append(f"<h2>Entities</h2><p>{escape(', '.join(e.key_entities))}</p>")
    h.append("<h2>Reports</h2><ul>")
    for rep in brief.reports:
        h.append(
            f"<li>{escape(rep['published'] or 'undated')} · {escape(rep['outlet'] or '?')} · "
            f"{escape(rep.get('display_title') or rep['title'])} "
            f'<span class="meta">({escape(rep["article_id"])})</span></li>'
        )
    h.append("</ul></article>")
    return "\n".join(h)


def _sources_html(sources: _Sources) -> str:
    items = "".join(f'<li id="src-{n}">{escape(_span(c))}</li>' for c, n in sources.numbers.items())
    return f'<h2>Sources</h2><ol class="sources">{items}</ol>'


def _texts(briefs: Sequence[Brief]) -> dict[Citation, str]:
    """The cited sentences, for citation tooltips."""
    out: dict[Citation, str] = {}
    for b in briefs:
        for line in (*b.summary, *b.agreed, *b.only_in):
            for c in line.citations:
                out.setdefault(c, "")
        for r in b.differ:
            for side in r.sides:
                out[Citation.of(side)] = side.text
        for line in (*b.summary, *b.agreed, *b.only_in):
            out[line.citations[0]] = line.text
    return {c: t for c, t in out.items() if t}


def brief_html(brief: Brief) -> str:
    sources = _Sources()
    body = _brief_body(brief, sources, _texts([brief])) + _sources_html(sources)
    return _page(brief.event.title, body)


def report_html(briefs: Sequence[Brief], title: str = "storylens report") -> str:
    """All ``briefs`` in one self-contained page, with one numbered source list."""
    sources = _Sources()
    texts = _texts(briefs)
    toc = "".join(
        f'<li><a href="#event-{b.event.id}">{escape(b.event.title)}</a> '
        f"({len(b.differ)} conflicts)</li>"
        for b in briefs
    )
    body = f"<h1>{escape(title)}</h1><ul>{toc}</ul>" + "".join(
        _brief_body(b, sources, texts) for b in briefs
    )
    return _page(title, body + _sources_html(sources))


def timeline_html(tl: Timeline) -> str:
    sources = _Sources()
    h = [
        f'<h1>{escape(tl.storyline.title)}</h1><p class="meta">storyline {tl.storyline.id}</p><ol>'
    ]
    for entry in tl.entries:
        e = entry.event
        line = ""
        if entry.line is not None:
            cites = _html_cites(
                sources, entry.line.citations[:1], {entry.line.citations[0]: entry.line.text}
            )
            line = f": {escape(entry.line.text)}{cites}"
        h.append(
            f"<li><b>{escape(e.start or 'undated')}</b> {escape(e.title)} (event {e.id}){line}</li>"
        )
    h.append("</ol>")
    return _page(tl.storyline.title, "\n".join(h) + _sources_html(sources))


# --- JSON ---------------------------------------------------------------------------------


def to_json(value: Brief | Timeline, *, indent: int | None = 2) -> str:
    """The JSON of a brief or timeline: indented for one, one line each (``indent=None``) for
    JSON Lines of several."""
    data: dict[str, Any] = value.as_dict()
    return json.dumps(data, ensure_ascii=False, indent=indent) + "\n"


def render_brief(brief: Brief, fmt: str) -> str:
    if fmt == "html":
        return brief_html(brief)
    if fmt == "json":
        return to_json(brief)
    return brief_markdown(brief)


def render_timeline(tl: Timeline, fmt: str) -> str:
    if fmt == "html":
        return timeline_html(tl)
    if fmt == "json":
        return to_json(tl)
    return timeline_markdown(tl)
