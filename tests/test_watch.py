"""``storylens watch``: feeds on 127.0.0.1 that change between polls, one that fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from storylens.cli.serve import parse_duration
from storylens.config import Config
from storylens.ingest.fetch import HttpxFetcher
from storylens.records import cached_event_record_json, warm
from storylens.store.sqlite import SQLiteStore
from storylens.updates import PollResult, Watcher, refresh

from .conftest import Cli, LocalServer

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "storylens" / "samples"

ITEMS = [
    (
        "ferry-1",
        "Ferry crews strike in Brenna",
        "Ferry crews in Brenna walked out on Monday over pay, stranding 4,000 passengers at "
        "the port, the union said. The port authority called the strike unlawful.",
    ),
    (
        "ferry-2",
        "Brenna ferry strike enters second day",
        "The ferry strike in Brenna entered a second day on Tuesday. The union said 300 crew "
        "members had joined the walkout, and the port authority said talks would resume.",
    ),
    (
        "ferry-3",
        "Brenna ferry strike ends with pay deal",
        "Ferry crews in Brenna returned to work on Wednesday after the port authority agreed "
        "to a 4 percent pay rise, ending a three-day strike, the union said.",
    ),
]


def rss(items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(
        f"<item><guid>{guid}</guid><title>{title}</title><link>https://harbour.example/{guid}"
        f"</link><pubDate>Mon, 16 Mar 2026 0{i}:00:00 +0000</pubDate>"
        f"<description>{text}</description></item>"
        for i, (guid, title, text) in enumerate(items)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title>'
        f"<link>https://harbour.example/</link>{entries}</channel></rss>"
    ).encode()


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_watch_polls_changing_feeds_and_backs_off(tmp_path: Path, server: LocalServer) -> None:
    server.routes["/feed.rss"] = (200, "application/rss+xml", rss(ITEMS[:2]))
    store = SQLiteStore(tmp_path / "watch.db")
    clock = FakeClock()
    polls: list[PollResult] = []
    config = Config(fetch={"fetch_linked_pages": False})  # type: ignore[arg-type]
    watcher = Watcher(
        store,
        [server.url("/feed.rss"), server.url("/broken.rss")],
        600.0,
        config,
        fetcher=HttpxFetcher(config.fetch, config.max_document_bytes),
        on_poll=polls.append,
        clock=clock,
    )
    watcher.poll()
    good, bad = polls
    assert good.report is not None and good.report.added == 2 and good.error is None
    assert bad.error is not None and bad.retry_in == 60.0  # a first failure: retried soon
    assert len(store.event_members()) >= 1  # refreshed: enriched and clustered
    # ... and the changed events compared ahead of their first reader
    assert all(cached_event_record_json(store, e) for e in store.event_members())
    server.routes["/feed.rss"] = (200, "application/rss+xml", rss(ITEMS))  # a new item
    polls.clear()
    clock.sleep(60)
    watcher.poll()
    assert [p.target for p in polls] == [server.url("/broken.rss")]  # the good one is not due
    assert polls[0].retry_in == 1200.0  # backing off: 600 s, doubled
    polls.clear()
    clock.sleep(600)
    watcher.poll()
    [again] = polls
    assert again.report is not None and again.report.added == 1 and again.report.duplicates == 2
    assert store.stats()["enriched"] == 3
    store.close()


def test_watch_from_the_cli_stops_cleanly(
    cli: Cli, server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.routes["/feed.rss"] = (200, "application/rss+xml", rss(ITEMS[:1]))
    out = cli("watch", server.url("/feed.rss"), "--every", "30s", "--rounds", "1")
    assert "1 new" in out
    import storylens.updates

    def interrupted(seconds: float) -> None:  # Ctrl-C while waiting for the next poll
        raise KeyboardInterrupt

    monkeypatch.setattr(storylens.updates, "_sleep", interrupted)
    out = cli("watch", server.url("/feed.rss"), "--every", "1m")
    assert "stopped; nothing half-written" in out and "0 new" in out
    assert len(cli.jsonl("articles")) == 1
    cli("watch", server.url("/feed.rss"), "--every", "soon", code=2)


@pytest.mark.parametrize(("text", "seconds"), [("30s", 30), ("10m", 600), ("1h", 3600), ("90", 90)])
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


def test_refresh_warms_records_only_when_asked(tmp_path: Path) -> None:
    from storylens.pipeline import ingest

    store = SQLiteStore(tmp_path / "warm.db")
    ingest([str(SAMPLES)], store, reader_process=False)
    cold = refresh(store)
    assert cold.warmed == 0 and cold.events > 0
    assert not any(cached_event_record_json(store, e) for e in store.event_members())
    # a later refresh with nothing new changes no event: nothing to warm
    assert refresh(store, warm=True).warmed == 0
    # records are computed for the events that change
    assert warm(store, store.event_members()) == cold.events
    assert all(cached_event_record_json(store, e) for e in store.event_members())
    assert warm(store, store.event_members()) == 0  # cached: nothing computed twice
    store.close()
