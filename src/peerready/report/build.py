"""A scored result → the report's view model, in one language. Pure: no files, no printing."""

from __future__ import annotations

from peerready import __version__
from peerready.exports.summary import BatchSummary
from peerready.i18n import Lang, format_number
from peerready.model.instrument import Instrument
from peerready.model.questionnaire import TextItem
from peerready.model.result import ScoreResult
from peerready.report import executive as summary
from peerready.report import plan as action_plan
from peerready.report.appendix import appendix, source_numbers
from peerready.report.baseline import Comparison
from peerready.report.brand import accent as default_accent
from peerready.report.changes import comparison_view
from peerready.report.charts import bar_chart
from peerready.report.cover import cover, head_count
from peerready.report.domains import DomainBuilder
from peerready.report.figures import delta_view, rank_name
from peerready.report.groups import groups_view
from peerready.report.highlights import SHOWN_DISAGREEMENTS, best_domain, disagreements, highlights
from peerready.report.view import BrandView, OpenDomain, OpenQuestion, Report, VerdictView
from peerready.report.words import WORDS, word


def build_report(
    instrument: Instrument,
    result: ScoreResult,
    lang: Lang,
    *,
    comparison: Comparison | None = None,
    brand: BrandView | None = None,
    survey: BatchSummary | None = None,
) -> Report:
    numbers = source_numbers(instrument, result)
    shown = action_plan.recommendations(instrument, result, lang, numbers)
    refs = action_plan.references(result, shown)
    builder = DomainBuilder(instrument, result, lang, comparison)
    domains = [builder.domain(d, refs.get(d.domain, [])) for d in result.domains if d.status != "unscored"]
    made_cover = cover(instrument, result, lang, survey)
    disagreed = disagreements(result)
    return Report(
        lang=lang,
        answers_lang=result.language,
        title=f"{word('report', lang)} – {made_cover.organisation}",
        words={key: text.get(lang) for key, text in WORDS.items()},
        cover=made_cover,
        brand=brand,
        accent=brand.accent if brand else default_accent(),
        footer=footer(brand, result, lang),
        executive=summary.executive(instrument, result, lang, shown),
        verdict=_verdict(instrument, result, lang, comparison),
        chart=bar_chart(instrument, result, lang, comparison),
        domains=domains,
        strengths=highlights(instrument, result, result.strengths, lang),
        best_domain=best_domain(result, lang),
        gaps=highlights(instrument, result, result.gaps, lang),
        disagreements=highlights(instrument, result, disagreed[:SHOWN_DISAGREEMENTS], lang, split=True),
        more_disagreements=max(0, len(disagreed) - SHOWN_DISAGREEMENTS),
        flagged=highlights(instrument, result, result.flagged, lang),
        groups=groups_view(instrument, result, lang),
        comparison=comparison_view(result, lang, comparison),
        open_questions=_open_questions(instrument, result, lang),
        plan=action_plan.plan(result, shown, lang),
        appendix=appendix(instrument, result, lang, _introduction(instrument, result, lang)),
        generator=f"peerready {__version__}",
        warnings=list(comparison.warnings) if comparison else [],
    )


def footer(brand: BrandView | None, result: ScoreResult, lang: Lang) -> str:
    """On every page: who prepared the report and how to reach them, else whose report it is."""
    if brand is not None:
        return " · ".join(part for part in (brand.name, brand.contact) if part)
    return result.organisation or word("report", lang)


def _introduction(instrument: Instrument, result: ScoreResult, lang: Lang) -> str:
    q = instrument.questionnaire
    who = word("who_consensus" if result.mode == "consensus" else "who_individual", lang)
    return (
        word("introduction", lang)
        .replace("{who}", who.replace("{n}", str(head_count(result))))
        .replace("{questionnaire}", q.title.get(lang))
        .replace("{version}", q.version)
    )


def _verdict(
    instrument: Instrument, result: ScoreResult, lang: Lang, comparison: Comparison | None
) -> VerdictView:
    verdict = result.verdict
    label = verdict.label.get(lang) if verdict.label else word("no_verdict", lang)
    if not verdict.given:
        label = word("worksheet_verdict", lang)
    # the critical domains that cap the verdict are said in one line, not a sentence each
    reasons = [r.text.get(lang) for r in verdict.reasons if not (r.kind == "cap" and r.domain)]
    blockers = summary.blockers(instrument, result, lang)
    if blockers and any(r.kind == "cap" and r.domain for r in verdict.reasons):
        reasons.insert(1 if reasons else 0, blockers)
    return VerdictView(
        label=label,
        score=None if verdict.score is None else format_number(verdict.score, lang),
        rank=rank_name(verdict.band, instrument.questionnaire.overall_bands),
        provisional=verdict.provisional and verdict.label is not None,
        reasons=reasons,
        delta=delta_view(comparison.overall, lang) if comparison else None,
    )


def _open_questions(instrument: Instrument, result: ScoreResult, lang: Lang) -> list[OpenDomain]:
    """The open questions with every answer given, grouped by domain in the questionnaire's order,
    so that a vision built on the answers comes after them."""
    shown = []
    for domain in instrument.questionnaire.domains:
        questions = [
            OpenQuestion(
                question=item.text.get(lang),
                answers=result.texts.get(item.id, []),
                statement=item.draft is not None,
                note=result.notes.get(item.id),
            )
            for item in domain.items
            if isinstance(item, TextItem)
        ]
        if questions:
            shown.append(OpenDomain(domain.title.get(lang), questions))
    return shown
