"""The recommendation catalogue: advice drawn from the guides, selected by criteria.

A catalogue can serve several questionnaires: a recommendation is active for a
questionnaire when at least one of its domains is in that questionnaire.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from peerready.i18n import LText
from peerready.model.criteria import Criterion
from peerready.model.ids import Slug
from peerready.model.questionnaire import Source

CATALOGUE_FORMAT = "peerready-catalogue/1"

Priority = Literal["high", "medium", "low"]
Owner = Literal["leadership", "hr", "working_group", "colleagues", "peer_workers"]
Timeframe = Literal["before_hiring", "first_3_months", "ongoing"]
Phase = Literal["now", "before_hiring", "first_three_months", "ongoing"]

PRIORITY_ORDER: dict[str, int] = {"high": 0, "medium": 1, "low": 2}
TIMEFRAME_ORDER: dict[str, int] = {"before_hiring": 0, "first_3_months": 1, "ongoing": 2}
PHASE_ORDER: dict[str, int] = {"now": 0, "before_hiring": 1, "first_three_months": 2, "ongoing": 3}
# Before anyone is hired there are no peer workers to own a step.
PHASES_BEFORE_HIRING = frozenset({"now", "before_hiring"})


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class SourceQuote(_Model):
    """A precise citation: the guide, its section heading and a passage in its own words."""

    source: Slug
    section: str = Field(min_length=1)
    quote: str = Field(min_length=8)
    page: str | None = None


class Recommendation(_Model):
    id: Slug
    title: LText
    text: LText
    domains: list[Slug] = Field(min_length=1)
    when: list[Criterion] = Field(min_length=1, description="Selected when any of these holds")
    priority: Priority
    owner: Owner
    timeframe: Timeframe
    phase: Phase
    covers: list[Slug] = Field(
        default_factory=list,
        description="Recommendations this one includes: selected together, they merge into this one",
    )
    sources: list[SourceQuote] = Field(min_length=1)


class GlossaryEntry(_Model):
    id: Slug
    term: LText
    definition: LText
    sources: list[SourceQuote] = Field(default_factory=list)


class LiteratureEntry(_Model):
    id: Slug
    reference: str = Field(min_length=1, description="The full reference, as cited in the guides")
    note: LText | None = None


class InspirationEntry(_Model):
    """A Danish project or knowledge organisation to learn from, for the report's appendix."""

    id: Slug
    kind: Literal["project", "organisation"]
    name: str = Field(min_length=1, description="Its own name, as the guide gives it")
    description: LText
    url: str | None = Field(default=None, description="For readers only; never fetched")
    sources: list[SourceQuote] = Field(default_factory=list)


class Catalogue(_Model):
    format: Literal["peerready-catalogue/1"] = "peerready-catalogue/1"
    id: Slug
    version: str = Field(pattern=r"^\d+\.\d+(\.\d+)?$")
    title: LText
    sources: list[Source] = Field(default_factory=list)
    recommendations: list[Recommendation] = Field(default_factory=list)
    glossary: list[GlossaryEntry] = Field(default_factory=list)
    literature: list[LiteratureEntry] = Field(default_factory=list)
    method: list[LText] = Field(
        default_factory=list, description="How scores, bands, verdict and agreement are computed"
    )
    inspiration: list[InspirationEntry] = Field(
        default_factory=list, description="Danish projects and knowledge organisations to learn from"
    )
