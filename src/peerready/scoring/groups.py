"""Results per group (role, department …) that never show a group smaller than the minimum,
nor two groups whose difference is (see peerready.scoring.disclosure for which are shown).
"""

from __future__ import annotations

from collections.abc import Mapping

from peerready.i18n import LText, tr
from peerready.model.bands import band_for
from peerready.model.questionnaire import Questionnaire, Settings
from peerready.model.result import GroupResult
from peerready.scoring.disclosure import OTHER, Cut
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
    plan: Cut,
    withheld: Mapping[str, frozenset[str]],
) -> tuple[list[GroupResult], int]:
    """Results per group as `plan` shows them, without the domains `withheld` per group (both as
    scoring.disclosure decides), and how many respondents were in groups below the minimum size."""
    small = sum(t.respondents for t in tallies.values() if t.respondents < settings.min_group_size)
    if plan.hidden:
        return [], small  # a single group would only repeat the totals
    results = [
        _one(q, tallies[key], dimension, key, labels.get(key), settings, withheld.get(key, frozenset()))
        for key in plan.shown
    ]
    if plan.others:
        other = merged(tallies, plan)
        results.append(
            _one(q, other, dimension, OTHER, OTHER_LABEL, settings, withheld.get(OTHER, frozenset()))
        )
    return results, small


def merged(tallies: Mapping[str, Tally], plan: Cut) -> Tally:
    """The tally of the groups shown together as 'others'."""
    first = next(iter(tallies.values()))
    other = Tally(first.plan, first.min_coverage)
    for key in plan.merged:
        other.merge(tallies[key])
    return other


def _one(
    q: Questionnaire,
    tally: Tally,
    dimension: str,
    key: str,
    label: LText | None,
    settings: Settings,
    withheld: frozenset[str],
) -> GroupResult:
    domains = [domain_result(q, d, tally, settings) for d in q.domains]
    # the overall score would give a withheld domain's score away, the others being shown
    score = None if withheld else overall_score(q, domains)
    band = band_for(score, q.overall_bands)
    return GroupResult(
        dimension=dimension,
        key=key,
        label=label or LText.same(key),
        respondents=tally.respondents,
        score=score,
        band=band.id if band else None,
        domains={
            d.domain: None if d.domain in withheld else d.score for d in domains if d.status != "unscored"
        },
        split={
            d.domain: d.agreement.flagged
            for d in domains
            if d.agreement and d.agreement.flagged and d.domain not in withheld
        },
        withheld=sorted(withheld),
    )
