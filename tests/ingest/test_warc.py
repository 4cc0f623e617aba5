import gzip
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.conftest import articles_of, read_all, rejects_of

PAGE = """<html><head><title>{title}</title></head><body><nav>Menu</nav><article>
<h1>{title}</h1><p>{body}</p><p>Second paragraph of {title} with more words in it.</p>
</article><footer>Footer text</footer></body></html>"""


def write_warc(path: Path, *, gz: bool = True) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        pages = [
            (
                "https://warc.example.com/one",
                "Storm closes ports",
                "A winter storm closed three ports on the east coast on Friday morning.",
            ),
            (
                "https://warc.example.com/two",
                "Café reopens",
                "Das Café in der Altstadt öffnet wieder, sagte die Besitzerin am Montag.",
            ),
        ]
        for uri, title, body in pages:
            html = PAGE.format(title=title, body=body).encode("latin-1")
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=ISO-8859-1")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(html), http_headers=headers
                )
            )
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://warc.example.com/logo.png",
                "response",
                payload=io.BytesIO(b"\x89PNG...."),
                http_headers=img,
            )
        )
        gone = StatusAndHeaders(
            "404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                "https://warc.example.com/gone",
                "response",
                payload=io.BytesIO(b"<html>gone</html>"),
                http_headers=gone,
            )
        )


def test_warc_gz_html_responses_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    results = read_all(path)
    assert not rejects_of(results)
    one, two = articles_of(results)
    assert one.url == "https://warc.example.com/one" and one.title == "Storm closes ports"
    assert "Menu" not in one.text and "Footer" not in one.text
    assert "Das Café in der Altstadt öffnet wieder" in two.text
    assert two.language == "de"
    assert one.source == f"{path}#https://warc.example.com/one"


def test_plain_warc(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, gz=False)
    assert len(articles_of(read_all(path))) == 2


def test_truncated_warc_keeps_earlier_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, gz=False)
    data = path.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: data.index(b"Second paragraph of Caf") + 10])
    results = read_all(cut)
    assert [a.url for a in articles_of(results)] == ["https://warc.example.com/one"]
    [reject] = rejects_of(results)
    assert reject.source.endswith("#https://warc.example.com/two")
    assert "truncated" in reject.reason


def test_gzip_that_is_not_warc(tmp_path: Path) -> None:
    path = tmp_path / "x.gz"
    path.write_bytes(gzip.compress(b"hello"))
    [reject] = read_all(path)
    assert "not a format" in reject.reason  # type: ignore[union-attr]
