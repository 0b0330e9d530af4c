"""Numbers that must tell the same story on the bundled questionnaire: favourable answers and
bands, a domain's agreement and its items', and the two scales' middle answers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from peerready.documents.loader import load_instrument
from peerready.model.ids import DONT_KNOW
from peerready.scoring.tally import ScoringPlan
from tests.helpers.answering import answers, scored

READINESS = load_instrument("readiness")
Q = READINESS.questionnaire
PLAN = ScoringPlan.build(Q)
TOP = max(b.min for b in Q.bands)


def _near(level: int) -> st.SearchStrategy[dict[str, str]]:
    """One person answering every item at `level` (0 = lowest) or one step either side."""

    def pick(plan_index: int) -> st.SearchStrategy[str]:
        plan = PLAN.items[plan_index]
        by_points = sorted(plan.option_ids, key=lambda o: plan.points[plan.index_of[o]])
        top = len(by_points) - 1
        around = {max(0, min(top, level + step)) for step in (-1, 0, 1)}
        return st.sampled_from([*(by_points[i] for i in sorted(around)), DONT_KNOW])

    return st.tuples(*(pick(i) for i in range(len(PLAN.items)))).map(
        lambda values: {p.id: v for p, v in zip(PLAN.items, values, strict=True)}
    )


groups = st.integers(0, 4).flatmap(lambda level: st.lists(_near(level), min_size=2, max_size=12))


@settings(max_examples=40, deadline=None)
@given(groups)
def test_all_favourable_means_the_top_band_and_a_domain_disagrees_only_with_its_items(answer_sets) -> None:  # type: ignore[no-untyped-def]
    result = scored(READINESS, answer_sets)
    for domain in result.domains:
        if domain.favourable == 1 and domain.score is not None:
            assert domain.score >= TOP and domain.band == "in_place"
        if domain.agreement is not None:
            flagged = [i.item for i in domain.items if i.low_agreement]
            assert domain.agreement.low == bool(flagged)
            assert domain.agreement.flagged == len(flagged)
    for item in (i for d in result.domains for i in d.items):
        if item.favourable in (0.0, 1.0):
            assert not item.low_agreement  # all on one side of the cut: nothing to decide


def test_middle_answers_mean_the_same_on_both_scales() -> None:
    # "partly in place" (level3) and "neither agree nor disagree" (agree5) both score 50 and sit in
    # "emerging"; "somewhat agree" (75) no longer reaches the top band on its own, and neither
    # counts as favourable
    culture = [i for i in Q.domain_by_id["culture"].scored_items if getattr(i, "scale", "") == "agree5"]
    supervision = Q.domain_by_id["supervision"].scored_items
    middle = scored(READINESS, [answers(Q, default="middle")])
    assert {middle.domain(d).band for d in ("culture", "supervision")} == {"emerging"}
    assert middle.domain("culture").score == middle.domain("supervision").score == 50
    somewhat = scored(READINESS, [answers(Q, items={i.id: "4" for i in culture})])
    item = next(i for i in somewhat.domain("culture").items if i.item == culture[0].id)
    assert item.score == 75 and item.favourable == 0
    assert culture[0].id not in somewhat.strengths
    assert supervision and all(i.score == 100 for i in somewhat.domain("supervision").items)
