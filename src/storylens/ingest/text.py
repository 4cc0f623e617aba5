"""Plain text, Markdown, and the dated text format of the seeds (`` date YYYY-MM-DD text``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from storylens.errors import UnreadableInput
from storylens.ingest.base import ReadContext, Result, single
from storylens.ingest.build import RawArticle
from storylens.ingest.encoding import clean_text, decode_bytes

DATED_HEADER = re.compile(r"\A\ufeff?\s*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]*\n|[ \t]+|\Z)")
_ATX_HEADING = re.compile(r"\A#{1,6}[ \t]+(.+?)[ \t#]*\Z")
# A first paragraph of one short line with no sentence-final punctuation reads as a headline.
MAX_TITLE_CHARS = 150


def is_dated_text(head: str) -> bool:
    return DATED_HEADER.match(head) is not None


def read_text(data: bytes, source: str, ctx: ReadContext) -> Iterator[Result]:
    """Read one plain-text, Markdown or dated-text document."""
    text = decode_bytes(data, source)
    published: date | None = None
    header = DATED_HEADER.match(text)
    if header:
        try:
            published = date.fromisoformat(header.group(1))
        except ValueError as exc:
            raise UnreadableInput(source, f"bad date in header: {header.group(1)}") from exc
        text = text[header.end() :]
    text = clean_text(text)
    title, body = split_title(text)
    yield from single(RawArticle(text=body, title=title, published=published, source=source), ctx)


def split_title(text: str) -> tuple[str, str]:
    """Split a leading headline (a Markdown heading, or a short unpunctuated line) off ``text``."""
    first, sep, rest = text.partition("\n\n")
    if not sep or "\n" in first or not rest.strip():
        return "", text
    heading = _ATX_HEADING.match(first)
    if heading:
        return heading.group(1).strip(), rest
    if len(first) <= MAX_TITLE_CHARS and not first.rstrip().endswith((".", "!", "?", ":", ";", ",")):
        return first.strip(), rest
    return "", text
