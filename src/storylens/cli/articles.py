"""Reading the store: ``articles``, ``article``, ``duplicates``, ``rejects``, ``stats``."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from storylens.annotations import claim_about, claim_value, cut, entity_rows
from storylens.cli.common import console, err_console, print_json, state
from storylens.export import article_record

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (Lines) instead of a table.")]


def register(app: typer.Typer) -> None:
    app.command("articles")(articles_cmd)
    app.command("article")(article_cmd)
    app.command("duplicates")(duplicates_cmd)
    app.command("rejects")(rejects_cmd)
    app.command("stats")(stats_cmd)


def articles_cmd(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """List stored articles in ingest order."""
    store = state(ctx).store()
    try:
        if as_json:
            for stored in store.articles():
                print_json(stored.summary())
            return
        table = Table(title="Articles", show_lines=False)
        title_width = max(24, console.width - 96)
        for col in ("id", "outlet", "published", "title", "chars", "copy of"):
            table.add_column(col, justify="right" if col == "chars" else "left")
        for stored in store.articles():
            row = stored.summary()
            table.add_row(
                *(
                    escape(cell)
                    for cell in (
                        _cut(row["id"], 22),
                        _cut(row["outlet"] or "-", 20),
                        (row["published"] or "-")[:10],
                        _cut(row["title"] or "-", title_width),
                        str(row["chars"]),
                        _cut(row["near_duplicate_of"] or "", 22),
                    )
                )
            )
        console.print(table)
    finally:
        store.close()


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def article_cmd(
    ctx: typer.Context,
    article_id: Annotated[str, typer.Argument(metavar="ID")],
    as_json: JsonOpt = False,
    annotations: Annotated[
        bool,
        typer.Option(
            "--annotations", "-a", help="Also what enrichment read: entities, quotes, claims."
        ),
    ] = False,
) -> None:
    """Show one article with its text (--json: with paragraphs and every annotation)."""
    store = state(ctx).store()
    try:
        stored = store.get(article_id)
        if stored is None:
            err_console.print(
                f"no article with id {escape(repr(article_id))}; `storylens articles` lists them"
            )
            raise typer.Exit(1)
        data = article_record(store, stored)
    finally:
        store.close()
    if as_json:
        print_json(data)
        return
    console.print(f"[bold]{escape(data['title'] or '(no title)')}[/bold]")
    for key in (
        "id",
        "outlet",
        "url",
        "published",
        "language",
        "source",
        "revision",
        "near_duplicate_of",
    ):
        if data[key] is not None:
            console.print(f"[dim]{key}:[/dim] {escape(str(data[key]))}", highlight=False)
    console.print()
    console.print(data["text"], markup=False, highlight=False)
    if annotations:
        _print_annotations(data)


def _print_annotations(data: dict[str, Any]) -> None:
    """An article's entities, quotes and claims as tables (offsets are in ``--json``)."""
    entities = Table(title="Entities", title_justify="left")
    for column in ("name", "label", "mentions", "also written"):
        entities.add_column(column, justify="right" if column == "mentions" else "left")
    for row in entity_rows(data["entities"]):
        entities.add_row(
            escape(row["name"]), row["label"], str(row["mentions"]), escape(", ".join(row["forms"]))
        )
    quotes = Table(title="Quotes", title_justify="left")
    for column in ("speaker", "cue", "words"):
        quotes.add_column(column)
    for q in data["quotes"]:
        who = q["speaker"] or (q["source"]["text"] if q["source"] else "(no speaker found)")
        quotes.add_row(escape(who), escape(q["cue"]["text"]), escape(q["content"]["text"]))
    claims = Table(title="Claims", title_justify="left")
    claims.add_column("kind", no_wrap=True)
    for column in ("as written", "value", "about", "said by"):
        claims.add_column(column)
    for c in data["claims"]:
        claims.add_row(
            c["kind"],
            escape(cut(c["span"]["text"], 60)),
            escape(cut(claim_value(c), 40)),
            escape(claim_about(c, 60)),
            escape(c["source"] or ""),
        )
    for table in (entities, quotes, claims):
        console.print()
        console.print(table if table.row_count else f"[dim]{table.title}: none[/dim]")


def duplicates_cmd(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """List syndication groups: each original with its near-duplicate copies."""
    store = state(ctx).store()
    try:
        groups = store.duplicate_groups()
        outlets = {s.article.id: s.article.outlet for s in store.articles()}
    finally:
        store.close()
    if as_json:
        for g in groups:
            print_json({"original": g.original, "members": list(g.members)})
        return
    if not groups:
        console.print("no near-duplicate groups")
        return
    table = Table(title="Syndication groups (wire copies and near-duplicates)")
    table.add_column("original")
    table.add_column("copies")
    for g in groups:
        copies = [escape(f"{m} ({outlets.get(m) or '-'})") for m in g.members if m != g.original]
        table.add_row(escape(f"{g.original} ({outlets.get(g.original) or '-'})"), "\n".join(copies))
    console.print(table)


def rejects_cmd(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """List inputs that could not be read, and why."""
    store = state(ctx).store()
    try:
        rejects = store.rejects()
    finally:
        store.close()
    if as_json:
        for r in rejects:
            print_json(
                {
                    "source": r.source,
                    "reason": r.reason,
                    "count": r.count,
                    "first_seen": r.first_seen,
                    "last_seen": r.last_seen,
                }
            )
        return
    if not rejects:
        console.print("no rejected inputs")
        return
    table = Table(title="Rejected inputs")
    for col in ("source", "reason", "times", "last seen"):
        table.add_column(col, overflow="fold")
    for r in rejects:
        table.add_row(escape(r.source), escape(r.reason), str(r.count), r.last_seen)
    console.print(table)


def stats_cmd(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Counts of what the store holds."""
    store = state(ctx).store()
    try:
        stats = store.stats()
    finally:
        store.close()
    if as_json:
        print_json(stats)
        return
    table = Table(title="Store", show_header=False)
    for key, value in stats.items():
        table.add_row(key, str(value))
    console.print(table)
