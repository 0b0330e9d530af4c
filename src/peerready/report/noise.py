"""How far a score must move between two assessments before the report calls it a change.

A questionnaire can set the threshold (`settings.change_threshold`, in points); by default it is
one answer moved one level on one of the scored items, as a share of the 0–100 scale, shrunk by
the square root of the group size: with more people, the mean moves less by chance.
"""

from __future__ import annotations

import math

from peerready.model.questionnaire import Questionnaire, ScoredItem


def levels(q: Questionnaire, items: list[ScoredItem]) -> int:
    """The most answer levels any of the items has (distinct points)."""
    return max((len({o.points for o in q.options_of(item)}) for item in items), default=2)


def default_threshold(answer_levels: int, items: int, respondents: int) -> float:
    step = 100 / (max(answer_levels - 1, 1) * max(items, 1))
    return step / math.sqrt(max(respondents, 1))


def thresholds(q: Questionnaire, respondents: int, setting: float) -> tuple[dict[str, float], float, float]:
    """(per domain, overall, per item) in points; a questionnaire's setting replaces the first two."""
    per_domain: dict[str, float] = {}
    everything: list[ScoredItem] = []
    for domain in q.domains:
        items = domain.scored_items
        everything += items
        per_domain[domain.id] = setting or default_threshold(levels(q, items), len(items), respondents)
    overall = setting or default_threshold(levels(q, everything), len(everything), respondents)
    return per_domain, overall, default_threshold(levels(q, everything), 1, respondents)
