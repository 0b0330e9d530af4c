"""The action plan: the recommendations the criteria select, merged, phased and put in order.

A leader can act on a short plan, not on forty-six actions. So the plan runs phase by phase
(now, before hiring, the first three months, ongoing); within a phase, what holds the verdict
back comes first. The first phase keeps a handful of actions and only a few may be "high"; the
rest stay in the plan, marked as later, after everything else.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from peerready.i18n import LText
from peerready.model.catalogue import PHASE_ORDER, PRIORITY_ORDER, Recommendation
from peerready.model.criteria import Facts, describe, holds, referenced
from peerready.model.questionnaire import Settings
from peerready.model.result import TriggeredRecommendation, Verdict


@dataclass
class _Chosen:
    position: int  # in the catalogue: the last tie-breaker, so the plan is stable
    rec: Recommendation
    because: list[LText]
    items: set[str]  # items named by the criteria that hold
    domains: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)


def action_plan(
    recommendations: list[Recommendation], facts: Facts, verdict: Verdict, settings: Settings
) -> list[TriggeredRecommendation]:
    """The selected recommendations in plan order, each with why, its phase and its place."""
    chosen = _merge(_select(recommendations, facts))
    capping_domains = {r.domain for r in verdict.reasons if r.kind == "cap" and r.domain}
    capping_items = {i for r in verdict.reasons if r.kind == "cap" for i in r.items}

    def key(c: _Chosen) -> tuple[int, bool, int, int]:
        caps = bool(set(c.domains) & capping_domains or c.items & capping_items)
        return PHASE_ORDER[c.rec.phase], not caps, PRIORITY_ORDER[c.rec.priority], c.position

    ordered = sorted(chosen, key=key)
    later = _later(ordered, settings)
    plan = [c for c in ordered if c.rec.id not in later] + [c for c in ordered if c.rec.id in later]
    return [
        TriggeredRecommendation(
            id=c.rec.id,
            title=c.rec.title,
            priority=c.rec.priority,
            owner=c.rec.owner,
            timeframe=c.rec.timeframe,
            phase=c.rec.phase,
            order=order,
            later=c.rec.id in later,
            merged=c.merged,
            domains=c.domains,
            because=c.because,
        )
        for order, c in enumerate(plan, start=1)
    ]


def _select(recommendations: list[Recommendation], facts: Facts) -> list[_Chosen]:
    chosen = []
    for position, rec in enumerate(recommendations):
        holding = [c for c in rec.when if holds(c, facts)]
        if holding:
            items = {i for c in holding for i in referenced(c)[1]}
            because = [describe(c, facts) for c in holding]
            chosen.append(_Chosen(position, rec, because, items, list(rec.domains)))
    return chosen


def _merge(chosen: list[_Chosen]) -> list[_Chosen]:
    """Fold each selected recommendation into the first selected one that covers it."""
    by_id = {c.rec.id: c for c in chosen}
    folded: set[str] = set()
    for coverer in chosen:
        if coverer.rec.id in folded:
            continue
        for covered_id in coverer.rec.covers:
            covered = by_id.get(covered_id)
            if covered is None or covered_id in folded or covered is coverer:
                continue
            folded.add(covered_id)
            coverer.merged.append(covered_id)
            coverer.because += [b for b in covered.because if b not in coverer.because]
            coverer.domains += [d for d in covered.domains if d not in coverer.domains]
            coverer.items |= covered.items
    return [c for c in chosen if c.rec.id not in folded]


def _later(ordered: list[_Chosen], settings: Settings) -> set[str]:
    """Actions beyond the first phase's limit, or beyond the limit on "high" actions."""
    if not ordered:
        return set()
    first_phase = ordered[0].rec.phase
    later: set[str] = set()
    in_first = high = 0
    for c in ordered:
        if c.rec.phase == first_phase:
            in_first += 1
            if in_first > settings.first_phase_actions:
                later.add(c.rec.id)
                continue
        if c.rec.priority == "high":
            high += 1
            if high > settings.high_priority_actions:
                later.add(c.rec.id)
    return later
