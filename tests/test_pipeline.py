import os
from pathlib import Path

import pytest

from storylens.config import Config
from storylens.pipeline import ingest
from storylens.store.sqlite import SQLiteStore

STORY = (
    "The regional parliament voted on Tuesday to close the old coal plant at Fenwick by 2030, "
    "ending a decade of argument over the site. The plant employs 420 people, and the "
    "government promised a retraining fund of 60 million euros for them. Environmental "
    "groups welcomed the vote but said the date was too late, while the union asked for "
    "guarantees that no worker would be left without a job or a pension.\n\n"
    "The plant's owner said it would appeal."
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def test_bad_inputs_rejected_good_ones_stored(tmp_path: Path, store: SQLiteStore) -> None:
    inbox = tmp_path / "inbox"
    write(inbox / "good.txt", STORY)
    write(inbox / "empty.txt", "")
    write(inbox / "random.bin", os.urandom(4096))
    write(inbox / "nul.html", b"<html><body>" + b"\x00" * 500 + b"text</body></html>")
    write(inbox / "broken.jsonl", '{"id": "ok", "text": "Fine record."}\n{"id": "bad", "te\n')
    write(inbox / "huge.txt", "word " * 3000)
    write(
        inbox / "truncated.rss", '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Cut'
    )
    config = Config(max_document_bytes=10_000)
    report = ingest([str(inbox), str(tmp_path / "missing.txt")], store, config)
    assert report.added == 2  # good.txt and the good JSON line
    rejected = {Path(r.source.split(":")[0].split("#")[0]).name: r.reason for r in report.rejected}
    assert set(rejected) == {
        "empty.txt",
        "random.bin",
        "nul.html",
        "broken.jsonl",
        "huge.txt",
        "truncated.rss",
        "missing.txt",
    }
    assert "empty" in rejected["empty.txt"]
    assert any(w in rejected["random.bin"] for w in ("binary", "not a format", "encoding"))
    assert "NUL" in rejected["nul.html"]
    assert "cap" in rejected["huge.txt"]
    assert "no such file" in rejected["missing.txt"]
    assert len(store.rejects()) == 7


def test_reingest_is_idempotent(tmp_path: Path, store: SQLiteStore) -> None:
    path = write(tmp_path / "a.txt", STORY)
    first = ingest([str(path)], store)
    before = [s.full() for s in store.articles()]
    second = ingest([str(path)], store)
    assert (first.added, second.added, second.duplicates) == (1, 0, 1)
    assert [s.full() for s in store.articles()] == before


def test_same_url_changed_text_is_a_revision(tmp_path: Path, store: SQLiteStore) -> None:
    rec = '{{"url": "https://n.example.com/s", "title": "T", "text": "{}"}}\n'
    write(tmp_path / "v1.jsonl", rec.format("First version of the story."))
    write(tmp_path / "v2.jsonl", rec.format("Second version, with a correction."))
    ingest([str(tmp_path / "v1.jsonl")], store)
    report = ingest([str(tmp_path / "v2.jsonl")], store)
    assert (report.added, report.revisions) == (0, 1)
    [stored] = list(store.articles())
    assert stored.revision == 2 and stored.article.text.startswith("Second")
    assert len(store.revisions(stored.article.id)) == 2
    again = ingest([str(tmp_path / "v2.jsonl")], store)
    assert (again.revisions, again.duplicates) == (0, 1)


def test_same_content_other_url_is_a_sighting(tmp_path: Path, store: SQLiteStore) -> None:
    rec = '{{"url": "{}", "title": "T", "text": "Identical wire text."}}\n'
    write(
        tmp_path / "a.jsonl",
        rec.format("https://a.example.com/x") + rec.format("https://b.example.com/y"),
    )
    report = ingest([str(tmp_path / "a.jsonl")], store)
    assert (report.added, report.duplicates) == (1, 1)
    assert store.stats()["exact_copies_seen"] == 1


def test_near_duplicates_grouped_in_one_run(tmp_path: Path, store: SQLiteStore) -> None:
    copy = STORY.replace("The plant's owner said it would appeal.", "Reporting by Wire Agency.")
    write(tmp_path / "orig.txt", " date 2024-05-01 " + STORY)
    write(tmp_path / "copy.txt", " date 2024-05-02 " + copy)
    write(tmp_path / "other.txt", " date 2024-05-01 " + "A different story about a zoo. " * 20)
    ingest([str(tmp_path)], store)
    [group] = store.duplicate_groups()
    by_source = {Path(s.article.source).name: s for s in store.articles()}
    assert group.original == by_source["orig.txt"].article.id
    assert by_source["copy.txt"].near_duplicate_of == group.original
    assert by_source["other.txt"].near_duplicate_of is None


def test_batches_commit_and_report(tmp_path: Path, store: SQLiteStore) -> None:
    lines = "".join(f'{{"id": "r{i}", "text": "Record number {i} text."}}\n' for i in range(25))
    write(tmp_path / "many.jsonl", lines)
    report = ingest([str(tmp_path / "many.jsonl")], store, Config(batch_size=7))
    assert report.added == 25
    assert [s.article.id for s in store.articles()] == [f"r{i}" for i in range(25)]


def test_changed_dedup_settings_reindex_the_store(tmp_path: Path, store: SQLiteStore) -> None:
    from storylens.config import DedupConfig

    write(tmp_path / "orig.txt", " date 2024-05-01 " + STORY)
    ingest([str(tmp_path / "orig.txt")], store)
    copy = STORY.replace("The plant's owner said it would appeal.", "Wire copy ends here.")
    write(tmp_path / "copy.txt", " date 2024-05-02 " + copy)
    config = Config(dedup=DedupConfig(lsh_bands=32, lsh_rows=4))
    ingest([str(tmp_path / "copy.txt")], store, config)
    assert len(store.duplicate_groups()) == 1  # the stored original was found under new bands


def test_reader_process_crash_costs_only_its_target(
    tmp_path: Path, store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storylens import stream

    real = stream.read_target

    def crashing(target: str, ctx: object) -> object:
        if target.endswith("crash.txt"):
            os._exit(3)  # what a segfault in a C extension looks like from outside
        return real(target, ctx)  # type: ignore[arg-type]

    monkeypatch.setattr(stream, "read_target", crashing)
    for name in ("a.txt", "crash.txt", "z.txt"):
        write(tmp_path / "in" / name, f"{name} " + STORY)
    report = ingest([str(tmp_path / "in")], store, reader_process=True)
    assert report.added == 2
    [reject] = report.rejected
    assert reject.source.endswith("crash.txt") and "crashed" in reject.reason


@pytest.mark.parametrize("child", [False, True])
def test_same_result_in_or_out_of_process(tmp_path: Path, child: bool) -> None:
    write(tmp_path / "in" / "a.txt", " date 2024-05-01 " + STORY)
    write(tmp_path / "in" / "b.txt", " date 2024-05-02 " + STORY.replace("appeal", "fight"))
    write(tmp_path / "in" / "bad.json", "{nope")
    store = SQLiteStore(tmp_path / f"{child}.db")
    seen: list[str] = []
    report = ingest([str(tmp_path / "in")], store, reader_process=child, on_target_done=seen.append)
    assert (report.added, len(report.rejected)) == (2, 1)
    assert [Path(s).name for s in seen] == ["a.txt", "b.txt", "bad.json"]
    assert len(store.duplicate_groups()) == 1
    store.close()


def test_the_store_own_files_are_not_ingested(tmp_path: Path) -> None:
    """A directory holding the database (and its -wal, -shm files) is ingested without them."""
    (tmp_path / "a.txt").write_text("Dam breaks\n\nThe dam in Lune broke on Monday.")
    store = SQLiteStore(tmp_path / "news.db")
    try:
        report = ingest([str(tmp_path)], store, reader_process=False)
        assert report.added == 1 and not report.rejected
        assert (tmp_path / "news.db").exists()
    finally:
        store.close()
