"""`peerready report`: an assessment → a readiness report as PDF, HTML, Markdown or JSON."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rich.markup import escape

from peerready.commands.guard import brand_files, questionnaire_files, refuse_outputs_over_inputs
from peerready.errors import EXIT_OK, UsageError
from peerready.exports.options import ExportOptions
from peerready.fileio import write_atomic
from peerready.i18n import Lang
from peerready.locale import _
from peerready.model.instrument import Instrument
from peerready.model.result import ScoreResult
from peerready.output import console
from peerready.output.reporters import REPORTERS, Made, Scored

if TYPE_CHECKING:
    from peerready.report.baseline import Comparison
    from peerready.report.view import BrandView

# --format's names → the reporters' (output.reporters)
FORMATS = {"pdf": "pdf", "html": "html", "md": "markdown", "json": "json"}
SUFFIXES = {".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".json": "json"}


@dataclass(frozen=True)
class Options:
    """What the report is made from, besides the answers themselves."""

    questionnaire: str | None = None
    export: ExportOptions = field(default_factory=ExportOptions)  # how to read a survey export
    baseline: Path | None = None
    brand: Path | None = None
    organisation: str | None = None  # names a survey export's organisation, or renames a session's
    date: dt.date | None = None


def choose_format(fmt: str | None, output: Path | None) -> str:
    """--format if given (it must agree with the output's suffix), else the suffix, else PDF."""
    by_suffix = SUFFIXES.get(output.suffix.lower()) if output else None
    if fmt is not None:
        if output is not None and by_suffix is not None and by_suffix != fmt:
            message = _("--format {format} does not match the file name {path}")
            raise UsageError(message.format(format=fmt, path=output))
        return fmt
    if output is None:
        return "pdf"
    if by_suffix is None:
        message = _(
            "cannot tell the format from the file name {path}; "
            "use a .pdf, .html, .md or .json suffix, or --format {formats}"
        )
        raise UsageError(message.format(path=output, formats="|".join(FORMATS)))
    return by_suffix


def make(path: Path, fmt: str, lang: Lang | None, options: Options) -> Made:
    """Score the answers (a session or a survey export) and lay the report out in one format."""
    from peerready.commands.inputs import load_answers
    from peerready.commands.score import report_rejected

    scored = load_answers(path, options.questionnaire, options.export)
    instrument, result = scored.instrument, _retitled(scored.result, options)
    if scored.summary is not None:
        report_rejected(scored.summary)
    comparison, brand = (None, None) if fmt == "json" else _extras(instrument, result, options)
    summary = None if fmt == "json" else scored.summary  # JSON stays the full result model
    request = Scored(
        result, instrument, lang or result.language, summary=summary, comparison=comparison, brand=brand
    )
    made = REPORTERS[FORMATS[fmt]].render(request)
    return Made(made.content, made.pages, [*result.warnings, *made.warnings])


def _retitled(result: ScoreResult, options: Options) -> ScoreResult:
    """The result with the organisation and date the user gave (an export knows neither)."""
    given = {"organisation": options.organisation, "date": options.date}
    update = {key: value for key, value in given.items() if value is not None}
    return result.model_copy(update=update) if update else result


def _extras(
    instrument: Instrument, result: ScoreResult, options: Options
) -> tuple[Comparison | None, BrandView | None]:
    """The comparison with --baseline and the --brand, read from their files."""
    from peerready.report.baseline import compare, load_baseline
    from peerready.report.brand import load_brand

    comparison = None
    if options.baseline is not None:
        earlier, asked = load_baseline(options.baseline, instrument)
        comparison = compare(result, instrument, earlier, asked)
    return comparison, load_brand(options.brand) if options.brand is not None else None


def report(
    path: Path,
    *,
    output: Path | None,
    fmt: str | None,
    lang: Lang | None,
    options: Options,
) -> int:
    fmt = choose_format(fmt, output)
    if output is None and fmt == "pdf":
        output = Path(f"{path.stem}.pdf")  # a PDF never goes to the terminal
    refuse_outputs_over_inputs(
        {"--output": output},
        [
            path,
            *questionnaire_files(options.questionnaire),
            options.export.mapping,
            options.baseline,
            *brand_files(options.brand),
        ],
    )
    made = make(path, fmt, lang, options)
    for warning in made.warnings:
        console.warning(warning)
    if output is None:
        assert isinstance(made.content, str)  # only a PDF is bytes, and it always goes to a file
        console.write_out(made.content)
        return EXIT_OK
    assert isinstance(made.content, str | bytes)
    write_atomic(output, made.content)
    wrote = _("wrote {path} ({pages} pages)") if made.pages else _("wrote {path}")
    console.out().print(
        "[ok]✓[/] " + escape(wrote.format(path=output, pages=made.pages)),
        markup=True,
        soft_wrap=True,
        highlight=False,
    )
    return EXIT_OK


def write_report(session_path: Path, output: Path, lang: Lang, *, questionnaire: str | None = None) -> None:
    """Write the report of a session, its format chosen by the output's suffix; raises a
    PeerreadyError on failure. For `peerready assess`, at the end of an assessment; give the
    questionnaire (id or file) when the session's is not a bundled one."""
    refuse_outputs_over_inputs({"--output": output}, [session_path, *questionnaire_files(questionnaire)])
    made = make(session_path, choose_format(None, output), lang, Options(questionnaire=questionnaire))
    assert isinstance(made.content, str | bytes)
    write_atomic(output, made.content)
