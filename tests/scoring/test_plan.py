"""The action plan: phases in order, what caps the verdict first, short first phase, few "high",
duplicates merged; and the catalogue checks that keep owners possible in their phase."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from peerready.documents.loader import load_instrument
from peerready.documents.references import check_catalogue
from peerready.i18n import both
from peerready.model.catalogue import PHASE_ORDER, Catalogue, Recommendation
from peerready.model.criteria import Facts
from peerready.model.questionnaire import Settings
from peerready.model.result import Reason, Verdict
from peerready.scoring.plan import action_plan
from tests.helpers.answering import answers, scored

TEXT = both("tekst", "text")
FACTS = Facts(domain_band={"lead": "needs_work", "team": "needs_work"}, item_band={"q1": "needs_work"})
NO_CAPS = Verdict(score=50, band="b", label=TEXT, uncapped_band="b", provisional=False, reasons=[])


def rec(rec_id: str, **fields: Any) -> Recommendation:
    data: dict[str, Any] = {
        "id": rec_id,
        "title": {"da": rec_id, "en": rec_id},
        "text": {"da": "Gør det.", "en": "Do it."},
        "domains": ["team"],
        "when": [{"kind": "domain_band", "domain": "team", "bands": ["needs_work"]}],
        "priority": "medium",
        "owner": "leadership",
        "timeframe": "before_hiring",
        "phase": "before_hiring",
        "sources": [{"source": "guide", "section": "Kapitel 1", "quote": "et citat fra vejledningen"}],
    }
    return Recommendation.model_validate(data | fields)


def test_phases_come_in_order_and_what_caps_the_verdict_leads_its_phase() -> None:
    capped = NO_CAPS.model_copy(update={"reasons": [Reason(kind="cap", text=TEXT, domain="lead")]})
    plan = action_plan(
        [
            rec("ongoing", phase="ongoing", priority="high"),
            rec("team-high", priority="high"),
            rec("lead-low", priority="low", domains=["lead"]),
            rec("now", phase="now", priority="low"),
        ],
        FACTS,
        capped,
        Settings(),
    )
    assert [(r.id, r.order, r.later) for r in plan] == [
        ("now", 1, False),
        ("lead-low", 2, False),  # addresses the capped domain: before a "high" one in its phase
        ("team-high", 3, False),
        ("ongoing", 4, False),
    ]
    assert [r.phase for r in plan] == ["now", "before_hiring", "before_hiring", "ongoing"]


def test_an_item_named_by_a_cap_rule_pulls_its_advice_forward() -> None:
    capped = NO_CAPS.model_copy(update={"reasons": [Reason(kind="cap", text=TEXT, items=["q1"])]})
    item_rule = [{"kind": "item_band", "item": "q1", "bands": ["needs_work"]}]
    plan = action_plan(
        [rec("first", priority="high"), rec("about-q1", when=item_rule)], FACTS, capped, Settings()
    )
    assert [r.id for r in plan] == ["about-q1", "first"]


def test_the_first_phase_keeps_seven_and_high_ten_the_rest_come_later() -> None:
    recs = [rec(f"now-{i:02}", phase="now", priority="high") for i in range(9)]
    recs += [rec(f"before-{i:02}", priority="high") for i in range(6)]
    plan = action_plan(recs, FACTS, NO_CAPS, Settings())
    kept = [r.id for r in plan if not r.later]
    assert kept == [f"now-{i:02}" for i in range(7)] + [f"before-{i:02}" for i in range(3)]
    assert [r.id for r in plan if r.later] == ["now-07", "now-08", "before-03", "before-04", "before-05"]
    assert [r.order for r in plan] == list(range(1, 16))


def test_a_covering_recommendation_absorbs_its_duplicate() -> None:
    plan = action_plan(
        [rec("short", priority="high"), rec("full", covers=["short"], domains=["team", "lead"])],
        FACTS,
        NO_CAPS,
        Settings(),
    )
    assert [(r.id, r.merged, r.domains) for r in plan] == [("full", ["short"], ["team", "lead"])]


@given(
    st.lists(
        st.tuples(st.sampled_from(sorted(PHASE_ORDER)), st.sampled_from(["high", "medium", "low"])),
        max_size=40,
    )
)
@settings(deadline=None)  # a shared, loaded machine can take longer than hypothesis's 200 ms
def test_plan_limits_hold_for_any_selection(shapes: list[tuple[str, str]]) -> None:
    recs = [rec(f"r{i}", phase=phase, priority=priority) for i, (phase, priority) in enumerate(shapes)]
    plan = action_plan(recs, FACTS, NO_CAPS, Settings())
    assert len(plan) == len(recs)
    kept = [r for r in plan if not r.later]
    assert plan[: len(kept)] == kept  # everything later comes after everything kept
    if plan:
        first = min((r.phase for r in plan), key=PHASE_ORDER.__getitem__)
        assert sum(r.phase == first for r in kept) <= 7
        assert [PHASE_ORDER[r.phase] for r in kept] == sorted(PHASE_ORDER[r.phase] for r in kept)
    assert sum(r.priority == "high" for r in kept) <= 10


def test_partly_in_place_throughout_gives_a_plan_a_leader_can_act_on() -> None:
    # The case: "partly" (and "neither") throughout selected 46 recommendations, 28 in
    # the first timeframe and 26 "high". The plan now shows at most 7 in its first phase and at
    # most 10 "high"; the rest are listed as later.
    readiness = load_instrument("readiness")
    result = scored(readiness, [answers(readiness.questionnaire, default="middle")])
    kept = [r for r in result.recommendations if not r.later]
    first = result.recommendations[0].phase
    assert sum(r.phase == first for r in kept) <= 7
    assert sum(r.priority == "high" for r in kept) <= 10
    assert [r.order for r in result.recommendations] == list(range(1, len(result.recommendations) + 1))


def _catalogue(*recs: Recommendation) -> Catalogue:
    return Catalogue(id="c", version="1.0", title=TEXT, recommendations=list(recs))


def test_peer_workers_cannot_own_a_step_before_they_are_hired() -> None:
    bad = _catalogue(rec("network", owner="peer_workers", phase="before_hiring"))
    problems = check_catalogue(bad)
    assert [(p.path, p.message) for p in problems if "owner" in p.path] == [
        (
            "recommendations[0].owner",
            "no peer workers are hired yet in phase 'before_hiring': give the step to someone who is",
        )
    ]
    fine = _catalogue(rec("network", owner="peer_workers", phase="first_three_months"))
    assert not [p for p in check_catalogue(fine) if "owner" in p.path]


def test_covers_must_name_another_recommendation_without_a_loop() -> None:
    problems = check_catalogue(
        _catalogue(rec("a", covers=["b"]), rec("b", covers=["a"]), rec("c", covers=["nothing"]))
    )
    messages = sorted(p.message for p in problems if "covers" in p.path)
    assert messages == [
        "'a' and 'b' cover each other",
        "'b' and 'a' cover each other",
        "unknown recommendation 'nothing'",
    ]
