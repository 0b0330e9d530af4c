"""Criteria: declarative conditions on a scored result, written as data in questionnaire files.

A criterion never runs code from the file: each kind is a pydantic model with a fixed
meaning, evaluated here against `Facts` distilled from the scores.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from peerready.i18n import LANGUAGES, LText, tr
from peerready.model.ids import Slug


class _Criterion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class DomainBand(_Criterion):
    """The domain's score falls in one of the named bands."""

    kind: Literal["domain_band"]
    domain: Slug
    bands: list[Slug] = Field(min_length=1)


class DomainBelow(_Criterion):
    """The domain's score (0–100) is below a threshold."""

    kind: Literal["domain_below"]
    domain: Slug
    below: float = Field(ge=0, le=100)


class OverallBelow(_Criterion):
    """The overall score (0–100) is below a threshold."""

    kind: Literal["overall_below"]
    below: float = Field(ge=0, le=100)


class ItemAtMost(_Criterion):
    """The item's mean points (over those who answered) are at most a value, e.g. its lowest level."""

    kind: Literal["item_at_most"]
    item: Slug
    points: float


class ItemBand(_Criterion):
    """The item's 0–100 score lies in one of the named bands of its domain: with `[needs_work]`,
    the group (or the one consensus answer) is at the item's lowest levels."""

    kind: Literal["item_band"]
    item: Slug
    bands: list[Slug] = Field(min_length=1)


class ItemUnknown(_Criterion):
    """At least this share of the answers to the item are "don't know"."""

    kind: Literal["item_unknown"]
    item: Slug
    share: float = Field(default=0.5, gt=0, le=1)


class AgreementBelow(_Criterion):
    """The group disagrees on the item, or on at least one of the domain's items, in a way that
    could change the conclusion (see scoring.agreement)."""

    kind: Literal["agreement_below"]
    domain: Slug | None = None
    item: Slug | None = None

    @model_validator(mode="after")
    def _one_target(self) -> AgreementBelow:
        if (self.domain is None) == (self.item is None):
            raise ValueError("name exactly one of 'domain' or 'item'")
        return self


class InsufficientData(_Criterion):
    """Too few of the domain's items were answered to score it."""

    kind: Literal["insufficient_data"]
    domain: Slug


class AllOf(_Criterion):
    kind: Literal["all"]
    of: list[Criterion] = Field(min_length=1)


class AnyOf(_Criterion):
    kind: Literal["any"]
    of: list[Criterion] = Field(min_length=1)


class Not(_Criterion):
    kind: Literal["not"]
    criterion: Criterion


Criterion = Annotated[
    Union[  # noqa: UP007 - a recursive discriminated union needs the Union spelling
        DomainBand,
        DomainBelow,
        OverallBelow,
        ItemAtMost,
        ItemBand,
        ItemUnknown,
        AgreementBelow,
        InsufficientData,
        AllOf,
        AnyOf,
        Not,
    ],
    Field(discriminator="kind"),
]


@dataclass(frozen=True)
class Facts:
    """What criteria can look at: distilled from a scored result."""

    domain_band: Mapping[str, str | None] = field(default_factory=dict)
    domain_score: Mapping[str, float | None] = field(default_factory=dict)
    domain_disagrees: Mapping[str, bool] = field(default_factory=dict)
    item_mean_points: Mapping[str, float | None] = field(default_factory=dict)
    item_band: Mapping[str, str | None] = field(default_factory=dict)
    item_unknown_share: Mapping[str, float] = field(default_factory=dict)
    item_disagrees: Mapping[str, bool] = field(default_factory=dict)
    overall_score: float | None = None
    domain_titles: Mapping[str, LText] = field(default_factory=dict)
    item_texts: Mapping[str, LText] = field(default_factory=dict)
    band_labels: Mapping[str, LText] = field(default_factory=dict)


def holds(criterion: Criterion, facts: Facts) -> bool:
    """Whether the criterion is true of these facts; unknown values never satisfy a condition."""
    match criterion:
        case DomainBand(domain=domain, bands=bands):
            return facts.domain_band.get(domain) in bands
        case DomainBelow(domain=domain, below=below):
            return _below(facts.domain_score.get(domain), below)
        case OverallBelow(below=below):
            return _below(facts.overall_score, below)
        case ItemAtMost(item=item, points=points):
            mean = facts.item_mean_points.get(item)
            return mean is not None and mean <= points
        case ItemBand(item=item, bands=bands):
            return facts.item_band.get(item) in bands
        case ItemUnknown(item=item, share=share):
            return facts.item_unknown_share.get(item, 0.0) >= share
        case AgreementBelow(domain=domain, item=item):
            return _disagrees(facts, domain, item)
        case InsufficientData(domain=domain):
            return domain in facts.domain_score and facts.domain_score[domain] is None
        case AllOf(of=parts):
            return all(holds(part, facts) for part in parts)
        case AnyOf(of=parts):
            return any(holds(part, facts) for part in parts)
        case Not(criterion=inner):
            return not holds(inner, facts)
    raise AssertionError(f"unhandled criterion {criterion!r}")  # pragma: no cover


