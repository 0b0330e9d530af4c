"""A result JSON read as a baseline: only what a comparison reads of it.

`peerready validate` and every reporter read a result as the whole `ScoreResult`, strictly. A
baseline is usually older than the code reading it: a result written by an earlier peerready
lacks fields added since (a recommendation's `phase`, `order` and `later`, an item's `asked`…)
that a comparison never looks at. So a baseline is read through this smaller model, which keeps
the date, the questionnaire's id and version, the number of respondents, the overall score and
each domain's and item's score, and passes over everything else.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from peerready.i18n import LText
from peerready.model.result import DomainStatus


class _Lenient(BaseModel):
    # "ignore": fields this version does not compare, or does not know, are passed over.
    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)


class EarlierItem(_Lenient):
    item: str
    score: float | None


class EarlierDomain(_Lenient):
    domain: str
    title: LText
    status: DomainStatus
    score: float | None
    items: list[EarlierItem] = Field(default_factory=list)


class EarlierVerdict(_Lenient):
    score: float | None


class EarlierQuestionnaire(_Lenient):
    id: str
    version: str


class EarlierResult(_Lenient):
    """What `report.baseline.compare` reads of a result (format peerready-result/1)."""

    format: Literal["peerready-result/1"]
    questionnaire: EarlierQuestionnaire
    date: dt.date | None
    respondents: int
    verdict: EarlierVerdict
    domains: list[EarlierDomain]
