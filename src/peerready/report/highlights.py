"""Strengths, development needs and disagreements, named in the words the reader knows: the
answer the group gave (or how many gave it), never a bare "Score 0"."""

from __future__ import annotations

from peerready.i18n import Lang, format_number
from peerready.model.instrument import Instrument
from peerready.model.questionnaire import TextItem
from peerready.model.result import ItemStats, ScoreResult
from peerready.report.view import Highlight
from peerready.report.words import word

SHOWN_DISAGREEMENTS = 5  # the summary names the widest splits; the domain pages mark them all


def answer_words(instrument: Instrument, result: ScoreResult, stats: ItemStats, lang: Lang) -> str:
    """'Jeres svar: »Skal udvikles«' (consensus) or '4 af 6 svarede »Uenig«' (most common answer)."""
    q = instrument.questionnaire
    item = q.item_by_id.get(stats.item)
    if item is None or isinstance(item, TextItem):
        return ""
    labels = {o.id: o.label.get(lang) for o in q.options_of(item)}
    given = [(n, option) for option, n in stats.distribution.items() if n and option in labels]
    if not given:
        return ""
    count, option = max(given, key=lambda pair: pair[0])
    if result.mode == "consensus":
        return word("your_answer", lang).replace("{answer}", labels[option])
    return (
        word("most_answered", lang)
        .replace("{n}", str(count))
        .replace("{total}", str(stats.answered))
        .replace("{answer}", labels[option])
    )


def split_words(instrument: Instrument, stats: ItemStats, lang: Lang) -> str:
    """'Uenig 3 · Enig 4': how the answers split, for the statements the group disagreed on."""
    item = instrument.questionnaire.item_by_id.get(stats.item)
    if item is None or isinstance(item, TextItem):
        return ""
    options = sorted(instrument.questionnaire.options_of(item), key=lambda o: o.points)
    return " · ".join(
        f"{o.label.get(lang)} {stats.distribution[o.id]}" for o in options if stats.distribution.get(o.id)
    )


def highlights(
    instrument: Instrument, result: ScoreResult, item_ids: list[str], lang: Lang, *, split: bool = False
) -> list[Highlight]:
    q = instrument.questionnaire
    stats = {i.item: i for d in result.domains for i in d.items}
    shown = []
    for item_id in item_ids:
        item = q.item_by_id.get(item_id)
        found = stats.get(item_id)
        if item is None or found is None:
            continue  # an item no longer in the questionnaire
        value = (
            split_words(instrument, found, lang) if split else answer_words(instrument, result, found, lang)
        )
        shown.append(Highlight(item.text.get(lang), q.domain_of_item[item_id].title.get(lang), value))
    return shown


def disagreements(result: ScoreResult) -> list[str]:
    """The items the group disagreed on, widest split first."""
    rwg = {i.item: i.rwg or 0.0 for d in result.domains for i in d.items}
    return sorted(result.low_agreement, key=lambda item: rwg.get(item, 0.0))


def best_domain(result: ScoreResult, lang: Lang) -> str | None:
    """'Stærkest står »Kultur« med 45 af 100.' when no item is a strength yet but one domain stands
    above the rest (so "none yet" is never said of an organisation with a lead to build on)."""
    if result.strengths:
        return None
    scored = [d for d in result.domains if d.score is not None]
    if len(scored) < 2:
        return None
    best = max(scored, key=lambda d: d.score or 0.0)
    if all(round(d.score or 0.0) == round(best.score or 0.0) for d in scored):
        return None
    return (
        word("best_domain", lang)
        .replace("{domain}", best.title.get(lang))
        .replace("{score}", format_number(best.score or 0.0, lang))
    )
