"""The selected recommendations in full: numbered as in the action plan, each with its sources."""

from __future__ import annotations

from peerready.i18n import Lang
from peerready.model.catalogue import Recommendation as CatalogueEntry
from peerready.model.catalogue import SourceQuote
from peerready.model.instrument import Instrument
from peerready.model.questionnaire import Source
from peerready.model.result import ScoreResult
from peerready.report.view import Citation, RecommendationView
from peerready.report.words import OWNERS, PRIORITIES, TIMEFRAMES, word

QUOTES = {"da": ("«", "»"), "en": ("“", "”")}


def quoted(text: str, lang: Lang) -> str:
    opening, closing = QUOTES[lang]
    return f"{opening}{text}{closing}"


def cite(sources: dict[str, Source], ref: SourceQuote, lang: Lang) -> Citation:
    """'Socialstyrelsen 2016, «Ledelse og organisatorisk parathed», s. 12' with the quoted passage."""
    source = sources.get(ref.source)
    label = source.short if source else ref.source
    label += f", {quoted(ref.section, lang)}"
    if ref.page:
        label += f", {word('page_short', lang)} {ref.page}"
    return Citation(quote=quoted(ref.quote, lang), source=label)


def recommendations(instrument: Instrument, result: ScoreResult, lang: Lang) -> list[RecommendationView]:
    """The result's recommendations in action-plan order (most urgent first), numbered from 1."""
    entries: dict[str, CatalogueEntry] = {r.id: r for r in instrument.recommendations}
    titles = {d.id: d.title.get(lang) for d in instrument.questionnaire.domains}
    shown = []
    for number, chosen in enumerate(result.recommendations, start=1):
        entry = entries.get(chosen.id)
        shown.append(
            RecommendationView(
                key=str(number),
                title=chosen.title.get(lang),
                text=entry.text.get(lang) if entry else "",
                because=[reason.get(lang) for reason in chosen.because],
                priority=PRIORITIES[chosen.priority].get(lang),
                priority_id=chosen.priority,
                owner=OWNERS[chosen.owner].get(lang),
                timeframe=TIMEFRAMES[chosen.timeframe].get(lang),
                domains=", ".join(titles[d] for d in chosen.domains if d in titles),
                citations=[cite(instrument.sources, s, lang) for s in entry.sources] if entry else [],
            )
        )
    return shown


Placed = dict[str, list[RecommendationView]]  # domain id → the recommendations shown there


def placed(
    result: ScoreResult, shown: list[RecommendationView]
) -> tuple[
    dict[str, list[RecommendationView]], dict[str, list[RecommendationView]], list[RecommendationView]
]:
    """Where each recommendation is written out: under the first of its domains that has a page
    of its own (the others refer to it), or after the action plan when none has.

    Returns (in full per domain, referred to per domain, written after the action plan)."""
    pages = [d.domain for d in result.domains if d.status != "unscored"]
    full: dict[str, list[RecommendationView]] = {d: [] for d in pages}
    also: dict[str, list[RecommendationView]] = {d: [] for d in pages}
    homeless = []
    for chosen, view in zip(result.recommendations, shown, strict=True):
        own = [d for d in pages if d in chosen.domains]
        if not own:
            homeless.append(view)
            continue
        full[own[0]].append(view)
        for other in own[1:]:
            also[other].append(view)
    return full, also, homeless
