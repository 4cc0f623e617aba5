"""``storylens serve`` (the REST API and web UI) and ``storylens watch`` (poll feeds)."""

from __future__ import annotations

import re
from typing import Annotated

import typer
from rich.markup import escape

from storylens.cli.common import console, err_console, state


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)
    app.command("watch")(watch_cmd)


def serve_cmd(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, help="Server processes (one per core serves most).")
    ] = 1,
) -> None:
    """Serve the REST API (/api, OpenAPI at /docs) and the web UI (/) over the store."""
    import os

    import uvicorn

    from storylens.web import create_app

    st = state(ctx)
    app = create_app(st.db, st.config)
    console.print(f"storylens on http://{host}:{port}/  (API docs: http://{host}:{port}/docs)")
    if app.state.storylens.token is None:
        console.print("POST /api/ingest is off: set STORYLENS_API_TOKEN (or serve.api_token)")
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="info")
        return
    # each worker process builds its own app from the environment
    if st.db is not None:
        os.environ["STORYLENS_DB"] = str(st.db.resolve())
    if st.config_path is not None:
        os.environ["STORYLENS_CONFIG"] = str(st.config_path.resolve())
    uvicorn.run(
        "storylens.web.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
    )


_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hr|d)?\s*$", re.IGNORECASE)
_SECONDS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """ "10m" -> 600.0; "30s", "1h", "2d"; a bare number is seconds."""
    m = _DURATION.match(text)
    if m is None:
        raise typer.BadParameter(f"{text!r} is no duration: write 30s, 10m, 1h or 1d")
    seconds = float(m.group(1)) * _SECONDS[(m.group(2) or "s").lower()]
    if seconds < 1:
        raise typer.BadParameter("poll at most once a second")
    return seconds


def watch_cmd(
    ctx: typer.Context,
    targets: Annotated[list[str], typer.Argument(help="RSS/Atom feeds or pages to poll.")],
    every: Annotated[str, typer.Option(help="How often to poll: 30s, 10m, 1h.")] = "10m",
    rounds: Annotated[
        int | None, typer.Option(help="Stop after this many polls (default: until Ctrl-C).")
    ] = None,
) -> None:
    """Poll feeds, ingest new items and update events; a failing feed is retried with backoff
    while the others go on. Ctrl-C stops cleanly: every write is a transaction."""
    from storylens.updates import PollResult, RefreshReport, Watcher

    seconds = parse_duration(every)
    st = state(ctx)
    store = st.store(create=True)

    def on_poll(result: PollResult) -> None:
        target = escape(result.target)
        if result.error is not None:
            err_console.print(
                f"[yellow]{target}[/yellow]: {escape(result.error)}; retrying in "
                f"{result.retry_in:.0f} s",
                highlight=False,
            )
        elif result.report is not None:
            r = result.report
            console.print(
                f"{target}: {r.added} new, {r.duplicates} seen, {r.revisions} revised, "
                f"{len(r.rejected)} rejected",
                highlight=False,
            )

    def on_refresh(report: RefreshReport) -> None:
        console.print(
            f"enriched {report.enriched}, placed {report.assigned} "
            f"({report.new_events} new events); {report.events} events; "
            f"{report.warmed} compared ahead"
        )

    watcher = Watcher(store, targets, seconds, st.config, on_poll=on_poll, on_refresh=on_refresh)
    console.print(f"watching {len(targets)} target(s) every {every}; Ctrl-C to stop")
    try:
        watcher.run(rounds=rounds)
    except KeyboardInterrupt:
        console.print("stopped; nothing half-written")
    finally:
        store.close()
