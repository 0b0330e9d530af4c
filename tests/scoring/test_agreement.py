"""Agreement statistics against values worked out by hand (and matching R's multilevel::rwg)."""

from __future__ import annotations

import pytest

from peerready.scoring.agreement import ad_cutoff, average_deviation, null_variance, rwg, rwg_j


def test_null_variance_of_uniform_answers() -> None:
    assert null_variance(5) == 2.0
    assert null_variance(3) == pytest.approx(0.6667, abs=1e-4)
    assert null_variance(7) == 4.0


def test_rwg_of_two_neighbouring_answers() -> None:
    # answers 4,4,4,5,5,5 on a 5-point scale: s² = 0.3, rwg = 1 − 0.3/2
    assert rwg([0, 0, 0, 3, 3]) == pytest.approx(0.85)


def test_rwg_is_one_for_identical_answers_and_zero_when_spread_exceeds_chance() -> None:
    assert rwg([0, 0, 7, 0, 0]) == 1.0
    assert rwg([3, 0, 0, 0, 3]) == 0.0  # variance 4.8 > 2: truncated


def test_rwg_needs_two_answers() -> None:
    assert rwg([0, 1, 0]) is None
    assert rwg([0, 0, 0]) is None


def test_rwg_j_combines_items_relative_to_their_own_scales() -> None:
    # two items, s²/σ² = 1/6 each: J(1 − r)/(J(1 − r) + r) = 2·(5/6) / (2·(5/6) + 1/6)
    counts = [0, 0, 0, 3, 3]  # s² = 0.3 → 0.15 of σ² … so use a hand-checked pair
    assert rwg_j([counts, counts]) == pytest.approx((2 * 0.85) / (2 * 0.85 + 0.15))
    assert rwg_j([[3, 0, 0, 0, 3], [3, 0, 0, 0, 3]]) == 0.0
    assert rwg_j([[1, 0, 0]]) is None


def test_average_deviation_is_in_scale_points() -> None:
    assert average_deviation([0, 0, 0, 2, 2]) == 0.5
    assert average_deviation([2, 0, 0, 0, 2]) == 2.0
    assert average_deviation([0, 1, 0]) is None
    assert ad_cutoff(5) == pytest.approx(0.833, abs=1e-3)
