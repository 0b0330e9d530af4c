"""What the bundled advice selects: a gap in one item is never passed over, the motivation
worksheet never tells the group to do what it has just done, and no step before hiring is
left to peer workers who are not there yet."""

from __future__ import annotations

import functools

import pytest

from peerready.documents.loader import load_instrument
from peerready.model.criteria import referenced
from peerready.model.instrument import Instrument
from peerready.model.result import ScoreResult
from peerready.scoring.score import Context, score
from peerready.scoring.tally import ScoringPlan, Tally

BUNDLED = ("readiness", "quick", "motivation")


@functools.cache
def instrument(name: str) -> Instrument:
    return load_instrument(name)


def _scored(name: str, answers: dict[str, str]) -> ScoreResult:
    inst = instrument(name)
    q = inst.questionnaire
    tally = Tally(ScoringPlan.build(q), q.settings.min_coverage)
    tally.add(answers)
    return score(inst, tally, Context(language="da", mode="consensus"), q.settings)


def _extreme(name: str, item_id: str, *, lowest: bool) -> str:
    q = instrument(name).questionnaire
    item = q.item_by_id[item_id]
    options = sorted(q.options_of(item), key=lambda o: o.points)  # type: ignore[arg-type]
    return options[0 if lowest else -1].id


def _top_answers(name: str) -> dict[str, str]:
    q = instrument(name).questionnaire
    return {item.id: _extreme(name, item.id, lowest=False) for d in q.domains for item in d.scored_items}


ITEM_CASES = [
    (name, item.id)
    for name in BUNDLED
    for domain in instrument(name).questionnaire.domains
    for item in domain.scored_items
]


@pytest.mark.parametrize(("name", "item_id"), ITEM_CASES)
def test_one_item_at_its_lowest_level_selects_advice_for_that_item(name: str, item_id: str) -> None:
    """Everything else at the top: the one gap still selects a recommendation that names it."""
    answers = _top_answers(name) | {item_id: _extreme(name, item_id, lowest=True)}
    chosen = {r.id for r in _scored(name, answers).recommendations}
    catalogue = instrument(name).catalogue
    assert catalogue is not None
    naming = {
        rec.id
        for rec in catalogue.recommendations
        if any(item_id in referenced(criterion)[1] for criterion in rec.when)
    }
    assert chosen & naming, f"{name}: {item_id} at its lowest level selects none of {sorted(naming)}"


@pytest.mark.parametrize("item_id", [i for n, i in ITEM_CASES if n == "readiness"])
def test_most_of_a_group_at_an_items_lowest_level_selects_advice_for_it(item_id: str) -> None:
    """Four of five at the lowest level, one at the top: the gap is still the item's, not noise."""
    name = "readiness"
    low = _top_answers(name) | {item_id: _extreme(name, item_id, lowest=True)}
    group = [low, low, low, low, _top_answers(name)]
    inst = instrument(name)
    tally = Tally(ScoringPlan.build(inst.questionnaire), inst.questionnaire.settings.min_coverage)
    for answers in group:
        tally.add(answers)
    result = score(inst, tally, Context(language="da", mode="individual"), inst.questionnaire.settings)
    assert inst.catalogue is not None
    naming = {
        r.id for r in inst.catalogue.recommendations if any(item_id in referenced(c)[1] for c in r.when)
    }
    assert {r.id for r in result.recommendations} & naming


def test_the_motivation_worksheet_never_recommends_what_it_just_did() -> None:
    """The group has answered the three questions and written its vision: the lowest ratings
    select advice, but never 'answer the three questions' or 'write a vision' again."""
    q = instrument("motivation").questionnaire
    answers = {
        item.id: _extreme("motivation", item.id, lowest=True) for item in q.all_items if item.kind != "text"
    }
    chosen = {r.id for r in _scored("motivation", answers).recommendations}
    assert chosen, "the lowest ratings select some advice"
    assert not chosen & {"three-questions", "vision-statement"}


def test_the_full_questionnaire_recommends_the_questions_and_a_vision_when_there_is_none() -> None:
    answers = _top_answers("readiness") | {"mot_vision": _extreme("readiness", "mot_vision", lowest=True)}
    chosen = {r.id for r in _scored("readiness", answers).recommendations}
    assert {"three-questions", "vision-statement"} <= chosen


def test_no_step_before_hiring_is_left_to_peer_workers() -> None:
    catalogue = instrument("readiness").catalogue
    assert catalogue is not None
    early = [r.id for r in catalogue.recommendations if r.phase in ("now", "before_hiring")]
    assert early, "the catalogue has steps before hiring"
    owned = [r.id for r in catalogue.recommendations if r.id in early and r.owner == "peer_workers"]
    assert owned == []
