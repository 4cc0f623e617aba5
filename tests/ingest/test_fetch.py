"""Fetching against a real HTTP server on 127.0.0.1 (no other address is ever contacted)."""

from pathlib import Path

import pytest

from storylens.config import Config, FetchConfig
from storylens.errors import FetchError, InputTooLarge
from storylens.ingest import HttpxFetcher, ReadContext
from tests.conftest import LocalServer, articles_of, read_all, rejects_of


def make_ctx(timeout: float = 2.0, max_bytes: int = 100_000) -> ReadContext:
    config = Config(max_document_bytes=max_bytes, fetch=FetchConfig(timeout_seconds=timeout))
    return ReadContext(config=config, fetcher=HttpxFetcher(config.fetch, max_bytes))


def test_fetch_page_follows_redirect(server: LocalServer, fixtures: Path) -> None:
    server.routes["/page"] = (
        200,
        "text/html; charset=utf-8",
        (fixtures / "news_page.html").read_bytes(),
    )
    [article] = articles_of(read_all(server.url("/redirect/page"), make_ctx()))
    assert article.title == "Ferry strike halts crossings"
    assert article.url == "https://www.northshorepost.co.uk/news/ferry-strike?ref=rss"  # canonical
    assert article.source == server.url("/redirect/page")


def test_charset_from_header(server: LocalServer) -> None:
    body = (
        "<html><body><article><p>"
        + "Crème brûlée à la façon de Zürich. " * 5
        + "</p></article></body></html>"
    ).encode("latin-1")
    server.routes["/fr"] = (200, "text/html; charset=ISO-8859-1", body)
    [article] = articles_of(read_all(server.url("/fr"), make_ctx()))
    assert "Crème brûlée à la façon de Zürich." in article.text


def test_timeout_is_a_reject(server: LocalServer) -> None:
    server.routes["/slow"] = (200, "text/html", b"<html></html>")
    server.delays["/slow"] = 1.5
    [reject] = rejects_of(read_all(server.url("/slow"), make_ctx(timeout=0.3)))
    assert reject.source == server.url("/slow")
    assert "timed out" in reject.reason


def test_http_error_and_size_cap(server: LocalServer) -> None:
    server.routes["/big"] = (200, "text/html", b"x" * 200_000)
    fetcher = HttpxFetcher(FetchConfig(), max_bytes=100_000)
    with pytest.raises(FetchError, match="HTTP 404"):
        fetcher.fetch(server.url("/missing"))
    with pytest.raises(InputTooLarge):
        fetcher.fetch(server.url("/big"))


def test_only_http_urls(server: LocalServer) -> None:
    fetcher = HttpxFetcher(FetchConfig(), max_bytes=1000)
    with pytest.raises(FetchError, match="only http"):
        fetcher.fetch("file:///etc/passwd")


def test_feed_over_http_fetches_linked_pages(server: LocalServer) -> None:
    page = (
        b"<html><head><title>Linked</title></head><body><article><h1>Linked</h1><p>"
        + b"The linked page holds the whole story of the parade and its 40 floats. " * 3
        + b"</p></article></body></html>"
    )
    server.routes["/story"] = (200, "text/html", page)
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>
    <item><title>Parade</title><link>{server.url("/story")}</link>
    <description>Short teaser.</description></item></channel></rss>""".encode()
    server.routes["/feed"] = (200, "application/rss+xml", feed)
    [article] = articles_of(read_all(server.url("/feed"), make_ctx()))
    assert "40 floats" in article.text
    assert server.hits == ["/feed", "/story"]
