"""The storylens exception tree.

    StorylensError
    ├── InputError              an input cannot become an article (the batch records it, goes on)
    │   ├── UnreadableInput     bytes that no reader understands, or that are broken
    │   ├── EmptyInput          nothing left after extraction
    │   ├── InputTooLarge       over the configured size cap
    │   └── FetchError          a URL could not be fetched (timeout, status, size, scheme)
    ├── StoreError              the database cannot be opened or migrated
    └── ConfigError             a config file or option is invalid

Every message names the input and says what to do where the user can fix it.
"""

from __future__ import annotations


class StorylensError(Exception):
    """Base of every error storylens raises on purpose."""


class InputError(StorylensError):
    """An input (file, URL, record, feed item) that cannot become an article."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UnreadableInput(InputError):
    """The bytes are not in any format storylens reads, or are broken."""


class EmptyInput(InputError):
    """The input holds no article text."""


class InputTooLarge(InputError):
    """The input is over the size cap (``max_input_bytes`` in the config)."""


class FetchError(InputError):
    """A URL could not be fetched."""


class StoreError(StorylensError):
    """The store cannot be opened, migrated or written."""


class ConfigError(StorylensError):
    """Invalid configuration."""
