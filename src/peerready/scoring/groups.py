"""Results per group (role, department …) that never show a group smaller than the minimum.

Groups below the minimum size are merged into "other". If "other" is then still too
small, the next smallest group joins it, and so on: otherwise a small group's answers
could be worked out by subtracting the shown groups from the total.
"""

from __future__ import annotations

from collections.abc import Mapping

from peerready.i18n import LText, both
from peerready.model.bands import band_for
from peerready.model.questionnaire import Questionnaire, Settings
from peerready.model.result import GroupResult
from peerready.scoring.stats import domain_result
from peerready.scoring.tally import Tally
from peerready.scoring.verdict import overall_score

OTHER = "_others"  # no role has this key; a batch group of that name is refused
OTHER_LABEL = both("Øvrige (små grupper)", "Others (small groups)")


def protect(sizes: Mapping[str, int], minimum: int) -> tuple[list[str], list[str]]:
    """(groups that can be shown on their own, groups to merge into 'other')."""
    shown = sorted((k for k, n in sizes.items() if n >= minimum), key=lambda k: (sizes[k], k))
    merged = [k for k in sizes if sizes[k] < minimum]
    while merged and sum(sizes[k] for k in merged) < minimum and shown:
        merged.append(shown.pop(0))
    return sorted(shown), merged


def group_results(
    q: Questionnaire,
    tallies: Mapping[str, Tally],
    dimension: str,
    labels: Mapping[str, LText],
    settings: Settings,
) -> tuple[list[GroupResult], int]:
    """Results per group large enough to show, plus 'other'; and how many respondents were
    in groups below the minimum size."""
    minimum = settings.min_group_size
    sizes = {key: t.respondents for key, t in tallies.items()}
    small = sum(n for n in sizes.values() if n < minimum)
    shown, merged = protect(sizes, minimum)
    results = [_one(q, tallies[key], dimension, key, labels.get(key), settings) for key in shown]
    if merged:
        other = Tally(next(iter(tallies.values())).plan, settings.min_coverage)
        for key in merged:
            other.merge(tallies[key])
        if other.respondents >= minimum:
            results.append(_one(q, other, dimension, OTHER, OTHER_LABEL, settings))
    if len(results) < 2:
        return [], small  # a single group would only repeat the totals
    return results, small


def _one(
    q: Questionnaire,
    tally: Tally,
    dimension: str,
    key: str,
    label: LText | None,
    settings: Settings,
) -> GroupResult:
    domains = [domain_result(q, d, tally, settings) for d in q.domains]
    score = overall_score(q, domains)
    band = band_for(score, q.overall_bands)
    return GroupResult(
        dimension=dimension,
        key=key,
        label=label or both(key, key),
        respondents=tally.respondents,
        score=score,
        band=band.id if band else None,
        domains={d.domain: d.score for d in domains if d.status != "unscored"},
    )
