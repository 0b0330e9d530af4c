"""The domains of a result on the terminal: a table from 80 columns (every column at least as
wide as its longest word), a block per domain on a narrower screen. Builds; never prints."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from peerready.i18n import Lang, format_optional, format_percent
from peerready.model.bands import band_rank
from peerready.model.instrument import Instrument
from peerready.model.result import DomainResult, ScoreResult
from peerready.output.words import word


def _band_style(domain: DomainResult, instrument: Instrument) -> str:
    q = instrument.questionnaire
    bands = q.bands_for(q.domain_by_id[domain.domain])
    rank = band_rank(domain.band, bands)
    if rank is None:
        return "muted"
    top = len(bands) - 1
    return "band.0" if rank == 0 else "band.3" if rank == top else "band.1"


def _bar(score: float | None, width: int = 20) -> Text:
    if score is None:
        return Text("·" * width, style="muted")
    filled = round(score / 100 * width)
    return Text("█" * filled + "░" * (width - filled))


def _longest_word(texts: Iterable[str]) -> int:
    return max((len(word) for text in texts for word in text.split()), default=0)


# Columns under which a block per domain reads better than the table: from 80 columns the table
# fits without cutting a word (its columns wrap between words), below that it would lose the bar.
STACK_BELOW = 80


class DomainsView:
    """The domains as a table on a wide screen, stacked one block per domain on a narrow one, so
    that no title, heading or number is ever cut short."""

    def __init__(self, result: ScoreResult, instrument: Instrument, lang: Lang) -> None:
        self.result, self.instrument, self.lang = result, instrument, lang

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width >= STACK_BELOW:
            yield _domain_table(self.result, self.instrument, self.lang)
        else:
            yield from _domain_blocks(self.result, self.instrument, self.lang)


def _domain_blocks(result: ScoreResult, instrument: Instrument, lang: Lang) -> list[RenderableType]:
    blocks: list[RenderableType] = []
    for domain in result.domains:
        title = domain.title.get(lang) + (f" ({word('critical', lang)})" if domain.critical else "")
        blocks.append(Text(title, style="heading"))
        if domain.status in ("unscored", "not_asked"):
            blocks.append(Text(f"  {word(domain.status, lang)}", style="muted"))
            continue
        band = domain.band_label.get(lang) if domain.band_label else word("insufficient", lang)
        line = Text(f"  {format_optional(domain.score, lang):>3}  ")
        line.append_text(_bar(domain.score))
        line.append(f"  {band}", style=_band_style(domain, instrument))
        facts = [f"{word('coverage', lang)} {format_percent(domain.coverage, lang)}"]
        if domain.favourable is not None:
            facts.append(f"{word('favourable', lang)} {format_percent(domain.favourable, lang)}")
        if domain.agreement:
            facts.append(f"{word('agreement', lang)}: {_agreement(domain, lang)}")
        blocks += [line, Text("  " + " · ".join(facts), style="muted")]
    return blocks


def _domain_table(result: ScoreResult, instrument: Instrument, lang: Lang) -> _DomainTable:
    rows: list[tuple[str, str, float | None, Text, str, str, str]] = []
    for domain in result.domains:
        title = domain.title.get(lang) + (f" ({word('critical', lang)})" if domain.critical else "")
        if domain.status in ("unscored", "not_asked"):
            rows.append((title, "", None, Text(word(domain.status, lang), style="muted"), "", "", ""))
            continue
        band = domain.band_label.get(lang) if domain.band_label else word("insufficient", lang)
        agreement = ""
        if domain.agreement:  # the domain disagrees exactly when some of its items split
            flagged = domain.agreement.flagged
            agreement = f"{flagged} {word('split', lang)} ⚠" if flagged else word("agreed_ok", lang)
        rows.append((
            title,
            format_optional(domain.score, lang),
            domain.score,
            Text(band, style=_band_style(domain, instrument)),
            format_percent(domain.coverage, lang),
            format_percent(domain.favourable, lang) if domain.favourable is not None else "–",
            agreement,
        ))  # fmt: skip
    headers = [word(key, lang) for key in ("domain", "score", "band", "coverage", "favourable", "agreement")]
    return _DomainTable(headers, rows)


Row = tuple[str, str, float | None, Text, str, str, str]


class _DomainTable:
    """The domain scores, laid out when the terminal's width is known: every column at least as
    wide as its longest word (a narrow terminal wraps between words, never cuts one), and the
    score bar as wide as what is left allows, or left out."""

    def __init__(self, headers: list[str], rows: list[Row]) -> None:
        self.headers, self.rows = headers, rows

    def widths(self, room: int) -> tuple[list[int], int]:
        """Each text column's width and the bar's (0: no bar) for `room` cells of terminal."""
        texts = [(r[0], r[1], r[3].plain, r[4], r[5], r[6]) for r in self.rows]
        columns = [[h, *(t[i] for t in texts)] for i, h in enumerate(self.headers)]
        least = [_longest_word(c) for c in columns]
        widths = [max(len(cell) for cell in c) for c in columns]
        rules = 3 * len(widths)  # a rule and its padding between columns, the bar's included
        bar = max(0, min(20, room - sum(widths) - rules))
        while bar < 10 and sum(widths) + rules + 10 > room:  # names wrap before the bar is cut to nothing
            wrappable = [i for i in (0, 2) if widths[i] > least[i]]
            if not wrappable:
                break
            widest = max(wrappable, key=lambda i: widths[i])
            widths[widest] -= 1
            bar = max(0, min(20, room - sum(widths) - rules))
        return widths, bar if bar >= 4 else 0

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths, bar = self.widths(options.max_width)
        table = Table(show_edge=False, pad_edge=False)
        for index, header in enumerate(self.headers):
            if index == 2 and bar:
                table.add_column("", no_wrap=True, width=bar)
            table.add_column(header, justify="left" if index in (0, 2) else "right", width=widths[index])
        for title, score, value, band, *numbers in self.rows:
            bar_cell = [_bar(value, bar) if score else Text("")] if bar else []
            table.add_row(title, score, *bar_cell, band, *numbers)
        yield table


def _agreement(domain: DomainResult, lang: Lang) -> str:
    """'2 splittet ⚠' or 'enige': the domain disagrees exactly when some of its items split."""
    if not domain.agreement:
        return ""
    flagged = domain.agreement.flagged
    return f"{flagged} {word('split', lang)} ⚠" if flagged else word("agreed_ok", lang)
