"""``storylens ingest``."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from storylens.cli.common import console, err_console, print_json, print_rejects, state
from storylens.ingest import HttpxFetcher, expand_targets
from storylens.pipeline import ingest


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cmd)


def ingest_cmd(
    ctx: typer.Context,
    targets: Annotated[list[str], typer.Argument(help="Files, directories or http(s) URLs.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary.")] = False,
    outlet: Annotated[str | None, typer.Option(help="Outlet name for every article read.")] = None,
    offline: Annotated[
        bool,
        typer.Option("--offline", help="Fetch nothing: no URLs, no linked pages of feed items."),
    ] = False,
) -> None:
    """Read articles from anywhere into the store; duplicates are detected, rejects recorded."""
    st = state(ctx)
    store = st.store(create=True)
    fetcher = None if offline else HttpxFetcher(st.config.fetch, st.config.max_document_bytes)
    show_progress = not as_json and err_console.is_terminal
    try:
        if show_progress:
            expanded = list(expand_targets(targets))
            with Progress(
                TextColumn("[bold]ingest"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.description}", markup=False),  # a path, not markup
                console=err_console,
                transient=True,
            ) as progress:
                task = progress.add_task("", total=len(expanded))
                report = ingest(
                    expanded,
                    store,
                    st.config,
                    fetcher=fetcher,
                    outlet=outlet,
                    on_target_done=lambda t: progress.update(task, advance=1, description=t[-50:]),
                )
        else:
            report = ingest(targets, store, st.config, fetcher=fetcher, outlet=outlet)
    finally:
        if fetcher is not None:
            fetcher.close()
        store.close()
    if as_json:
        print_json(report.as_dict())
    else:
        console.print(
            f"added [bold]{report.added}[/bold], duplicates {report.duplicates}, "
            f"revisions {report.revisions}, rejected {len(report.rejected)} "
            f"in {report.seconds:.1f}s"
        )
        print_rejects("rejected", report.rejected)
    stored = report.added + report.duplicates + report.revisions
    if report.rejected and stored == 0:
        raise typer.Exit(1)
