"""What the room sees during an assessment, as rich renderables. Builds; never prints.

Projected on a wall: one statement at a time, high contrast, short lines, nothing that is
not needed for the question at hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.columns import Columns
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from peerready.i18n import Lang, format_number
from peerready.meeting.texts import text
from peerready.model.result import ItemStats


@dataclass(frozen=True)
class Card:
    """One item as the group sees it while answering."""

    position: str  # "12/38 · Ledelse 3/5"
    critical: bool
    statement: str
    guidance: tuple[tuple[str, str], ...] = ()  # (heading, text), shown when asked for
    note: str | None = None
    flagged: bool = False
    votes: tuple[tuple[str, str], ...] = ()  # (who, their answer or "…"), individual mode
    open_answers: bool = False  # the votes are open answers (✓ for given)
    notice: str | None = None


def card_view(card: Card, lang: Lang) -> RenderableType:
    head = Text(card.position, style="heading")
    if card.critical:
        head.append(f" · {text('critical', lang)}", style="warn")
    if card.flagged:
        head.append(f" · ⚑ {text('flagged', lang)}", style="warn")
    parts: list[RenderableType] = [head, Rule(style="muted")]
    if card.notice:
        parts.append(Text(card.notice))
    parts.append(Padding(Text(card.statement, style="bold"), (1, 2)))
    extras = len(parts)
    if card.guidance:
        lines = Text()
        for number, (heading, body) in enumerate(card.guidance):
            lines.append(("\n" if number else "") + f"{heading}: ", style="heading").append(body)
        parts.append(Panel(lines, expand=False, padding=(0, 1)))
    if card.note:
        parts.append(Text.assemble((f"{text('note', lang)}: ", "heading"), card.note))
    if card.votes:
        # Columns keep each vote whole on the line: "Deltager 6: 4", never "Deltager 6:" / "4".
        votes = [Text.assemble(f"{who}: ", (answer, "bold")) for who, answer in card.votes]
        parts.append(Text(text("answers" if card.open_answers else "votes", lang), style="heading"))
        parts.append(Columns(votes, padding=(0, 3)))
    if len(parts) > extras:
        parts.append(Text())  # a blank line before the prompt
    return Group(*parts)


def spread_view(stats: ItemStats, labels: Sequence[tuple[str, str]], lang: Lang) -> RenderableType:
    """How the votes fell: one bar per answer, then the agreement and what it means.

    `labels` pairs each option id (and 'dont_know', 'not_applicable') with its label.
    """
    counts = dict(stats.distribution)
    counts["dont_know"] = stats.dont_know
    counts["not_applicable"] = stats.not_applicable
    table = Table.grid(padding=(0, 2))
    table.add_column()
    table.add_column()
    table.add_column(justify="right")
    for option, label in labels:
        count = counts.get(option, 0)
        if option in ("dont_know", "not_applicable") and not count:
            continue
        table.add_row(label, Text("█" * count * 2, style="heading"), str(count))
    parts: list[RenderableType] = [Text(text("spread", lang), style="heading"), table]
    if stats.rwg is not None:
        verdict = text("agreement_low" if stats.low_agreement else "agreement_ok", lang)
        line = Text(text("agreement", lang, rwg=format_number(stats.rwg, lang, 2)) + " · ")
        line.append(verdict, style="bad" if stats.low_agreement else "ok")
        parts.append(line)
    parts.append(Text())
    return Group(*parts)


def review_view(open_count: int, flagged_count: int, lang: Lang, notice: str | None = None) -> RenderableType:
    parts: list[RenderableType] = [Text(text("review", lang), style="heading"), Rule(style="muted")]
    if notice:
        parts.append(Text(notice))
    if not open_count and not flagged_count:
        summary = text("all_answered", lang)
    else:
        summary = text("review_open", lang, unanswered=open_count, flagged=flagged_count)
    parts.append(Padding(Text(summary), (1, 0)))
    return Group(*parts)


def banner_view(title: str, counts: str, lang: Lang) -> RenderableType:
    return Group(
        Text(f"peerready · {title}", style="heading"),
        Text(counts),
        Rule(style="muted"),
        Padding(Text(text("intro", lang)), (1, 0)),
    )
