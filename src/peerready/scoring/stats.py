"""From tallies to statistics: per item and per domain scores, coverage and agreement."""

from __future__ import annotations

import math

from peerready.model.bands import band_for
from peerready.model.questionnaire import Domain, Questionnaire, Settings
from peerready.model.result import Agreement, DomainResult, ItemStats, Summary
from peerready.scoring.agreement import median_deviation, moments, rwg, rwg_j, splits_decision
from peerready.scoring.tally import ItemPlan, Moments, Tally


def _ranked(plan: ItemPlan, counts: list[int]) -> list[int]:
    """Counts per rank (options with equal points share a rank)."""
    ranked = [0] * plan.ranks
    for index, count in enumerate(counts):
        ranked[plan.rank[index]] += count
    return ranked


def _favourable_ranks(plan: ItemPlan) -> list[bool]:
    """Per rank, whether its answers are favourable (options with equal points agree)."""
    favourable = [False] * plan.ranks
    for index, good in enumerate(plan.favourable):
        favourable[plan.rank[index]] = good
    return favourable


def item_stats(plan: ItemPlan, tally: Tally, position: int) -> ItemStats:
    counts = tally.counts[position]
    answered = sum(counts)
    dont_know = tally.dont_know[position]
    not_applicable = tally.not_applicable[position]
    ranked = _ranked(plan, counts)
    asked = plan.id not in tally.plan.not_asked
    score = favourable = None
    if answered:
        score = math.fsum(c * r for c, r in zip(counts, plan.rescaled, strict=True)) / answered
        favourable = sum(c for c, f in zip(counts, plan.favourable, strict=True) if f) / answered
    return ItemStats(
        item=plan.id,
        domain=plan.domain,
        kind=plan.kind,
        answered=answered,
        dont_know=dont_know,
        not_applicable=not_applicable,
        missing=0 if not asked else tally.respondents - answered - dont_know - not_applicable,
        points=_points_summary(plan, counts),
        score=score,
        favourable=favourable,
        distribution=dict(zip(plan.option_ids, counts, strict=True)),
        rwg=rwg(ranked),
        ad=median_deviation(ranked),
        low_agreement=splits_decision(ranked, _favourable_ranks(plan)),
        asked=asked,
    )


def _points_summary(plan: ItemPlan, counts: list[int]) -> Summary:
    chosen = [p for p, c in zip(plan.points, counts, strict=True) if c]
    if not chosen:
        return Summary(n=0)
    n = sum(counts)
    mean = math.fsum(p * c for p, c in zip(plan.points, counts, strict=True)) / n
    sd = None
    if n >= 2:
        squares = math.fsum(c * (p - mean) ** 2 for p, c in zip(plan.points, counts, strict=True))
        sd = math.sqrt(squares / (n - 1))
    return Summary(n=n, mean=mean, sd=sd, min=min(chosen), max=max(chosen))


def moments_summary(stats: Moments) -> Summary:
    """Running moments depend on the order respondents arrived in, in the last bits of a float;
    rounding to nine decimals makes the result independent of that order."""
    if stats.n == 0:
        return Summary(n=0)
    sd = round(math.sqrt(max(stats.m2, 0.0) / (stats.n - 1)), 9) if stats.n >= 2 else None
    return Summary(n=stats.n, mean=round(stats.mean, 9), sd=sd, min=stats.low, max=stats.high)


def domain_result(q: Questionnaire, domain: Domain, tally: Tally, settings: Settings) -> DomainResult:
    positions = tally.plan.domain_items[domain.id]
    plans = [tally.plan.items[p] for p in positions]
    items = [item_stats(plan, tally, p) for plan, p in zip(plans, positions, strict=True)]
    if not plans:
        return DomainResult(
            domain=domain.id, title=domain.title, critical=domain.critical, status="unscored",
            score=None, band=None, band_label=None, coverage=_text_coverage(domain, tally),
            favourable=None, respondents=Summary(n=0), agreement=None, items=[],
        )  # fmt: skip
    if not any(s.asked for s in items):  # an export without these items: nothing to say about the domain
        return DomainResult(
            domain=domain.id, title=domain.title, critical=domain.critical, status="not_asked",
            score=None, band=None, band_label=None, coverage=0.0,
            favourable=None, respondents=Summary(n=0), agreement=None, items=items,
        )  # fmt: skip
    applicable = sum(tally.respondents - s.not_applicable for s in items if s.asked)
    answered = sum(s.answered for s in items)
    coverage = answered / applicable if applicable else 0.0
    scored = [(s, plan.weight) for s, plan in zip(items, plans, strict=True) if s.score is not None]
    score = None
    if scored and coverage >= settings.min_coverage:
        score = math.fsum(s.score * w for s, w in scored if s.score is not None) / math.fsum(
            w for _, w in scored
        )
    band = band_for(score, q.bands_for(domain))
    favourable = None
    if answered:
        favourable = math.fsum((s.favourable or 0) * s.answered for s in items) / answered
    return DomainResult(
        domain=domain.id,
        title=domain.title,
        critical=domain.critical,
        status="scored" if score is not None else "insufficient_data",
        score=score,
        band=band.id if band else None,
        band_label=band.label if band else None,
        coverage=coverage,
        favourable=favourable,
        respondents=moments_summary(tally.domain_scores[domain.id]),
        agreement=_agreement(plans, tally, positions, items),
        items=items,
    )


def _agreement(
    plans: list[ItemPlan], tally: Tally, positions: tuple[int, ...], items: list[ItemStats]
) -> Agreement | None:
    """A domain disagrees exactly when one of its items does, so the two never contradict."""
    ranked = [_ranked(plan, tally.counts[p]) for plan, p in zip(plans, positions, strict=True)]
    with_two = [r for r in ranked if moments(r)[0] >= 2]
    if not with_two:
        return None
    deviations = [i.ad for i in items if i.ad is not None]
    flagged = sum(1 for i in items if i.low_agreement)
    return Agreement(
        rwg_j=rwg_j(with_two),
        ad=math.fsum(deviations) / len(deviations) if deviations else None,
        items=len(with_two),
        flagged=flagged,
        low=flagged > 0,
    )


def _text_coverage(domain: Domain, tally: Tally) -> float:
    texts = [i.id for i in domain.items]
    if not tally.respondents or not texts:
        return 0.0
    given = sum(min(len(tally.texts.get(t, [])), tally.respondents) for t in texts)
    return given / (len(texts) * tally.respondents)
