"""HTML pages: main text and metadata through trafilatura, plus the meta tags it leaves out.

trafilatura drops menus, cookie banners, "most read" boxes, comments and footers. It does not
return ``og:site_name`` reliably, nor a publication time with its zone, so those few tags are
read here from the same parsed tree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urljoin

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document

from storylens.errors import EmptyInput, UnreadableInput
from storylens.ingest.base import ReadContext, Result, single
from storylens.ingest.build import RawArticle
from storylens.ingest.dates import parse_date
from storylens.ingest.encoding import decode_bytes, lines_to_paragraphs
from storylens.model import Published

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_PUBLISHED_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "parsely-pub-date",
    "dc.date.issued",
    "dc.date",
    "date",
)
# Only the page's own date: no guess from copyright lines or from the newest date in the text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def read_html(
    data: bytes,
    source: str,
    ctx: ReadContext,
    *,
    url: str | None = None,
    charset: str | None = None,
    published: Published = None,
) -> Iterator[Result]:
    """Read one HTML page. ``url`` is where it came from; the page's canonical URL wins."""
    html = decode_bytes(data, source, declared=charset or declared_charset(data))
    yield from single(html_to_raw(html, source, url=url, published=published), ctx)


def html_to_raw(
    html: str, source: str, *, url: str | None = None, published: Published = None
) -> RawArticle:
    # lxml refuses str input that carries an encoding declaration; the bytes are decoded already.
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    if not html.strip():
        raise EmptyInput(source, "empty page")
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise UnreadableInput(source, f"not parseable as HTML: {exc}") from exc
    metas = _meta_tags(tree)
    canonical = _canonical(tree) or metas.get("og:url")
    page_published = next(
        (d for k in _PUBLISHED_KEYS if (d := parse_date(metas.get(k))) is not None), None
    )
    lang = (tree.get("lang") or metas.get("og:locale") or "").split("-")[0].split("_")[0]
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if not isinstance(doc, Document) or not (doc.text or "").strip():
        raise EmptyInput(source, "no article text in the page (only boilerplate or markup)")
    title = (doc.title or "").strip()
    text = lines_to_paragraphs(doc.text or "")
    first, _, rest = text.partition("\n\n")
    if title and first.strip() == title and rest:
        text = rest  # trafilatura repeats the headline as the first line
    if published is None:
        published = page_published or parse_date(doc.date)
    return RawArticle(
        text=text,
        title=title,
        url=_absolute(canonical, url) or url or doc.url,
        outlet=None if (canonical or url) else (metas.get("og:site_name") or doc.sitename),
        published=published,
        language=lang or doc.language,
        source=source,
        metadata={
            k: v
            for k, v in {
                "site_name": metas.get("og:site_name") or doc.sitename,
                "author": doc.author,
            }.items()
            if v
        },
    )


def _meta_tags(tree: lxml.html.HtmlElement) -> dict[str, str]:
    out: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        value = meta.get("content")
        if key and value and key.lower() not in out:
            out[key.lower()] = value.strip()
    return out


def _canonical(tree: lxml.html.HtmlElement) -> str | None:
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            return str(link.get("href")).strip()
    return None


def _absolute(found: str | None, base: str | None) -> str | None:
    if not found:
        return None
    if found.startswith(("http://", "https://")):
        return found
    if base:
        return urljoin(base, found)
    return None


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BLOCK_TAGS = {
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
    "article",
    "ul",
    "ol",
    "table",
    "pre",
    "figure",
    "figcaption",
}


def fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed item's content), one paragraph per block element."""
    if "<" not in fragment:
        return fragment
    fragment = _XML_INVALID.sub("", fragment)  # lxml refuses control characters in text
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]*>", " ", fragment)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in {"script", "style"}:
            el.text = ""
        elif el.tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif el.tag in _BLOCK_TAGS:
            el.text = "\n\n" + (el.text or "")
            el.tail = "\n\n" + (el.tail or "")
    return str(root.text_content())
