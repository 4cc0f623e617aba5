"""The :class:`Store` protocol: everything the library asks of a database.

SQLite (:mod:`storylens.store.sqlite`) is the embedded default; a PostgreSQL store can follow
by implementing the same methods. Every write happens inside :meth:`Store.transaction`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from storylens.model import Article, IngestReport, Reject, StoredArticle


@dataclass(frozen=True, slots=True)
class RejectRecord:
    source: str
    reason: str
    count: int
    first_seen: str
    last_seen: str


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """A syndication group: an original and the copies of it."""

    original: str
    members: tuple[str, ...]  # in ingest order, the original included


class Store(Protocol):
    def transaction(self) -> AbstractContextManager[None]:
        """All writes inside commit together or not at all."""
        ...

    def close(self) -> None: ...

    # -- reading articles
    def get(self, article_id: str) -> StoredArticle | None: ...
    def by_url(self, url: str) -> StoredArticle | None: ...
    def by_hash(self, content_hash: str) -> StoredArticle | None: ...
    def articles(self) -> Iterator[StoredArticle]:
        """All articles, in ingest order."""
        ...

    def revisions(self, article_id: str) -> list[Article]: ...

    def duplicate_groups(self) -> list[DuplicateGroup]: ...

    # -- writing articles
    def insert(self, article: Article) -> StoredArticle: ...
    def revise(self, article_id: str, article: Article) -> StoredArticle: ...
    def add_sighting(self, article_id: str, copy: Article) -> None:
        """Record that an exact copy of ``article_id`` was seen at another URL or source."""
        ...

    def link_duplicates(self, article_id: str, others: Iterable[str]) -> None:
        """Put ``article_id`` in one syndication group with ``others`` and re-elect its original."""
        ...

    # -- near-duplicate index (see storylens.dedup.BandIndex) and settings it depends on
    def band_candidates(self, keys: Sequence[int]) -> set[str]: ...
    def add_bands(self, article_id: str, keys: Sequence[int]) -> None: ...
    def remove_bands(self, article_id: str, keys: Sequence[int]) -> None: ...
    def clear_bands(self) -> None: ...
    def get_meta(self, key: str) -> str | None: ...
    def set_meta(self, key: str, value: str) -> None: ...

    # -- runs and rejects
    def start_run(self, targets: list[str]) -> int: ...
    def finish_run(self, run_id: int, report: IngestReport) -> None: ...
    def record_reject(self, reject: Reject) -> None: ...
    def rejects(self) -> list[RejectRecord]: ...
    def stats(self) -> dict[str, object]: ...
