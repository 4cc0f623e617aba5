"""``storylens enrich`` and ``storylens entities``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from storylens.cli.common import console, print_json, print_rejects, state, with_progress

if TYPE_CHECKING:
    from storylens.enrich import Enricher, EnrichReport

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (Lines) instead of a table.")]


def register(app: typer.Typer) -> None:
    app.command("enrich")(enrich_cmd)
    app.command("entities")(entities_cmd)


def enrich_cmd(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Annotate the articles that need it: entity mentions tied to store-wide entities."""
    from storylens.enrich import Enricher  # spaCy loads only for the commands that need it

    store = state(ctx).store()
    try:
        report = enrich_with_progress(Enricher(store), as_json)
    finally:
        store.close()
    if as_json:
        print_json(report.as_dict())
        return
    console.print(
        f"enriched [bold]{report.enriched}[/bold] articles, failed "
        f"{len(report.failed)}, in {report.seconds:.1f}s"
    )
    print_rejects("failed", report.failed)


def enrich_with_progress(enricher: Enricher, quiet: bool) -> EnrichReport:
    """Enrich the articles that need it, with a progress bar unless ``quiet``."""
    pending = enricher.pending()
    return with_progress(
        "enrich", len(pending), quiet, lambda tick: enricher.run(pending, on_article=tick)
    )


def entities_cmd(
    ctx: typer.Context,
    as_json: JsonOpt = False,
    label: Annotated[
        str | None, typer.Option(help="Only this label (PERSON, ORG, GPE...).")
    ] = None,
    limit: Annotated[int, typer.Option(help="Rows in the table (JSON lists all).")] = 50,
) -> None:
    """Canonical entities across the store, with their aliases and article counts."""
    store = state(ctx).store()
    try:
        entities = [e for e in store.entities() if label is None or e.label == label.upper()]
    finally:
        store.close()
    if as_json:
        for e in entities:
            print_json(
                {
                    "id": e.id,
                    "name": e.name,
                    "label": e.label,
                    "aliases": list(e.aliases),
                    "articles": e.articles,
                }
            )
        return
    table = Table(title=f"Entities ({len(entities)})")
    for col in ("id", "name", "label", "articles", "aliases"):
        table.add_column(col, justify="right" if col in ("id", "articles") else "left")
    for e in entities[:limit]:
        others = [a for a in e.aliases if a != e.name][:6]
        aliases = escape(", ".join(others))
        table.add_row(str(e.id), escape(e.name), e.label, str(e.articles), aliases)
    console.print(table)
