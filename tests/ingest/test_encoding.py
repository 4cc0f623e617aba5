"""Mojibake (UTF-8 read as windows-1252 or latin-1) is repaired at ingest; other text is not
touched."""

import json
import unicodedata
from pathlib import Path

import pytest

from storylens.ingest.encoding import clean_text, repair_mojibake
from tests.conftest import Cli

CLEAN = "President Enrique Peña Nieto met François Hollande in Guantánamo, Cuba."


def mojibake(text: str, times: int = 1) -> str:
    """``text`` as a wrong decoder leaves it: its UTF-8 bytes read as windows-1252."""
    for _ in range(times):
        text = text.encode("utf-8").decode("cp1252", errors="ignore")
    return text


@pytest.mark.parametrize("times", [1, 2])
def test_mojibake_once_or_twice_is_repaired(times: int) -> None:
    broken = mojibake(CLEAN, times)
    assert "Ã" in broken and broken != CLEAN
    assert clean_text(broken) == CLEAN


def test_the_polnear_forms_are_repaired() -> None:
    # as stored in real pages: read as latin-1 (a C1 control character left in), twice
    assert clean_text("Miguel BasÃ\x83Â¡Ã\x83Â±ez Ebergenyi") == "Miguel Basáñez Ebergenyi"
    assert clean_text("Hugo ChÃ\x83Â¡vez.") == "Hugo Chávez."
    # stored decomposed ("A" and a combining tilde): mojibake shows only once composed
    decomposed = unicodedata.normalize("NFD", "Enrique PeÃ±a Nieto")
    assert "Ã" not in decomposed
    assert clean_text(decomposed) == "Enrique Peña Nieto"


def test_only_broken_lines_change() -> None:
    text = "A “quoted” line – with a dash.\n\nGuantÃ¡namo Bay\n\nThe café’s owner said ‘no’."
    assert clean_text(text) == (
        "A “quoted” line – with a dash.\n\nGuantánamo Bay\n\nThe café’s owner said ‘no’."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Curly “quotes” and ‘apostrophes’ stay curly; dashes – and — stay.",
        "Crème brûlée, naïve façade, Zürich, São Paulo, Kraków, Ærø.",
        "ÂGE is a word in French, Â a letter; the café’s “menu”.",
        "The fullwidth ＡＢＣ and the ligature ﬁ are the page's own.",
        "HTML &amp; entities are the readers' business.",
    ],
)
def test_text_that_is_not_mojibake_is_unchanged(text: str) -> None:
    assert repair_mojibake(text) == text
    assert clean_text(text) == text


def test_ingest_repairs_and_a_broken_copy_is_the_same_article(tmp_path: Path) -> None:
    body = (
        f"{CLEAN} The two leaders discussed trade and migration for two hours on Tuesday, "
        "officials said, before a joint news conference at the presidential palace."
    )
    rows = [
        {"id": "broken", "title": mojibake("Peña Nieto meets Hollande"), "text": mojibake(body)},
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    cli = Cli(tmp_path / "s.db")
    cli("ingest", str(feed))
    [stored] = cli.jsonl("articles")
    assert stored["title"] == "Peña Nieto meets Hollande"
    assert CLEAN in cli.json("article", stored["id"])["text"]
    # the same report without the damage is the article already stored, not a new one
    clean = tmp_path / "clean.jsonl"
    clean.write_text(
        json.dumps({"id": "clean", "title": "Peña Nieto meets Hollande", "text": body}) + "\n",
        encoding="utf-8",
    )
    cli("ingest", str(clean))
    assert len(cli.jsonl("articles")) == 1
