"""Comparing an assessment with an earlier one of the same questionnaire, domain by domain.

The earlier one may be a session file (scored here against the current questionnaire) or
a result JSON from `peerready score --format json`, which keeps its own domains: across
questionnaire versions, domains are matched by id and the new and the gone are named.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from peerready.documents.loader import parse_document, read_text, validate
from peerready.errors import DocumentError, InputError
from peerready.i18n import LText
from peerready.model.instrument import Instrument
from peerready.model.result import RESULT_FORMAT, ScoreResult
from peerready.model.session import SESSION_FORMAT, SESSION_FORMATS, Session
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


def load_baseline(path: Path, instrument: Instrument) -> tuple[ScoreResult, set[str] | None]:
    """The earlier result, and (for a session of another version) the item ids it was asked."""
    parsed = parse_document(read_text(path), str(path))
    kind = parsed.data.get("format") if isinstance(parsed.data, dict) else None
    expected = instrument.questionnaire.id
    if kind == RESULT_FORMAT:
        result = validate(parsed, ScoreResult)
        _same_questionnaire(path, result.questionnaire.id, expected)
        return result, None
    if kind not in SESSION_FORMATS:
        raise InputError(
            f"{path}: a baseline must be a session file ({SESSION_FORMAT}) or a result "
            f"from 'peerready score --format json' ({RESULT_FORMAT})"
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
    current: ScoreResult, instrument: Instrument, baseline: ScoreResult, asked: set[str] | None
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
    gone = [GoneDomain(d.domain, d.title, d.score) for d in before.values() if d.domain not in now]
    warnings = []
    if baseline.date and current.date and baseline.date > current.date:
        warnings.append(
            f"the baseline is dated {baseline.date.isoformat()}, after this assessment "
            f"({current.date.isoformat()}); the changes shown run backwards in time"
        )
    return Comparison(
        date=baseline.date,
        version=baseline.questionnaire.version,
        overall=Change(baseline.verdict.score, current.verdict.score),
        domains=domains,
        new=new,
        gone=gone,
        warnings=warnings,
    )
