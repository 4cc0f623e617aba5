"""Exact and near-duplicate detection: wire copies and spun copies -> syndication groups.

Exact duplicates (same URL, id or content hash) are the store's job. Near-duplicates are found
here with MinHash LSH: each article's word shingles are hashed into a MinHash signature
(datasketch), the signature is cut into ``lsh_bands`` bands of ``lsh_rows`` values, and articles
sharing any band are candidates. The band keys live in a :class:`BandIndex` (the store's
table in production), so memory does not grow with the archive and nothing is loaded at start.

A candidate is accepted when the exact *containment* (shared shingles over the smaller
article's shingles) passes ``threshold``. Containment, not Jaccard, because copies are often
cut at a different length than their original (the dev data's texts are page excerpts of about
2,000 characters). Exact, not estimated from signatures, because the estimate's noise (about
±0.1 at 128 permutations when lengths differ) merged two independent agency reports there.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from datasketch import MinHash

from storylens.config import DedupConfig

_SCHEME = "affine32"  # datasketch 2.0's default; pinned because stored band keys depend on it
_WORD = re.compile(r"\w+", re.UNICODE)
_MULT = np.uint64(1_000_003)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_FNV = np.uint64(0x100000001B3)


def shingle_hashes(text: str, k: int) -> np.ndarray:
    """Sorted unique 32-bit hashes of the ``k``-word shingles of ``text`` (case-folded).

    Each word is hashed once (CRC-32: C speed, stable across processes) and the hashes of k
    consecutive words are combined in numpy, which is several times faster than building
    every shingle string. Two different shingles collide with probability 2**-32; MinHash's
    randomness comes from datasketch's mixing and permutations on top, not from this hash.

    >>> len(shingle_hashes("a b c d e f", 5))
    2
    """
    words = _WORD.findall(text.casefold())
    if not words:
        return np.empty(0, dtype=np.uint64)
    # map() over builtins iterates in C: 3x faster than a generator expression here
    word_hashes = np.array(list(map(zlib.crc32, map(str.encode, words))), dtype=np.uint64)
    n = max(1, len(words) - k + 1)
    combined = np.zeros(n, dtype=np.uint64)
    for j in range(min(k, len(words))):
        combined = combined * _MULT + word_hashes[j : j + n]  # wraps mod 2**64, as intended
    folded = (combined ^ (combined >> np.uint64(32))) & np.uint64(0xFFFFFFFF)
    return np.unique(folded)


@dataclass(frozen=True, slots=True)
class Signature:
    """A text's shingle hashes, its MinHash signature and the LSH band keys cut from it."""

    shingles: np.ndarray
    hashvalues: np.ndarray
    keys: tuple[int, ...]

    @property
    def size(self) -> int:
        return len(self.shingles)


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """|A ∩ B| / min(|A|, |B|) of two sorted unique shingle-hash arrays."""
    if not len(a) or not len(b):
        return 0.0
    shared = np.intersect1d(a, b, assume_unique=True).size
    return float(shared) / min(len(a), len(b))


class BandIndex(Protocol):
    """Where LSH band keys are kept: the store in production, a dict in tests."""

    def band_candidates(self, keys: Sequence[int]) -> set[str]:
        """Ids of articles that share at least one of ``keys``."""
        ...

    def add_bands(self, article_id: str, keys: Sequence[int]) -> None: ...

    def remove_bands(self, article_id: str, keys: Sequence[int]) -> None: ...


class MemoryBandIndex:
    """A :class:`BandIndex` in a dict: for tests and one-off comparisons."""

    def __init__(self) -> None:
        self._buckets: dict[int, set[str]] = {}

    def band_candidates(self, keys: Sequence[int]) -> set[str]:
        found: set[str] = set()
        for key in keys:
            found |= self._buckets.get(key, set())
        return found

    def add_bands(self, article_id: str, keys: Sequence[int]) -> None:
        for key in keys:
            self._buckets.setdefault(key, set()).add(article_id)

    def remove_bands(self, article_id: str, keys: Sequence[int]) -> None:
        for key in keys:
            self._buckets.get(key, set()).discard(article_id)


def lsh_params(config: DedupConfig) -> dict[str, object]:
    """Everything stored band keys depend on: when it changes, the keys must be rebuilt."""
    return {
        "shingle_words": config.shingle_words,
        "num_perm": config.num_perm,
        "bands": config.lsh_bands,
        "rows": config.lsh_rows,
        "scheme": _SCHEME,
        "hash": "crc32",
        "seed": 1,
    }


