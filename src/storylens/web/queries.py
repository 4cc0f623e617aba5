"""What the API and the UI read: events (summaries cached in the store while their members are
unchanged), one event's record with relations and brief (cached likewise), filters and pages."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from storylens.records import (
    cached_event_record_json,
    event_record,
    event_record_json,
    event_summaries,
)
from storylens.store.base import Store

__all__ = [
    "EventFilter",
    "cached_event_record_json",
    "event_record",
    "event_record_json",
    "event_summaries",
    "filter_events",
    "page",
    "with_conflicts",
]

MAX_LIMIT = 100


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters of the events list; every one given must hold."""

    since: str | None = None  # the event ends on or after this day (YYYY-MM-DD)
    until: str | None = None  # the event starts on or before this day
    entity: int | None = None  # an entity id its reports mention
    outlet: str | None = None  # an outlet among its reports' (case-insensitive substring)
    storyline: int | None = None
    q: str | None = None  # words its reports contain (full text)


def filter_events(
    store: Store, events: list[dict[str, Any]], f: EventFilter
) -> list[dict[str, Any]]:
    keep: set[int] | None = None
    if f.entity is not None:
        keep = set(store.events_of_entity(f.entity))
    if f.q:
        hits, _ = store.search(f.q, limit=1000)
        found = {ev for h in hits if (ev := store.event_of(h.article_id)) is not None}
        keep = found if keep is None else keep & found
    out = []
    outlet = f.outlet.casefold() if f.outlet else None
    for e in events:
        if keep is not None and e["id"] not in keep:
            continue
        if f.since and (e["end"] or "") < f.since:
            continue
        if f.until and (e["start"] or "9999") > f.until:
            continue
        if f.storyline is not None and e["storyline_id"] != f.storyline:
            continue
        if outlet and not any(outlet in (o or "").casefold() for o in e["outlets"]):
            continue
        out.append(e)
    return out


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    limit = max(1, min(limit, MAX_LIMIT))
    offset = max(0, offset)
    return {
        "total": len(items),
        "limit": limit,
        "offset": offset,
        "items": items[offset : offset + limit],
    }


def with_conflicts(store: Store, events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events with their number of conflicts, comparing those not compared yet."""
    out = []
    for e in events:
        if e.get("conflicts") is None:
            record = event_record(store, e["id"]) or {}
            relations = record.get("relations", [])
            conflicts = sum(1 for r in relations if r["relation"].startswith("conflict:"))
            e = dict(e, conflicts=conflicts)
        out.append(e)
    return out
