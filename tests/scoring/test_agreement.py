"""Agreement statistics against values worked out by hand (rwg matches R's multilevel::rwg),
and the rule that flags an item only where disagreement could change the conclusion."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerready.scoring.agreement import (
    median_deviation,
    null_variance,
    rwg,
    rwg_j,
    splits_decision,
    spread_cutoff,
)

THREE_TOP = [False, False, True]  # three levels; only "in place" reaches the top band
FIVE_TOP = [False, False, False, False, True]  # five levels; only "strongly agree" does


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
    counts = [0, 0, 0, 3, 3]  # s²/σ² = 0.15 on each item
    assert rwg_j([counts, counts]) == pytest.approx((2 * 0.85) / (2 * 0.85 + 0.15))
    assert rwg_j([[3, 0, 0, 0, 3], [3, 0, 0, 0, 3]]) == 0.0
    assert rwg_j([[1, 0, 0]]) is None


def test_median_deviation_is_in_answer_levels() -> None:
    # 1,1,1,1,1,3 on three levels: median 1, distances 0·5 + 2 → 2/6
    assert median_deviation([5, 0, 1]) == pytest.approx(1 / 3)
    # 4,4,5,5: any median between 4 and 5 gives distances summing to 2 → 0.5
    assert median_deviation([0, 0, 0, 2, 2]) == 0.5
    assert median_deviation([2, 0, 0, 0, 2]) == 2.0
    assert median_deviation([0, 1, 0]) is None
    assert spread_cutoff(5) == pytest.approx(0.833, abs=1e-3)
    assert spread_cutoff(3) == 0.5


def test_five_of_six_agreeing_is_not_flagged_although_rwg_says_none() -> None:
    # the case: rwg against the uniform null gives 0.00 for 1,1,1,1,1,3 on three levels
    assert rwg([5, 0, 1]) == 0.0
    assert not splits_decision([5, 0, 1], THREE_TOP)
    assert not splits_decision([1, 0, 5], THREE_TOP)
    assert not splits_decision([1, 0, 0, 0, 5], FIVE_TOP)


def test_unanimous_and_all_favourable_answers_are_never_flagged() -> None:
    assert not splits_decision([0, 6, 0], THREE_TOP)
    assert not splits_decision([0, 0, 0, 0, 8], FIVE_TOP)
    # all favourable by a scale whose top two answers count (an explicit favourable_from)
    assert not splits_decision([0, 0, 0, 4, 4], [False, False, False, True, True])


def test_a_real_half_and_half_split_is_flagged() -> None:
    assert splits_decision([3, 0, 3], THREE_TOP)  # needs work against in place
    assert splits_decision([0, 3, 3], THREE_TOP)  # partly against in place: exactly c/6
    assert splits_decision([3, 0, 0, 0, 3], FIVE_TOP)
    assert splits_decision([0, 0, 3, 0, 3], FIVE_TOP)  # neither against strongly agree: AD_Md 1


def test_disagreement_that_cannot_change_the_conclusion_is_not_flagged() -> None:
    assert not splits_decision([0, 0, 0, 3, 3], FIVE_TOP)  # somewhat against strongly agree: AD_Md 0.5
    assert not splits_decision([3, 3, 0], THREE_TOP)  # all below the cut
    assert not splits_decision([0, 3, 5], THREE_TOP)  # 5 of 8 in place, the rest partly: AD_Md 0.375


@settings(deadline=None)  # a shared, loaded machine can take longer than 200 ms
@given(st.integers(6, 40), st.integers(3, 5), st.data())
def test_one_dissenter_among_six_or_more_is_never_flagged(n: int, levels: int, data: st.DataObject) -> None:
    majority = data.draw(st.integers(0, levels - 1))
    dissent = data.draw(st.integers(0, levels - 1))
    cut = data.draw(st.integers(1, levels - 1))
    counts = [0] * levels
    counts[majority] += n - 1
    counts[dissent] += 1
    assert not splits_decision(counts, [rank >= cut for rank in range(levels)])


@settings(deadline=None)
@given(st.lists(st.integers(0, 12), min_size=3, max_size=5), st.data())
def test_flags_need_answers_on_both_sides_of_the_cut(counts: list[int], data: st.DataObject) -> None:
    cut = data.draw(st.integers(1, len(counts) - 1))
    favourable = [rank >= cut for rank in range(len(counts))]
    if splits_decision(counts, favourable):
        assert sum(counts[:cut]) and sum(counts[cut:])
        deviation = median_deviation(counts)
        assert deviation is not None and deviation >= spread_cutoff(len(counts)) - 1e-9
