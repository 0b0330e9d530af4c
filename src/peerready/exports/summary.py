"""The batch result: what `peerready score EXPORT --format json` prints (format peerready-batch/1).

Compact on purpose, for pipelines: counts, the verdict, each domain's score, band and
agreement, the protected groups, the triggered recommendation ids and the rejected rows.
The full result every report is made from stays `ScoreResult` (peerready-result/1).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from peerready.i18n import LText
from peerready.model.result import Agreement, GroupResult, ScoreResult, Summary, Verdict

BATCH_FORMAT = "peerready-batch/1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class SourceInfo(_Model):
    file: str
    kind: Literal["csv", "xlsx", "json"]
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    platform: str | None = Field(default=None, description="The survey platform the export looks like")
    columns: dict[str, str] = Field(description="Column header → item id (or respondent, group, role)")
    ignored_columns: list[str] = Field(default_factory=list)
    missing_items: list[str] = Field(default_factory=list, description="Items with no column in the file")


class Counts(_Model):
    rows: int = Field(description="Respondent rows read (blank rows are not counted)")
    scored: int
    rejected: int = Field(description="Rows left out because of a problem (listed under 'rejected')")
    incomplete_excluded: int = Field(description="Unfinished responses left out")
    incomplete_included: int = Field(description="Unfinished responses scored (--include-incomplete)")


class ExportProvenance(_Model):
    """Where an export's numbers come from, for a report's reader to check."""

    file: str = Field(description="The export as given")
    kind: Literal["csv", "xlsx", "json"]
    sheet: str | None = Field(default=None, description="The workbook sheet read")
    sheets: list[str] = Field(default_factory=list, description="Every sheet of the workbook")
    platform: str = Field(description="The platform that wrote the export, or 'unknown'")
    platform_name: LText
    conventions: list[LText] = Field(description="Each convention applied in reading it, in order")
    rows: int = Field(description="Respondent rows read (header rows and blank rows not counted)")
    scored: int
    rejected: int = Field(description="Rows left out because of a problem")
    unfinished: int = Field(description="Unfinished responses left out")
    unfinished_included: int = Field(description="Unfinished responses scored (--include-incomplete)")
    header_rows: int = Field(description="Rows at the top that are headers, not respondents")
    respondent_column: str | None = Field(
        description="The column used as respondent id; None: rows counted without a duplicate check"
    )
    not_asked: list[str] = Field(description="Items the export has no column for")


class Exclusion(_Model):
    reason: str
    count: int


class DomainScore(BaseModel):
    """A domain's result without its items (extra fields of a DomainResult are dropped)."""

    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)

    domain: str
    status: str
    score: float | None
    band: str | None
    coverage: float
    favourable: float | None
    respondents: Summary = Field(description="Of each respondent's own domain score")
    agreement: Agreement | None


class Rejected(_Model):
    line: int = Field(description="Line (CSV, JSON) or row number (XLSX) the respondent starts on")
    column: str | None = Field(description="Column header, or cell and header for XLSX")
    message: str


class BatchSummary(_Model):
    format: Literal["peerready-batch/1"] = "peerready-batch/1"
    tool_version: str
    questionnaire: dict[str, str] = Field(description="id, version and hash")
    source: SourceInfo
    counts: Counts
    exclusions: list[Exclusion] = Field(default_factory=list)
    verdict: Verdict
    domains: list[DomainScore]
    recommendations: list[str] = Field(description="Ids of the triggered recommendations, most urgent first")
    roles: dict[str, int] = Field(default_factory=dict)
    groups: list[GroupResult] = Field(default_factory=list)
    suppressed_respondents: int = 0
    rejected: list[Rejected] = Field(default_factory=list, description="The first 1,000 problems")
    rejected_problems: int = Field(default=0, description="All problems found, listed or not")
    warnings: list[str] = Field(default_factory=list)
    provenance: ExportProvenance | None = None


def summarise(
    result: ScoreResult,
    source: SourceInfo,
    counts: Counts,
    exclusions: list[Exclusion],
    rejected: list[Rejected],
    problems: int,
    provenance: ExportProvenance | None = None,
) -> BatchSummary:
    return BatchSummary(
        tool_version=result.tool_version,
        questionnaire={
            "id": result.questionnaire.id,
            "version": result.questionnaire.version,
            "hash": result.questionnaire.hash,
        },
        source=source,
        counts=counts,
        exclusions=exclusions,
        verdict=result.verdict,
        domains=[DomainScore.model_validate(dict(d)) for d in result.domains],
        recommendations=[r.id for r in result.recommendations],
        roles=result.roles,
        groups=result.groups,
        suppressed_respondents=result.suppressed_respondents,
        rejected=rejected,
        rejected_problems=problems,
        warnings=result.warnings,
        provenance=provenance,
    )
