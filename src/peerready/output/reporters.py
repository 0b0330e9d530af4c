"""Every format a result is written in, by name: the one registry `score` and `report` choose from.

A reporter turns what was scored into a terminal view, text or bytes. It never prints and never
writes a file: the commands decide where its output goes. Heavy libraries (rich tables, jinja2,
weasyprint) are imported by the reporter that needs them, when it runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from peerready.i18n import Lang
from peerready.model.instrument import Instrument
from peerready.model.result import ScoreResult

if TYPE_CHECKING:
    from rich.console import RenderableType

    from peerready.exports.summary import BatchSummary
    from peerready.report.baseline import Comparison
    from peerready.report.view import BrandView

# Where a reporter's output can go: shown on the terminal only, text (to stdout or a file), or a
# file only (a PDF is never written to a terminal).
Destination = Literal["terminal", "text", "file"]


@dataclass(frozen=True)
class Scored:
    """What a reporter is given: the result, the questionnaire it answers, the language; for a
    survey export its batch summary; for the readiness report a comparison and a brand."""

    result: ScoreResult
    instrument: Instrument
    lang: Lang
    summary: BatchSummary | None = None
    comparison: Comparison | None = None
    brand: BrandView | None = None


@dataclass(frozen=True)
class Made:
    """A reporter's output, and what it has to say about it (the result's own warnings are the
    command's to print, once, whatever the format)."""

    content: RenderableType | str | bytes
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Reporter:
    render: Callable[[Scored], Made]
    destination: Destination


def _table(scored: Scored) -> Made:
    from rich.console import Group

    from peerready.output.tables import batch_header
    from peerready.output.terminal import score_view

    view = score_view(scored.result, scored.instrument, scored.lang)
    if scored.summary is None:
        return Made(view)
    return Made(Group(batch_header(scored.summary, scored.lang), view))


def _json(scored: Scored) -> Made:
    """A survey export's compact batch result when there is one, else the full result."""
    return Made((scored.summary or scored.result).model_dump_json(indent=2) + "\n")


def _csv(scored: Scored) -> Made:
    from peerready.output.tables import result_csv

    return Made(result_csv(scored.result, scored.instrument))


def _summary(scored: Scored) -> Made:
    from peerready.output.tables import markdown

    return Made(markdown(scored.result, scored.summary, scored.instrument, scored.lang))


def _report(scored: Scored, fmt: Literal["markdown", "html", "pdf"]) -> Made:
    from peerready.report import render
    from peerready.report.build import build_report

    report = build_report(
        scored.instrument, scored.result, scored.lang, comparison=scored.comparison, brand=scored.brand
    )
    if fmt == "markdown":
        return Made(render.render_markdown(report), warnings=report.warnings)
    if fmt == "html":
        return Made(render.render_html(report, paged=False), warnings=report.warnings)
    from peerready.report.pdf import html_to_pdf

    rendered = html_to_pdf(render.render_html(report, paged=True))
    return Made(rendered.pdf, rendered.pages, [*report.warnings, *rendered.warnings])


REPORTERS: dict[str, Reporter] = {
    "table": Reporter(_table, "terminal"),  # the score view: verdict, domains, groups
    "json": Reporter(_json, "text"),
    "csv": Reporter(_csv, "text"),  # overall and per group, one row each
    "summary": Reporter(_summary, "text"),  # compact Markdown for a CI job summary
    "markdown": Reporter(lambda scored: _report(scored, "markdown"), "text"),  # the whole report
    "html": Reporter(lambda scored: _report(scored, "html"), "text"),
    "pdf": Reporter(lambda scored: _report(scored, "pdf"), "file"),
}
