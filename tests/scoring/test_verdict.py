"""The verdict on the bundled questionnaires: graded caps, each with its reason, and the
promise that raising any answer never lowers the verdict."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerready.documents.loader import load_instrument
from peerready.documents.references import check_questionnaire
from peerready.documents.sessions import save_session
from peerready.model.bands import ascending
from peerready.model.ids import DONT_KNOW
from peerready.model.questionnaire import CriticalCap
from peerready.model.session import Respondent, Session, reference_to
from peerready.scoring.tally import ScoringPlan
from tests.helpers.answering import answers, scored

READINESS = load_instrument("readiness")
QUICK = load_instrument("quick")
MOTIVATION = load_instrument("motivation")
RANKS = [b.id for b in ascending(READINESS.questionnaire.overall_bands)]


def test_a_critical_domain_at_partly_with_one_needs_work_is_not_a_cliff() -> None:
    # The case: leadership "partly" throughout, one item at "needs work", the rest at the
    # top. With n leadership items it scores (0 + (n − 1)·50)/n, 40 for five items: still
    # "emerging", above the 20 cap, below the 60 cap, so the verdict is "partly ready" – one step
    # down, never to "not ready".
    q = READINESS.questionnaire
    lead = [i.id for i in q.domain_by_id["leadership"].scored_items]
    result = scored(READINESS, [answers(q, domains={"leadership": "middle"}, items={lead[0]: "bottom"})])
    assert result.domain("leadership").score == pytest.approx(50 * (len(lead) - 1) / len(lead))
    assert result.domain("leadership").band == "emerging"
    assert result.verdict.band == "getting_ready"
    caps = [r for r in result.verdict.reasons if r.kind == "cap"]
    assert [r.domain for r in caps] == ["leadership"]
    assert "below 60" in caps[0].text.en


def test_a_critical_domain_near_the_floor_means_not_ready() -> None:
    q = READINESS.questionnaire
    result = scored(READINESS, [answers(q, domains={"supervision": "bottom"})])
    assert result.verdict.score is not None and result.verdict.score > 80
    assert result.verdict.band == "not_ready"
    assert {r.domain for r in result.verdict.reasons if r.kind == "cap"} == {"supervision"}


def test_in_quick_one_answer_does_not_decide_not_ready() -> None:
    # quick asks one question about supervision: its lowest answer scores the domain 0, which caps
    # the verdict at "partly ready" – not at "not ready", as the full questionnaire would
    q = QUICK.questionnaire
    assert len(q.domain_by_id["supervision"].scored_items) == 1
    result = scored(QUICK, [answers(q, domains={"supervision": "bottom"})])
    assert result.verdict.band == "getting_ready"
    full = scored(READINESS, [answers(READINESS.questionnaire, domains={"supervision": "bottom"})])
    assert full.verdict.band == "not_ready"


def test_no_top_verdict_with_any_domain_at_rock_bottom() -> None:
    q = READINESS.questionnaire
    for domain in ("culture", "role", "team", "training", "strategy"):
        result = scored(READINESS, [answers(q, domains={domain: "bottom"})])
        assert result.verdict.uncapped_band == "ready", domain
        assert result.verdict.band == "getting_ready", domain
        reason = next(r for r in result.verdict.reasons if r.kind == "cap")
        assert reason.domain == domain and "lowest band" in reason.text.en


def test_no_lasting_budget_means_at_most_partly_ready() -> None:
    for instrument in (READINESS, QUICK):
        result = scored(instrument, [answers(instrument.questionnaire, items={"str_budget": "bottom"})])
        assert result.verdict.band == "getting_ready"
        reason = next(r for r in result.verdict.reasons if r.items)
        assert reason.kind == "cap" and reason.items == ["str_budget"] and "funding" in reason.text.en


def test_all_top_is_ready_with_no_caps() -> None:
    result = scored(READINESS, [answers(READINESS.questionnaire)])
    assert result.verdict.band == "ready"
    assert [r.kind for r in result.verdict.reasons] == ["score"]


def test_the_motivation_worksheet_gives_no_verdict() -> None:
    q = MOTIVATION.questionnaire
    result = scored(MOTIVATION, [answers(q, default="bottom")])
    assert not result.verdict.given
    assert result.verdict.band is None and result.verdict.label is None and result.verdict.reasons == []
    assert result.verdict.score is None  # no overall readiness score either
    assert result.domain("motivation").band == "needs_work"  # domain scores are still given


def test_the_worksheet_says_so_instead_of_a_verdict(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    q = MOTIVATION.questionnaire
    session = Session(
        questionnaire=reference_to(q),
        organisation="Test",
        date=dt.date(2026, 11, 20),
        language="en",
        mode="consensus",
        respondents=[Respondent(id="1")],
        answers={"group": answers(q, default="middle")},
    )
    save_session(session, tmp_path / "worksheet.json")
    shown = run("score", tmp_path / "worksheet.json", "--lang", "en")
    assert shown.code == 0
    assert "Overall verdict: none – a worksheet gives no readiness verdict" in shown.out


def test_cap_thresholds_on_an_answers_score_are_refused() -> None:
    q = READINESS.questionnaire
    on_midpoint = q.model_copy(update={"verdict_caps": [CriticalCap(below=50, cap="getting_ready")]})
    problems = check_questionnaire(on_midpoint, READINESS.sources)
    assert [p.path for p in problems] == ["verdict_caps[0].below"]
    assert "50 is the score of answer" in problems[0].message
    unknown = q.model_copy(update={"verdict_caps": [CriticalCap(below=30, cap="nearly")]})
    assert [p.message for p in check_questionnaire(unknown, READINESS.sources)] == [
        "unknown verdict band 'nearly'"
    ]


def _raise(q_plan: ScoringPlan, one: dict[str, str], item: str) -> dict[str, str] | None:
    """The same answers with `item` one option higher, or None if it cannot go higher."""
    plan = next(p for p in q_plan.items if p.id == item)
    by_points = sorted(plan.option_ids, key=lambda o: plan.points[plan.index_of[o]])
    current = one.get(item)
    if current not in by_points:
        return None
    position = by_points.index(current)
    higher = [
        o
        for o in by_points[position + 1 :]
        if plan.points[plan.index_of[o]] > plan.points[plan.index_of[current]]
    ]
    return {**one, item: higher[0]} if higher else None


def _respondents(instrument):  # type: ignore[no-untyped-def]
    plan = ScoringPlan.build(instrument.questionnaire)
    answer = st.tuples(*(st.sampled_from([*p.option_ids, DONT_KNOW]) for p in plan.items)).map(
        lambda values: {p.id: v for p, v in zip(plan.items, values, strict=True)}
    )
    return st.lists(answer, min_size=1, max_size=8)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([READINESS, QUICK]), st.data())
def test_raising_any_answer_never_lowers_the_verdict(instrument, data) -> None:  # type: ignore[no-untyped-def]
    plan = ScoringPlan.build(instrument.questionnaire)
    answer_sets = data.draw(_respondents(instrument))
    who = data.draw(st.integers(0, len(answer_sets) - 1))
    item = data.draw(st.sampled_from([p.id for p in plan.items]))
    raised = _raise(plan, answer_sets[who], item)
    if raised is None:
        return
    before = scored(instrument, answer_sets).verdict
    after = scored(instrument, [*answer_sets[:who], raised, *answer_sets[who + 1 :]]).verdict
    if before.band is not None:
        assert after.band is not None
        assert RANKS.index(after.band) >= RANKS.index(before.band)
