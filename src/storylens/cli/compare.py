"""``storylens brief``, ``storylens report``, ``storylens timeline`` and ``storylens export``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markdown import Markdown
from rich.markup import escape

from storylens.cli.common import console, err_console, print_json, state

FormatOpt = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        help="md (default; rendered on a terminal), html or json (JSON Lines for several).",
    ),
]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
]


def register(app: typer.Typer) -> None:
    app.command("brief")(brief_cmd)
    app.command("report")(report_cmd)
    app.command("timeline")(timeline_cmd)
    app.command("export")(export_cmd)


def _check_format(fmt: str) -> None:
    from storylens.compare.render import FORMATS

    if fmt not in FORMATS:
        err_console.print(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
        raise typer.Exit(2)


def _emit(text: str, fmt: str, output: Path | None) -> None:
    if output is not None:
        output.write_text(text, encoding="utf-8")
        err_console.print(f"wrote {escape(str(output))}")
    elif fmt == "md" and console.is_terminal:
        console.print(Markdown(text))
    else:
        sys.stdout.write(text)


def brief_cmd(
    ctx: typer.Context,
    event_id: Annotated[
        int | None, typer.Argument(help="Event id (see `storylens events`); all events if none.")
    ] = None,
    fmt: FormatOpt = "md",
    output: OutputOpt = None,
) -> None:
    """An event's brief: summary, agreements, what only one source says, where sources differ,
    every line cited to its source sentences."""
    from storylens.compare.brief import briefs
    from storylens.compare.render import render_brief, report_html, to_json

    _check_format(fmt)
    store = state(ctx).store()
    try:
        if event_id is not None:
            live = store.resolve_event(event_id)
            if live is None:
                err_console.print(f"no event {event_id}: `storylens events` lists them")
                raise typer.Exit(1)
            found = briefs(store, [live])
        else:
            found = briefs(store)
    finally:
        store.close()
    if not found:
        err_console.print("no events yet: run `storylens cluster` first")
        raise typer.Exit(1)
    if fmt == "html" and len(found) > 1:
        _emit(report_html(found), fmt, output)
    elif fmt == "json" and len(found) > 1:  # JSON Lines: one brief per line
        _emit("".join(to_json(b, indent=None) for b in found), fmt, output)
    else:
        _emit("\n".join(render_brief(b, fmt) for b in found), fmt, output)


def report_cmd(
    ctx: typer.Context,
    output: Annotated[Path, typer.Argument(help="The HTML file to write.")],
) -> None:
    """One self-contained HTML page with the brief of every event."""
    from storylens.compare.brief import briefs
    from storylens.compare.render import report_html

    store = state(ctx).store()
    try:
        found = briefs(store)
    finally:
        store.close()
    output.write_text(report_html(found), encoding="utf-8")
    conflicts = sum(len(b.differ) for b in found)
    err_console.print(f"wrote {escape(str(output))}: {len(found)} events, {conflicts} conflicts")


def timeline_cmd(
    ctx: typer.Context,
    storyline_id: Annotated[int, typer.Argument(help="Storyline id (see `storylens storylines`).")],
    fmt: FormatOpt = "md",
    output: OutputOpt = None,
) -> None:
    """A storyline's events in time order, one cited line each."""
    from storylens.compare.brief import timeline
    from storylens.compare.render import render_timeline

    _check_format(fmt)
    store = state(ctx).store()
    try:
        tl = timeline(store, storyline_id)
    finally:
        store.close()
    if tl is None:
        err_console.print(f"no storyline {storyline_id}: `storylens storylines` lists them")
        raise typer.Exit(1)
    _emit(render_timeline(tl, fmt), fmt, output)


def export_cmd(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl (the only format).")] = "jsonl",
    output: OutputOpt = None,
) -> None:
    """Everything the store knows, as JSON Lines with offsets: articles with their annotations,
    events with their relations and briefs, storylines."""
    from storylens.export import export_records

    if fmt != "jsonl":
        err_console.print(f"unknown format {fmt!r}: use jsonl")
        raise typer.Exit(2)
    store = state(ctx).store()
    try:
        if output is None:
            for record in export_records(store):
                print_json(record)
        else:
            with output.open("w", encoding="utf-8") as fh:
                n = 0
                for record in export_records(store):
                    import json

                    fh.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
                    n += 1
            err_console.print(f"wrote {n} records to {escape(str(output))}")
    finally:
        store.close()
