"""Criteria hold on the facts they name, and say so in both languages."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from peerready.i18n import both
from peerready.model.criteria import Criterion, Facts, describe, holds, referenced

CRITERION = TypeAdapter(Criterion)
UNKNOWN_Q1 = {"kind": "item_unknown", "item": "q1"}
FACTS = Facts(
    domain_band={"lead": "needs_work", "team": None},
    domain_score={"lead": 30.0, "team": None},
    domain_disagrees={"lead": True},
    item_mean_points={"q1": 1.0, "q2": None},
    item_band={"q1": "needs_work", "q2": None},
    item_unknown_share={"q1": 0.6},
    item_disagrees={"q1": False},
    overall_score=55.0,
    domain_titles={"lead": both("Ledelse", "Leadership")},
    band_labels={"needs_work": both("Skal udvikles", "Needs work")},
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"kind": "domain_band", "domain": "lead", "bands": ["needs_work"]}, True),
        ({"kind": "domain_band", "domain": "team", "bands": ["needs_work"]}, False),
        ({"kind": "domain_below", "domain": "lead", "below": 50}, True),
        ({"kind": "domain_below", "domain": "team", "below": 50}, False),
        ({"kind": "overall_below", "below": 50}, False),
        ({"kind": "item_at_most", "item": "q1", "points": 1}, True),
        ({"kind": "item_at_most", "item": "q2", "points": 1}, False),
        ({"kind": "item_band", "item": "q1", "bands": ["needs_work"]}, True),
        ({"kind": "item_band", "item": "q1", "bands": ["emerging"]}, False),
        ({"kind": "item_band", "item": "q2", "bands": ["needs_work"]}, False),
        ({"kind": "item_unknown", "item": "q1"}, True),
        ({"kind": "agreement_below", "domain": "lead"}, True),
        ({"kind": "agreement_below", "item": "q1"}, False),
        ({"kind": "insufficient_data", "domain": "team"}, True),
        ({"kind": "insufficient_data", "domain": "lead"}, False),
        (
            {
                "kind": "all",
                "of": [{"kind": "overall_below", "below": 60}, {"kind": "item_unknown", "item": "q1"}],
            },
            True,
        ),
        (
            {
                "kind": "any",
                "of": [{"kind": "overall_below", "below": 10}, {"kind": "item_unknown", "item": "q1"}],
            },
            True,
        ),
        ({"kind": "not", "criterion": {"kind": "overall_below", "below": 60}}, False),
    ],
)
def test_holds(data, expected) -> None:
    criterion = CRITERION.validate_python(data)
    assert holds(criterion, FACTS) is expected
    text = describe(criterion, FACTS)
    assert text.da and text.en


def test_descriptions_use_titles_and_band_labels() -> None:
    criterion = CRITERION.validate_python({"kind": "domain_band", "domain": "lead", "bands": ["needs_work"]})
    assert describe(criterion, FACTS) == both(
        "»Ledelse« ligger i »Skal udvikles«", "“Leadership” is in “Needs work”"
    )


def test_description_names_the_band_the_domain_is_in() -> None:
    criterion = CRITERION.validate_python(
        {"kind": "domain_band", "domain": "lead", "bands": ["needs_work", "emerging"]}
    )
    assert describe(criterion, FACTS).en == "“Leadership” is in “Needs work”"


def test_agreement_holds_where_the_scoring_flagged_disagreement() -> None:
    criterion = CRITERION.validate_python({"kind": "agreement_below", "domain": "lead"})
    assert holds(criterion, FACTS)
    assert not holds(criterion, Facts(domain_disagrees={"lead": False}))
    assert not holds(criterion, Facts())  # no agreement computed (one answer): never disagreement


def test_agreement_takes_no_rwg_threshold_any_more() -> None:
    with pytest.raises(ValidationError, match="below"):
        CRITERION.validate_python({"kind": "agreement_below", "domain": "lead", "below": 0.7})


def test_item_band_names_the_band_the_item_is_in() -> None:
    criterion = CRITERION.validate_python(
        {"kind": "item_band", "item": "q1", "bands": ["needs_work", "emerging"]}
    )
    facts = Facts(
        item_band={"q1": "needs_work"},
        item_texts={"q1": both("Et udsagn", "A statement")},
        band_labels={"needs_work": both("Skal udvikles", "Needs work")},
    )
    assert describe(criterion, facts) == both(
        "»Et udsagn« ligger i »Skal udvikles«", "“A statement” is in “Needs work”"
    )


def test_agreement_names_exactly_one_target() -> None:
    with pytest.raises(ValidationError, match="exactly one of 'domain' or 'item'"):
        CRITERION.validate_python({"kind": "agreement_below", "domain": "a", "item": "b"})


def test_referenced_walks_combinations() -> None:
    criterion = CRITERION.validate_python(
        {"kind": "any", "of": [
            {"kind": "not", "criterion": {"kind": "item_unknown", "item": "q1"}},
            {"kind": "domain_band", "domain": "lead", "bands": ["low"]},
            {"kind": "agreement_below", "item": "q2"},
        ]}
    )  # fmt: skip
    assert referenced(criterion) == ({"lead"}, {"q1", "q2"}, {("lead", "low")})


def test_one_point_is_singular_in_english() -> None:
    criterion = CRITERION.validate_python({"kind": "item_at_most", "item": "q1", "points": 1})
    text = describe(criterion, Facts(item_texts={"q1": both("Et udsagn", "A statement")}))
    assert text.en == "The answer to “A statement” scores at most 1 point"


def test_thresholds_are_written_with_a_danish_decimal_comma() -> None:
    criterion = CRITERION.validate_python({"kind": "item_at_most", "item": "q1", "points": 1.5})
    text = describe(criterion, Facts(item_texts={"q1": both("Et udsagn", "A statement")}))
    assert text == both(
        "Svaret på »Et udsagn« giver højst 1,5 point", "The answer to “A statement” scores at most 1.5 points"
    )


DISAGREE_Q1 = {"kind": "agreement_below", "item": "q1"}


def test_combined_criteria_read_as_one_sentence_in_each_language() -> None:
    criterion = CRITERION.validate_python(
        {"kind": "all", "of": [
            {"kind": "domain_below", "domain": "lead", "below": 52.5},
            {"kind": "any", "of": [UNKNOWN_Q1, {"kind": "not", "criterion": DISAGREE_Q1}]},
        ]}
    )  # fmt: skip
    assert describe(criterion, FACTS) == both(
        "»Ledelse« scorer under 52,5 og Mange svarede »ved ikke« til »q1« "
        "eller ikke: Gruppen er uenig om »q1«",
        "“Leadership” scores below 52.5 and Many answered “don't know” to “q1” "
        "or not: The group disagrees on “q1”",
    )
