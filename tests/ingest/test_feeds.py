from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from storylens.config import Config
from storylens.ingest import FakeFetcher, ReadContext
from tests.conftest import articles_of, read_all, rejects_of

LINKED = b"""<html><head><title>Library reopens</title>
<meta property="article:published_time" content="2025-05-15T08:00:00+02:00"></head><body>
<nav>Home | News</nav><article><h1>Library reopens after flood</h1>
<p>The central library reopened on Thursday, eight months after the river flooded its basement
archive. Volunteers dried more than 20,000 books by hand.</p>
<p>The city spent 1.2 million euros on repairs and a new pump system, the mayor said.</p>
</article><footer>Copyright Ledger</footer></body></html>"""


def test_rss_full_content_and_linked_page(fixtures: Path) -> None:
    fetcher = FakeFetcher({"https://ledger.example.org/2025/05/library": (LINKED, "text/html")})
    results = read_all(fixtures / "feed.rss", ReadContext(config=Config(), fetcher=fetcher))
    tram, library = articles_of(results)
    assert tram.title == "Council approves new tram line"
    assert tram.text == (
        "The city council approved a new tram line on Wednesday by 31 votes to 12."
        "\n\nConstruction is to start next spring and cost 410 million euros."
    )
    assert tram.published == datetime(2025, 5, 14, 18, 30, tzinfo=timezone(timedelta(hours=2)))
    assert tram.outlet == "example.org"
    assert tram.metadata["feed_title"] == "Test Ledger"
    # the summary-only item was completed from its page
    assert fetcher.requested == ["https://ledger.example.org/2025/05/library"]
    assert "20,000 books" in library.text and "Copyright" not in library.text
    assert library.source.endswith("#item2 -> https://ledger.example.org/2025/05/library")


def test_summary_kept_when_page_cannot_be_fetched(fixtures: Path) -> None:
    results = read_all(fixtures / "feed.rss", ReadContext(config=Config(), fetcher=FakeFetcher({})))
    library = articles_of(results)[1]
    assert library.text.startswith("The central library reopened")
    assert library.metadata["content"] == "summary"
    assert "404" in library.metadata["fetch_error"]


def test_atom(fixtures: Path) -> None:
    [dam] = articles_of(read_all(fixtures / "feed.atom"))
    assert dam.title == "Dam inspection finds cracks"
    assert dam.url == "https://atomwire.example.net/dam"
    assert dam.outlet == "example.net"
    assert dam.published == datetime(2025, 5, 20, 8, tzinfo=UTC)
    assert len(dam.paragraphs) == 2


def test_truncated_feed_keeps_whole_items(fixtures: Path, tmp_path: Path) -> None:
    data = (fixtures / "feed.rss").read_bytes()
    cut = data[: data.index(b"<title>Library")]
    path = tmp_path / "cut.rss"
    path.write_bytes(cut)
    results = read_all(path)
    rejects = rejects_of(results)
    assert len(rejects) == 1 and "incomplete" in rejects[0].reason
    assert rejects[0].source.startswith(str(path))


def test_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "x.xml"
    path.write_bytes(b'<?xml version="1.0"?><config><a>1</a></config>')
    [reject] = read_all(path)
    assert "feed" in reject.reason  # type: ignore[union-attr]
