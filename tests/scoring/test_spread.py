"""Between-group differences (η²) told apart from spread within groups."""

from __future__ import annotations

import pytest

from peerready.documents.loader import load_instrument
from peerready.model.questionnaire import Settings
from peerready.scoring.spread import eta_squared, group_spread
from peerready.scoring.tally import Moments, ScoringPlan, Tally
from tests.helpers.answering import answers

READINESS = load_instrument("readiness")
Q = READINESS.questionnaire
PLAN = ScoringPlan.build(Q)


def moments(*values: float) -> Moments:
    m = Moments()
    for v in values:
        m.add(v)
    return m


def test_eta_squared_by_hand() -> None:
    # groups {0, 20} and {60, 80}: means 10 and 70, grand mean 40; between = 2·30² + 2·30² = 3600,
    # within = (10² + 10²) + (10² + 10²) = 400, η² = 3600 / 4000
    assert eta_squared([moments(0, 20), moments(60, 80)]) == pytest.approx(0.9)
    assert eta_squared([moments(50, 50), moments(50, 50)]) is None  # no spread at all
    assert eta_squared([moments(10, 90)]) is None  # one group


def tally(*answer_sets: dict[str, str]) -> Tally:
    t = Tally(PLAN, Q.settings.min_coverage)
    for one in answer_sets:
        t.add(one)
    return t


def test_leaders_and_staff_who_differ_are_a_difference_between_groups() -> None:
    leaders = tally(*[answers(Q)] * 5)
    staff = tally(*[answers(Q, domains={"culture": "bottom"})] * 5)
    spread = {s.domain: s for s in group_spread({"leader": leaders, "staff": staff}, "role", Settings())}
    assert spread["culture"].eta_squared == 1.0 and spread["culture"].source == "between_groups"
    assert spread["leadership"].eta_squared is None  # everyone answered alike: no spread to place


def test_disagreement_inside_each_group_is_spread_within_groups() -> None:
    mixed = [answers(Q, domains={"culture": "bottom"}), answers(Q)] * 3
    spread = group_spread({"leader": tally(*mixed), "staff": tally(*mixed)}, "role", Settings())
    culture = next(s for s in spread if s.domain == "culture")
    assert culture.eta_squared == 0.0 and culture.source == "within_groups"


def test_groups_too_small_to_show_give_no_spread() -> None:
    four = tally(*[answers(Q)] * 4)
    other = tally(*[answers(Q, default="bottom")] * 4)
    assert group_spread({"leader": four, "staff": other}, "role", Settings()) == []
