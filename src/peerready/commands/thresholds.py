"""`--fail-under` and `--fail-under-domain`: the gates a pipeline sets, and why a result misses them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from peerready.errors import UsageError
from peerready.i18n import format_number
from peerready.locale import _, language
from peerready.model.instrument import Instrument
from peerready.model.result import ScoreResult


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
            threshold = float(number.strip().replace(",", "."))
        except ValueError:
            threshold = -1.0
        if not sep or not name.strip() or not 0 <= threshold <= 100:
            message = _("--fail-under-domain: expected DOMAIN=N with N from 0 to 100, got '{value}'")
            raise UsageError(message.format(value=value))
        thresholds[name.strip()] = threshold
    return thresholds


def shown(score: float, threshold: float) -> str:
    """The score with as many decimals as it takes to see that it is below the threshold: 57.99
    against 58 shows as 57.99, never as a puzzling 58.0."""
    for decimals in (0, 1, 2):
        if round(score, decimals) < threshold:
            return format_number(score, language(), decimals)
    return format_number(score, language(), 3)


def _limit(threshold: float) -> str:
    return format_number(threshold, language(), 0 if threshold.is_integer() else 1)


def unmet(result: ScoreResult, thresholds: Thresholds) -> list[str]:
    """Why the result misses its thresholds, one plain sentence each (empty when it meets them)."""
    misses = []
    score, overall = result.verdict.score, thresholds.overall
    if overall is not None and score is None:
        message = _("there is no overall score (too few answers), so it cannot pass --fail-under {threshold}")
        misses.append(message.format(threshold=_limit(overall)))
    elif overall is not None and score is not None and score < overall:
        message = _("the overall score is {score}, below the --fail-under threshold of {threshold}")
        misses.append(message.format(score=shown(score, overall), threshold=_limit(overall)))
    for domain_id, threshold in thresholds.domains.items():
        domain = result.domain(domain_id)
        if domain.score is None:
            message = _(
                "domain '{domain}' has no score (too few answers), "
                "so it cannot pass its threshold of {threshold}"
            )
            misses.append(message.format(domain=domain_id, threshold=_limit(threshold)))
        elif domain.score < threshold:
            message = _("domain '{domain}' scores {score}, below its threshold of {threshold}")
            misses.append(
                message.format(
                    domain=domain_id, score=shown(domain.score, threshold), threshold=_limit(threshold)
                )
            )
    return misses


def check_thresholds(instrument: Instrument, thresholds: Thresholds) -> None:
    known = {d.id for d in instrument.questionnaire.domains if d.scored_items}
    for domain_id in thresholds.domains:
        if domain_id not in known:
            message = _("--fail-under-domain: there is no scored domain '{domain}' (domains: {known})")
            raise UsageError(message.format(domain=domain_id, known=", ".join(sorted(known))))
