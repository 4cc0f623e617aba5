"""``storylens cluster``, ``storylens events`` and ``storylens event ID``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from storylens.cli.common import (
    console,
    err_console,
    print_json,
    print_rejects,
    state,
    with_progress,
)
from storylens.model import Event
from storylens.store.base import Store

if TYPE_CHECKING:
    from storylens.enrich import EnrichReport

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (Lines) instead of a table.")]


def register(app: typer.Typer) -> None:
    app.command("cluster")(cluster_cmd)
    app.command("events")(events_cmd)
    app.command("event")(event_cmd)
    app.command("storylines")(storylines_cmd)
    app.command("storyline")(storyline_cmd)


def cluster_cmd(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Group articles into events (articles not yet enriched are enriched first)."""
    from storylens.events import Clusterer, featurize

    store = state(ctx).store()
    try:
        enriched = _enrich_pending(store, as_json)
        pending = store.unfeatured()
        with_progress("embed", len(pending), as_json, lambda tick: featurize(store, tick))
        report = Clusterer(store).run()
    finally:
        store.close()
    if as_json:
        print_json(
            {
                "enriched": enriched.enriched if enriched else 0,
                "enrich_failed": len(enriched.failed) if enriched else 0,
                "assigned": report.assigned,
                "new_events": report.new_events,
                "merged": report.merged,
                "moved": report.moved,
                "split": report.split,
                "events": report.events,
                "storylines": report.storylines,
            }
        )
        return
    if enriched:
        console.print(
            f"enriched [bold]{enriched.enriched}[/bold] articles first, failed "
            f"{len(enriched.failed)}"
        )
        print_rejects("failed", enriched.failed)
    console.print(
        f"placed [bold]{report.assigned}[/bold] articles: {report.new_events} new events, "
        f"{report.moved} placed again, {report.split} split, {report.merged} merged; "
        f"{report.events} events in {report.storylines} storylines"
    )


def _enrich_pending(store: Store, quiet: bool) -> EnrichReport | None:
    """Enrich the articles that need it before they are grouped (None when none do: the
    language model is then not loaded)."""
    from storylens.cli.enrich import enrich_with_progress
    from storylens.enrich import VERSION, Enricher

    if next(iter(store.unenriched(VERSION)), None) is None:
        return None
    return enrich_with_progress(Enricher(store), quiet)


def _events(store: Store) -> list[Event]:
    """Every live event, newest first, from the summaries the store keeps (computed again only
    for events whose members changed: listing a large archive stays fast)."""
    from storylens.records import event_summaries

    return [Event.from_dict(summary) for summary in event_summaries(store)]


def _say_ungrouped(waiting: int) -> None:
    """On stderr: how many articles no event has yet, and how to group them."""
    if waiting:
        noun = "article is" if waiting == 1 else "articles are"
        err_console.print(
            f"{waiting} {noun} in no event yet: run `storylens cluster` to group them."
        )


