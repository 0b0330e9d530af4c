"""Results per group (role, department …) that never show a group smaller than the minimum,
nor two groups whose difference is (see peerready.scoring.disclosure for which are shown).
"""

from __future__ import annotations

from collections.abc import Mapping

from peerready.i18n import LText, tr
from peerready.model.bands import band_for
from peerready.model.questionnaire import Questionnaire, Settings
from peerready.model.result import GroupResult
from peerready.scoring.disclosure import OTHER, Cut, cut
from peerready.scoring.stats import domain_result
from peerready.scoring.tally import Tally
from peerready.scoring.verdict import overall_score

OTHER_LABEL = tr("Others (small groups)")
__all__ = ["OTHER", "OTHER_LABEL", "group_results"]


def group_results(
    q: Questionnaire,
    tallies: Mapping[str, Tally],
    dimension: str,
    labels: Mapping[str, LText],
    settings: Settings,
    shown: Cut | None = None,
) -> tuple[list[GroupResult], int]:
    """Results per group as `shown` decides (by default: the groups of at least the minimum
    size, the others merged), and how many respondents were in groups below the minimum size."""
    minimum = settings.min_group_size
    sizes = {key: t.respondents for key, t in tallies.items()}
    small = sum(n for n in sizes.values() if n < minimum)
    plan = shown or cut(sizes, minimum)
    if plan.hidden:
        return [], small  # a single group would only repeat the totals
    results = [_one(q, tallies[key], dimension, key, labels.get(key), settings) for key in plan.shown]
    if plan.others:
        other = Tally(next(iter(tallies.values())).plan, settings.min_coverage)
        for key in plan.merged:
            other.merge(tallies[key])
        results.append(_one(q, other, dimension, OTHER, OTHER_LABEL, settings))
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
        label=label or LText.same(key),
        respondents=tally.respondents,
        score=score,
        band=band.id if band else None,
        domains={d.domain: d.score for d in domains if d.status != "unscored"},
        split={d.domain: d.agreement.flagged for d in domains if d.agreement and d.agreement.flagged},
    )