def _disagrees(facts: Facts, domain: str | None, item: str | None) -> bool:
    if domain:
        return facts.domain_disagrees.get(domain, False)
    return facts.item_disagrees.get(item or "", False)


def _below(value: float | None, threshold: float) -> bool:
    return value is not None and value < threshold


def describe(criterion: Criterion, facts: Facts) -> LText:
    """A plain-language statement of the criterion, for "why" lines in reports."""
    match criterion:
        case DomainBand(domain=domain, bands=bands):
            # Name the band the domain is in (when it holds), not every band the rule lists.
            actual = facts.domain_band.get(domain)
            named = [actual] if actual in bands else bands
            return _IN_BAND.fill(title=_title(facts, domain), label=_labels(facts, named))
        case DomainBelow(domain=domain, below=below):
            return _SCORES_BELOW.fill(title=_title(facts, domain), below=_threshold(below))
        case OverallBelow(below=below):
            return _OVERALL_BELOW.fill(below=_threshold(below))
        case ItemAtMost(item=item, points=points):
            template = _AT_MOST_ONE if points == 1 else _AT_MOST
            return template.fill(text=_item(facts, item), points=_threshold(points))
        case ItemBand(item=item, bands=bands):
            actual = facts.item_band.get(item)
            named = [actual] if actual in bands else bands
            return _IN_BAND.fill(title=_item(facts, item), label=_labels(facts, named))
        case ItemUnknown(item=item):
            return _UNKNOWN.fill(text=_item(facts, item))
        case AgreementBelow(domain=domain, item=item):
            text = _title(facts, domain) if domain else _item(facts, item or "")
            return _DISAGREES.fill(text=text)
        case InsufficientData(domain=domain):
            return _TOO_FEW.fill(title=_title(facts, domain))
        case AllOf(of=parts) | AnyOf(of=parts):
            joined = [describe(p, facts) for p in parts]
            word = _AND if isinstance(criterion, AllOf) else _OR
            text = joined[0]
            for part in joined[1:]:
                text = word.fill(left=text, right=part)
            return text
        case Not(criterion=inner):
            return _NOT.fill(criterion=describe(inner, facts))
    raise AssertionError(f"unhandled criterion {criterion!r}")  # pragma: no cover


_IN_BAND = tr("“{title}” is in “{label}”")
_SCORES_BELOW = tr("“{title}” scores below {below}")
_OVERALL_BELOW = tr("Overall score below {below}")
_AT_MOST_ONE = tr("The answer to “{text}” scores at most {points} point")
_AT_MOST = tr("The answer to “{text}” scores at most {points} points")
_UNKNOWN = tr("Many answered “don't know” to “{text}”")
_DISAGREES = tr("The group disagrees on “{text}”")
_TOO_FEW = tr("Too few answers on “{title}”")
_AND = tr("{left} and {right}")
_OR = tr("{left} or {right}")
_NOT = tr("not: {criterion}")


def _title(facts: Facts, domain: str) -> LText:
    return facts.domain_titles.get(domain) or LText.same(domain)


def _threshold(number: float) -> LText:
    """A threshold as each language writes it: 0,5 and 60 in Danish (not 60,0), 0.5 and 60 in English."""
    return LText(da=f"{number:g}".replace(".", ","), en=f"{number:g}")


def _item(facts: Facts, item: str) -> LText:
    return facts.item_texts.get(item) or LText.same(item)


def _label(facts: Facts, band: str) -> LText:
    return facts.band_labels.get(band) or LText.same(band)


def _labels(facts: Facts, bands: list[str]) -> LText:
    """The bands' labels, 'På vej / Skal udvikles' (a list of names, the same in every language)."""
    return LText(**{lang: " / ".join(_label(facts, b).get(lang) for b in bands) for lang in LANGUAGES})


def referenced(criterion: Criterion) -> tuple[set[str], set[str], set[tuple[str, str]]]:
    """The domains, items and (domain, band) pairs a criterion names, for cross-reference checks."""
    domains: set[str] = set()
    items: set[str] = set()
    bands: set[tuple[str, str]] = set()
    match criterion:
        case DomainBand(domain=domain, bands=names):
            domains.add(domain)
            bands.update((domain, b) for b in names)
        case DomainBelow(domain=domain) | InsufficientData(domain=domain):
            domains.add(domain)
        case ItemAtMost(item=item) | ItemUnknown(item=item) | ItemBand(item=item):
            items.add(item)
        case AgreementBelow(domain=domain, item=item):
            domains.update([domain] if domain else [])
            items.update([item] if item else [])
        case AllOf(of=parts) | AnyOf(of=parts):
            for part in parts:
                d, i, b = referenced(part)
                domains |= d
                items |= i
                bands |= b
        case Not(criterion=inner):
            return referenced(inner)
    return domains, items, bands
