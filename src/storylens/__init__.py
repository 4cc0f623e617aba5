"""storylens: read many news reports, get the events behind them.

The public API::

    from storylens import Config, ingest, open_store
    store = open_store("news.db")
    report = ingest(["feeds/", "https://example.org/story"], store, Config())
"""

from storylens.config import Config, load_config
from storylens.errors import (
    ConfigError,
    EmptyInput,
    FetchError,
    InputError,
    InputTooLarge,
    StoreError,
    StorylensError,
    UnreadableInput,
)
from storylens.model import Article, IngestReport, Reject, Span, StoredArticle, paragraph_spans
from storylens.pipeline import ingest
from storylens.store import SQLiteStore, Store, open_store

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Config",
    "ConfigError",
    "EmptyInput",
    "FetchError",
    "IngestReport",
    "InputError",
    "InputTooLarge",
    "Reject",
    "SQLiteStore",
    "Span",
    "Store",
    "StoreError",
    "StoredArticle",
    "StorylensError",
    "UnreadableInput",
    "__version__",
    "ingest",
    "load_config",
    "open_store",
    "paragraph_spans",
]
