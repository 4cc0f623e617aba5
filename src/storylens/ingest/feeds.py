"""RSS 2.0, RSS 1.0 and Atom feeds through feedparser.

An item with full content (``content:encoded``, Atom ``content``) becomes an article as is; an
item with only a summary gets its linked page fetched (when a fetcher is available) and read as
HTML, with the feed's date kept when the page states none.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import feedparser

from storylens.errors import InputError, UnreadableInput
from storylens.ingest.base import ReadContext, Result, finish
from storylens.ingest.build import RawArticle
from storylens.ingest.dates import parse_date
from storylens.ingest.encoding import decode_bytes
from storylens.ingest.html import fragment_to_text, html_to_raw
from storylens.model import Reject

# A summary this long is the article itself (some feeds put the whole story in <description>).
FULL_SUMMARY_CHARS = 1500


def read_feed(data: bytes, source: str, ctx: ReadContext) -> Iterator[Result]:
    try:
        parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=True)
    except (ValueError, LookupError) as exc:  # feedparser trips on some broken declarations
        raise UnreadableInput(source, f"not a readable feed: {exc}") from exc
    entries = list(parsed.entries)
    broken = parsed.get("bozo") and isinstance(parsed.get("bozo_exception"), Exception)
    if broken and not entries:
        raise UnreadableInput(source, f"not a readable feed: {parsed.bozo_exception}")
    if not entries and not parsed.get("version"):
        raise UnreadableInput(source, "not an RSS or Atom feed")
    feed_title = str(parsed.feed.get("title", "") or "")
    for i, entry in enumerate(entries):
        where = f"{source}#item{i + 1}"
        if broken and i == len(entries) - 1:
            # The XML ends early: this last item may be cut. Record it rather than store half.
            yield Reject(
                where,
                f"feed is malformed after this item ({parsed.bozo_exception}); "
                "the item may be incomplete, so it was not stored",
            )
            continue
        try:
            yield _entry_result(entry, where, feed_title, ctx)
        except InputError as exc:
            yield Reject(exc.source, exc.reason)
        except Exception as exc:  # one odd item must not cost the rest of the feed
            yield Reject(where, f"unreadable item ({type(exc).__name__}: {exc})")


def _entry_result(entry: Any, where: str, feed_title: str, ctx: ReadContext) -> Result:
    link = entry.get("link")
    published = parse_date(entry.get("published")) or parse_date(entry.get("updated"))
    title = fragment_to_text(str(entry.get("title", "") or ""))
    content = entry.get("content") or []
    body = "\n\n".join(str(c.get("value", "")) for c in content)
    summary = str(entry.get("summary", "") or "")
    meta = {
        k: v
        for k, v in {
            "feed_title": feed_title,
            "guid": entry.get("id"),
            "author": entry.get("author"),
        }.items()
        if v
    }
    full = body if body.strip() else (summary if len(summary) >= FULL_SUMMARY_CHARS else "")
    if not full and link and ctx.fetcher is not None and ctx.config.fetch.fetch_linked_pages:
        try:
            response = ctx.fetcher.fetch(link)
            html = decode_bytes(response.content, response.url, declared=response.charset)
            raw = html_to_raw(
                html, f"{where} -> {response.url}", url=response.url, published=published
            )
        except InputError as exc:
            # Keep the summary rather than lose the item; the metadata says what happened.
            meta["fetch_error"] = exc.reason
        else:
            merged = replace(raw, title=raw.title or title, metadata={**meta, **raw.metadata})
            return finish(merged, ctx)
    if not full:
        full = summary
        if not full.strip():
            return Reject(
                where,
                "item has no content and no summary, and its page could not "
                "be fetched: " + str(meta.get("fetch_error", "no link, or fetching is off")),
            )
        meta["content"] = "summary"
    return finish(
        RawArticle(
            text=fragment_to_text(full),
            title=title,
            url=link,
            published=published,
            language=entry.get("language"),
            source=where,
            metadata=meta,
        ),
        ctx,
    )
