"""What the CLI's command modules share: the global state and the consoles."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from storylens.config import Config
from storylens.model import Reject
from storylens.store import Store, open_store

console = Console()
err_console = Console(stderr=True)


@dataclass
class State:
    config: Config
    db: Path | None = None
    config_path: Path | None = None

    def store(self, *, create: bool = False) -> Store:
        """The store; only the commands that add articles (ingest, watch, serve) create one."""
        return open_store(self.db, create=create)


def state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    assert isinstance(obj, State)
    return obj


def print_json(value: Any) -> None:
    """One JSON document (or line) on stdout, unescaped UTF-8."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, default=str) + "\n")


def print_rejects(verb: str, rejects: Iterable[Reject]) -> None:
    """One line per reject on stderr, verbatim (sources and reasons are not Rich markup)."""
    for reject in rejects:
        err_console.print(f"[yellow]{verb}[/yellow] ", end="")
        err_console.print(f"{reject.source}: {reject.reason}", markup=False, highlight=False)


T = TypeVar("T")


def with_progress(
    label: str, total: int, quiet: bool, work: Callable[[Callable[[str], None] | None], T]
) -> T:
    """Run ``work(on_item)`` with a progress bar on a terminal (none when ``quiet``, when
    stderr is not a terminal or when there is nothing to do)."""
    if quiet or not err_console.is_terminal or not total:
        return work(None)
    with Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    ) as progress:
        task = progress.add_task("", total=total)
        return work(lambda _item: progress.advance(task))
