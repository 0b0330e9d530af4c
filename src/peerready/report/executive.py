"""Page 2, the executive summary: where the organisation stands in one sentence, what blocks it
in one line, the first steps with their owner and horizon, and what to measure next time."""

from __future__ import annotations

from peerready.i18n import Lang, format_number, quoted
from peerready.model.bands import band_rank
from peerready.model.instrument import Instrument
from peerready.model.result import ScoreResult
from peerready.report.plan_view import Executive, RecommendationView
from peerready.report.words import word

FIRST_STEPS = (3, 5)  # at least three steps when the plan has them, at most five
WATCHED = 3


def names(titles: list[str], lang: Lang) -> str:
    """'»A«, »B« og »C«' / '“A”, “B” and “C”'."""
    shown = [quoted(t, lang) for t in titles]
    if len(shown) < 2:
        return "".join(shown)
    joiner = " og " if lang == "da" else " and "
    return ", ".join(shown[:-1]) + joiner + shown[-1]


def executive(
    instrument: Instrument, result: ScoreResult, lang: Lang, plan: list[RecommendationView]
) -> Executive:
    return Executive(
        standing=standing(result, lang),
        reasons=other_reasons(result, lang),
        blockers=blockers(instrument, result, lang),
        first_steps=first_steps(plan),
        watch=watch(result, lang),
    )


def standing(result: ScoreResult, lang: Lang) -> str:
    verdict = result.verdict
    if not verdict.given:
        return word("worksheet_verdict", lang)
    if verdict.label is None:
        return word("no_verdict", lang)
    key = "standing" if verdict.score is not None else "standing_no_score"
    text = word(key, lang).replace("{label}", verdict.label.get(lang))
    text = text.replace("{score}", format_number(verdict.score or 0.0, lang))
    return f"{text} ({word('provisional', lang)})" if verdict.provisional else text


def other_reasons(result: ScoreResult, lang: Lang) -> list[str]:
    """What else shapes the verdict: a rule of the questionnaire that caps it, or too few answers.
    (The score is in the standing sentence; the critical domains' caps in the blockers line.)"""
    return [
        r.text.get(lang)
        for r in result.verdict.reasons
        if r.kind != "score" and not (r.kind == "cap" and r.domain)
    ]


def blockers(instrument: Instrument, result: ScoreResult, lang: Lang) -> str | None:
    """'4 af 4 kritiske områder ligger på laveste niveau: …' in one line, not one sentence each."""
    q = instrument.questionnaire
    critical = [d for d in result.domains if d.critical and d.status != "unscored"]
    if not critical or not result.verdict.given:
        return None
    lowest = [
        d.title.get(lang)
        for d in critical
        if d.band is not None and band_rank(d.band, q.bands_for(q.domain_by_id[d.domain])) == 0
    ]
    if not lowest:
        return word("no_blockers", lang)
    return (
        word("blockers", lang)
        .replace("{n}", str(len(lowest)))
        .replace("{total}", str(len(critical)))
        .replace("{names}", names(lowest, lang))
    )


def first_steps(plan: list[RecommendationView]) -> list[RecommendationView]:
    least, most = FIRST_STEPS
    now = [r for r in plan if not r.later and r.phase == plan[0].phase] if plan else []
    return (now if len(now) >= least else plan[:least])[:most]


def watch(result: ScoreResult, lang: Lang) -> list[str]:
    """The lowest domains, critical first ('»Ledelse« (12)'), and the items the group split on."""
    scored = [d for d in result.domains if d.score is not None]
    scored.sort(key=lambda d: (not d.critical, d.score or 0.0))
    shown = [
        f"{quoted(d.title.get(lang), lang)} ({format_number(d.score or 0.0, lang)})" for d in scored[:WATCHED]
    ]
    if result.low_agreement:
        shown.append(word("measure_disagreed", lang).replace("{n}", str(len(result.low_agreement))))
    return shown
