"""Keeping the store current: ``refresh`` runs the stages after ingest (enrich, embed, cluster)
on whatever is new; :class:`Watcher` polls feeds and URLs, ingests what is new and refreshes.

A failing target is logged and retried later with exponential backoff (the others go on);
every write is a transaction, so stopping at any moment (Ctrl-C) leaves nothing half-written.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field

from storylens.config import Config
from storylens.ingest.fetch import Fetcher, HttpxFetcher
from storylens.model import IngestReport
from storylens.pipeline import ingest
from storylens.store.base import Store

log = logging.getLogger(__name__)

MAX_BACKOFF = 6 * 3600.0  # seconds: a failing feed is still tried four times a day


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


@dataclass(frozen=True, slots=True)
class RefreshReport:
    enriched: int
    enrich_failed: int
    assigned: int
    new_events: int
    events: int
    warmed: int = 0  # event records computed ahead of their first reader

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def refresh(store: Store, *, warm: bool = False) -> RefreshReport:
    """Enrich, embed and cluster what is new in ``store`` (nothing, if nothing is). With
    ``warm``, also compare the events that changed and keep their records, so that the first
    reader of a large event does not wait for its comparison (a long-running ``watch`` or
    ``serve`` does this; a one-off command need not)."""
    from storylens.enrich import Enricher
    from storylens.events import Clusterer, featurize
    from storylens.records import warm as warm_records

    enricher = Enricher(store)
    report = enricher.run()
    featurize(store)
    clusterer = Clusterer(store)
    placed = clusterer.run()
    warmed = warm_records(store, clusterer.touched) if warm else 0
    return RefreshReport(
        report.enriched,
        len(report.failed),
        placed.assigned,
        placed.new_events,
        placed.events,
        warmed,
    )


@dataclass
class _Target:
    name: str
    due: float = 0.0
    failures: int = 0


@dataclass
class PollResult:
    """One poll of one target."""

    target: str
    report: IngestReport | None = None
    error: str | None = None
    retry_in: float = 0.0


@dataclass
class Watcher:
    """Polls ``targets`` every ``every`` seconds; see the module doc."""

    store: Store
    targets: Sequence[str]
    every: float
    config: Config = field(default_factory=Config)
    fetcher: Fetcher | None = None
    on_poll: Callable[[PollResult], None] | None = None
    on_refresh: Callable[[RefreshReport], None] | None = None
    clock: Callable[[], float] = time.monotonic
    _state: list[_Target] = field(init=False)

    def __post_init__(self) -> None:
        self._state = [_Target(t) for t in dict.fromkeys(self.targets)]
        if self.fetcher is None:
            self.fetcher = HttpxFetcher(self.config.fetch, self.config.max_document_bytes)

    def poll(self) -> list[PollResult]:
        """Poll every target that is due; refresh the store if anything was added."""
        now = self.clock()
        results = []
        added = 0
        for target in self._state:
            if target.due > now:
                continue
            result = self._poll_one(target, now)
            results.append(result)
            if result.report is not None:
                added += result.report.added + result.report.revisions
            if self.on_poll is not None:
                self.on_poll(result)
        if added:
            report = refresh(self.store, warm=True)
            if self.on_refresh is not None:
                self.on_refresh(report)
        return results

    def _poll_one(self, target: _Target, now: float) -> PollResult:
        try:
            report = ingest(
                [target.name], self.store, self.config, fetcher=self.fetcher, reader_process=False
            )
        except Exception as exc:  # one target's failure must not stop the others
            log.warning("polling %s failed", target.name, exc_info=True)
            return self._failed(target, now, f"{type(exc).__name__}: {exc}")
        whole = [r for r in report.rejected if r.source == target.name]
        if whole:  # the feed itself could not be read (the items' rejects are not failures)
            return self._failed(target, now, whole[0].reason, report)
        target.failures = 0
        target.due = now + self.every
        return PollResult(target.name, report, None, self.every)

    def _failed(
        self, target: _Target, now: float, reason: str, report: IngestReport | None = None
    ) -> PollResult:
        target.failures += 1
        wait = min(self.every * 2 ** (target.failures - 1), MAX_BACKOFF)
        if target.failures == 1:
            wait = min(self.every, 60.0)  # a first failure is retried soon
        target.due = now + wait
        return PollResult(target.name, report, reason, wait)

    def next_due(self) -> float:
        return min(t.due for t in self._state) if self._state else self.clock()

    def run(self, rounds: int | None = None, sleep: Callable[[float], None] | None = None) -> None:
        """Poll until interrupted (or ``rounds`` polls); sleeps between polls."""
        sleep = sleep or _sleep
        done = 0
        while rounds is None or done < rounds:
            self.poll()
            done += 1
            if rounds is not None and done >= rounds:
                break
            sleep(max(0.0, self.next_due() - self.clock()))