def events_cmd(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Events, newest first: title, dates, outlets and independent sources."""
    store = state(ctx).store()
    try:
        events = _events(store)
        waiting = store.ungrouped()
    finally:
        store.close()
    if as_json:
        for e in events:
            print_json(e.as_dict())
        _say_ungrouped(waiting)
        return
    table = Table(title=f"Events ({len(events)})")
    for col in ("id", "title", "dates", "reports", "sources", "outlets"):
        table.add_column(col, justify="right" if col in ("id", "reports", "sources") else "left")
    for e in events:
        dates = e.start if e.start == e.end else f"{e.start or '?'} – {e.end or '?'}"
        outlets = ", ".join(e.outlets[:4]) + (" …" if len(e.outlets) > 4 else "")
        table.add_row(
            str(e.id),
            escape(e.title),
            dates or "undated",
            str(len(e.article_ids)),
            str(e.independent_sources),
            escape(outlets),
        )
    console.print(table)
    _say_ungrouped(waiting)


def event_cmd(
    ctx: typer.Context,
    event_id: Annotated[int, typer.Argument(help="Event id (see `storylens events`).")],
    as_json: JsonOpt = False,
) -> None:
    """One event: its summary and its reports (with --json also the relations between their
    statements and the brief)."""
    from storylens.events import build_events
    from storylens.export import event_record

    store = state(ctx).store()
    try:
        live = store.resolve_event(event_id)
        if as_json:
            data = event_record(store, event_id)
            if data is None:
                err_console.print(f"no event {event_id}: `storylens events` lists them")
                raise typer.Exit(1)
            print_json(data)
            return
        events = build_events(store, [live]) if live is not None else []
        if not events:
            err_console.print(f"no event {event_id}: `storylens events` lists them")
            raise typer.Exit(1)
        event = events[0]
        reports = [s for a in event.article_ids if (s := store.get(a)) is not None]
    finally:
        store.close()
    if live != event_id:
        console.print(f"event {event_id} was merged into event {live}")
    console.print(f"[bold]{escape(event.title)}[/bold]  (event {event.id})")
    dates = (
        event.start or "undated"
        if event.start == event.end
        else f"{event.start or 'undated'} – {event.end or 'undated'}"
    )
    console.print(
        f"{dates}; {len(reports)} reports, {event.independent_sources} independent sources"
    )
    if event.key_entities:
        console.print("entities: " + escape(", ".join(event.key_entities)))
    if event.main_place:
        console.print(f"place: {escape(event.main_place)}")
    table = Table()
    for col in ("article", "published", "outlet", "title", "copy of"):
        table.add_column(col)
    for s in reports:
        a = s.article
        cells = (a.id, a.published_iso or "", a.outlet or "", a.title, s.near_duplicate_of or "")
        table.add_row(*(escape(c) for c in cells))
    console.print(table)


def storylines_cmd(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Storylines, newest first: events that continue one another, in time order."""
    from storylens.events import build_storylines

    store = state(ctx).store()
    try:
        stories = build_storylines(store, _events(store))
        waiting = store.ungrouped()
    finally:
        store.close()
    if as_json:
        for story in stories:
            print_json(story.as_dict())
        _say_ungrouped(waiting)
        return
    table = Table(title=f"Storylines ({len(stories)})")
    for col in ("id", "title", "events"):
        table.add_column(col, justify="right" if col == "id" else "left")
    for story in stories:
        lines = [
            f"{e.start or 'undated'}  {escape(e.title)}  (event {e.id}"
            + (f", follows {f})" if (f := story.followed(e.id)) is not None else ")")
            for e in story.events
        ]
        table.add_row(str(story.id), escape(story.title), "\n".join(lines))
    console.print(table)
    _say_ungrouped(waiting)


def storyline_cmd(
    ctx: typer.Context,
    storyline_id: Annotated[int, typer.Argument(help="Storyline id (see `storylens storylines`).")],
    as_json: JsonOpt = False,
) -> None:
    """One storyline: its events in time order."""
    from storylens.events import build_storylines

    store = state(ctx).store()
    try:
        stories = [s for s in build_storylines(store, _events(store)) if s.id == storyline_id]
    finally:
        store.close()
    if not stories:
        err_console.print(f"no storyline {storyline_id}: `storylens storylines` lists them")
        raise typer.Exit(1)
    story = stories[0]
    if as_json:
        print_json(story.as_dict())
        return
    # Story Forest's tree: each event under the earlier one it follows, in time order
    tree = Tree(f"[bold]{escape(story.title)}[/bold]  (storyline {story.id})")
    nodes: dict[int, Tree] = {}
    for e in story.events:
        dates = e.start if e.start == e.end else f"{e.start or '?'} – {e.end or '?'}"
        followed = story.followed(e.id)
        parent = tree if followed is None else nodes.get(followed, tree)
        nodes[e.id] = parent.add(
            f"{dates or 'undated'}  {escape(e.title)}  (event {e.id}, {len(e.article_ids)} reports)"
        )
    console.print(tree)
