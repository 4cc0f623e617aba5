from pathlib import Path

from storylens.config import DedupConfig
from storylens.dedup import NearDuplicateIndex, containment, group_pairs, pair_scores, shingles
from storylens.evaluate import evaluate_dedup

TEXT = " ".join(f"word{i}" for i in range(200))


def test_shingles() -> None:
    assert shingles("A b c d e f", 5) == {b"a b c d e", b"b c d e f"}
    assert shingles("Short one", 5) == {b"short one"}
    assert shingles("", 5) == set()


def test_cut_copy_is_contained() -> None:
    index = NearDuplicateIndex(DedupConfig())
    full, half = index.signature(TEXT), index.signature(TEXT[: len(TEXT) // 2])
    assert containment(full, half) > 0.8
    index.add("full", full)
    assert [m for m, _ in index.matches(half)] == ["full"]


def test_unrelated_and_short_texts_do_not_match() -> None:
    index = NearDuplicateIndex(DedupConfig())
    index.add("a", index.signature(TEXT))
    other = " ".join(f"other{i}" for i in range(200))
    assert index.matches(index.signature(other)) == []
    index.add("tiny", index.signature("breaking news just in"))
    assert index.matches(index.signature("breaking news just in")) == []


def test_signature_bytes_round_trip() -> None:
    index = NearDuplicateIndex(DedupConfig())
    sig = index.signature(TEXT)
    again = type(sig).from_bytes(sig.to_bytes(), sig.size)
    assert (again.hashvalues == sig.hashvalues).all() and again.size == sig.size


def test_group_pairs_and_scores() -> None:
    groups = group_pairs(["a", "b", "c", "d"], [("a", "b"), ("b", "c")])
    assert sorted(map(sorted, groups)) == [["a", "b", "c"], ["d"]]
    scores = pair_scores([{"a", "b"}, {"c"}], [{"a", "b", "c"}])
    assert (scores["precision"], scores["recall"]) == (1.0, round(1 / 3, 4))


def test_dev_floor(shared: Path) -> None:
    """Quality floor on ../shared/eval/dev (measured 2026-11-21: P 1.0, R 0.4167)."""
    scores = evaluate_dedup(shared / "eval" / "dev" / "articles.jsonl")
    assert scores["articles"] == 130
    assert scores["precision"] >= 0.95
    assert scores["recall"] >= 0.40
