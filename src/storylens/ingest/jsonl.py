"""JSON Lines, a JSON array of records, or one JSON object (``{"articles": [...]}`` or a record).

Record fields: ``id``, ``url``, ``outlet``, ``date``, ``title``, ``text`` (aliases below); every
other field is kept as metadata. JSON Lines are streamed: memory stays flat in the file's size.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import IO, Any, TypeGuard

from storylens.errors import InputTooLarge, UnreadableInput
from storylens.ingest.base import ReadContext, Result, finish
from storylens.ingest.build import RawArticle
from storylens.ingest.dates import parse_date
from storylens.ingest.encoding import decode_bytes
from storylens.ingest.html import fragment_to_text
from storylens.model import Reject

_ALIASES = {
    "id": ("id", "article_id", "guid"),
    "url": ("url", "link", "canonical_url"),
    "outlet": ("outlet", "source_name", "site_name", "publisher"),
    "date": ("date", "published", "published_at", "pubdate", "datetime", "timestamp"),
    "title": ("title", "headline"),
    "text": ("text", "body", "content", "maintext"),
    "language": ("language", "lang"),
}
_KNOWN = {name for names in _ALIASES.values() for name in names}


def read_json_stream(stream: IO[bytes], source: str, ctx: ReadContext) -> Iterator[Result]:
    """Read JSON Lines line by line, or the file as one JSON value (an array, an object of
    ``{"articles": [...]}``, one record) when it is one: pretty-printed over many lines, or
    minified on the file's only line. A bad line of JSON Lines (an array, a stray value, broken
    JSON), the first one included, is rejected alone: the lines around it are still read."""
    cap = ctx.config.max_document_bytes
    first = stream.readline(cap + 1)
    try:
        value = parse_json(decode_bytes(first, source))
    except (json.JSONDecodeError, UnreadableInput):
        yield from _multiline(first + stream.read(cap + 1), stream, source, ctx)
        return
    lineno, line = 2, stream.readline(cap + 1)
    while line and not line.strip():  # blank lines: is anything more in the file?
        lineno, line = lineno + 1, stream.readline(cap + 1)
    if not line and (isinstance(value, list) or _is_collection(value)):
        yield from _records(value, source, ctx)
        return
    yield _line_result(first, f"{source}:1", ctx)
    if line:
        yield from _lines(line, stream, source, ctx, lineno)


def _multiline(data: bytes, stream: IO[bytes], source: str, ctx: ReadContext) -> Iterator[Result]:
    """The file's first line is no JSON value: a value written over many lines, or JSON Lines
    whose first line is broken (then at least one line is a JSON object of its own)."""
    cap = ctx.config.max_document_bytes
    error: UnreadableInput | None = None
    if len(data) <= cap:
        try:
            value = parse_json(decode_bytes(data, source))
        except json.JSONDecodeError as exc:
            error = UnreadableInput(
                source, f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
            )
        else:
            yield from _records(value, source, ctx)
            return
    if not any(_is_object_line(line) for line in data[:cap].splitlines()):
        if error is not None:
            raise error
        raise InputTooLarge(
            source,
            f"JSON document over the cap of {cap} bytes; write it as JSON Lines (one record a"
            " line) to stream it",
        )
    buffered = io.BytesIO(data)
    line = buffered.readline(cap + 1)
    yield from _lines(line, _Joined(buffered, stream), source, ctx, 1)


class _Joined:
    """Lines of a buffer read ahead, then of the stream it was read from (a line cut by the
    end of the buffer is completed from the stream)."""

    def __init__(self, buffered: io.BytesIO, stream: IO[bytes]) -> None:
        self.buffered, self.stream = buffered, stream

    def readline(self, size: int) -> bytes:
        line = self.buffered.readline(size)
        if line and not line.endswith(b"\n") and len(line) < size:
            line += self.stream.readline(size - len(line))
        return line or self.stream.readline(size)


def _lines(
    line: bytes, stream: IO[bytes] | _Joined, source: str, ctx: ReadContext, lineno: int
) -> Iterator[Result]:
    """``line`` (number ``lineno``) and the stream's further lines, one record each."""
    cap = ctx.config.max_document_bytes
    while line:
        if line.strip():
            yield _line_result(line, f"{source}:{lineno}", ctx)
        lineno += 1
        line = stream.readline(cap + 1)


def _is_object_line(line: bytes) -> bool:
    try:
        return isinstance(parse_json(line), dict)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False


def _is_collection(value: object) -> TypeGuard[dict[str, Any]]:
    """``{"articles": [...]}``."""
    return isinstance(value, dict) and isinstance(value.get("articles"), list)


def _line_result(line: bytes, where: str, ctx: ReadContext) -> Result:
    if len(line) > ctx.config.max_document_bytes:
        return Reject(where, f"record over the cap of {ctx.config.max_document_bytes} bytes")
    try:
        value = parse_json(decode_bytes(line, where))
    except UnreadableInput as exc:
        return Reject(where, exc.reason)
    except json.JSONDecodeError as exc:
        return Reject(where, f"invalid JSON: {exc.msg} at column {exc.colno}")
    return record_result(value, where, ctx)


def _records(value: object, source: str, ctx: ReadContext) -> Iterator[Result]:
    """The records of one JSON value: an array, ``{"articles": [...]}`` or one record."""
    if _is_collection(value):
        value = value["articles"]
    records = value if isinstance(value, list) else [value]
    for i, record in enumerate(records):
        yield record_result(record, f"{source}[{i}]" if isinstance(value, list) else source, ctx)


def parse_json(text: str | bytes) -> Any:
    """``json.loads``, with nesting too deep for the parser (``[[[[...]]]]``) reported as
    invalid JSON rather than as a crash."""
    try:
        return json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply to read", "", 0) from None


def _field(record: dict[str, Any], name: str) -> Any:
    for alias in _ALIASES[name]:
        if record.get(alias) not in (None, ""):
            return record[alias]
    return None


def record_result(record: object, where: str, ctx: ReadContext) -> Result:
    """One JSON record to an article, or a reject naming what is wrong with it."""
    if not isinstance(record, dict):
        return Reject(where, f"a record must be a JSON object, not {type(record).__name__}")
    text = _field(record, "text")
    if not isinstance(text, str) or not text.strip():
        return Reject(where, "record has no text (expected a non-empty string field 'text')")
    given_id = _field(record, "id")
    raw_date = _field(record, "date")
    published = parse_date(raw_date)  # epoch numbers (s or ms?) are not guessed: None
    metadata = {k: v for k, v in record.items() if k not in _KNOWN}
    if raw_date is not None and published is None:
        metadata["unparsed_date"] = raw_date
    title = _field(record, "title")
    return finish(
        RawArticle(
            text=fragment_to_text(text) if text.lstrip().startswith("<") else text,
            title=title if isinstance(title, str) else "",
            url=_str_or_none(_field(record, "url")),
            outlet=_str_or_none(_field(record, "outlet")),
            published=published,
            language=_str_or_none(_field(record, "language")),
            given_id=_str_or_none(given_id) if not isinstance(given_id, int) else str(given_id),
            source=where,
            metadata=metadata,
        ),
        ctx,
    )


def _str_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
