"""The REST API: the same records as the CLI's ``--json`` output, read through the library."""

from __future__ import annotations

import hmac
import json
import tempfile
from pathlib import Path
from typing import Annotated, Any, cast

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from storylens.ingest.jsonl import parse_json
from storylens.store.base import Store
from storylens.web.app import AppState
from storylens.web.queries import (
    EventFilter,
    cached_event_record_json,
    event_record,
    event_record_json,
    filter_events,
    page,
    with_conflicts,
)

router = APIRouter(prefix="/api", tags=["api"])

Limit = Annotated[int, Query(ge=1, le=100, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, lt=2**63, description="Items to skip.")]


def app_state(request: Request) -> AppState:
    state = request.app.state.storylens
    assert isinstance(state, AppState)
    return state


class _ThreadStore:
    """The store of whichever thread uses it (see ``AppState.local_store``): endpoints run in
    a thread pool, and this dependency, resolved in the event loop, costs no thread hop."""

    def __init__(self, state: AppState) -> None:
        self._state = state

    def __getattr__(self, name: str) -> Any:
        return getattr(self._state.local_store(), name)


async def store_of(request: Request) -> Store:
    return cast(Store, _ThreadStore(app_state(request)))


StoreDep = Annotated[Store, Depends(store_of)]


@router.get("/health")
def health(store: StoreDep) -> dict[str, Any]:
    """The store answers; how much it holds."""
    stats = store.stats()
    return {
        "status": "ok",
        "schema_version": stats.get("schema_version"),
        "articles": stats.get("articles"),
        "events": stats.get("events"),
    }


@router.get("/articles")
def articles(
    store: StoreDep, limit: Limit = 20, offset: Offset = 0, outlet: str | None = None
) -> dict[str, Any]:
    """Stored articles in ingest order (the fields of ``storylens articles --json``)."""
    rows = [s.summary() for s in store.articles()]
    if outlet:
        rows = [r for r in rows if outlet.casefold() in (r["outlet"] or "").casefold()]
    return page(rows, limit, offset)


@router.get("/articles/{article_id:path}")
def article(article_id: str, store: StoreDep) -> dict[str, Any]:
    """One article with its text and annotations (entities, quotes, claims), all offsets."""
    from storylens.export import article_record

    stored = store.get(article_id)
    if stored is None:
        raise HTTPException(404, f"no article {article_id!r}")
    record = article_record(store, stored)
    record["event_id"] = store.event_of(article_id)
    return record


@router.get("/events", response_class=JSONResponse)
def events(
    request: Request,
    store: StoreDep,
    limit: Limit = 20,
    offset: Offset = 0,
    since: Annotated[
        str | None, Query(alias="from", pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD")
    ] = None,
    until: Annotated[
        str | None, Query(alias="to", pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD")
    ] = None,
    entity: Annotated[int | None, Query(description="An entity id its reports mention.")] = None,
    outlet: str | None = None,
    storyline: int | None = None,
    q: Annotated[str | None, Query(description="Words its reports contain.")] = None,
) -> JSONResponse:
    """Events, newest first, with their number of conflicts; filtered and paged."""
    found = filter_events(
        store,
        app_state(request).summaries(store),
        EventFilter(since, until, entity, outlet, storyline, q),
    )
    result = page(found, limit, offset)
    result["items"] = with_conflicts(store, result["items"])
    return JSONResponse(result)


@router.get("/events/{event_id}", response_class=Response)
async def event(event_id: int, store: StoreDep) -> Response:
    """One event: summary, reports, relations between their statements, and the brief (the
    JSON of ``storylens event ID --json``)."""
    # a cached record is a few small indexed reads: answered on the event loop; computing
    # one (a comparison, tens of milliseconds) goes to the thread pool
    text = cached_event_record_json(store, event_id)
    if text is None:
        text = await run_in_threadpool(event_record_json, store, event_id)
    if text is None:
        raise HTTPException(404, f"no event {event_id}")
    return Response(text, media_type="application/json")


def _storylines(store: Store, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The storylines of the event summaries, as ``storylens storylines --json`` gives them."""
    from storylens.events import build_storylines
    from storylens.model import Event

    rebuilt = [Event.from_dict(e) for e in events]
    return [story.as_dict() for story in build_storylines(store, rebuilt)]


@router.get("/storylines")
def storylines(
    request: Request, store: StoreDep, limit: Limit = 20, offset: Offset = 0
) -> dict[str, Any]:
    """Storylines, newest first: events that continue one another, in time order."""
    return page(_storylines(store, app_state(request).summaries(store)), limit, offset)


def storyline_record(
    store: Store, storyline_id: int, events: list[dict[str, Any]]
) -> dict[str, Any] | None:
    """A storyline with its timeline: each event with its brief's first summary line, cited."""
    found = [s for s in _storylines(store, events) if s["id"] == storyline_id]
    if not found:
        return None
    story = found[0]
    timeline = []
    for e in story["events"]:
        record = event_record(store, e["id"])
        summary = (record or {}).get("brief", {}).get("summary") or [None]
        timeline.append({**e, "line": summary[0]})
    story["timeline"] = timeline
    return story


@router.get("/storylines/{storyline_id}")
def storyline(storyline_id: int, request: Request, store: StoreDep) -> dict[str, Any]:
    """One storyline with its timeline."""
    record = storyline_record(store, storyline_id, app_state(request).summaries(store))
    if record is None:
        raise HTTPException(404, f"no storyline {storyline_id}")
    return record


@router.get("/entities")
def entities(
    store: StoreDep,
    limit: Limit = 20,
    offset: Offset = 0,
    q: Annotated[str | None, Query(description="Part of a name or alias.")] = None,
    label: str | None = None,
) -> dict[str, Any]:
    """Canonical entities, most reported first, with aliases."""
    rows = sorted(store.entities(), key=lambda e: (-e.articles, e.name))
    if label:
        rows = [e for e in rows if e.label == label.upper()]
    if q:
        needle = q.casefold()
        rows = [e for e in rows if any(needle in a.casefold() for a in (e.name, *e.aliases))]
    items = [
        {
            "id": e.id,
            "name": e.name,
            "label": e.label,
            "aliases": list(e.aliases),
            "articles": e.articles,
        }
        for e in rows
    ]
    return page(items, limit, offset)


@router.get("/search", response_class=JSONResponse)
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, description="Words to find (all of them).")],
    limit: Limit = 20,
    offset: Offset = 0,
) -> JSONResponse:
    """Full-text search over article titles and texts (SQLite FTS5), best match first."""
    hits, total = store.search(q, limit, offset)
    items = []
    for h in hits:
        snippet = h.snippet.replace("\x02", "").replace("\x03", "")
        items.append(
            {
                "article_id": h.article_id,
                "title": h.title,
                "outlet": h.outlet,
                "published": h.published,
                "snippet": snippet,
                "event_id": store.event_of(h.article_id),
            }
        )
    return JSONResponse({"total": total, "limit": limit, "offset": offset, "items": items})


