"""Turn what a reader found (raw fields) into a validated :class:`~storylens.model.Article`."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import py3langid
from publicsuffixlist import PublicSuffixList

from storylens.errors import EmptyInput
from storylens.ingest.dates import date_in_url, find_dateline
from storylens.ingest.encoding import clean_text
from storylens.model import Article, Published, content_hash, make_article_id

# langid guesses wildly on a few words; below this many characters the language stays unknown.
MIN_LANGID_CHARS = 20
LANGID_CHARS = 500


@dataclass(frozen=True, slots=True)
class RawArticle:
    """Fields as a reader found them, before cleaning and derivation."""

    text: str
    source: str
    title: str = ""
    url: str | None = None
    outlet: str | None = None
    published: Published = None
    language: str | None = None
    given_id: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


@functools.cache
def _psl() -> PublicSuffixList:
    return PublicSuffixList()  # the list ships inside the package: no network


def outlet_of(url: str | None) -> str | None:
    """Registrable domain of ``url`` (``https://news.bbc.co.uk/x`` -> ``bbc.co.uk``)."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    if not host:
        return None
    if host.startswith("www."):
        host = host[4:]
    registrable: str | None = _psl().privatesuffix(host)
    # IP addresses and single-label hosts (localhost) have no registrable part: keep the host.
    return registrable or host


def canonical_url(url: str | None) -> str | None:
    """Normalise a URL for identity: lower-case scheme and host, no fragment."""
    if not url:
        return None
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return url or None
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, "")
    )


def detect_language(text: str) -> str | None:
    if len(text) < MIN_LANGID_CHARS:
        return None
    # The first 500 characters decide a news text as well as all of it, at a fraction of
    # the cost (langid is linear in length and was the reader's largest cost).
    lang, _score = py3langid.classify(text[:LANGID_CHARS])
    return str(lang)


def build_article(raw: RawArticle, *, outlet_override: str | None = None) -> Article:
    """Clean the text, derive id, outlet, hash, language, and a date from a dateline or the URL.

    Raises:
        EmptyInput: when no text is left after cleaning.
    """
    text = clean_text(raw.text)
    title = " ".join(clean_text(raw.title).split())
    if not text:
        raise EmptyInput(raw.source, "no article text after extraction")
    url = canonical_url(raw.url)
    chash = content_hash(title, text)
    published, metadata = raw.published, raw.metadata
    if published is None:
        # The day the URL's path names, else a dateline in the text. The URL first, as htmldate
        # does: it is fixed when the page is published, while a bare date atop a page may be the
        # site's clock ("Fri. Nov 22nd, 2024" over a 2023 report whose URL says 2023/08/20).
        # Where a record states its date and its URL names one, the two agreed on every dev
        # article that has both.
        published = date_in_url(url)
        if published is not None:
            metadata = {**metadata, "date_from": "url"}
        else:
            published = find_dateline(text)
    return Article(
        id=make_article_id(given=raw.given_id, url=url, chash=chash),
        url=url,
        outlet=outlet_override or raw.outlet or outlet_of(url),
        title=title,
        published=published,
        language=(raw.language or "").lower()[:2] or detect_language(text),
        text=text,
        source=raw.source,
        content_hash=chash,
        metadata=metadata,
    )
