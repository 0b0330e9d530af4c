"""The result of scoring: one frozen, typed object that every reporter consumes.

Its JSON form (`peerready score --format json`) is versioned by `format`.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from peerready.i18n import Lang, LText
from peerready.model.catalogue import Phase

RESULT_FORMAT = "peerready-result/1"

DomainStatus = Literal["scored", "insufficient_data", "unscored", "not_asked"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Summary(_Model):
    """n, mean, SD, min and max of a set of numbers (SD needs two)."""

    n: int
    mean: float | None = None
    sd: float | None = None
    min: float | None = None
    max: float | None = None


class ItemStats(_Model):
    item: str
    domain: str
    kind: str
    answered: int = Field(description="Answers that count: not 'don't know' or 'not applicable'")
    dont_know: int
    not_applicable: int
    missing: int
    points: Summary = Field(description="Of the answers' points")
    score: float | None = Field(description="0–100: mean points rescaled by the scale's range")
    favourable: float | None = Field(description="Share of answers that are favourable, 0–1")
    distribution: dict[str, int] = Field(description="Option id → how many chose it")
    rwg: float | None = Field(default=None, description="Descriptive only; flags use `ad`")
    ad: float | None = Field(
        default=None, description="Average deviation around the median (AD_Md), in answer levels"
    )
    low_agreement: bool = Field(
        default=False, description="Answers on both sides of the favourable cut, and AD_Md ≥ levels/6"
    )
    asked: bool = Field(default=True, description="False: the export has no column for this item")


class Agreement(_Model):
    rwg_j: float | None = Field(description="Descriptive only; `low` follows the items' flags")
    ad: float | None = Field(description="Mean of the items' average deviations around the median")
    items: int = Field(description="Items with at least two answers")
    flagged: int = Field(default=0, description="Items whose disagreement could change the conclusion")
    low: bool = Field(description="At least one item is flagged")


class DomainResult(_Model):
    domain: str
    title: LText
    critical: bool
    status: DomainStatus
    score: float | None
    band: str | None
    band_label: LText | None
    coverage: float = Field(description="Share of applicable answers given, 0–1")
    favourable: float | None
    respondents: Summary = Field(description="Of each respondent's own domain score")
    agreement: Agreement | None
    items: list[ItemStats]


class Reason(_Model):
    kind: Literal["score", "cap", "provisional"]
    text: LText
    domain: str | None = None
    items: list[str] = Field(default_factory=list, description="Items a cap rule looks at")


class Verdict(_Model):
    score: float | None
    band: str | None
    label: LText | None
    uncapped_band: str | None = Field(description="The band the score alone would give")
    provisional: bool
    reasons: list[Reason]
    given: bool = Field(default=True, description="False for a worksheet: no readiness verdict")


class TriggeredRecommendation(_Model):
    id: str
    title: LText
    priority: str
    owner: str
    timeframe: str
    phase: Phase
    order: int
    later: bool
    merged: list[str] = Field(default_factory=list, description="Covered recommendations folded in")
    domains: list[str]
    because: list[LText]


class GroupResult(_Model):
    dimension: str = Field(description="'role', or the column the groups came from")
    key: str
    label: LText
    respondents: int
    score: float | None
    band: str | None
    domains: dict[str, float | None]
    split: dict[str, int] = Field(
        default_factory=dict, description="Per domain: the statements this group itself is split on"
    )
    withheld: list[str] = Field(
        default_factory=list,
        description="Domains whose score is not shown for this group (null in 'domains'), and then "
        "neither is its overall score: too few of the group answered them, or the group differs from "
        "another group or the totals by too few who did, so that someone's answers could be worked out",
    )


class RoundSummary(_Model):
    """One round of votes on an item as a report shows it: how the votes fell, never whose."""

    distribution: dict[str, int] = Field(description="Option id, 'dont_know' or 'not_applicable' → votes")
    score: float | None = Field(description="0–100, as the item's score is computed")
    rwg: float | None = None
    decision: Literal["accept", "revote", "flag", "stands"] | None = Field(
        default=None,
        description="accept: agreed, moved on; stands: moved on, the disagreement stands; "
        "flag: marked for later; revote: discussed and voted again",
    )


class GroupSpread(_Model):
    """How much of the spread in a domain lies between the groups of one dimension."""

    dimension: str
    domain: str
    eta_squared: float | None = Field(description="Between-group share of the variance, 0–1")
    source: Literal["between_groups", "within_groups"] | None


class QuestionnaireInfo(_Model):
    id: str
    version: str
    hash: str
    title: LText


class ScoreResult(_Model):
    format: Literal["peerready-result/1"] = "peerready-result/1"
    tool_version: str
    questionnaire: QuestionnaireInfo
    organisation: str | None
    date: dt.date | None
    language: Lang
    mode: str
    respondents: int
    participants: int | None = Field(
        default=None,
        description="People who took part; in consensus mode more than the one set of answers",
    )
    roles: dict[str, int] = Field(description="Respondents per role")
    settings: dict[str, float | int]
    verdict: Verdict
    domains: list[DomainResult]
    strengths: list[str] = Field(description="Item ids scoring highest")
    gaps: list[str] = Field(description="Item ids scoring lowest")
    low_agreement: list[str] = Field(description="Item ids the group disagreed on")
    recommendations: list[TriggeredRecommendation] = Field(description="The action plan, in order")
    groups: list[GroupResult] = Field(default_factory=list)
    group_spread: list[GroupSpread] = Field(default_factory=list)
    suppressed_respondents: int = Field(
        default=0,
        description="Respondents in groups too small to show, merged into 'other' or left out",
    )
    texts: dict[str, list[str]] = Field(default_factory=dict, description="Open answers per item")
    notes: dict[str, str] = Field(default_factory=dict)
    flagged: list[str] = Field(default_factory=list)
    unfinished: bool = Field(
        default=False, description="A session the group has not finished: items may still be unanswered"
    )
    warnings: list[str] = Field(default_factory=list)
    rounds: dict[str, list[RoundSummary]] = Field(
        default_factory=dict,
        description="Items voted on more than once, or left with the disagreement standing: each round "
        "first to last (the before and after of a discussion)",
    )
    role_labels: dict[str, LText] = Field(
        default_factory=dict, description="Labels of roles beyond the built-in ones"
    )

    def domain(self, domain_id: str) -> DomainResult:
        return next(d for d in self.domains if d.domain == domain_id)
