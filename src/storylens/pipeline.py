"""Ingest runs: read targets, resolve duplicates and revisions, write batches transactionally.

Each article is resolved against the store in this order:

1. same URL, or same id: identical content is a duplicate; changed content a new revision;
2. same content hash under another URL: a duplicate, recorded as a sighting of the copy;
3. otherwise a new article, linked into a syndication group when MinHash LSH finds it is a
   near-duplicate of stored ones (band keys are kept in the store: memory stays flat).

Rejects are recorded as they occur; articles are written ``batch_size`` at a time, each batch
in one transaction, so a crash leaves no half-written article and a re-run is idempotent.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from storylens.config import Config
from storylens.dedup import MinHasher, NearDuplicateFinder, Signature, lsh_params
from storylens.ingest import ReadContext, expand_targets, is_url
from storylens.ingest.fetch import Fetcher
from storylens.model import Article, IngestReport, Reject
from storylens.store.base import Store
from storylens.stream import TargetDone, read_events

log = logging.getLogger(__name__)

ProgressCallback = Callable[[str], None]


@dataclass
class _Tally:
    added: int = 0
    duplicates: int = 0
    revisions: int = 0
    rejected: list[Reject] = field(default_factory=list)


class Ingester:
    """Writes articles into a store, resolving duplicates, revisions and near-duplicates."""

    def __init__(self, store: Store, config: Config, hasher: MinHasher | None = None) -> None:
        self.store = store
        self.config = config
        self.finder = NearDuplicateFinder(config.dedup, store, hasher)
        self._check_index()

    def _check_index(self) -> None:
        """Rebuild the stored LSH bands when the settings they were made with have changed."""
        params = json.dumps(lsh_params(self.config.dedup), sort_keys=True)
        stamped = self.store.get_meta("lsh_params")
        if stamped == params:
            return
        if stamped is not None:
            log.warning("near-duplicate settings changed: re-indexing stored articles")
        with self.store.transaction():
            self.store.clear_bands()
            for stored in self.store.articles():
                self.finder.add(stored.article.id, self.finder.signature(stored.article.text))
            self.store.set_meta("lsh_params", params)

    def write_batch(self, items: list[tuple[Article, Signature]], tally: _Tally) -> None:
        """Write ``items`` in one transaction; on a failure, one by one, rejecting the bad."""
        try:
            with self.store.transaction():
                outcomes = [self._write_one(a, sig) for a, sig in items]
        except Exception:
            if len(items) == 1:
                raise
            log.warning("batch write failed; retrying article by article", exc_info=True)
            for article, sig in items:
                try:
                    self.write_batch([(article, sig)], tally)
                except Exception as exc:
                    reject = Reject(article.source, f"could not be stored: {exc}")
                    self.store.record_reject(reject)
                    tally.rejected.append(reject)
            return
        for outcome in outcomes:
            setattr(tally, outcome, getattr(tally, outcome) + 1)

    def _write_one(self, article: Article, sig: Signature) -> str:
        existing = (self.store.by_url(article.url) if article.url else None) or self.store.get(
            article.id
        )
        if existing is not None:
            if existing.article.content_hash == article.content_hash:
                return "duplicates"
            old = self.finder.signature(existing.article.text)
            self.finder.remove(existing.article.id, old)
            self.store.revise(existing.article.id, article)
            self._link(existing.article.id, sig)
            return "revisions"
        same = self.store.by_hash(article.content_hash)
        if same is not None:
            self.store.add_sighting(same.article.id, article)
            return "duplicates"
        self.store.insert(article)
        self._link(article.id, sig)
        return "added"

    def _text_of(self, article_id: str) -> str | None:
        stored = self.store.get(article_id)
        return stored.article.text if stored else None

    def _link(self, article_id: str, sig: Signature) -> None:
        matches = self.finder.matches(sig, self._text_of, exclude=article_id)
        self.finder.add(article_id, sig)
        if matches:
            self.store.link_duplicates(article_id, [m for m, _score in matches])


def _resolved(target: str) -> str:
    if is_url(target):
        return target
    try:
        return str(Path(target).resolve())
    except (OSError, ValueError):  # not a path this system can name: its read says why
        return target


def _own_files(store: Store) -> set[str]:
    """The store's database file and SQLite's files beside it: a directory being ingested may
    hold them, and they are not news."""
    path = getattr(store, "path", None)
    if not isinstance(path, str) or path == ":memory:":
        return set()
    base = str(Path(path).resolve())
    return {base, *(base + suffix for suffix in ("-wal", "-shm", "-journal"))}


def ingest(
    targets: Iterable[str],
    store: Store,
    config: Config | None = None,
    *,
    fetcher: Fetcher | None = None,
    outlet: str | None = None,
    on_target_done: ProgressCallback | None = None,
    reader_process: bool | None = None,
) -> IngestReport:
    """Ingest files, directories and URLs into ``store``.

    Args:
        targets: paths (directories are read recursively) and http(s) URLs.
        store: where articles go.
        config: limits and dedup settings; defaults when ``None``.
        fetcher: fetches URLs and feed items' linked pages; ``None`` reads offline.
        outlet: outlet name to give every article of this run (overrides the URL's domain).
        on_target_done: called with each target's name when it has been read.
        reader_process: read in a child process while this one writes (default: the
            config's ``reader_process``, on when the machine has two or more cores).

    Returns:
        What was added, found duplicate, revised and rejected.

    Example:
        >>> from storylens.store import SQLiteStore
        >>> report = ingest(["no/such/file.txt"], SQLiteStore(":memory:"))
        >>> report.rejected[0].reason
        'no such file or directory'
    """
    config = config or Config()
    start = time.perf_counter()
    own = _own_files(store)
    targets = [t for t in expand_targets(targets) if _resolved(t) not in own]
    run_id = store.start_run(targets)
    hasher = MinHasher(config.dedup)
    ingester = Ingester(store, config, hasher)
    ctx = ReadContext(config=config, fetcher=fetcher, outlet=outlet)
    if reader_process is None:
        reader_process = config.reader_process and (os.cpu_count() or 1) > 1
    tally = _Tally()
    batch: list[tuple[Article, Signature]] = []
    for event in read_events(targets, ctx, child=reader_process):
        if isinstance(event, TargetDone):
            if on_target_done is not None:
                on_target_done(event.target)
            continue
        result = event.result
        if isinstance(result, Reject):
            store.record_reject(result)
            tally.rejected.append(result)
            continue
        # Signatures are made here, not in the reader process: reading is the slower side
        # (measured: the reader used twice the CPU of the writer with signatures in it).
        batch.append((result, hasher.signature(result.text)))
        if len(batch) >= config.batch_size:
            ingester.write_batch(batch, tally)
            batch = []
    if batch:
        ingester.write_batch(batch, tally)
    report = IngestReport(
        added=tally.added,
        duplicates=tally.duplicates,
        revisions=tally.revisions,
        rejected=tuple(tally.rejected),
        seconds=time.perf_counter() - start,
    )
    store.finish_run(run_id, report)
    return report
