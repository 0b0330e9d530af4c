"""What the room sees during an assessment, as rich renderables. Builds; never prints.

Projected on a wall: one statement at a time, high contrast, lines of a readable measure, nothing
that is not needed for the question at hand. The position and the statement come first and are
never pushed off the screen: guidance is shown a page at a time in the room left under them.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich import box
from rich.columns import Columns
from rich.console import Group, RenderableType
from rich.constrain import Constrain
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from peerready.i18n import Lang, format_number
from peerready.meeting.texts import review_summary, text
from peerready.model.result import ItemStats

MEASURE = 90  # the longest line a room reads comfortably
LARGE_FROM = 140  # columns from which the projector layout is the default
GUIDANCE_ROOM = 8  # rows of guidance shown at 80×24; more on taller screens


@dataclass(frozen=True)
class Screen:
    """The size of the screen and whether to draw for a projector."""

    width: int = 100
    height: int = 30
    large: bool = False

    @property
    def measure(self) -> int:
        return min(self.width, MEASURE)

    def guidance_rows(self) -> int:
        return max(3, GUIDANCE_ROOM + (self.height - 24) // 2)


@dataclass(frozen=True)
class Card:
    """One item as the group sees it while answering."""

    position: str  # "12/38 · Ledelse 3/5"
    critical: bool
    statement: str
    guidance: tuple[tuple[str, str], ...] = ()  # (heading, text), shown when asked for
    guidance_page: int = 0  # which page of the guidance (it wraps round)
    note: str | None = None
    flagged: bool = False
    votes: tuple[tuple[str, str], ...] = ()  # (who, ✓ or …), voting modes
    open_answers: bool = False  # the votes are open answers
    notice: str | None = None
    progress: str = ""  # time spent, projected finish, the discussion timer


def card_view(card: Card, lang: Lang, screen: Screen | None = None) -> RenderableType:
    screen = screen or Screen()
    head = Text(card.position, style="heading")
    if card.critical:
        head.append(f" · {text('critical', lang)}", style="warn")
    if card.flagged:
        head.append(f" · ⚑ {text('flagged', lang)}", style="warn")
    parts: list[RenderableType] = [head]
    if card.progress and len(head) + 3 + len(card.progress) <= screen.measure:
        head.append(f" · {card.progress}", style="muted")  # one line less where it fits
    elif card.progress:
        parts.append(Text(card.progress, style="muted"))
    parts.append(Rule(style="muted"))
    if card.notice:
        parts.append(Text(card.notice, style="ok" if card.notice.startswith("✓") else ""))
    parts.append(_statement(card.statement, screen))
    extras = len(parts)
    if card.guidance:
        parts.append(_guidance(card, lang, screen))
    if card.note:
        note = _clip(card.note, screen.measure - 8, 3)
        parts.append(Text.assemble((f"{text('note', lang)}: ", "heading"), note))
    if card.votes:
        # Columns keep each vote whole on the line: "Deltager 6: ✓", never "Deltager 6:" / "✓".
        votes = [Text.assemble(f"{who}: ", (answer, "bold")) for who, answer in card.votes]
        parts.append(Text(text("answers" if card.open_answers else "votes", lang), style="heading"))
        parts.append(Columns(votes, padding=(0, 3)))
    if len(parts) > extras:
        parts.append(Text())  # a blank line before the prompt
    return _measured(Group(*parts), screen)


def _statement(statement: str, screen: Screen) -> RenderableType:
    if screen.large:
        return Padding(
            Panel(Text(statement, style="bold", justify="center"), box=box.HEAVY, padding=(1, 4)), (1, 0)
        )
    return Padding(Text(statement, style="bold"), (1, 2))


def _measured(renderable: RenderableType, screen: Screen) -> RenderableType:
    """No wider than a readable measure, however wide the screen."""
    return Constrain(renderable, screen.measure) if screen.width > screen.measure else renderable


def _guidance_lines(guidance: Sequence[tuple[str, str]], screen: Screen) -> list[Text]:
    """The guidance wrapped between words to the panel's width, each heading in bold."""
    lines: list[Text] = []
    for heading, body in guidance:
        wrapped = textwrap.wrap(f"{heading}: {body}".rstrip(": "), screen.measure - 4, break_on_hyphens=False)
        for number, line in enumerate(wrapped):
            row = Text(line)
            if number == 0:
                row.stylize("heading", 0, len(heading) + 1)
            lines.append(row)
    return lines


