"""The ``storylens`` command: a thin shell over the library.

Exit status: 0 when a command completed, 1 when an ingest run rejected every input (or a thing
asked for does not exist), 2 for usage errors (bad options, unreadable config or database).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from storylens.cli import articles as articles_cmds
from storylens.cli import compare as compare_cmds
from storylens.cli import enrich as enrich_cmds
from storylens.cli import evals as eval_cmds
from storylens.cli import events as events_cmds
from storylens.cli import ingest as ingest_cmds
from storylens.cli import serve as serve_cmds
from storylens.cli.common import State, err_console
from storylens.config import load_config
from storylens.errors import StorylensError

app = typer.Typer(
    name="storylens",
    help="Read many news reports; get the events behind them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _global(
    ctx: typer.Context,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            help="Database file (default: "
            "$STORYLENS_DB, else storylens.db in the user data directory).",
        ),
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="TOML config file (default: $STORYLENS_CONFIG).")
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log details.")] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not verbose:  # its "discarding data" for an empty page is the reject the user sees
        logging.getLogger("trafilatura").setLevel(logging.ERROR)
    cfg = load_config(config)
    ctx.obj = State(config=cfg, db=db or cfg.db, config_path=config)


ingest_cmds.register(app)
articles_cmds.register(app)
enrich_cmds.register(app)
events_cmds.register(app)
compare_cmds.register(app)
serve_cmds.register(app)
app.add_typer(eval_cmds.app, name="eval")


def main() -> None:
    try:
        app()
    except StorylensError as exc:  # config, database: something the user can fix
        err_console.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        sys.exit(2)
