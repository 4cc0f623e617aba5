"""JSON Lines, a JSON array of records, or one JSON object (``{"articles": [...]}`` or a record).

Record fields: ``id``, ``url``, ``outlet``, ``date``, ``title``, ``text`` (aliases below); every
other field is kept as metadata. JSON Lines are streamed: memory stays flat in the file's size.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

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
    """Read JSON Lines line by line; fall back to whole-file JSON when the file is one value."""
    cap = ctx.config.max_document_bytes
    first = stream.readline(cap + 1)
    stripped = first.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"["):
        yield from _read_whole(first + stream.read(cap + 1), source, ctx)
        return
    try:
        json.loads(decode_bytes(first, source))
    except (json.JSONDecodeError, UnreadableInput):
        # A pretty-printed object spans lines: read the file as one JSON value.
        yield from _read_whole(first + stream.read(cap + 1), source, ctx)
        return
    lineno, line = 1, first
    while line:
        if line.strip():
            yield _line_result(line, f"{source}:{lineno}", ctx)
        lineno += 1
        line = stream.readline(cap + 1)


def _line_result(line: bytes, where: str, ctx: ReadContext) -> Result:
    if len(line) > ctx.config.max_document_bytes:
        return Reject(where, f"record over the cap of {ctx.config.max_document_bytes} bytes")
    try:
        value = json.loads(decode_bytes(line, where))
    except UnreadableInput as exc:
        return Reject(where, exc.reason)
    except json.JSONDecodeError as exc:
        return Reject(where, f"invalid JSON: {exc.msg} at column {exc.colno}")
    return record_result(value, where, ctx)


def _read_whole(data: bytes, source: str, ctx: ReadContext) -> Iterator[Result]:
    if len(data) > ctx.config.max_document_bytes:
        raise InputTooLarge(
            source,
            f"JSON document over the cap of {ctx.config.max_document_bytes}"
            " bytes; write it as JSON Lines (one record a line) to stream it",
        )
    try:
        value = json.loads(decode_bytes(data, source))
    except json.JSONDecodeError as exc:
        raise UnreadableInput(
            source, f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from exc
    if isinstance(value, dict) and isinstance(value.get("articles"), list):
        value = value["articles"]
    records = value if isinstance(value, list) else [value]
    for i, record in enumerate(records):
        yield record_result(record, f"{source}[{i}]" if isinstance(value, list) else source, ctx)


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