def guidance_pages(guidance: Sequence[tuple[str, str]], screen: Screen) -> int:
    """How many pages the guidance takes, in the room a screen of this size leaves it."""
    return max(1, -(-len(_guidance_lines(guidance, screen)) // screen.guidance_rows()))


def _guidance(card: Card, lang: Lang, screen: Screen) -> RenderableType:
    """One page of the guidance, with where it is in the whole."""
    lines = _guidance_lines(card.guidance, screen)
    rows = screen.guidance_rows()
    pages = guidance_pages(card.guidance, screen)
    page = card.guidance_page % pages
    shown = lines[page * rows : (page + 1) * rows]
    title = text("guidance_page", lang, page=page + 1, pages=pages) if pages > 1 else None
    return Panel(Text("\n").join(shown), title=title, title_align="right", expand=False, padding=(0, 1))


def _clip(note: str, width: int, rows: int) -> str:
    """A long note's first lines, cut between words (the whole note is in the report)."""
    lines = textwrap.wrap(" ".join(note.split()), width, break_on_hyphens=False)
    if len(lines) <= rows:
        return "\n".join(lines)
    return "\n".join(lines[:rows]).rstrip() + " …"


def spread_view(
    stats: ItemStats,
    labels: Sequence[tuple[str, str]],
    lang: Lang,
    *,
    named: Mapping[str, Sequence[str]] | None = None,
    round_number: int = 1,
    screen: Screen | None = None,
) -> RenderableType:
    """How the votes fell: one bar per answer with (named voting) who gave it, then how far apart
    the votes are and what that means. Anonymous voting shows the distribution only.

    `labels` pairs each option id (and 'dont_know', 'not_applicable') with its label.
    """
    screen = screen or Screen()
    counts = dict(stats.distribution)
    counts["dont_know"] = stats.dont_know
    counts["not_applicable"] = stats.not_applicable
    most = max(counts.values(), default=0) or 1
    room = min(40 if screen.large else 16, max(4, screen.measure - 40))
    step = max(1, room // most)
    table = Table.grid(padding=(0, 2))
    table.add_column(overflow="fold")
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    if named is not None:
        table.add_column(ratio=1)  # the names, wrapped between them
    for option, label in labels:
        count = counts.get(option, 0)
        if option in ("dont_know", "not_applicable") and not count:
            continue
        row: list[RenderableType] = [label, Text("█" * count * step, style="heading"), str(count)]
        if named is not None:
            row.append(Text(", ".join(named.get(option, ())), style="bold"))
        table.add_row(*row)
    title = text("spread", lang) + (f" · {text('round', lang, n=round_number)}" if round_number > 1 else "")
    parts: list[RenderableType] = [Text(title, style="heading"), table]
    if stats.ad is not None and stats.answered > 1:  # how far apart, as the summary says it
        verdict = text("agreement_low" if stats.low_agreement else "agreement_ok", lang)
        line = Text(text("agreement", lang, ad=format_number(stats.ad, lang, 2)) + " · ")
        line.append(verdict, style="bad" if stats.low_agreement else "ok")
        parts.append(line)
    parts.append(Text())
    return _measured(Group(*parts), screen)


def review_view(
    open_count: int,
    flagged_count: int,
    pending_count: int,
    domains: Sequence[tuple[str, int, int]],
    lang: Lang,
    notice: str | None = None,
) -> RenderableType:
    parts: list[RenderableType] = [Text(text("review", lang), style="heading"), Rule(style="muted")]
    if notice:
        parts.append(Text(notice))
    parts.append(Padding(Text(review_summary(lang, open_count, flagged_count, pending_count)), (1, 0, 0, 0)))
    progress = [
        Text.assemble(f"{title} ", (f"{done}/{size}", "ok" if done == size else "bold"))
        for title, done, size in domains
    ]
    parts += [Columns(progress, padding=(0, 3)), Text()]
    return Group(*parts)


def banner_view(title: str, counts: str, lang: Lang) -> RenderableType:
    return Group(
        Text(f"peerready · {title}", style="heading"),
        Text(counts),
        Rule(style="muted"),
        Padding(Text(text("intro", lang)), (1, 0)),
    )
