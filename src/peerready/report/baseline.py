"""Comparing an assessment with an earlier one of the same questionnaire, domain by domain.

The earlier one may be a session file (scored here against the current questionnaire) or
a result JSON from `peerready score --format json` (of a session, or the batch result of a
survey export), which keeps its own domains: across questionnaire versions, domains are matched
by id and the new and the gone are named.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from peerready.documents.kinds import format_name, kind_of
from peerready.documents.loader import parse_document, read_text, validate
from peerready.errors import DocumentError, InputError
from peerready.exports.summary import BatchSummary, DomainScore
from peerready.i18n import LText
from peerready.model.instrument import Instrument
from peerready.model.result import DomainResult, ScoreResult
from peerready.model.session import Session
from peerready.scoring.score import score_session

Direction = Literal["up", "down", "same"]


@dataclass(frozen=True)
class Change:
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def direction(self) -> Direction | None:
        """Up or down by at least one whole point as shown; smaller moves are no change."""
        delta = self.delta
        if delta is None:
            return None
        moved = round(self.after or 0) - round(self.before or 0)
        return "up" if moved > 0 else "down" if moved < 0 else "same"


@dataclass(frozen=True)
class GoneDomain:
    domain: str
    title: LText
    score: float | None


@dataclass(frozen=True)
class Comparison:
    date: dt.date | None
    version: str
    overall: Change
    domains: dict[str, Change]
    new: list[str]
    gone: list[GoneDomain]
    warnings: list[str] = field(default_factory=list)


Earlier = ScoreResult | BatchSummary


def load_baseline(path: Path, instrument: Instrument) -> tuple[Earlier, set[str] | None]:
    """The earlier result, and (for a session of another version) the item ids it was asked."""
    parsed = parse_document(read_text(path), str(path))
    kind = kind_of(parsed.data)
    expected = instrument.questionnaire.id
    if kind == "result":
        result = validate(parsed, ScoreResult)
        _same_questionnaire(path, result.questionnaire.id, expected)
        return result, None
    if kind == "batch":
        summary = validate(parsed, BatchSummary)
        _same_questionnaire(path, summary.questionnaire.get("id", "?"), expected)
        return summary, None
    if kind != "session":
        raise InputError(
            f"{path}: a baseline must be a session file ({format_name('session')}) or a result from "
            f"'peerready score --format json' ({format_name('result')} or {format_name('batch')})"
        )
    session = validate(parsed, Session)
    _same_questionnaire(path, session.questionnaire.id, expected)
    try:
        result = score_session(instrument, session, allow_version_mismatch=True, label=str(path))
    except DocumentError as exc:
        raise InputError(
            f"{path}: its answers do not fit this version of '{expected}' ({exc.problems[0].message}); "
            "give the baseline as a result instead: peerready score OLD.json -q OLD-QUESTIONNAIRE "
            "--format json -o old-result.json"
        ) from None
    asked = set(session.questionnaire.items)
    same_version = session.questionnaire.version == instrument.questionnaire.version
    return result, None if same_version or not asked else asked


def _same_questionnaire(path: Path, found: str, expected: str) -> None:
    if found != expected:
        raise InputError(
            f"{path}: the baseline is an assessment of questionnaire '{found}', not '{expected}'; "
            "compare assessments of the same questionnaire"
        )


def compare(
    current: ScoreResult, instrument: Instrument, baseline: Earlier, asked: set[str] | None
) -> Comparison:
    """Per-domain and overall change from the baseline to the current result."""
    before = {d.domain: d for d in baseline.domains if d.status != "unscored"}
    domains: dict[str, Change] = {}
    new: list[str] = []
    for domain in current.domains:
        if domain.status == "unscored":
            continue
        items = {i.id for i in instrument.questionnaire.domain_by_id[domain.domain].items}
        if domain.domain not in before or (asked is not None and not items & asked):
            new.append(domain.domain)
            continue
        domains[domain.domain] = Change(before[domain.domain].score, domain.score)
    now = {d.domain for d in current.domains}
    gone = [GoneDomain(d.domain, _title(d), d.score) for d in before.values() if d.domain not in now]
    warnings = []
    date = baseline.date if isinstance(baseline, ScoreResult) else None  # a survey export has none
    if date and current.date and date > current.date:
        warnings.append(
            f"the baseline is dated {date.isoformat()}, after this assessment "
            f"({current.date.isoformat()}); the changes shown run backwards in time"
        )
    version = (
        baseline.questionnaire.version
        if isinstance(baseline, ScoreResult)
        else baseline.questionnaire.get("version", "?")
    )
    return Comparison(
        date=date,
        version=version,
        overall=Change(baseline.verdict.score, current.verdict.score),
        domains=domains,
        new=new,
        gone=gone,
        warnings=warnings,
    )


def _title(domain: DomainResult | DomainScore) -> LText:
    """A gone domain's title; a batch result names its domains by id only."""
    if isinstance(domain, DomainResult):
        return domain.title
    return LText(da=domain.domain, en=domain.domain)
