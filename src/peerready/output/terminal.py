"""Results and questionnaires as rich renderables for the terminal. Builds; never prints."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from peerready.i18n import Lang, format_date, format_number, format_optional, tr
from peerready.model.catalogue import Recommendation
from peerready.model.instrument import Instrument
from peerready.model.questionnaire import ChecklistItem, ChoiceItem, RatedItem, TextItem
from peerready.model.result import ScoreResult
from peerready.output.domains import DomainsView
from peerready.output.escape import one_line
from peerready.output.group_table import group_table
from peerready.output.words import word
from peerready.scoring.groups import OTHER

# Long lists (low agreement on many items, dozens of recommendations) scroll a projector's
# screen away; the terminal shows the first ones and the report has them all.
TERMINAL_LIST = 10

PRIORITY = {
    "high": tr("high"),
    "medium": tr("medium"),
    "low": tr("low"),
}


def score_view(result: ScoreResult, instrument: Instrument, lang: Lang) -> RenderableType:
    parts: list[RenderableType] = [verdict_view(result, instrument, lang)]
    parts += [Text(), DomainsView(result, instrument, lang)]
    parts += _highlights(result, instrument, lang)
    parts += _rounds(result, instrument, lang)
    if result.recommendations:
        parts += [Text(), _recommendations(result, lang)]
    if result.groups:
        parts += [Text(), group_table(result, instrument, lang)]
    if result.suppressed_respondents:
        merged = any(g.key == OTHER for g in result.groups)
        key = ("merged" if merged else "hidden") + ("_one" if result.suppressed_respondents == 1 else "")
        parts.append(Text(f"{result.suppressed_respondents} {word(key, lang)}", style="muted"))
    return Group(*parts)


def verdict_view(result: ScoreResult, instrument: Instrument, lang: Lang) -> RenderableType:
    """Whose result it is, whether it is unfinished, and the overall verdict with its reasons."""
    q = instrument.questionnaire
    parts: list[RenderableType] = []
    head = q.title.get(lang)
    if result.organisation:
        head = f"{one_line(result.organisation)} · {head}"  # a line break could forge a verdict line
    if result.date:
        head += f" · {format_date(result.date, lang)}"
    parts.append(Text(f"{head} · {_who(result, lang)}", style="heading"))
    if result.unfinished:
        parts.append(Text(word("unfinished", lang), style="warn"))
    verdict = result.verdict
    label = verdict.label.get(lang) if verdict.label else word("insufficient", lang)
    if not verdict.given:
        label = word("worksheet", lang)
    if verdict.provisional and verdict.label:
        label += f" ({word('provisional', lang)})"
    reasons = "\n".join(f"• {escape(r.text.get(lang))}" for r in verdict.reasons)
    parts.append(Panel(reasons or "", title=f"{word('verdict', lang)}: {escape(label)}", expand=False))
    return Group(*parts)


def _who(result: ScoreResult, lang: Lang) -> str:
    if result.mode == "consensus":
        return word("agreed", lang)
    key = "respondent" if result.respondents == 1 else "respondents"
    return f"{result.respondents} {word(key, lang)}"


def _highlights(result: ScoreResult, instrument: Instrument, lang: Lang) -> list[RenderableType]:
    """Strengths and gaps with their scores; splits with their spread; items marked for discussion."""
    stats = {i.item: i for d in result.domains for i in d.items}
    parts: list[RenderableType] = []
    for key, ids in (
        ("strengths", result.strengths),
        ("gaps", result.gaps),
        ("disagreement", sorted(result.low_agreement, key=lambda i: -(stats[i].ad or 0))),
        ("flagged", [i for i in result.flagged if i not in result.low_agreement]),
    ):
        if not ids:
            continue
        lines = Text(word(key, lang), style="heading")
        for item_id in ids[:TERMINAL_LIST]:
            lines.append(f"\n• {_item_text(instrument, item_id, lang)}")
            item = stats.get(item_id)
            if item is not None and key == "disagreement" and item.ad is not None:
                spread = word("steps_apart", lang).format(ad=format_number(item.ad, lang, 2))
                lines.append(f" – {spread}", style="muted")
            elif item is not None and key != "disagreement" and item.score is not None:
                lines.append(f" – {format_number(item.score, lang)}", style="muted")
        if len(ids) > TERMINAL_LIST:
            lines.append(f"\n+ {len(ids) - TERMINAL_LIST} {word('more', lang)}", style="muted")
        parts += [Text(), lines]
    return parts


def _rounds(result: ScoreResult, instrument: Instrument, lang: Lang) -> list[RenderableType]:
    """Items the group voted on again after discussing them, the score before → after; and
    items where it moved on with the disagreement standing."""
    if not result.rounds:
        return []
    lines = Text(word("rounds", lang), style="heading")
    for item_id, rounds in list(result.rounds.items())[:TERMINAL_LIST]:
        lines.append(f"\n• {_item_text(instrument, item_id, lang)}")
        scores = " → ".join(format_optional(r.score, lang) for r in rounds)
        stands = f" · {word('stands', lang)}" if rounds[-1].decision == "stands" else ""
        lines.append(f" – {scores}{stands}", style="muted")
    return [Text(), lines]


def _item_text(instrument: Instrument, item_id: str, lang: Lang) -> str:
    """'12. The statement', numbered as `peerready show` and `peerready assess` number items."""
    items = instrument.questionnaire.all_items
    number = next((n for n, item in enumerate(items, start=1) if item.id == item_id), None)
    if number is None:
        return item_id
    return f"{number}. {items[number - 1].text.get(lang)}"


def _recommendations(result: ScoreResult, lang: Lang) -> Table:
    table = Table(title=word("recommendations", lang), title_justify="left", show_edge=False)
    table.add_column("#", justify="right")
    table.add_column(word("recommendations", lang))
    table.add_column("")
    for number, rec in enumerate(result.recommendations[:TERMINAL_LIST], start=1):
        table.add_row(str(number), rec.title.get(lang), PRIORITY[rec.priority].get(lang))
    hidden = len(result.recommendations) - TERMINAL_LIST
    if hidden > 0:
        table.caption = f"+ {hidden} {word('more', lang)}"
        table.caption_justify = "left"
    return table


def questionnaire_view(instrument: Instrument, lang: Lang) -> RenderableType:
    q = instrument.questionnaire
    parts: list[RenderableType] = [
        Text(f"{q.title.get(lang)} ({q.id} {q.version})", style="heading"),
        Text(q.description.get(lang)),
    ]
    number = 0
    for domain in q.domains:
        marker = f" [{word('critical', lang)}]" if domain.critical else ""
        parts.append(Text(f"\n{domain.title.get(lang)}{marker}", style="heading"))
        for item in domain.items:
            number += 1
            line = Text(f"{number:>3}. {item.text.get(lang)}  ")
            parts.append(line.append(_kind(item, instrument, lang), "muted"))
    recs: list[Recommendation] = instrument.recommendations
    if recs:
        parts.append(Text(f"\n{len(recs)} {word('recommendations', lang).lower()}", style="muted"))
    return Group(*parts)


def _kind(item: object, instrument: Instrument, lang: Lang) -> str:
    if isinstance(item, RatedItem):
        return f"[{instrument.questionnaire.scale_by_id[item.scale].label.get(lang)}]"
    if isinstance(item, ChecklistItem | ChoiceItem):
        options = instrument.questionnaire.options_of(item)
        return "[" + " / ".join(o.label.get(lang) for o in options) + "]"
    assert isinstance(item, TextItem)
    return f"[{word('open', lang)}]"
