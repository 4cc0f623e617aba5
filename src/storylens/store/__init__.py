"""Stores: the :class:`Store` protocol and its SQLite implementation."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from storylens.errors import StoreError
from storylens.store.base import DuplicateGroup, RejectRecord, Store
from storylens.store.sqlite import SQLiteStore

__all__ = [
    "DuplicateGroup",
    "RejectRecord",
    "SQLiteStore",
    "Store",
    "default_db_path",
    "open_store",
]


def default_db_path() -> Path:
    """``$STORYLENS_DB``, else ``storylens.db`` in the user data directory."""
    env = os.environ.get("STORYLENS_DB")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir("storylens", appauthor=False)) / "storylens.db"


def open_store(path: Path | str | None = None, *, create: bool = True) -> Store:
    """Open (migrating as needed) the store at ``path`` or the default place; create it only
    if ``create``: a command that only reads, given a mistyped path, says so instead of
    showing an empty store."""
    where = Path(path) if path is not None else default_db_path()
    if not create and str(where) != ":memory:" and not where.exists():
        raise StoreError(
            f"no store at {where}: `storylens ingest FILES` creates one; or choose another "
            "with --db or STORYLENS_DB"
        )
    return SQLiteStore(where)
