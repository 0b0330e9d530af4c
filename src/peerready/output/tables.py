"""Batch results as CSV (safe to open in a spreadsheet), Markdown (for a CI job summary or a pull
request) and a terminal header. Builds text; never prints."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, BinaryIO

from peerready.exports.summary import BatchSummary
from peerready.i18n import Lang, LText, format_optional, tr
from peerready.model.instrument import Instrument
from peerready.model.result import ScoreResult
from peerready.model.session import ROLE_LABELS
from peerready.output.escape import markdown_text

if TYPE_CHECKING:
    from rich.text import Text

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

WORDS: dict[str, LText] = {
    "rows": tr("rows"),
    "scored": tr("scored"),
    "rejected": tr("rejected"),
    "incomplete": tr("unfinished left out"),
    "read_as": tr("read as"),
    "overall": tr("Overall"),
    "verdict": tr("Verdict"),
    "domain": tr("Domain"),
    "score": tr("Score"),
    "band": tr("Band"),
    "groups": tr("Groups"),
    "recommendations": tr("Recommendations"),
    "problems": tr("problems in rows – see the log"),
    "none": tr("insufficient data"),
    "provisional": tr("provisional"),
}


def word(key: str, lang: Lang) -> str:
    return WORDS[key].get(lang)


def cell(value: object) -> str:
    """A spreadsheet cell that cannot run as a formula: text starting = + - @ gets a quote."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}" if math.isfinite(value) else ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def rows_csv(rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([cell(v) for v in row] for row in rows)
    return buffer.getvalue()


def result_csv(result: ScoreResult, instrument: Instrument) -> str:
    """One row overall, then one per group shown: respondents, score, band, each domain's score,
    and the domains whose score is withheld for the group (blank in their columns, as is its score)."""
    domains = [d.id for d in instrument.questionnaire.domains if d.scored_items]
    rows: list[list[object]] = [["dimension", "group", "respondents", "score", "band", *domains, "withheld"]]
    by_id = {d.domain: d.score for d in result.domains}
    rows.append(
        ["overall", "", result.respondents, result.verdict.score, result.verdict.band]
        + [by_id.get(d) for d in domains]
        + [""]
    )
    rows.extend(
        [g.dimension, g.label.en, g.respondents, g.score, g.band]
        + [g.domains.get(d) for d in domains]
        + [" ".join(g.withheld)]
        for g in result.groups
    )
    return rows_csv(rows)


def markdown(result: ScoreResult, summary: BatchSummary | None, instrument: Instrument, lang: Lang) -> str:
    q = instrument.questionnaire
    verdict = result.verdict.label.get(lang) if result.verdict.label else word("none", lang)
    if result.verdict.provisional and result.verdict.label:  # as the terminal and JSON say it
        verdict += f" ({word('provisional', lang)})"
    score = format_optional(result.verdict.score, lang)
    lines = [f"### {markdown_text(q.title.get(lang))}: {markdown_text(verdict)} ({score}/100)", ""]
    if summary is not None:
        c = summary.counts
        lines += [
            f"{c.scored} {word('scored', lang)} · {c.rows} {word('rows', lang)} · "
            f"{c.rejected} {word('rejected', lang)} · {c.incomplete_excluded} {word('incomplete', lang)}",
            "",
        ]
    lines += [
        f"| {word('domain', lang)} | {word('score', lang)} | {word('band', lang)} |",
        "| --- | ---: | --- |",
    ]
    for domain in result.domains:
        if domain.status == "unscored":
            continue
        band = domain.band_label.get(lang) if domain.band_label else word("none", lang)
        title, shown = markdown_text(domain.title.get(lang)), format_optional(domain.score, lang)
        lines.append(f"| {title} | {shown} | {markdown_text(band)} |")
    if result.groups:
        lines += ["", f"| {word('groups', lang)} | n | {word('score', lang)} |", "| --- | ---: | ---: |"]
        for group in result.groups:
            label = ROLE_LABELS.get(group.key, group.label) if group.dimension == "role" else group.label
            shown = word("withheld", lang) if group.withheld else format_optional(group.score, lang)
            lines.append(f"| {markdown_text(label.get(lang))} | {group.respondents} | {shown} |")
    if result.recommendations:
        lines += ["", f"**{word('recommendations', lang)}**", ""]
        lines += [f"1. {markdown_text(r.title.get(lang))}" for r in result.recommendations]
    if summary is not None and summary.rejected_problems:
        lines += ["", f"⚠ {summary.rejected_problems} {word('problems', lang)}"]
    return "\n".join(lines) + "\n"


def batch_header(summary: BatchSummary, lang: Lang) -> Text:
    c, s = summary.counts, summary.source
    parts = [f"{s.file}: {c.scored} {word('scored', lang)} / {c.rows} {word('rows', lang)}"]
    if c.rejected:
        parts.append(f"{c.rejected} {word('rejected', lang)}")
    if c.incomplete_excluded:
        parts.append(f"{c.incomplete_excluded} {word('incomplete', lang)}")
    if s.encoding and s.encoding not in ("utf-8", "utf-8-sig"):
        parts.append(f"{word('read_as', lang)} {s.encoding}")
    from rich.text import Text

    return Text(" · ".join(parts), style="muted")


class RespondentWriter:
    """Per-respondent scores, written row by row as the chunks are scored (never all in memory)."""

    def __init__(self, handle: BinaryIO, instrument: Instrument) -> None:
        self.handle = handle
        q = instrument.questionnaire
        self.weights = [d.weight for d in q.domains if d.id in _scored(instrument)]
        self.domains = [d.id for d in q.domains if d.id in _scored(instrument)]
        self.positions = [i for i, d in enumerate(q.domains) if d.id in _scored(instrument)]
        self._write([["respondent", "group", "role", *self.domains, "overall"]])

    def __call__(self, rows: list[tuple[str, str, str, list[float | None]]]) -> None:
        found = []
        for respondent, group, role, scores in rows:
            own = [scores[i] for i in self.positions]
            pairs = [(s, w) for s, w in zip(own, self.weights, strict=True) if s is not None]
            overall = math.fsum(s * w for s, w in pairs) / math.fsum(w for _, w in pairs) if pairs else None
            found.append([respondent, group, role, *own, overall])
        self._write(found)

    def _write(self, rows: Iterable[Sequence[object]]) -> None:
        self.handle.write(rows_csv(rows).encode("utf-8"))


def _scored(instrument: Instrument) -> set[str]:
    return {d.id for d in instrument.questionnaire.domains if d.scored_items}
