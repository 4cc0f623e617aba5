"""An event's record (``storylens event ID --json``: summary, reports, relations, brief) and
its summary (a line of ``storylens events``), kept in the store while the event's members,
their content and the code that compares them are unchanged, so the CLI, the API, the UI and
exports compute them once per change. (Entity names inside a kept summary are those of when it
was computed; a name that a later alias changes shows once the event's members change.)
:func:`warm` computes the records of changed events ahead of the first reader
(``refresh(..., warm=True)``)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from storylens.store.base import Store


def _version() -> int:
    from storylens.compare import VERSION

    return VERSION


def versioned(signature: str) -> str:
    """A cache signature that also changes with the comparison's code version."""
    return f"{signature}:v{_version()}"


def versioned_or_none(signature: str | None) -> str | None:
    return versioned(signature) if signature is not None else None


def event_record(store: Store, event_id: int) -> dict[str, Any] | None:
    """The event as ``storylens event ID --json`` gives it, computed once per change of its
    members. None if there is no such event."""
    text = event_record_json(store, event_id)
    return json.loads(text) if text is not None else None


def cached_event_record_json(store: Store, event_id: int) -> str | None:
    """:func:`event_record_json` if the record is cached and valid, else None (without
    computing anything)."""
    live = store.resolve_event(event_id)
    if live is None:
        return None
    signature = versioned_or_none(store.event_signature(live))
    text = store.cached_record_json(live, signature) if signature is not None else None
    return _with_live_fields(store, text, live, event_id) if text is not None else None


def event_record_json(store: Store, event_id: int) -> str | None:
    """:func:`event_record` as JSON text: served from the cache without parsing it."""
    from storylens.export import event_record as compute

    live = store.resolve_event(event_id)
    if live is None:
        return None
    signature = versioned_or_none(store.event_signature(live))
    if signature is None:
        return None
    text = store.cached_record_json(live, signature)
    if text is None:
        record = compute(store, live)
        if record is None:
            return None
        record.pop("storyline_id", None)
        summary = {k: record[k] for k in record if k not in ("reports", "relations", "brief")}
        conflicts = sum(1 for r in record["relations"] if r["relation"].startswith("conflict:"))
        with store.transaction():
            store.cache_event(live, signature, summary, record, conflicts)
        text = json.dumps(record)
    return _with_live_fields(store, text, live, event_id)


def _with_live_fields(store: Store, text: str, live: int, asked: int) -> str:
    """What may change without the members changing, added outside the cached text."""
    extra: dict[str, Any] = {"storyline_id": store.storyline_of(live)}
    if live != asked:
        extra["merged_from"] = asked
    return text[:-1] + ", " + json.dumps(extra)[1:]


def event_summaries(store: Store) -> list[dict[str, Any]]:
    """Every live event's summary (``Event.as_dict()`` plus ``conflicts`` when known), newest
    first. Summaries are computed once per change of an event's members and kept in the store."""
    signatures = {e: versioned(sig) for e, sig in store.event_signatures().items()}
    cached = store.cached_events(list(signatures))
    stale = [e for e, sig in signatures.items() if e not in cached or cached[e].signature != sig]
    summaries = {e: dict(c.summary, conflicts=c.conflicts) for e, c in cached.items()}
    if stale:
        from storylens.events import build_events

        fresh = build_events(store, stale)
        with store.transaction():
            for event in fresh:
                data = event.as_dict()
                store.cache_event(event.id, signatures[event.id], data)
                summaries[event.id] = dict(data, conflicts=None)
    stories = store.storyline_ids()  # storylines change without members changing
    out = []
    for event_id in signatures:
        if event_id in summaries:
            summary = summaries[event_id]
            summary["storyline_id"] = stories.get(event_id)
            out.append(summary)
    out.sort(key=lambda e: (e["end"] or "", e["id"]), reverse=True)
    return out


def warm(store: Store, event_ids: Iterable[int]) -> int:
    """Compute and cache the records of ``event_ids`` that are live and not cached yet;
    returns how many were computed."""
    done = 0
    for live in sorted({e for x in event_ids if (e := store.resolve_event(x)) is not None}):
        if cached_event_record_json(store, live) is None and event_record_json(store, live):
            done += 1
    return done
