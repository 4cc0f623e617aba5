import json
from datetime import UTC, date, datetime
from pathlib import Path

from tests.conftest import articles_of, read_all, rejects_of


def test_bad_lines_rejected_good_lines_kept(fixtures: Path) -> None:
    results = read_all(fixtures / "broken.jsonl")
    good = articles_of(results)
    assert [a.id for a in good] == ["good-1", "good-4"]
    reasons = {r.source.rsplit(":", 1)[1]: r.reason for r in rejects_of(results)}
    assert set(reasons) == {"2", "3", "4"}
    assert reasons["2"].startswith("invalid JSON")
    assert "no text" in reasons["3"]
    assert "JSON object" in reasons["4"]


def test_fields_and_metadata(fixtures: Path) -> None:
    first, second = articles_of(read_all(fixtures / "broken.jsonl"))
    assert first.url == "https://jl.example.com/a" and first.outlet == "example.com"
    assert first.published == date(2025, 2, 1)
    assert first.metadata == {"topic": "test"}
    assert second.outlet == "Given Outlet"
    assert second.published == datetime(2025, 2, 2, 10, tzinfo=UTC)
    assert second.text == "Second good record.\n\nWith a second paragraph."


def test_json_array_and_object(tmp_path: Path) -> None:
    arr = tmp_path / "a.json"
    arr.write_text(json.dumps([{"id": "x", "text": "One."}, {"id": "y", "text": "Two."}]))
    assert [a.id for a in articles_of(read_all(arr))] == ["x", "y"]
    obj = tmp_path / "o.json"
    obj.write_text(json.dumps({"articles": [{"id": "z", "text": "Three."}]}, indent=2))
    assert [a.id for a in articles_of(read_all(obj))] == ["z"]
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "w", "headline": "H", "body": "Four."}, indent=2))
    [article] = articles_of(read_all(one))
    assert (article.id, article.title, article.text) == ("w", "H", "Four.")


def test_dev_articles_load_as_is(shared: Path) -> None:
    path = shared / "eval" / "dev" / "articles.jsonl"
    records = [json.loads(line) for line in path.read_text().splitlines()]
    results = read_all(path)
    assert not rejects_of(results)
    articles = articles_of(results)
    assert [a.id for a in articles] == [r["id"] for r in records]
    by_id = {a.id: a for a in articles}
    for r in records:
        a = by_id[r["id"]]
        assert a.outlet == r["outlet"]
        assert a.metadata["gold_event"] == r["gold_event"]
        if r["date"]:
            assert a.published == date.fromisoformat(r["date"])
        # the text is the record's text, cleaned: every word survives
        assert a.text.split() == r["text"].split() or len(a.text) >= 0.95 * len(r["text"].strip())
