"""Readers: anything news comes in -> :class:`~storylens.model.Article` values.

:func:`read_target` takes a path (file or directory) or a URL and yields, per record, either an
Article or a :class:`~storylens.model.Reject` saying why a record could not be one. It never
raises for bad input: that is what lets a batch go on past a broken file.
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from storylens.errors import InputError, InputTooLarge, UnreadableInput
from storylens.ingest.base import ReadContext, Result
from storylens.ingest.feeds import read_feed
from storylens.ingest.fetch import FakeFetcher, Fetcher, FetchResponse, HttpxFetcher
from storylens.ingest.html import read_html
from storylens.ingest.jsonl import read_json_stream
from storylens.ingest.sniff import HEAD_BYTES, Format, sniff
from storylens.ingest.text import read_text
from storylens.ingest.warc import read_warc
from storylens.model import Reject

__all__ = [
    "FakeFetcher",
    "FetchResponse",
    "Fetcher",
    "Format",
    "HttpxFetcher",
    "ReadContext",
    "Result",
    "expand_targets",
    "is_url",
    "read_bytes",
    "read_target",
    "sniff",
]

log = logging.getLogger(__name__)


def is_url(target: str) -> bool:
    return target.startswith(("http://", "https://"))


def expand_targets(targets: Iterable[str]) -> Iterator[str]:
    """URLs as given; directories walked recursively in name order, hidden entries skipped."""
    for target in targets:
        path = Path(target)
        if is_url(target) or not path.is_dir():
            yield target
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith("."):
                    yield str(Path(root) / name)


def read_target(target: str, ctx: ReadContext) -> Iterator[Result]:
    """Read one file or URL; every failure becomes a :class:`Reject` naming ``target``."""
    try:
        if is_url(target):
            yield from _read_url(target, ctx)
        else:
            yield from _read_file(Path(target), ctx)
    except InputError as exc:
        yield Reject(exc.source, exc.reason)
    except Exception as exc:  # a reader bug must not end the batch: record it and go on
        log.exception("unexpected error reading %s", target)
        yield Reject(target, f"unexpected error ({type(exc).__name__}: {exc}); please report it")


def _read_file(path: Path, ctx: ReadContext) -> Iterator[Result]:
    source = str(path)
    try:
        stream = path.open("rb")
    except FileNotFoundError as exc:
        raise UnreadableInput(source, "no such file or directory") from exc
    except OSError as exc:
        raise UnreadableInput(source, f"cannot open: {exc.strerror}") from exc
    with stream:
        head = stream.read(HEAD_BYTES)
        fmt = sniff(head, path.name)
        stream.seek(0)
        if fmt is Format.WARC:
            yield from read_warc(stream, source, ctx)
        elif fmt is Format.JSON:
            yield from read_json_stream(stream, source, ctx)
        else:
            data = _read_capped(stream, source, ctx.config.max_document_bytes)
            yield from read_bytes(data, source, ctx, fmt=fmt)


def _read_capped(stream: IO[bytes], source: str, cap: int) -> bytes:
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise InputTooLarge(
            source,
            f"file is over the cap of {cap} bytes (max_document_bytes in the config raises it)",
        )
    return data


def read_bytes(
    data: bytes,
    source: str,
    ctx: ReadContext,
    *,
    fmt: Format | None = None,
    url: str | None = None,
    charset: str | None = None,
) -> Iterator[Result]:
    """Read one in-memory document of any format (sniffed when ``fmt`` is not given)."""
    if not data.strip():
        raise UnreadableInput(source, "empty input")
    fmt = fmt or sniff(data[:HEAD_BYTES], source)
    if fmt is Format.HTML:
        yield from read_html(data, source, ctx, url=url, charset=charset)
    elif fmt is Format.FEED:
        yield from read_feed(data, source, ctx)
    elif fmt in (Format.TEXT, Format.DATED_TEXT):
        yield from read_text(data, source, ctx)
    elif fmt in (Format.JSON, Format.WARC):
        reader = read_warc if fmt is Format.WARC else read_json_stream
        yield from reader(io.BytesIO(data), source, ctx)
    else:
        raise UnreadableInput(
            source,
            "not a format storylens reads (binary file?); supported: "
            "text, dated text, HTML, JSON/JSON Lines, RSS/Atom, WARC",
        )


def _read_url(url: str, ctx: ReadContext) -> Iterator[Result]:
    if ctx.fetcher is None:
        raise InputError(url, "fetching is off; cannot read a URL")
    response = ctx.fetcher.fetch(url)
    yield from read_bytes(response.content, url, ctx, url=response.url, charset=response.charset)
