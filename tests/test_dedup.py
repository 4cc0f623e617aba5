from pathlib import Path

from storylens.config import DedupConfig
from storylens.dedup import (
    MemoryBandIndex,
    NearDuplicateFinder,
    containment,
    group_pairs,
    pair_scores,
    shingle_hashes,
)
from storylens.evaluate import evaluate_dedup

TEXT = " ".join(f"word{i}" for i in range(200))


def test_shingle_hashes() -> None:
    assert len(shingle_hashes("A b c d e f", 5)) == 2
    assert (shingle_hashes("A B C D E", 5) == shingle_hashes("a b, c d e!", 5)).all()
    assert len(shingle_hashes("a b a b a b a b", 2)) == 2  # "a b" and "b a"
    assert len(shingle_hashes("Short one", 5)) == 1
    assert len(shingle_hashes("", 5)) == 0


def test_cut_copy_is_contained() -> None:
    index = NearDuplicateFinder(DedupConfig(), MemoryBandIndex())
    half = " ".join(TEXT.split()[:100])
    assert containment(shingle_hashes(TEXT, 5), shingle_hashes(half, 5)) == 1.0
    index.add("full", index.signature(TEXT))
    assert index.matches(index.signature(half), {"full": TEXT}.get) == [("full", 1.0)]


def test_unrelated_and_short_texts_do_not_match() -> None:
    index = NearDuplicateFinder(DedupConfig(), MemoryBandIndex())
    texts = {"a": TEXT, "tiny": "breaking news just in"}
    for key, text in texts.items():
        index.add(key, index.signature(text))
    other = " ".join(f"other{i}" for i in range(200))
    assert index.matches(index.signature(other), texts.get) == []
    assert index.matches(index.signature(texts["tiny"]), texts.get) == []


def test_revision_does_not_match_itself() -> None:
    index = NearDuplicateFinder(DedupConfig(), MemoryBandIndex())
    index.add("a", index.signature(TEXT))
    assert index.matches(index.signature(TEXT), {"a": TEXT}.get, exclude="a") == []


def test_band_keys_are_stable_and_replaced() -> None:
    bands = MemoryBandIndex()
    finder = NearDuplicateFinder(DedupConfig(), bands)
    sig = finder.signature(TEXT)
    assert sig.keys == finder.signature(TEXT).keys
    assert len(set(sig.keys)) == DedupConfig().lsh_bands
    finder.add("a", sig)
    assert bands.band_candidates(sig.keys) == {"a"}
    finder.remove("a", sig)
    assert bands.band_candidates(sig.keys) == set()


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
