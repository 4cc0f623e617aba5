"""Stores: the :class:`Store` protocol and its SQLite implementation."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

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


def open_store(path: Path | str | None = None) -> Store:
    """Open (creating and migrating as needed) the store at ``path`` or the default place."""
    return SQLiteStore(path if path is not None else default_db_path())
