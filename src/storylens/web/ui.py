"""The web UI: server-rendered pages (Jinja2, autoescaped) over the same queries as the API.

No script runs in the browser. A citation is a link to its article with the cited sentence
highlighted; charts are SVG drawn on the server.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from storylens.annotations import claim_about, claim_value, cut, entity_rows
from storylens.compare.render import quoted
from storylens.export import article_record
from storylens.store.base import Store
from storylens.web.api import StoreDep, _storylines, app_state, storyline_record
from storylens.web.charts import Point, time_chart
from storylens.web.queries import (
    EventFilter,
    event_record,
    filter_events,
    page,
    with_conflicts,
)

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
PAGE = 20


def when(iso: str | None) -> str:
    """A publication time as people read it: "2026-03-09 09:05 (UTC+01:00)", a date as is."""
    if not iso:
        return "undated"
    try:
        value = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if len(iso) <= 10:
        return iso
    shown = value.strftime("%Y-%m-%d %H:%M")
    offset = value.strftime("%z")
    if offset:
        shown += " (UTC)" if offset == "+0000" else f" (UTC{offset[:3]}:{offset[3:]})"
    return shown


def article_url(article_id: str) -> str:
    """An article's page. Ids are the sources' own and may hold "/", "?", "#" or spaces."""
    return "/articles/" + quote(article_id, safe="")


def cite_url(c: dict[str, Any]) -> str:
    return f"{article_url(c['article_id'])}?start={c['start']}&end={c['end']}#hl"


templates.env.globals["cite_url"] = cite_url
templates.env.globals["article_url"] = article_url
templates.env.filters["quoted"] = quoted
templates.env.filters["when"] = when
templates.env.globals["claim_value"] = claim_value
templates.env.globals["claim_about"] = claim_about
templates.env.globals["cut"] = cut


def segments(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """``text`` cut at ``spans`` (start, end, css class) into (piece, class) pairs; overlapping
    spans are dropped after the first."""
    out: list[tuple[str, str]] = []
    at = 0
    for start, end, cls in sorted(spans):
        if start < at or not 0 <= start <= end <= len(text):
            continue
        if start > at:
            out.append((text[at:start], ""))
        out.append((text[start:end], cls))
        at = end
    if at < len(text):
        out.append((text[at:], ""))
    return out


@router.get("/", response_class=HTMLResponse)
def events_page(
    request: Request,
    store: StoreDep,
    q: str | None = None,
    since: Annotated[str | None, Query(alias="from")] = None,
    until: Annotated[str | None, Query(alias="to")] = None,
    outlet: str | None = None,
    entity: int | None = None,
    storyline: int | None = None,
    p: Annotated[int, Query(ge=1)] = 1,
) -> Response:
    """Events, newest first, with filters and search."""
    since = since or None
    until = until or None
    f = EventFilter(since, until, entity, outlet or None, storyline, q or None)
    found = filter_events(store, app_state(request).summaries(store), f)
    result = page(found, PAGE, (p - 1) * PAGE)
    items = with_conflicts(store, result["items"])
    params = {k: v for k, v in {"q": q, "from": since, "to": until, "outlet": outlet}.items() if v}
    pages = (result["total"] + PAGE - 1) // PAGE
    return templates.TemplateResponse(
        request,
        "events.html",
        {
            "events": items,
            "total": result["total"],
            "q": q or "",
            "since": since or "",
            "until": until or "",
            "outlet": outlet or "",
            "page": p,
            "pages": pages,
            "prev_url": f"/?{urlencode({**params, 'p': p - 1})}" if p > 1 else None,
            "next_url": f"/?{urlencode({**params, 'p': p + 1})}" if p < pages else None,
        },
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: int, store: StoreDep) -> Response:
    """The brief with citations, the sources side by side, conflicts, agreements, quotes,
    entities and the reports on a time chart."""
    record = event_record(store, event_id)
    if record is None:
        raise HTTPException(404, f"no event {event_id}")
    if record.get("merged_from") is not None:
        return RedirectResponse(f"/events/{record['id']}", status_code=307)
    brief = record["brief"]
    conflicts = [r for r in record["relations"] if r["relation"].startswith("conflict:")]
    marks: dict[str, list[tuple[int, int, str]]] = {}
    for r in conflicts:
        for s in r["sides"]:
            marks.setdefault(s["article_id"], []).append((s["start"], s["end"], "conflict"))
    columns = []
    for rep in record["reports"]:
        stored = store.get(rep["id"])
        if stored is None:
            continue
        columns.append(
            {
                "report": rep,
                "title": stored.article.display_title,
                "segments": segments(stored.article.text, marks.get(rep["id"], [])),
            }
        )
    # a row per outlet with a dated report: an undated one has no place on a time axis
    dated = [rep for rep in record["reports"] if rep["published"]]
    outlets = list(dict.fromkeys(rep["outlet"] or rep["id"] for rep in dated))
    chart = time_chart(
        [
            Point(
                rep["published"],
                f"{rep['outlet'] or rep['id']}: {rep['title']}",
                article_url(rep["id"]),
                outlets.index(rep["outlet"] or rep["id"]),
            )
            for rep in dated
        ],
        outlets,
        "When the reports were published",
    )
    return templates.TemplateResponse(
        request,
        "event.html",
        {
            "e": record,
            "brief": brief,
            "conflicts": conflicts,
            "columns": columns,
            "chart": chart,
            "undated": len(record["reports"]) - len(dated),
            "entity_links": _entity_links(store, record["key_entities"]),
        },
    )


def _entity_links(store: Store, names: list[str]) -> list[tuple[str, str]]:
    return [(name, f"/entity?{urlencode({'name': name})}") for name in names]


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(
    request: Request,
    article_id: str,
    store: StoreDep,
    start: Annotated[int | None, Query(ge=0)] = None,
    end: Annotated[int | None, Query(ge=0)] = None,
) -> Response:
    """One article; the cited span (``start``-``end``) highlighted."""
    stored = store.get(article_id)
    if stored is None:
        raise HTTPException(404, f"no article {article_id!r}")
    a = stored.article
    spans = []
    if start is not None and end is not None and start < end <= len(a.text):
        spans.append((start, end, "hl"))
    record = article_record(store, stored)
    return templates.TemplateResponse(
        request,
        "article.html",
        {
            "a": a,
            "stored": stored,
            "segments": segments(a.text, spans),
            "event_id": store.event_of(article_id),
            "highlighted": bool(spans),
            "entities": entity_rows(record["entities"]),
            "quotes": record["quotes"],
            "claims": record["claims"],
        },
    )


@router.get("/storylines", response_class=HTMLResponse)
def storylines_page(request: Request, store: StoreDep) -> Response:
    stories = _storylines(store, app_state(request).summaries(store))
    return templates.TemplateResponse(request, "storylines.html", {"stories": stories})


@router.get("/storylines/{storyline_id}", response_class=HTMLResponse)
def storyline_page(request: Request, storyline_id: int, store: StoreDep) -> Response:
    """A storyline's events on a timeline chart, each with one cited line."""
    story = storyline_record(store, storyline_id, app_state(request).summaries(store))
    if story is None:
        raise HTTPException(404, f"no storyline {storyline_id}")
    chart = time_chart(
        [Point(e["start"] or "", e["title"], f"/events/{e['id']}") for e in story["timeline"]],
        (),
        "The storyline's events",
    )
    return templates.TemplateResponse(request, "storyline.html", {"story": story, "chart": chart})


@router.get("/entity")
def entity_by_name(name: str, store: StoreDep) -> Response:
    folded = name.casefold()
    for e in store.entities():
        if e.name.casefold() == folded or folded in (a.casefold() for a in e.aliases):
            return RedirectResponse(f"/entities/{e.id}", status_code=307)
    raise HTTPException(404, f"no entity named {name!r}")


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: int, store: StoreDep) -> Response:
    """The events an entity appears in."""
    found = store.entities([entity_id])
    if not found:
        raise HTTPException(404, f"no entity {entity_id}")
    entity = found[0]
    counts = store.events_of_entity(entity_id)
    events = [e for e in app_state(request).summaries(store) if e["id"] in counts]
    return templates.TemplateResponse(
        request,
        "entity.html",
        {"entity": entity, "events": events, "counts": counts},
    )


def error_page(request: Request, status: int, title: str, detail: str) -> Response:
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "title": title, "detail": detail},
        status_code=status,
    )
