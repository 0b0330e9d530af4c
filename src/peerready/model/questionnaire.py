"""The questionnaire format: pydantic models of a YAML questionnaire file.

Structure is checked here; cross-references (ids that must exist, band tables without
gaps) are checked in `references.py` so that every problem can be reported at once.
"""

from __future__ import annotations

import hashlib
import json
from functools import cached_property
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

from peerready.i18n import LText, tr
from peerready.model.criteria import Criterion
from peerready.model.ids import OptionId, RoleKey, Slug

QUESTIONNAIRE_FORMAT = "peerready-questionnaire/1"


class _Model(BaseModel):
    # Schemas are built on first use, so a command builds only the models it needs (start-up time).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Source(_Model):
    """A guide or publication the content draws on."""

    id: Slug
    short: str = Field(min_length=1, description="Citation label, e.g. 'Socialstyrelsen 2016'")
    title: str = Field(min_length=1)
    publisher: str | None = None
    year: int | None = None
    url: str | None = Field(default=None, description="For readers only; never fetched")


class Citation(_Model):
    """Where in a source something comes from."""

    source: Slug
    section: str | None = Field(default=None, description="Section heading in the source")
    page: str | None = None
    quote: str | None = Field(default=None, description="A short passage in the source's own words")


class Guidance(_Model):
    """Shown on request during an assessment."""

    why: LText = Field(description="Why this matters")
    good: LText = Field(description="What good looks like")


class Option(_Model):
    """One answer; higher points mean more ready."""

    id: OptionId
    points: float
    label: LText


class Scale(_Model):
    id: Slug
    label: LText
    options: list[Option] = Field(min_length=2)
    anchored: bool = Field(
        default=False, description="Items on this scale give their own anchor text per option"
    )
    favourable_from: float | None = Field(
        default=None,
        description="Answers with at least these points count as favourable "
        "(default: those whose 0–100 score reaches the top band, the same cut as the bands)",
    )


class Band(_Model):
    """A score range [min, max) on 0–100; the top band includes 100."""

    id: Slug
    label: LText
    min: float = Field(ge=0, le=100)
    max: float = Field(ge=0, le=100)
    description: LText | None = None


class _Item(_Model):
    id: Slug
    text: LText
    guidance: Guidance | None = None
    sources: list[Citation] = Field(default_factory=list)
    weight: float = Field(default=1.0, gt=0)


class RatedItem(_Item):
    kind: Literal["rated"]
    scale: Slug
    anchors: dict[OptionId, LText] | None = Field(
        default=None, description="Anchor text per option id; required on anchored scales"
    )


class ChecklistItem(_Item):
    """Answered yes / partly / no (2 / 1 / 0 points)."""

    kind: Literal["checklist"]


class ChoiceItem(_Item):
    kind: Literal["choice"]
    options: list[Option] = Field(min_length=2)
    favourable_from: float | None = None


class TextItem(_Item):
    """Open text: unscored, quoted in reports."""

    kind: Literal["text"]
    multiline: bool = True
    draft: LText | None = Field(
        default=None,
        description="A starting text the group can edit; {item_id} is replaced by that answer",
    )


Item = Annotated[
    Union[RatedItem, ChecklistItem, ChoiceItem, TextItem],  # noqa: UP007
    Field(discriminator="kind"),
]
ScoredItem = RatedItem | ChecklistItem | ChoiceItem

CHECKLIST_SCALE = Scale(
    id="checklist",
    label=tr("Yes / partly / no"),
    options=[
        Option(id="yes", points=2, label=tr("Yes")),
        Option(id="partly", points=1, label=tr("Partly")),
        Option(id="no", points=0, label=tr("No")),
    ],
    favourable_from=2,
)


class Domain(_Model):
    id: Slug
    title: LText
    description: LText
    critical: bool = Field(
        default=False, description="Scoring low, this domain caps the overall verdict (verdict_caps)"
    )
    weight: float = Field(default=1.0, gt=0)
    bands: list[Band] | None = Field(default=None, description="Overrides the questionnaire's bands")
    items: list[Item] = Field(min_length=1)

    @property
    def scored_items(self) -> list[ScoredItem]:
        return [item for item in self.items if not isinstance(item, TextItem)]


class CapRule(_Model):
    """When the criterion holds, the verdict can be no higher than the named verdict band."""

    when: Criterion
    cap: Slug
    reason: LText


class CriticalCap(_Model):
    """A critical domain scoring below `below` caps the verdict at the named verdict band."""

    below: float = Field(gt=0, le=100)
    cap: Slug


