"""The action plan: the result's recommendations in its order, phase by phase, each written out once.

The first phase is what to do now, on a page of its own; the rest (later phases, and whatever the
plan holds back until the first phase is under way) goes to an annex. Each action cites its
sources by their number in the report's source list.
"""

from __future__ import annotations

from peerready.i18n import Lang, quoted
from peerready.model.catalogue import Recommendation as CatalogueEntry
from peerready.model.catalogue import SourceQuote
from peerready.model.instrument import Instrument
from peerready.model.result import ScoreResult, TriggeredRecommendation
from peerready.report.plan_view import Citation, PhaseView, PlanView, RecommendationView, RecRef
from peerready.report.words import HORIZONS, OWNERS, PHASES, PRIORITIES, word


def cite(ref: SourceQuote, numbers: dict[str, int], lang: Lang, *, with_quote: bool) -> Citation:
    """'[2, »Ledelse og organisatorisk parathed«, s. 12]', with the passage where it is shown."""
    number = numbers.get(ref.source, 0)
    where = str(number) if number else ref.source
    page = [f"{word('page_short', lang)} {ref.page}"] if ref.page else []
    label = f"[{', '.join([where, quoted(ref.section, lang), *page])}]"
    short = f"[{', '.join([where, *page])}]"
    return Citation(number, label, short, quoted(ref.quote, lang) if with_quote else None)


def first_phase(result: ScoreResult) -> str | None:
    """The phase of the first action not held back: the plan's first phase."""
    return next((r.phase for r in result.recommendations if not r.later), None)


def recommendations(
    instrument: Instrument, result: ScoreResult, lang: Lang, numbers: dict[str, int]
) -> list[RecommendationView]:
    """The result's recommendations in plan order, numbered as the plan numbers them."""
    entries: dict[str, CatalogueEntry] = {r.id: r for r in instrument.recommendations}
    titles = {d.id: d.title.get(lang) for d in instrument.questionnaire.domains}
    first = first_phase(result)
    return [
        _view(chosen, entries.get(chosen.id), titles, numbers, lang, quote=_in_first(chosen, first))
        for chosen in result.recommendations
    ]


def _in_first(chosen: TriggeredRecommendation, first: str | None) -> bool:
    return chosen.phase == first and not chosen.later


def _view(
    chosen: TriggeredRecommendation,
    entry: CatalogueEntry | None,
    titles: dict[str, str],
    numbers: dict[str, int],
    lang: Lang,
    *,
    quote: bool,
) -> RecommendationView:
    return RecommendationView(
        key=str(chosen.order),
        title=chosen.title.get(lang),
        text=entry.text.get(lang) if entry else "",
        because=[reason.get(lang) for reason in chosen.because],
        priority=PRIORITIES[chosen.priority].get(lang),
        priority_id=chosen.priority,
        owner=OWNERS[chosen.owner].get(lang),
        phase=PHASES[chosen.phase].get(lang),
        horizon=HORIZONS[chosen.phase].get(lang),
        later=chosen.later,
        domains=", ".join(titles[d] for d in chosen.domains if d in titles),
        # the first source quoted (in the first phase): one passage says why; the others are cited
        citations=[cite(s, numbers, lang, with_quote=quote and n == 0) for n, s in enumerate(entry.sources)]
        if entry
        else [],
    )


def plan(result: ScoreResult, shown: list[RecommendationView], lang: Lang) -> PlanView:
    """The first phase, and the rest grouped by phase in plan order (held-back actions by themselves)."""
    first = first_phase(result)
    now: list[RecommendationView] = []
    rest: dict[tuple[str, bool], list[RecommendationView]] = {}
    for chosen, view in zip(result.recommendations, shown, strict=True):
        if _in_first(chosen, first):
            now.append(view)
        else:
            rest.setdefault((chosen.phase, chosen.later), []).append(view)
    later = [PhaseView(_phase_title(phase, held, lang), views) for (phase, held), views in rest.items()]
    title = (
        word("plan_first", lang).replace("{phase}", PHASES[first].get(lang))
        if first
        else word("actions", lang)
    )
    return PlanView(title=title, first=now, later=later)


def _phase_title(phase: str, held: bool, lang: Lang) -> str:
    name = PHASES[phase].get(lang)
    return f"{name} – {word('later', lang).lower()}" if held else name


def references(result: ScoreResult, shown: list[RecommendationView]) -> dict[str, list[RecRef]]:
    """Domain id → the plan's actions about it, by number."""
    refs: dict[str, list[RecRef]] = {}
    for chosen, view in zip(result.recommendations, shown, strict=True):
        for domain in chosen.domains:
            refs.setdefault(domain, []).append(RecRef(view.key, view.title))
    return refs
