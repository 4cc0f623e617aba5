from datetime import datetime, timedelta, timezone
from pathlib import Path

from storylens.config import Config
from storylens.ingest import ReadContext, read_bytes
from storylens.model import Article
from tests.conftest import articles_of, read_all


def test_main_text_without_boilerplate(fixtures: Path) -> None:
    [article] = articles_of(read_all(fixtures / "news_page.html"))
    assert article.title == "Ferry strike halts crossings"
    assert article.text.startswith("All ferry crossings between Kelby")
    assert '"We did not want to strike' in article.text
    for debris in ("cookies", "Most read", "Lottery", "Copyright", "Reader123", "Weather"):
        assert debris not in article.text
    assert len(article.paragraphs) == 3


def test_metadata(fixtures: Path) -> None:
    [article] = articles_of(read_all(fixtures / "news_page.html"))
    assert article.url == "https://www.northshorepost.co.uk/news/ferry-strike?ref=rss"
    assert article.outlet == "northshorepost.co.uk"
    assert article.published == datetime(2025, 6, 3, 7, 45, tzinfo=timezone(timedelta(hours=1)))
    assert article.language == "en"
    assert article.metadata["site_name"] == "North Shore Post"


def _page(body: str, head: str = "") -> bytes:
    return f"<html><head>{head}</head><body><article><p>{body}</p></article></body></html>".encode()


def test_no_date_stays_none() -> None:
    ctx = ReadContext(config=Config())
    text = "A long enough paragraph about a harbour wall being repaired by the council. " * 3
    [article] = list(read_bytes(_page(text), "p.html", ctx))
    assert isinstance(article, Article)
    assert article.published is None


def test_declared_latin1_page() -> None:
    ctx = ReadContext(config=Config())
    body = "Le café de la gare a fermé ses portes après cinquante ans de service à Zürich. " * 3
    data = _page(body, '<meta charset="iso-8859-1">').replace(b"utf-8", b"")
    data = data.decode().encode("latin-1")
    [article] = list(read_bytes(data, "fr.html", ctx))
    assert isinstance(article, Article)
    assert "café de la gare a fermé" in article.text and "Zürich" in article.text


def test_site_name_is_outlet_when_no_url() -> None:
    ctx = ReadContext(config=Config())
    body = "The regional orchestra announced a new season of twelve concerts on Friday. " * 3
    head = '<meta property="og:site_name" content="Valley Weekly">'
    [article] = list(read_bytes(_page(body, head), "v.html", ctx))
    assert isinstance(article, Article)
    assert article.outlet == "Valley Weekly"