class Settings(_Model):
    min_coverage: float = Field(
        default=0.6, gt=0, le=1, description="Share of a domain's answers needed to score it"
    )
    min_group_size: int = Field(
        default=5, ge=1, description="Smaller groups (roles, departments) are never shown alone"
    )
    highlights: int = Field(default=3, ge=1, le=10, description="How many strengths and gaps")
    first_phase_actions: int = Field(
        default=7, ge=1, description="Actions in the plan's first phase; the rest are listed as later"
    )
    high_priority_actions: int = Field(
        default=10, ge=1, description="Actions shown as high priority; the rest are listed as later"
    )
    group_effect: float = Field(
        default=0.14, gt=0, lt=1, description="η² from which spread is put down to differences between groups"
    )
    change_threshold: float = Field(
        default=0,
        ge=0,
        le=100,
        description="Points a score must move since a baseline to count as a change "
        "(0: worked out from the scale and the group size)",
    )


class Questionnaire(_Model):
    format: Literal["peerready-questionnaire/1"] = "peerready-questionnaire/1"
    id: Slug
    version: str = Field(pattern=r"^\d+\.\d+(\.\d+)?$")
    title: LText
    description: LText
    sources: list[Source] = Field(default_factory=list)
    catalogue: str | None = Field(
        default=None, description="Recommendation catalogue: a bundled name or a relative path"
    )
    scales: list[Scale] = Field(default_factory=list)
    bands: list[Band] = Field(min_length=2, description="Bands for domain scores")
    verdict_bands: list[Band] | None = Field(
        default=None, description="Bands for the overall verdict (default: the domain bands)"
    )
    verdict: bool = Field(default=True, description="False for a worksheet: no readiness verdict")
    verdict_caps: list[CriticalCap] | None = Field(
        default=None,
        description="Caps for critical domains scoring low (default: in its lowest band → lowest verdict)",
    )
    verdict_rules: list[CapRule] = Field(default_factory=list)
    settings: Settings = Field(default_factory=Settings)
    roles: dict[RoleKey, LText] = Field(
        default_factory=dict,
        description="Roles the assessment's set-up offers beyond the built-in ones (leader, staff, hr, "
        "union_rep, peer_worker, other); like those, each is a group never shown below the minimum size",
    )
    domains: list[Domain] = Field(min_length=1)

    @cached_property
    def scale_by_id(self) -> dict[str, Scale]:
        return {CHECKLIST_SCALE.id: CHECKLIST_SCALE} | {s.id: s for s in self.scales}

    @cached_property
    def item_by_id(self) -> dict[str, Item]:
        return {item.id: item for domain in self.domains for item in domain.items}

    @cached_property
    def domain_of_item(self) -> dict[str, Domain]:
        return {item.id: domain for domain in self.domains for item in domain.items}

    @cached_property
    def domain_by_id(self) -> dict[str, Domain]:
        return {domain.id: domain for domain in self.domains}

    @property
    def all_items(self) -> list[Item]:
        return [item for domain in self.domains for item in domain.items]

    def bands_for(self, domain: Domain) -> list[Band]:
        return domain.bands or self.bands

    @property
    def overall_bands(self) -> list[Band]:
        return self.verdict_bands or self.bands

    def options_of(self, item: ScoredItem) -> list[Option]:
        if isinstance(item, ChoiceItem):
            return item.options
        if isinstance(item, ChecklistItem):
            return CHECKLIST_SCALE.options
        return self.scale_by_id[item.scale].options

    def favourable_from(self, item: ScoredItem) -> float | None:
        if isinstance(item, ChoiceItem):
            return item.favourable_from
        scale_id = CHECKLIST_SCALE.id if isinstance(item, ChecklistItem) else item.scale
        return self.scale_by_id[scale_id].favourable_from

    def content_hash(self) -> str:
        """A digest of what the file says; fields left at their defaults are left out, so a
        newer peerready with new optional fields still recognises old sessions."""
        return "sha256:" + _digest(self.model_dump(mode="json", exclude_defaults=True))

    def item_fingerprints(self) -> dict[str, str]:
        """A short digest per item of what an answer to it means (text, options and points)."""
        prints: dict[str, str] = {}
        for domain in self.domains:
            for item in domain.items:
                meaning: dict[str, object] = {"text": item.text.model_dump(), "kind": item.kind}
                if not isinstance(item, TextItem):
                    meaning["options"] = [
                        [o.id, o.points, o.label.model_dump()] for o in self.options_of(item)
                    ]
                prints[item.id] = _digest(meaning)[:12]
        return prints


def _digest(data: object) -> str:
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
