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


def test_an_array_line_is_one_bad_record_not_the_whole_file(tmp_path: Path) -> None:
    """A JSON Lines file whose first line is an array: that line is rejected, the rest read."""
    path = tmp_path / "odd.jsonl"
    lines = ["[1, 2, 3]", '"a string"', "", "null", json.dumps({"id": "ok", "text": "Kept."})]
    path.write_text("\n".join(lines) + "\n")
    results = read_all(path)
    assert [a.id for a in articles_of(results)] == ["ok"]
    rejected = {r.source.rsplit(":", 1)[1]: r.reason for r in rejects_of(results)}
    assert set(rejected) == {"1", "2", "4"}
    assert all("JSON object" in reason for reason in rejected.values())


def test_one_line_array_or_collection_is_the_whole_file(tmp_path: Path) -> None:
    """Minified JSON on one line (and blank lines after it) is one value, not one record."""
    arr = tmp_path / "a.json"
    arr.write_text(json.dumps([{"id": "x", "text": "One."}, {"id": "y", "text": "Two."}]) + "\n\n")
    assert [a.id for a in articles_of(read_all(arr))] == ["x", "y"]
    obj = tmp_path / "o.json"
    obj.write_text(json.dumps({"articles": [{"id": "z", "text": "Three."}]}) + "\n")
    assert [a.id for a in articles_of(read_all(obj))] == ["z"]


def test_broken_first_line_of_json_lines(tmp_path: Path) -> None:
    """A broken first line does not make the file one broken JSON value; past the size cap of
    one value the lines are still streamed."""
    from storylens.config import Config
    from storylens.ingest import ReadContext

    records = [json.dumps({"id": f"r{n}", "text": f"Record {n} " + "x" * 80}) for n in range(40)]
    path = tmp_path / "f.jsonl"
    path.write_text('{"id": "cut", "te\n' + "\n".join(records) + "\n")
    for cap in (10_000_000, 1_000):  # the whole file fits in one value's cap, or does not
        results = read_all(path, ReadContext(config=Config(max_document_bytes=cap)))
        assert [a.id for a in articles_of(results)] == [f"r{n}" for n in range(40)]
        [bad] = rejects_of(results)
        assert bad.source.endswith(":1") and bad.reason.startswith("invalid JSON")


def test_broken_pretty_printed_json_is_one_reject(tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    whole = json.dumps([{"id": f"r{n}", "text": f"Record {n}."} for n in range(30)], indent=2)
    path.write_text(whole[: len(whole) // 2])
    results = read_all(path)
    assert not articles_of(results)
    [bad] = rejects_of(results)
    assert "invalid JSON" in bad.reason and "line" in bad.reason


def test_json_nested_too_deeply_is_a_bad_record(tmp_path: Path) -> None:
    """[[[[...]]]] deeper than the parser goes is invalid JSON, not a crash of the file."""
    path = tmp_path / "deep.jsonl"
    deep = "[" * 100_000 + "]" * 100_000
    path.write_text(deep + "\n" + json.dumps({"id": "g", "text": "Kept."}) + "\n")
    results = read_all(path)
    assert [a.id for a in articles_of(results)] == ["g"]
    [bad] = rejects_of(results)
    assert bad.source.endswith(":1") and "nested too deeply" in bad.reason
