"""`peerready score`: score answers and print the result, or fail a pipeline below a threshold."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from peerready import console
from peerready.errors import EXIT_BELOW_THRESHOLD, EXIT_OK, UsageError
from peerready.fileio import write_atomic
from peerready.i18n import Lang, format_number
from peerready.loader import Instrument, load_instrument
from peerready.result import ScoreResult
from peerready.scoring import effective_settings, score_session
from peerready.session import load_session
from peerready.terminal import score_view


@dataclass(frozen=True)
class Thresholds:
    overall: float | None = None
    domains: dict[str, float] = field(default_factory=dict)


def parse_domain_thresholds(values: Sequence[str]) -> dict[str, float]:
    """['leadership=60', …] → {'leadership': 60.0}."""
    thresholds: dict[str, float] = {}
    for value in values:
        name, sep, number = value.partition("=")
        try:
            threshold = float(number)
        except ValueError:
            threshold = -1.0
        if not sep or not name or not 0 <= threshold <= 100:
            raise UsageError(f"--fail-under-domain expects DOMAIN=N with N from 0 to 100, got '{value}'")
        thresholds[name.strip()] = threshold
    return thresholds


def unmet(result: ScoreResult, thresholds: Thresholds) -> list[str]:
    """Why the result misses its thresholds (empty when it meets them all)."""
    misses = []
    score = result.verdict.score
    if thresholds.overall is not None and (score is None or score < thresholds.overall):
        shown = "no score (too few answers)" if score is None else format_number(score, "en", 1)
        misses.append(f"overall score {shown} is below --fail-under {thresholds.overall:g}")
    for domain_id, threshold in thresholds.domains.items():
        domain = result.domain(domain_id)
        if domain.score is None or domain.score < threshold:
            shown = (
                "no score (too few answers)" if domain.score is None else format_number(domain.score, "en", 1)
            )
            misses.append(f"domain '{domain_id}' score {shown} is below {threshold:g}")
    return misses


def check_thresholds(instrument: Instrument, thresholds: Thresholds) -> None:
    known = {d.id for d in instrument.questionnaire.domains if d.scored_items}
    for domain_id in thresholds.domains:
        if domain_id not in known:
            raise UsageError(
                f"--fail-under-domain: no scored domain '{domain_id}' (domains: {', '.join(sorted(known))})"
            )


def emit(result: ScoreResult, instrument: Instrument, fmt: str, lang: Lang, output: Path | None) -> None:
    if fmt == "json":
        text = result.model_dump_json(indent=2) + "\n"
        if output is None:
            console.write_out(text)
        else:
            write_atomic(output, text)
        return
    if output is not None:
        raise UsageError("--output needs --format json")
    console.out().print(score_view(result, instrument, lang))


def score_session_file(
    path: Path,
    *,
    questionnaire: str | None,
    fmt: str,
    lang: Lang | None,
    allow_version_mismatch: bool,
    thresholds: Thresholds,
    min_group_size: int | None,
    output: Path | None,
) -> int:
    session = load_session(path)
    instrument = load_instrument(questionnaire or session.questionnaire.id)
    check_thresholds(instrument, thresholds)
    settings = effective_settings(instrument, min_group_size=min_group_size)
    result = score_session(
        instrument,
        session,
        settings=settings,
        allow_version_mismatch=allow_version_mismatch,
        label=str(path),
    )
    for warning in result.warnings:
        console.warning(warning)
    emit(result, instrument, fmt, lang or session.language, output)
    misses = unmet(result, thresholds)
    for miss in misses:
        console.error(miss)
    return EXIT_BELOW_THRESHOLD if misses else EXIT_OK
