"""Where a domain's spread lies: between groups (leaders and staff see it differently) or within
them (people disagree whatever their group).

η² is the share of the variance of respondents' own domain scores that lies between the
groups' means. It is computed on the same groups the report may show (small groups merged as
in scoring.disclosure), so it reveals nothing about a group that is not shown.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from peerready.model.questionnaire import Settings
from peerready.model.result import GroupSpread
from peerready.scoring.disclosure import Atom, Cut, Reach, cut, withhold
from peerready.scoring.groups import merged
from peerready.scoring.tally import Moments, Tally


def eta_squared(groups: Sequence[Moments]) -> float | None:
    """Between-group sum of squares over the total; None without two groups or any spread."""
    present = [g for g in groups if g.n]
    if len(present) < 2:
        return None
    total_n = sum(g.n for g in present)
    grand = math.fsum(g.n * g.mean for g in present) / total_n
    between = math.fsum(g.n * (g.mean - grand) ** 2 for g in present)
    within = math.fsum(max(g.m2, 0.0) for g in present)
    if between + within <= 0:
        return None
    return round(between / (between + within), 9)  # independent of the order respondents came in


def group_spread(
    tallies: Mapping[str, Tally],
    dimension: str,
    settings: Settings,
    shown_as: Cut | None = None,
    withheld: Mapping[str, frozenset[str]] | None = None,
) -> list[GroupSpread]:
    """Per domain, η² over the groups that are shown (`shown_as`, as scoring.disclosure decides;
    by default this breakdown's own protection), and which side of the spread dominates; none
    for a domain withheld from any of those groups."""
    if not tallies:
        return []
    plan = shown_as or cut({key: t.respondents for key, t in tallies.items()}, settings.min_group_size)
    if plan.hidden:
        return []
    groups = [tallies[key] for key in plan.shown]
    if plan.others:
        groups.append(merged(tallies, plan))
    if withheld is None:  # this breakdown shown alone
        crossed: dict[Atom, int] = {(key,): t.respondents for key, t in tallies.items()}
        reach: dict[Atom, Reach] = {(key,): t.reach for key, t in tallies.items()}
        (withheld,) = withhold([plan], crossed, reach, settings.min_group_size)
    held = frozenset().union(*withheld.values())
    spread = []
    for domain, positions in groups[0].plan.domain_items.items():
        if not positions:
            continue  # open questions only: nothing scored
        value = None if domain in held else eta_squared([g.domain_scores[domain] for g in groups])
        source = None
        if value is not None:
            source = "between_groups" if value >= settings.group_effect else "within_groups"
        spread.append(GroupSpread(dimension=dimension, domain=domain, eta_squared=value, source=source))
    return spread
