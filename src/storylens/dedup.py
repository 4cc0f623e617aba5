"""Exact and near-duplicate detection: wire copies and spun copies -> syndication groups.

Exact duplicates (same URL, id or content hash) are the store's job. Near-duplicates are found
here with MinHash LSH (datasketch): each article's word shingles are hashed into a signature; the
LSH index proposes candidates above a low Jaccard bar, and a candidate is accepted when the
estimated *containment* (shared shingles over the smaller article's shingles) passes
``threshold``. Containment, not Jaccard, because copies are often cut at a different length
than their original (the dev data's texts are page excerpts of about 2,000 characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from storylens.config import DedupConfig
from storylens.model import Article

_SCHEME = "affine32"  # datasketch 2.0 default; pinned because stored signatures depend on it
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, k: int) -> set[bytes]:
    """The set of ``k``-word shingles of ``text`` (case-folded words), as UTF-8 bytes."""
    words = _WORD.findall(text.casefold())
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


@dataclass(frozen=True, slots=True)
class Signature:
    """A MinHash signature with the shingle count needed to estimate containment."""

    hashvalues: np.ndarray
    size: int

    def to_bytes(self) -> bytes:
        return self.hashvalues.astype("<u8").tobytes()

    @classmethod
    def from_bytes(cls, blob: bytes, size: int) -> Signature:
        return cls(np.frombuffer(blob, dtype="<u8").astype(np.uint64), size)


def containment(a: Signature, b: Signature) -> float:
    """Estimated |A ∩ B| / min(|A|, |B|) from two signatures' Jaccard and sizes."""
    if a.size == 0 or b.size == 0:
        return 0.0
    jaccard = float(np.count_nonzero(a.hashvalues == b.hashvalues)) / len(a.hashvalues)
    inter = jaccard * (a.size + b.size) / (1.0 + jaccard)
    return min(1.0, inter / min(a.size, b.size))


class NearDuplicateIndex:
    """In-memory LSH index over article signatures.

    Example:
        >>> from storylens.config import DedupConfig
        >>> index = NearDuplicateIndex(DedupConfig())
        >>> sig = index.signature("word " * 10 + "the same long wire story about a flood " * 5)
        >>> index.add("a1", sig)
        >>> index.matches(sig)
        [('a1', 1.0)]
    """

    def __init__(self, config: DedupConfig) -> None:
        self.config = config
        self._lsh = MinHashLSH(threshold=config.lsh_threshold, num_perm=config.num_perm)
        self._sigs: dict[str, Signature] = {}
        # One permutation table for all signatures: building it per article costs more than
        # hashing the article. Stored signatures are only comparable under the same scheme.
        self._perm = MinHash(num_perm=config.num_perm, scheme=_SCHEME).permutations

    def signature(self, text: str) -> Signature:
        sh = shingles(text, self.config.shingle_words)
        mh = MinHash(num_perm=self.config.num_perm, permutations=self._perm, scheme=_SCHEME)
        mh.update_batch(list(sh))
        return Signature(mh.hashvalues.copy(), len(sh))

    def signature_of(self, article: Article) -> Signature:
        return self.signature(article.text)

    def add(self, key: str, sig: Signature) -> None:
        if key in self._sigs:
            self._lsh.remove(key)
        self._sigs[key] = sig
        self._lsh.insert(key, self._minhash(sig), check_duplication=False)

    def __len__(self) -> int:
        return len(self._sigs)

    def matches(self, sig: Signature, exclude: str | None = None) -> list[tuple[str, float]]:
        """Indexed articles that ``sig`` is a near-duplicate of, best first."""
        if sig.size < self.config.min_shingles:
            return []  # too short to tell a copy from a shared stock phrase
        found = []
        for key in self._lsh.query(self._minhash(sig)):
            other = self._sigs[key]
            if key == exclude or other.size < self.config.min_shingles:
                continue
            score = containment(sig, other)
            if score >= self.config.threshold:
                found.append((key, round(score, 4)))
        return sorted(found, key=lambda kv: (-kv[1], kv[0]))

    def _minhash(self, sig: Signature) -> MinHash:
        return MinHash(
            num_perm=self.config.num_perm,
            hashvalues=sig.hashvalues,
            permutations=self._perm,
            scheme=_SCHEME,
        )


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
