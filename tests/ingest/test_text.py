from datetime import date
from pathlib import Path

from storylens.ingest.text import split_front_matter, split_title
from tests.conftest import articles_of, read_all, rejects_of


def test_dated_text_format(fixtures: Path) -> None:
    [article] = articles_of(read_all(fixtures / "dated.txt"))
    assert article.published == date(2022, 4, 6)
    assert article.text == "First paragraph of a dated report.\n\nSecond paragraph."
    assert article.title == ""
    assert [p.of(article.text) for p in article.paragraphs] == [
        "First paragraph of a dated report.",
        "Second paragraph.",
    ]


def test_seeds_load_with_their_dates(shared: Path) -> None:
    results = read_all(shared / "seeds")
    articles = articles_of(results)
    assert len(articles) == 2 and not rejects_of(results)
    assert {a.published for a in articles} == {date(2022, 4, 6)}
    assert all(a.text.startswith("US ") for a in articles)
    assert all("date 2022" not in a.text[:20] for a in articles)
    assert all(a.language == "en" for a in articles)


def test_markdown_heading_is_the_title(fixtures: Path) -> None:
    [article] = articles_of(read_all(fixtures / "story.md"))
    assert article.title == "A Markdown headline"
    assert article.text.startswith("Body of the markdown story")
    assert article.published is None  # no date anywhere: none invented


def test_latin1_text_decodes_right(fixtures: Path) -> None:
    [article] = articles_of(read_all(fixtures / "latin1.txt"))
    assert article.title == "Le café de la gare"
    assert "garçon a mangé des crêpes à Zürich, naïve façade" in article.text
    assert "Ça coûte" in article.text


def test_front_matter() -> None:
    fields, rest = split_front_matter("---\ntitle: T\nurl: https://x.example/a\n---\n\nBody.")
    assert fields == {"title": "T", "url": "https://x.example/a"}
    assert rest.strip() == "Body."
    # a thematic break is not front matter
    assert split_front_matter("---\nsome prose, not keys\n---\nx")[0] == {}


def test_split_title_needs_a_short_unpunctuated_first_line() -> None:
    assert split_title("Headline here\n\nBody.") == ("Headline here", "Body.")
    assert split_title("A full sentence.\n\nBody.") == ("", "A full sentence.\n\nBody.")
    assert split_title("Only one paragraph") == ("", "Only one paragraph")


def test_dateline_in_plain_text(tmp_path: Path) -> None:
    page = tmp_path / "dl.txt"
    page.write_text(
        "Quarry blast shakes village\n\nPublished: March 3, 2024 10:15 GMT\n\n"
        "The blast on January 5, 2021 was recalled by residents.\n"
    )
    [article] = articles_of(read_all(page))
    assert article.published == date(2024, 3, 3)


def test_headline_date_is_not_a_dateline(tmp_path: Path) -> None:
    page = tmp_path / "h.txt"
    page.write_text("What happened on 5 January 2021 at the quarry in the north\n\nBody text.\n")
    [article] = articles_of(read_all(page))
    assert article.published is None


def test_a_date_that_is_no_date_keeps_the_article(tmp_path: Path) -> None:
    """A header or front-matter date that cannot be read leaves the article undated, with the
    date kept in its metadata; the article is not rejected."""
    bad = tmp_path / "bad.txt"
    bad.write_text(" date 2023-13-45\nDam breaks in Lune\n\nThe dam in Lune broke, the mayor said.")
    [article] = articles_of(read_all(bad))
    assert article.published is None and article.metadata["unparsed_date"] == "2023-13-45"
    assert article.title == "Dam breaks in Lune" and article.text.startswith("The dam")
    front = tmp_path / "front.md"
    front.write_text("---\ntitle: Dam\ndate: the day after\n---\nThe dam in Lune broke.")
    [article] = articles_of(read_all(front))
    assert article.published is None and article.metadata["unparsed_date"] == "the day after"
