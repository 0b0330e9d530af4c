"""The summary chart: each domain's score as a bar over its levels, highest first, with the
critical domains starred, the spread of the respondents' own scores as a line across the bar,
the domains the group disagreed on marked ≠, and the baseline marked.

Only geometry and text are computed here; `bars.svg.j2` draws it (escaping every text).
A hand-made SVG keeps the chart in the report's own embedded font, selectable as text, and
cheap to lay out; it relies on shape and lightness, not hue, so it survives greyscale
printing and colour blindness.
"""

from __future__ import annotations

import textwrap

from peerready.i18n import Lang, format_date, format_number
from peerready.model.bands import ascending
from peerready.model.instrument import Instrument
from peerready.model.questionnaire import Band
from peerready.model.result import DomainResult, ScoreResult, Summary
from peerready.report.baseline import Comparison
from peerready.report.chart_shapes import BarChart, Rect, Row, Tick
from peerready.report.figures import delta_view
from peerready.report.words import word

WIDTH = 640.0
PLOT_X = 200.0
PLOT_WIDTH = 330.0
VALUE_X = 566.0  # right edge of the score column
DELTA_X = 578.0
TOP = 24.0
LINE = 12.5
LABEL_CHARS = 31  # what fits in the label column at the chart's font size
BAND_SHADES = ("#e9edf1", "#d9e0e7", "#c6d0da")


def _x(score: float) -> float:
    return PLOT_X + PLOT_WIDTH * max(0.0, min(100.0, score)) / 100


def _band_rects(bands: list[Band]) -> list[Rect]:
    ordered = ascending(bands)
    top = max(len(ordered) - 1, 1)
    return [
        Rect(
            _x(band.min),
            _x(band.max) - _x(band.min),
            BAND_SHADES[round(rank / top * (len(BAND_SHADES) - 1))],
        )
        for rank, band in enumerate(ordered)
    ]


def spread(respondents: Summary, mode: str) -> tuple[float, float] | None:
    """From the lowest to the highest respondent's own score, when people answered separately."""
    if mode == "consensus" or respondents.n < 2 or respondents.min is None or respondents.max is None:
        return None
    return _x(respondents.min), _x(respondents.max)


def low_agreement(domain: DomainResult) -> bool:
    return bool(domain.agreement and domain.agreement.low)


def bar_chart(
    instrument: Instrument, result: ScoreResult, lang: Lang, comparison: Comparison | None
) -> BarChart:
    q = instrument.questionnaire
    rows: list[Row] = []
    described: list[str] = []
    y = TOP
    shown = [d for d in result.domains if d.status != "unscored"]
    # highest first; a domain without a score at the end (sorted() keeps the questionnaire's order for ties)
    shown = sorted(shown, key=lambda d: (d.score is None, -(d.score or 0.0)))
    for domain in shown:
        bands = q.bands_for(q.domain_by_id[domain.domain])
        title = domain.title.get(lang)
        label = ("★ " if domain.critical else "") + title + (" ≠" if low_agreement(domain) else "")
        lines = textwrap.wrap(label, LABEL_CHARS, max_lines=3, placeholder=" …")
        height = max(26.0, LINE * len(lines) + 11)
        change = comparison.domains.get(domain.domain) if comparison else None
        before = change.before if change else None
        delta = delta_view(change, lang)
        value = format_number(domain.score, lang) if domain.score is not None else "–"
        rows.append(
            Row(
                y=y,
                height=height,
                lines=lines,
                critical=domain.critical,
                bands=_band_rects(bands),
                bar=None if domain.score is None else _x(domain.score) - PLOT_X,
                value=value,
                baseline=None if before is None else _x(before),
                delta=f"{delta.mark} {delta.text}".strip() if delta else None,
                spread=spread(domain.respondents, result.mode),
                low_agreement=low_agreement(domain),
            )
        )
        band = domain.band_label.get(lang) if domain.band_label else word("insufficient", lang).lower()
        text = f"{title} {value} ({band})" if domain.score is not None else f"{title}: {band}"
        if domain.critical:
            text += f", {word('critical', lang).lower()}"
        if domain.respondents.n >= 2 and result.mode != "consensus":
            low, high = domain.respondents.min or 0.0, domain.respondents.max or 0.0
            text += f", {word('spread_legend', lang)} {format_number(low, lang)}–{format_number(high, lang)}"
        if before is not None:
            text += f", {word('before', lang).lower()} {format_number(before, lang)}"
        described.append(text)
        y += height
    ordered = ascending(q.bands)
    edges = sorted({b.min for b in ordered} | {b.max for b in ordered})
    legend: list[tuple[str, str]] = []
    if any(r.critical for r in rows):
        legend.append(("critical", f"★ {word('critical', lang).lower()}"))
    if any(r.spread for r in rows):
        legend.append(("spread", word("spread_legend", lang)))
    if any(r.low_agreement for r in rows):
        legend.append(("disagreement", f"≠ {word('low_agreement', lang).lower()}"))
    if comparison:
        when = format_date(comparison.date, lang) if comparison.date else ""
        legend.append(("baseline", f"{word('baseline_from', lang)} {when}".strip()))
    return BarChart(
        height=y + 22 + 16 * ((len(legend) + 1) // 2) + (4 if legend else 0),
        title=f"{word('chart_title', lang)}: " + "; ".join(described),
        rows=rows,
        band_labels=[Tick((_x(b.min) + _x(b.max)) / 2, b.label.get(lang)) for b in ordered],
        ticks=[Tick(_x(edge), format_number(edge, lang)) for edge in edges],
        legend=legend,
        insufficient=word("insufficient", lang).lower(),
    )
