"""The overall verdict and the recommendations the criteria select.

The verdict is not a plain average: readiness is only as strong as its weakest essential
part, so a critical domain in its lowest band caps the verdict, and so can the
questionnaire's own rules. The verdict says why.
"""

from __future__ import annotations

import math

from peerready.i18n import LText, both, format_number
from peerready.model.bands import band_for, band_rank, lowest
from peerready.model.catalogue import PRIORITY_ORDER, TIMEFRAME_ORDER, Recommendation
from peerready.model.criteria import Facts, describe, holds
from peerready.model.questionnaire import Questionnaire
from peerready.model.result import DomainResult, Reason, TriggeredRecommendation, Verdict

NO_FACTS = ("unscored", "not_asked")  # domains no criterion can be about (open questions; not asked)


def overall_score(q: Questionnaire, domains: list[DomainResult]) -> float | None:
    weights = {d.id: d.weight for d in q.domains}
    scored = [(d.score, weights[d.domain]) for d in domains if d.score is not None]
    if not scored:
        return None
    return math.fsum(s * w for s, w in scored) / math.fsum(w for _, w in scored)


def facts_from(
    q: Questionnaire,
    domains: list[DomainResult],
    overall: float | None,
    agreement_threshold: float,
) -> Facts:
    items = [item for d in domains for item in d.items]
    labels: dict[str, LText] = {}
    for domain in q.domains:
        labels.update({b.id: b.label for b in q.bands_for(domain)})
    return Facts(
        domain_band={d.domain: d.band for d in domains if d.status not in NO_FACTS},
        domain_score={d.domain: d.score for d in domains if d.status not in NO_FACTS},
        domain_rwg={d.domain: d.agreement.rwg_j if d.agreement else None for d in domains},
        item_mean_points={i.item: i.points.mean for i in items},
        item_unknown_share={
            i.item: i.dont_know / (i.answered + i.dont_know) for i in items if i.answered + i.dont_know
        },
        item_rwg={i.item: i.rwg for i in items},
        overall_score=overall,
        domain_titles={d.id: d.title for d in q.domains},
        item_texts={i.id: i.text for i in q.all_items},
        agreement_threshold=agreement_threshold,
        band_labels=labels,
    )


def decide(q: Questionnaire, domains: list[DomainResult], facts: Facts) -> Verdict:
    bands = q.overall_bands
    score = facts.overall_score
    scored_band = band_for(score, bands)
    reasons: list[Reason] = []
    if scored_band is not None and score is not None:
        number_da, number_en = format_number(score, "da"), format_number(score, "en")
        reasons.append(
            Reason(
                kind="score",
                text=both(
                    f"Den samlede score er {number_da} af 100: «{scored_band.label.da}»",
                    f"The overall score is {number_en} out of 100: “{scored_band.label.en}”",
                ),
            )
        )
    caps: list[tuple[str, Reason]] = []
    floor = lowest(bands)
    for domain in domains:
        if domain.critical and domain.band is not None:
            own_bands = q.bands_for(q.domain_by_id[domain.domain])
            if band_rank(domain.band, own_bands) == 0:
                caps.append((floor.id, _critical_reason(domain, floor.label)))
    caps += [
        (rule.cap, Reason(kind="cap", text=rule.reason))
        for rule in q.verdict_rules
        if holds(rule.when, facts)
    ]
    final = scored_band
    for cap_id, reason in caps:
        cap_rank = band_rank(cap_id, bands)
        if final is not None and cap_rank is not None and cap_rank < (band_rank(final.id, bands) or 0):
            final = next(b for b in bands if b.id == cap_id)
            reasons.append(reason)
        elif final is not None and cap_rank is not None and cap_rank == band_rank(final.id, bands):
            reasons.append(reason)  # the cap agrees with the score; still worth saying
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


def _critical_reason(domain: DomainResult, cap: LText) -> Reason:
    band = domain.band_label or both("–", "–")
    return Reason(
        kind="cap",
        domain=domain.domain,
        text=both(
            f"«{domain.title.da}» er et kritisk område og ligger i det laveste bånd "
            f"(«{band.da}»), så den samlede vurdering kan højst være «{cap.da}»",
            f"“{domain.title.en}” is a critical domain in its lowest band (“{band.en}”), "
            f"so the overall verdict can be no better than “{cap.en}”",
        ),
    )


def _provisional_reasons(domains: list[DomainResult]) -> list[Reason]:
    reasons = []
    for domain in domains:
        if domain.status == "insufficient_data":
            weight_da = "et kritisk område" if domain.critical else "et område"
            weight_en = "a critical domain" if domain.critical else "a domain"
            reasons.append(
                Reason(
                    kind="provisional",
                    domain=domain.domain,
                    text=both(
                        f"For få svar til at vurdere «{domain.title.da}» ({weight_da}); "
                        "vurderingen er foreløbig",
                        f"Too few answers to score “{domain.title.en}” ({weight_en}); "
                        "the verdict is provisional",
                    ),
                )
            )
        elif domain.status == "not_asked":
            text = both(
                "«{da}» var ikke med i besvarelserne og indgår ikke; vurderingen er foreløbig",
                "“{en}” was not asked in these answers and is left out; the verdict is provisional",
            )
            titles = {"da": domain.title.da, "en": domain.title.en}
            reasons.append(
                Reason(
                    kind="provisional",
                    domain=domain.domain,
                    text=both(text.da.format(**titles), text.en.format(**titles)),
                )
            )
    return reasons


def select(recommendations: list[Recommendation], facts: Facts) -> list[TriggeredRecommendation]:
    """The recommendations whose criteria hold, most urgent first, each with why."""
    chosen = []
    for order, rec in enumerate(recommendations):
        because = [describe(c, facts) for c in rec.when if holds(c, facts)]
        if because:
            chosen.append((order, rec, because))
    chosen.sort(key=lambda t: (PRIORITY_ORDER[t[1].priority], TIMEFRAME_ORDER[t[1].timeframe], t[0]))
    return [
        TriggeredRecommendation(
            id=rec.id,
            title=rec.title,
            priority=rec.priority,
            owner=rec.owner,
            timeframe=rec.timeframe,
            domains=rec.domains,
            because=because,
        )
        for _, rec, because in chosen
    ]
