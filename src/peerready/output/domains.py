"""The domains of a result on the terminal: a table on a wide screen, a block per domain on a
narrow one. Builds; never prints."""

from __future__ import annotations

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


STACK_BELOW = 100  # columns under which the domain table would cut words: one block per domain


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
        if domain.status == "unscored":
            blocks.append(Text(f"  {word('unscored', lang)}", style="muted"))
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


def _domain_table(result: ScoreResult, instrument: Instrument, lang: Lang) -> Table:
    table = Table(show_edge=False, pad_edge=False)
    table.add_column(word("domain", lang))
    table.add_column(word("score", lang), justify="right")
    table.add_column("", no_wrap=True)
    table.add_column(word("band", lang))
    table.add_column(word("coverage", lang), justify="right")
    table.add_column(word("favourable", lang), justify="right")
    table.add_column(word("agreement", lang), justify="right")
    for domain in result.domains:
        title = domain.title.get(lang) + (f" ({word('critical', lang)})" if domain.critical else "")
        if domain.status == "unscored":
            table.add_row(title, "", "", Text(word("unscored", lang), style="muted"), "", "", "")
            continue
        band = domain.band_label.get(lang) if domain.band_label else word("insufficient", lang)
        agreement = _agreement(domain, lang)
        table.add_row(
            title,
            format_optional(domain.score, lang),
            _bar(domain.score),
            Text(band, style=_band_style(domain, instrument)),
            format_percent(domain.coverage, lang),
            format_percent(domain.favourable, lang) if domain.favourable is not None else "–",
            agreement,
        )
    return table


def _agreement(domain: DomainResult, lang: Lang) -> str:
    """'2 splittet ⚠' or 'enige': the domain disagrees exactly when some of its items split."""
    if not domain.agreement:
        return ""
    flagged = domain.agreement.flagged
    return f"{flagged} {word('split', lang)} ⚠" if flagged else word("agreed_ok", lang)
