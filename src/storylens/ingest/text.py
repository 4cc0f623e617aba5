"""Plain text, Markdown, and the dated text format of the seeds (`` date YYYY-MM-DD text``).

Markdown may open with a front-matter block of ``key: value`` lines between ``---`` fences;
``title``, ``outlet``, ``url``, ``date``, ``language`` and ``id`` are read from it, other keys
are kept as metadata.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from storylens.ingest.base import ReadContext, Result, single
from storylens.ingest.build import RawArticle
from storylens.ingest.dates import parse_date
from storylens.ingest.encoding import clean_text, decode_bytes
from storylens.model import Published

DATED_HEADER = re.compile(r"\A\ufeff?\s*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]*\n|[ \t]+|\Z)")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_ATX_HEADING = re.compile(r"\A#{1,6}[ \t]+(.+?)[ \t#]*\Z")
# A first paragraph of one short line with no sentence-final punctuation reads as a headline.
MAX_TITLE_CHARS = 150


def is_dated_text(head: str) -> bool:
    return DATED_HEADER.match(head) is not None


def read_text(data: bytes, source: str, ctx: ReadContext) -> Iterator[Result]:
    """Read one plain-text, Markdown or dated-text document."""
    text = decode_bytes(data, source)
    published: Published = None
    unparsed: list[str] = []  # dates given that are no dates: kept, the article stays undated
    header = DATED_HEADER.match(text)
    if header:
        try:
            published = date.fromisoformat(header.group(1))
        except ValueError:
            unparsed.append(header.group(1))
        text = text[header.end() :]
    front, text = split_front_matter(text)
    text = clean_text(text)
    title, body = split_title(text)
    given_date = front.pop("date", None)
    front_date = parse_date(given_date)
    if given_date and front_date is None:
        unparsed.append(given_date)
    if unparsed:
        front["unparsed_date"] = unparsed[-1]
    yield from single(
        RawArticle(
            text=body,
            title=front.pop("title", "") or title,
            url=front.pop("url", None),
            outlet=front.pop("outlet", None),
            published=front_date or published,
            language=front.pop("language", None),
            given_id=front.pop("id", None),
            source=source,
            metadata=dict(front),
        ),
        ctx,
    )


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """``key: value`` lines between ``---`` fences at the top, and the text after them."""
    m = _FRONT_MATTER.match(text)
    if m is None:
        return {}, text
    fields: dict[str, str] = {}
    for line in m.group(1).splitlines():
        key, sep, value = line.partition(":")
        if not sep or not key.strip() or " " in key.strip():
            return {}, text  # not simple front matter: leave the text as it is
        fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields, text[m.end() :]


def split_title(text: str) -> tuple[str, str]:
    """Split a leading headline (a Markdown heading, or a short unpunctuated line) off ``text``."""
    first, sep, rest = text.partition("\n\n")
    if not sep or "\n" in first or not rest.strip():
        return "", text
    heading = _ATX_HEADING.match(first)
    if heading:
        return heading.group(1).strip(), rest
    if len(first) <= MAX_TITLE_CHARS and not first.rstrip().endswith(
        (".", "!", "?", ":", ";", ",")
    ):
        return first.strip(), rest
    return "", text
