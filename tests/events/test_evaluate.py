"""B-cubed and pairwise scores on hand-made clusterings."""

from __future__ import annotations

import pytest

from storylens.events.evaluate import bcubed, pairwise

GOLD = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}


def test_perfect() -> None:
    pred = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}
    assert bcubed(pred, GOLD)["f1"] == 1.0
    assert pairwise(pred, GOLD)["f1"] == 1.0


def test_all_in_one_and_all_apart() -> None:
    one = dict.fromkeys(GOLD, 0)
    assert bcubed(one, GOLD)["r"] == 1.0
    assert bcubed(one, GOLD)["p"] == pytest.approx((3 * 3 / 5 + 2 * 2 / 5) / 5, abs=1e-4)
    assert pairwise(one, GOLD)["p"] == pytest.approx(4 / 10, abs=1e-4)
    apart = {k: k for k in GOLD}
    assert bcubed(apart, GOLD)["p"] == 1.0
    assert bcubed(apart, GOLD)["r"] == pytest.approx((3 * 1 / 3 + 2 * 1 / 2) / 5, abs=1e-4)
    assert pairwise(apart, GOLD)["r"] == 0.0


def test_one_article_misplaced() -> None:
    pred = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}
    scores = bcubed(pred, GOLD)
    # a, b: P 1, R 2/3; c: P 1/3, R 1/3; d, e: P 2/3, R 1
    assert scores["p"] == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5, abs=1e-4)
    assert scores["r"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5, abs=1e-4)