INGEST_BODY = {
    "description": "An article record (id, url, outlet, date, title, text), a list of them, "
    '`{"articles": [...]}`, or `{"urls": ["https://..."]}` to fetch.',
    "required": True,
    "content": {"application/json": {"schema": {"type": ["object", "array"]}}},
}


@router.post("/ingest", openapi_extra={"requestBody": INGEST_BODY})
async def ingest(request: Request, background: BackgroundTasks) -> dict[str, Any]:
    """Add articles (needs `Authorization: Bearer <token>`). Answers what was added,
    duplicated and rejected, as `storylens ingest --json`; new articles are then enriched and
    clustered in the background."""
    state = app_state(request)
    if state.token is None:
        raise HTTPException(
            403, "ingest is disabled: set serve.api_token in the config or STORYLENS_API_TOKEN"
        )
    given = request.headers.get("authorization", "")
    if not hmac.compare_digest(given.encode(), f"Bearer {state.token}".encode()):
        raise HTTPException(401, "a valid 'Authorization: Bearer <token>' header is required")
    body = await _read_capped(request, state.config.serve.max_body_bytes)
    try:
        payload = parse_json(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise HTTPException(400, f"the body is not JSON: {exc}") from exc
    if not isinstance(payload, dict | list):
        raise HTTPException(400, 'send an article object, a list of them, or {"urls": [...]}')
    report = await run_in_threadpool(_ingest, state, payload)
    if (report["added"] or report["revisions"]) and state.config.serve.refresh_after_ingest:
        background.add_task(_refresh, state)
        report["refresh"] = "scheduled"
    return report


async def _read_capped(request: Request, cap: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > cap:
        raise HTTPException(413, f"the body is over the limit of {cap} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > cap:
            raise HTTPException(413, f"the body is over the limit of {cap} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _ingest(state: AppState, payload: dict[str, Any] | list[Any]) -> dict[str, Any]:
    from storylens.ingest.fetch import HttpxFetcher
    from storylens.pipeline import ingest as run_ingest

    store = state.store()
    try:
        if isinstance(payload, dict) and "urls" in payload:
            urls = payload["urls"]
            if not isinstance(urls, list) or not all(isinstance(u, str) for u in urls):
                raise HTTPException(400, '"urls" must be a list of http(s) URLs')
            config = state.config
            fetcher = HttpxFetcher(config.fetch, config.max_document_bytes)
            return run_ingest(urls, store, config, fetcher=fetcher, reader_process=False).as_dict()
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "request.json"
            path.write_text(json.dumps(payload), encoding="utf-8")
            report = run_ingest([str(path)], store, state.config, reader_process=False).as_dict()
        for reject in report["rejected"]:  # the temporary file's name means nothing to a client
            reject["source"] = reject["source"].replace(str(path), "request")
        return report
    finally:
        store.close()


def _refresh(state: AppState) -> None:
    from storylens.updates import refresh

    with state.refresh_lock:  # one at a time: each finds what the one before left
        store = state.store()
        try:
            refresh(store, warm=True)
        finally:
            store.close()
