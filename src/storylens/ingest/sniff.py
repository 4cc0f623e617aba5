"""Which reader a file needs, told from its first bytes (the extension is only a tie-breaker)."""

from __future__ import annotations

import enum
import gzip
import io
import re


class Format(enum.Enum):
    WARC = "warc"
    FEED = "feed"
    HTML = "html"
    JSON = "json"
    DATED_TEXT = "dated-text"
    TEXT = "text"
    UNKNOWN = "unknown"


HEAD_BYTES = 8192
_BOM = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_HTML_MARK = re.compile(rb"<(!doctype\s+html|html|head|body|article|meta|title|div|p)[\s>/]", re.I)
_DATED = re.compile(rb"\A\s*date[ \t]+\d{4}-\d{2}-\d{2}(\s|\Z)")
_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x7fELF")


def _strip(head: bytes) -> bytes:
    for bom in _BOM:
        if head.startswith(bom):
            head = head[len(bom) :]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in head[:64]:
        return head  # UTF-16/32: leave it to text decoding
    return head.lstrip()


def looks_like_html(head: bytes) -> bool:
    return _HTML_MARK.search(head[:HEAD_BYTES]) is not None


def sniff(head: bytes, name: str = "") -> Format:
    """Guess the format of a document from its first bytes (``HEAD_BYTES`` of them).

    >>> sniff(b'<?xml version="1.0"?><rss version="2.0">')
    <Format.FEED: 'feed'>
    >>> sniff(b" date 2022-04-06 Blinken said")
    <Format.DATED_TEXT: 'dated-text'>
    """
    lower_name = name.lower()
    if head.startswith(b"\x1f\x8b"):
        try:
            inner = gzip.GzipFile(fileobj=io.BytesIO(head)).read(16)
        except (OSError, EOFError):
            inner = b""
        if inner.startswith(b"WARC/") or ".warc" in lower_name:
            return Format.WARC
        return Format.UNKNOWN
    body = _strip(head)
    if body.startswith(b"WARC/"):
        return Format.WARC
    if any(body.startswith(m) for m in _BINARY_MAGIC):
        return Format.UNKNOWN
    if body.startswith((b"{", b"[")):
        return Format.JSON
    if _DATED.match(body):
        return Format.DATED_TEXT
    if body.startswith(b"<"):
        if _FEED_ROOT.search(body[:2048]) and not re.match(rb"<(!doctype\s+)?html", body, re.I):
            return Format.FEED
        if looks_like_html(body) or body.startswith(b"<!"):
            return Format.HTML
        if body.startswith(b"<?xml"):
            return Format.FEED  # some other XML: the feed reader explains why it is not one
    if lower_name.endswith((".html", ".htm", ".xhtml")) and looks_like_html(body):
        return Format.HTML
    return Format.TEXT
