"""Comparing an assessment with an earlier one of the same questionnaire, domain by domain.

The earlier one may be a session file (scored here against the current questionnaire) or
a result JSON from `peerready score --format json` (of a session, or the batch result of a
survey export), which keeps its own domains: across questionnaire versions, domains are matched
by id and the new and the gone are named. A result is read for its scores only (report.earlier),
so one written by an earlier peerready, without the fields added since, is a baseline too.
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
from peerready.report import noise
from peerready.report.earlier import EarlierDomain, EarlierResult
from peerready.scoring.score import score_session

Direction = Literal["up", "down", "same"]


@dataclass(frozen=True)
class Change:
    before: float | None
    after: float | None
    threshold: float = 0.0  # points: a smaller move is no change (report/noise.py)

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
        if moved == 0 or abs(delta) < self.threshold:
            return "same"
        return "up" if moved > 0 else "down"


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
    items: dict[str, Change]
    respondents: tuple[int, int]  # before, now
    new: list[str]
    gone: list[GoneDomain]
    warnings: list[str] = field(default_factory=list)


# A scored session baseline is a whole result; a result file is read for its scores only.
Earlier = ScoreResult | EarlierResult | BatchSummary


def load_baseline(path: Path, instrument: Instrument) -> tuple[Earlier, set[str] | None]:
    """The earlier result, and (for a session of another version) the item ids it was asked."""
    parsed = parse_document(read_text(path), str(path))
    kind = kind_of(parsed.data)
    expected = instrument.questionnaire.id
    if kind == "result":
        earlier = validate(parsed, EarlierResult)
        _same_questionnaire(path, earlier.questionnaire.id, expected)
        return earlier, None
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
    """Per-domain, per-item and overall change from the baseline to the current result; moves
    within the noise threshold count as none."""
    q = instrument.questionnaire
    earlier_n = baseline.counts.scored if isinstance(baseline, BatchSummary) else baseline.respondents
    people = 1 if current.mode == "consensus" else min(current.respondents, earlier_n)
    per_domain, overall, per_item = noise.thresholds(
        q, people, float(current.settings.get("change_threshold", 0))
    )
    before = {d.domain: d for d in baseline.domains if d.status != "unscored"}
    domains: dict[str, Change] = {}
    new: list[str] = []
    for domain in current.domains:
        if domain.status == "unscored":
            continue
        ids = {i.id for i in q.domain_by_id[domain.domain].items}
        if domain.domain not in before or (asked is not None and not ids & asked):
            new.append(domain.domain)
            continue
        domains[domain.domain] = Change(before[domain.domain].score, domain.score, per_domain[domain.domain])
    # a survey's batch summary keeps no items: its changes are the domains' only
    earlier = {i.item: i.score for d in before.values() if not isinstance(d, DomainScore) for i in d.items}
    items = {
        i.item: Change(earlier[i.item], i.score, per_item)
        for d in current.domains
        for i in d.items
        if i.item in earlier and d.domain in domains and (asked is None or i.item in asked)
    }
    now = {d.domain for d in current.domains}
    gone = [GoneDomain(d.domain, _title(d), d.score) for d in before.values() if d.domain not in now]
    warnings = []
    date = None if isinstance(baseline, BatchSummary) else baseline.date  # a survey export has none
    if date and current.date and date > current.date:
        warnings.append(
            f"the baseline is dated {date.isoformat()}, after this assessment "
            f"({current.date.isoformat()}); the changes shown run backwards in time"
        )
    version = (
        baseline.questionnaire.get("version", "?")
        if isinstance(baseline, BatchSummary)
        else baseline.questionnaire.version
    )
    return Comparison(
        date=date,
        version=version,
        overall=Change(baseline.verdict.score, current.verdict.score, overall),
        domains=domains,
        items=items,
        respondents=(earlier_n, current.respondents),
        new=new,
        gone=gone,
        warnings=warnings,
    )


def _title(domain: DomainResult | EarlierDomain | DomainScore) -> LText:
    """A gone domain's title; a batch result names its domains by id only."""
    if isinstance(domain, DomainScore):
        return LText(da=domain.domain, en=domain.domain)
    return domain.title
