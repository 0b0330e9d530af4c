"""The overall verdict: the band of the overall score, lowered by caps that each say why.

The verdict is not a plain average: readiness is only as strong as its weakest essential part.
Caps are graded (a critical domain scoring very low caps harder than one scoring low), no domain
in its lowest band allows the top verdict, and the questionnaire can add rules of its own. Every
cap only ever looks at scores falling, so raising an answer never lowers the verdict.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from peerready.i18n import LText, number_text, tr
from peerready.model.bands import ascending, band_for, band_rank, lowest
from peerready.model.criteria import Facts, holds, referenced
from peerready.model.questionnaire import Band, Questionnaire
from peerready.model.result import DomainResult, Reason, Verdict

NO_FACTS = ("unscored", "not_asked")  # domains no criterion can be about (open questions; not asked)


def overall_score(q: Questionnaire, domains: list[DomainResult]) -> float | None:
    weights = {d.id: d.weight for d in q.domains}
    scored = [(d.score, weights[d.domain]) for d in domains if d.score is not None]
    if not scored:
        return None
    return math.fsum(s * w for s, w in scored) / math.fsum(w for _, w in scored)


def facts_from(q: Questionnaire, domains: list[DomainResult], overall: float | None) -> Facts:
    items = [item for d in domains for item in d.items]
    labels: dict[str, LText] = {}
    for domain in q.domains:
        labels.update({b.id: b.label for b in q.bands_for(domain)})
    item_band: dict[str, str | None] = {}
    for stats in items:
        found = band_for(stats.score, q.bands_for(q.domain_by_id[stats.domain]))
        item_band[stats.item] = found.id if found else None
    return Facts(
        domain_band={d.domain: d.band for d in domains if d.status not in NO_FACTS},
        domain_score={d.domain: d.score for d in domains if d.status not in NO_FACTS},
        domain_disagrees={d.domain: bool(d.agreement and d.agreement.low) for d in domains},
        item_mean_points={i.item: i.points.mean for i in items},
        item_band=item_band,
        item_unknown_share={
            i.item: i.dont_know / (i.answered + i.dont_know) for i in items if i.answered + i.dont_know
        },
        item_disagrees={i.item: i.low_agreement for i in items},
        overall_score=overall,
        domain_titles={d.id: d.title for d in q.domains},
        item_texts={i.id: i.text for i in q.all_items},
        band_labels=labels,
    )


def decide(q: Questionnaire, domains: list[DomainResult], facts: Facts) -> Verdict:
    score = facts.overall_score
    if not q.verdict:  # a worksheet: domain scores, but no readiness verdict
        return Verdict(
            score=None, band=None, label=None, uncapped_band=None, provisional=False, reasons=[], given=False
        )
    bands = ascending(q.overall_bands)
    scored_band = band_for(score, bands)
    reasons: list[Reason] = []
    final = scored_band
    if scored_band is not None and score is not None:
        template = tr("The overall score is {score} out of 100: “{band}”")
        reasons.append(
            Reason(
                kind="score",
                text=template.fill(score=number_text(score), band=scored_band.label),
            )
        )
        scored_rank = bands.index(scored_band)
        caps = [(bands.index(cap), reason) for cap, reason in _caps(q, domains, facts, bands)]
        # Every cap at or below the score's band is said, also one that only agrees with it.
        reasons += [reason for rank, reason in caps if rank <= scored_rank]
        final = bands[min([scored_rank, *(rank for rank, _ in caps)])]
    provisional = _provisional_reasons(domains)
    reasons.extend(provisional)
    return Verdict(
        score=score,
        band=final.id if final else None,
        label=final.label if final else None,
        uncapped_band=scored_band.id if scored_band else None,
        provisional=bool(provisional) or final is None,
        reasons=reasons,
    )


def _caps(
    q: Questionnaire, domains: list[DomainResult], facts: Facts, bands: list[Band]
) -> Iterator[tuple[Band, Reason]]:
    by_id = {b.id: b for b in bands}
    for domain in domains:
        # one cap per domain, the strictest; a critical domain's own reason says more at equal rank
        found = [*_critical_cap(q, domain, bands, by_id), *_lowest_band_cap(q, domain, bands)]
        if found:
            yield min(found, key=lambda pair: bands.index(pair[0]))
    for rule in q.verdict_rules:
        if holds(rule.when, facts):
            named_domains, named_items, _ = referenced(rule.when)
            named = next(iter(named_domains)) if len(named_domains) == 1 else None
            yield (
                by_id[rule.cap],
                Reason(kind="cap", text=rule.reason, domain=named, items=sorted(named_items)),
            )


_NO_BAND = tr("–")
_LOWEST_BAND = tr(
    "“{domain}” is in its lowest band (“{band}”), so the overall verdict can be no better than “{cap}”"
)
_CRITICAL_LOWEST = tr(
    "“{domain}” is a critical domain in its lowest band (“{band}”), so the overall verdict can be no "
    "better than “{cap}”"
)
_CRITICAL_BELOW = tr(
    "“{domain}” is a critical domain scoring below {below}, so the overall verdict can be no better "
    "than “{cap}”"
)


def _in_lowest_band(q: Questionnaire, domain: DomainResult) -> bool:
    own = q.bands_for(q.domain_by_id[domain.domain])
    return domain.band is not None and band_rank(domain.band, own) == 0


def _lowest_band_cap(q: Questionnaire, domain: DomainResult, bands: list[Band]) -> list[tuple[Band, Reason]]:
    """No domain in its lowest band allows the top verdict."""
    if len(bands) < 2 or not _in_lowest_band(q, domain):
        return []
    return [(bands[-2], _lowest_band_reason(domain, bands[-2].label))]


def _critical_cap(
    q: Questionnaire, domain: DomainResult, bands: list[Band], by_id: dict[str, Band]
) -> list[tuple[Band, Reason]]:
    if not domain.critical or domain.score is None:
        return []
    if q.verdict_caps is None:  # files without graded caps keep the original rule
        if not _in_lowest_band(q, domain):
            return []
        return [(lowest(bands), _critical_reason(domain, None, lowest(bands).label))]
    holding = [c for c in q.verdict_caps if domain.score < c.below]
    if not holding:
        return []
    strictest = min(holding, key=lambda c: bands.index(by_id[c.cap]))
    cap = by_id[strictest.cap]
    return [(cap, _critical_reason(domain, strictest.below, cap.label))]


def _lowest_band_reason(domain: DomainResult, cap: LText) -> Reason:
    text = _LOWEST_BAND.fill(domain=domain.title, band=domain.band_label or _NO_BAND, cap=cap)
    return Reason(kind="cap", domain=domain.domain, text=text)


def _critical_reason(domain: DomainResult, below: float | None, cap: LText) -> Reason:
    if below is None:
        text = _CRITICAL_LOWEST.fill(domain=domain.title, band=domain.band_label or _NO_BAND, cap=cap)
    else:
        text = _CRITICAL_BELOW.fill(domain=domain.title, below=number_text(below), cap=cap)
    return Reason(kind="cap", domain=domain.domain, text=text)


_TOO_FEW = tr("Too few answers to score “{domain}” ({weight}); the verdict is provisional")
_NOT_ASKED = tr("“{domain}” was not asked in these answers and is left out; the verdict is provisional")
_CRITICAL_DOMAIN = tr("a critical domain")
_A_DOMAIN = tr("a domain")


def _provisional_reasons(domains: list[DomainResult]) -> list[Reason]:
    return [
        Reason(
            kind="provisional",
            domain=domain.domain,
            text=_TOO_FEW.fill(domain=domain.title, weight=_CRITICAL_DOMAIN if domain.critical else _A_DOMAIN)
            if domain.status == "insufficient_data"
            else _NOT_ASKED.fill(domain=domain.title),
        )
        for domain in domains
        if domain.status in ("insufficient_data", "not_asked")
    ]