class MinHasher:
    """Text -> :class:`Signature`: shingles, MinHash, LSH band keys. Pure and picklable, so a
    reader process can compute signatures while the main process writes."""

    def __init__(self, config: DedupConfig) -> None:
        if config.lsh_bands * config.lsh_rows > config.num_perm:
            raise ValueError("dedup: lsh_bands * lsh_rows must not exceed num_perm")
        self.config = config
        # One permutation table for all signatures: building it per article costs more than
        # hashing the article. Band keys are only comparable under the same table (seed 1).
        self._perm = MinHash(num_perm=config.num_perm, scheme=_SCHEME).permutations

    def signature(self, text: str) -> Signature:
        sh = shingle_hashes(text, self.config.shingle_words)
        mh = MinHash(
            num_perm=self.config.num_perm,
            permutations=self._perm,
            scheme=_SCHEME,
            hashfunc=int,  # the shingles are hashed already
        )
        mh.update_batch(sh.tolist())
        return Signature(sh, mh.hashvalues.copy(), self._band_keys(mh.hashvalues))

    def _band_keys(self, hashvalues: np.ndarray) -> tuple[int, ...]:
        """One signed 64-bit key per band: an FNV-style mix of the band's number and values."""
        bands, rows = self.config.lsh_bands, self.config.lsh_rows
        values = hashvalues.astype(np.uint64)[: bands * rows].reshape(bands, rows)
        keys = np.arange(bands, dtype=np.uint64) * _GOLDEN
        for j in range(rows):
            keys = (keys ^ values[:, j]) * _FNV
        return tuple(keys.view(np.int64).tolist())


class NearDuplicateFinder:
    """Finds the stored articles a text is a near-duplicate of.

    Example:
        >>> from storylens.config import DedupConfig
        >>> finder = NearDuplicateFinder(DedupConfig(), MemoryBandIndex())
        >>> text = " ".join(f"word{i}" for i in range(60))
        >>> sig = finder.signature(text)
        >>> finder.add("a1", sig)
        >>> finder.matches(sig, {"a1": text}.get)
        [('a1', 1.0)]
    """

    def __init__(
        self, config: DedupConfig, bands: BandIndex, hasher: MinHasher | None = None
    ) -> None:
        self.config = config
        self.bands = bands
        self.hasher = hasher or MinHasher(config)

    def signature(self, text: str) -> Signature:
        return self.hasher.signature(text)

    def _indexed_keys(self, sig: Signature) -> tuple[int, ...]:
        return sig.keys if sig.size >= self.config.min_shingles else ()  # too short to judge

    def add(self, article_id: str, sig: Signature) -> None:
        """Index ``article_id`` under the band keys of ``sig``."""
        self.bands.add_bands(article_id, self._indexed_keys(sig))

    def remove(self, article_id: str, sig: Signature) -> None:
        """Drop the band keys of ``sig`` (an old revision's) from ``article_id``."""
        self.bands.remove_bands(article_id, self._indexed_keys(sig))

    def matches(
        self,
        sig: Signature,
        text_of: Callable[[str], str | None],
        exclude: str | None = None,
    ) -> list[tuple[str, float]]:
        """Indexed articles that the text of ``sig`` is a near-duplicate of, best first.

        Args:
            sig: the signature of the text (from :meth:`signature`).
            text_of: gives a candidate's text by its id (the store, in the pipeline).
            exclude: an id never to return (the article itself, on a revision).
        """
        if sig.size < self.config.min_shingles:
            return []  # too short to tell a copy from a shared stock phrase
        k = self.config.shingle_words
        found = []
        for key in sorted(self.bands.band_candidates(sig.keys) - {exclude}):
            other = text_of(key)
            if other is None:
                continue
            score = containment(sig.shingles, shingle_hashes(other, k))
            if score >= self.config.threshold:
                found.append((key, round(score, 4)))
        return sorted(found, key=lambda kv: (-kv[1], kv[0]))


def group_pairs(ids: Sequence[str], pairs: Iterable[tuple[str, str]]) -> list[set[str]]:
    """Connected components of ``pairs`` over ``ids`` (union-find); singletons included."""
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        if a in parent and b in parent:
            parent[find(a)] = find(b)
    groups: dict[str, set[str]] = {}
    for i in ids:
        groups.setdefault(find(i), set()).add(i)
    return list(groups.values())


def pair_scores(predicted: list[set[str]], gold: list[set[str]]) -> dict[str, float]:
    """Pairwise precision/recall/F1 of "same syndication group" links."""

    def links(groups: list[set[str]]) -> set[frozenset[str]]:
        return {frozenset((a, b)) for g in groups for a in g for b in g if a < b}

    pred, true = links(predicted), links(gold)
    tp = len(pred & true)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(true) if true else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f1, 4),
        "predicted_links": len(pred),
        "gold_links": len(true),
    }
