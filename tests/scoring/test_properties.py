"""Properties that hold for any answers (hypothesis)."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from peerready.documents.loader import load_instrument
from peerready.model.ids import DONT_KNOW, NOT_APPLICABLE
from peerready.model.instrument import Instrument
from peerready.scoring.agreement import rwg, rwg_j
from peerready.scoring.score import Context, score
from peerready.scoring.tally import ScoringPlan, Tally
from tests.conftest import BASIC

INSTRUMENT = load_instrument(str(BASIC))
PLAN = ScoringPlan.build(INSTRUMENT.questionnaire)
CONTEXT = Context(language="en", mode="individual")


def answer_for(plan_index: int) -> st.SearchStrategy[str | None]:
    options = list(PLAN.items[plan_index].option_ids)
    return st.sampled_from([*options, DONT_KNOW, NOT_APPLICABLE, None])


respondent = st.tuples(*(answer_for(i) for i in range(len(PLAN.items)))).map(
    lambda values: {p.id: v for p, v in zip(PLAN.items, values, strict=True) if v is not None}
)
respondents = st.lists(respondent, min_size=1, max_size=12)


def scored(answer_sets: list[dict[str, str]], instrument: Instrument = INSTRUMENT):
    plan = ScoringPlan.build(instrument.questionnaire)
    tally = Tally(plan, instrument.questionnaire.settings.min_coverage)
    for answers in answer_sets:
        tally.add(answers)
    return score(instrument, tally, CONTEXT, instrument.questionnaire.settings)


@given(respondents)
def test_scores_stay_within_0_and_100(answer_sets) -> None:
    result = scored(answer_sets)
    values = (
        [result.verdict.score]
        + [d.score for d in result.domains]
        + [i.score for d in result.domains for i in d.items]
    )
    assert all(0 <= v <= 100 for v in values if v is not None)
    for domain in result.domains:
        assert 0 <= domain.coverage <= 1
        if domain.agreement and domain.agreement.rwg_j is not None:
            assert 0 <= domain.agreement.rwg_j <= 1


@given(respondents, st.data())
def test_raising_one_answer_never_lowers_its_domain_score(answer_sets, data) -> None:
    who = data.draw(st.integers(0, len(answer_sets) - 1))
    position = data.draw(st.integers(0, len(PLAN.items) - 1))
    plan = PLAN.items[position]
    by_points = sorted(plan.option_ids, key=lambda o: plan.points[plan.index_of[o]])
    low, high = sorted(
        data.draw(st.lists(st.sampled_from(by_points), min_size=2, max_size=2)),
        key=lambda o: plan.points[plan.index_of[o]],
    )
    before = [dict(a) for a in answer_sets]
    before[who][plan.id] = low
    after = [dict(a) for a in answer_sets]
    after[who][plan.id] = high
    old, new = scored(before).domain(plan.domain), scored(after).domain(plan.domain)
    if old.score is not None:
        assert new.score is not None
        assert new.score >= old.score


@given(respondents, st.randoms(use_true_random=False))
def test_respondent_order_does_not_change_results(answer_sets, rnd: random.Random) -> None:
    shuffled = list(answer_sets)
    rnd.shuffle(shuffled)
    first, second = scored(answer_sets), scored(shuffled)
    assert first.model_dump(exclude={"texts"}) == second.model_dump(exclude={"texts"})


@settings(max_examples=30)
@given(respondents, st.randoms(use_true_random=False))
def test_item_order_does_not_change_results(answer_sets, rnd: random.Random) -> None:
    q = INSTRUMENT.questionnaire
    domains = []
    for domain in q.domains:
        items = list(domain.items)
        rnd.shuffle(items)
        domains.append(domain.model_copy(update={"items": items}))
    reordered = Instrument(q.model_copy(update={"domains": domains}), INSTRUMENT.catalogue, "reordered")
    first, second = scored(answer_sets), scored(answer_sets, reordered)
    for a, b in zip(first.domains, second.domains, strict=True):
        assert (a.score, a.band, a.coverage, a.favourable) == (b.score, b.band, b.coverage, b.favourable)
        assert (a.agreement and a.agreement.rwg_j) == (b.agreement and b.agreement.rwg_j)
    assert first.verdict == second.verdict


@given(respondents, st.data())
def test_dont_know_is_never_counted_as_zero(answer_sets, data) -> None:
    position = data.draw(st.integers(0, len(PLAN.items) - 1))
    item = PLAN.items[position].id
    without = [{k: v for k, v in a.items() if k != item} for a in answer_sets]
    with_dont_know = [dict(a, **{item: DONT_KNOW}) for a in without]
    a, b = scored(without), scored(with_dont_know)
    for x, y in zip(a.domains, b.domains, strict=True):
        assert [i.score for i in x.items] == [i.score for i in y.items]
        if x.score is not None and y.score is not None:
            assert x.score == y.score


@given(st.integers(2, 50), st.integers(0, 4), st.integers(3, 7))
def test_rwg_is_one_for_identical_answers(n, choice, options) -> None:
    counts = [0] * options
    counts[min(choice, options - 1)] = n
    assert rwg(counts) == 1.0
    assert rwg_j([counts, counts]) == 1.0


@given(st.lists(st.lists(st.integers(0, 20), min_size=3, max_size=3), min_size=1, max_size=6))
def test_rwg_is_always_between_0_and_1(item_counts) -> None:
    for counts in item_counts:
        value = rwg(counts)
        assert value is None or 0 <= value <= 1
    value = rwg_j(item_counts)
    assert value is None or 0 <= value <= 1
