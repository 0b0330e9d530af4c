"""Results and questionnaires as rich renderables for the terminal. Builds; never prints."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from peerready.i18n import Lang, LText, format_date, format_number, format_optional, format_percent, tr
from peerready.model.bands import band_rank
from peerready.model.catalogue import Recommendation
from peerready.model.instrument import Instrument
from peerready.model.questionnaire import ChecklistItem, ChoiceItem, RatedItem, TextItem
from peerready.model.result import DomainResult, ScoreResult
from peerready.model.session import ROLE_LABELS
from peerready.output.escape import one_line
from peerready.scoring.groups import OTHER

WORDS: dict[str, LText] = {
    "unfinished": tr("Unfinished: the group has not finished this assessment; some items may be unanswered."),
    "verdict": tr("Overall verdict"),
    "worksheet": tr("none – a worksheet gives no readiness verdict"),
    "domain": tr("Domain"),
    "score": tr("Score"),
    "band": tr("Band"),
    "coverage": tr("Answered"),
    "favourable": tr("Favourable"),
    "agreement": tr("Agreement"),
    "strengths": tr("Strengths"),
    "gaps": tr("Gaps"),
    "disagreement": tr("Low agreement – discuss"),
    "recommendations": tr("Recommendations"),
    "groups": tr("Groups"),
    "respondents": tr("respondents"),
    "respondent": tr("respondent"),
    "agreed": tr("the group's agreed answers"),
    "flagged": tr("Marked for discussion"),
    "insufficient": tr("too few answers"),
    "unscored": tr("open questions"),
    "not_asked": tr("not asked"),
    "open": tr("open answer"),
    "critical": tr("critical"),
    "split": tr("split"),
    "agreed_ok": tr("agreed"),
    "steps_apart": tr("on average {ad} steps from the middle"),
    "provisional": tr("provisional"),
    "items": tr("items"),
    "hidden": tr("respondents in groups below the minimum size are not shown on their own"),
    "merged": tr("respondents in groups below the minimum size are counted under “Others (small groups)”"),
    "merged_one": tr("respondent in a group below the minimum size is counted under “Others (small groups)”"),
    "overall": tr("Overall"),
    "hidden_one": tr("respondent in a group below the minimum size is not shown on their own"),
    "more": tr("more – see the full list in the report (peerready report)"),
}

# Long lists (low agreement on many items, dozens of recommendations) scroll a projector's
# screen away; the terminal shows the first ones and the report has them all.
TERMINAL_LIST = 10

PRIORITY = {
    "high": tr("high"),
    "medium": tr("medium"),
    "low": tr("low"),
}


def word(key: str, lang: Lang) -> str:
    return WORDS[key].get(lang)


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


def score_view(result: ScoreResult, instrument: Instrument, lang: Lang) -> RenderableType:
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
    parts += [Text(), _domain_table(result, instrument, lang)]
    parts += _highlights(result, instrument, lang)
    if result.recommendations:
        parts += [Text(), _recommendations(result, lang)]
    if result.groups:
        parts += [Text(), _groups(result, instrument, lang)]
    if result.suppressed_respondents:
        merged = any(g.key == OTHER for g in result.groups)
        key = ("merged" if merged else "hidden") + ("_one" if result.suppressed_respondents == 1 else "")
        parts.append(Text(f"{result.suppressed_respondents} {word(key, lang)}", style="muted"))
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


def _item_text(instrument: Instrument, item_id: str, lang: Lang) -> str:
    """'12. The statement', numbered as `peerready show` and `peerready assess` number items."""
    items = instrument.questionnaire.all_items
    number = next((n for n, item in enumerate(items, start=1) if item.id == item_id), None)
    if number is None:
        return item_id
    return f"{number}. {items[number - 1].text.get(lang)}"


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


def _groups(result: ScoreResult, instrument: Instrument, lang: Lang) -> Table:
    """Domains down, groups across: there are usually far fewer groups than domains."""
    table = Table(title=word("groups", lang), title_justify="left", show_edge=False)
    table.add_column(word("domain", lang))
    for group in result.groups:
        label = ROLE_LABELS.get(group.key, group.label) if group.dimension == "role" else group.label
        table.add_column(f"{one_line(label.get(lang))} (n={group.respondents})", justify="right")
    table.add_row(
        word("overall", lang), *(format_optional(g.score, lang) for g in result.groups), style="bold"
    )
    for domain in instrument.questionnaire.domains:
        if domain.scored_items:
            scores = (format_optional(g.domains.get(domain.id), lang) for g in result.groups)
            table.add_row(domain.title.get(lang), *scores)
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
