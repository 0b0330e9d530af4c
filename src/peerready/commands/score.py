"""`peerready score`: score answers and print the result, or fail a pipeline below a threshold."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from peerready.commands.guard import questionnaire_files, refuse_outputs_over_inputs
from peerready.commands.inputs import load_answers
from peerready.commands.thresholds import Thresholds, check_thresholds, unmet
from peerready.documents.loader import load_instrument
from peerready.errors import EXIT_BELOW_THRESHOLD, EXIT_OK, UsageError
from peerready.exports.options import ExportOptions
from peerready.exports.source import Progress
from peerready.exports.summary import BatchSummary
from peerready.fileio import open_atomic, write_atomic
from peerready.i18n import Lang
from peerready.locale import _
from peerready.model.result import ScoreResult
from peerready.output import console
from peerready.output.reporters import REPORTERS, Scored
from peerready.output.tables import RespondentWriter

PROGRESS_FROM = 4 << 20  # bytes (or rows in a workbook) before a progress bar is worth showing


@dataclass(frozen=True)
class Output:
    fmt: str  # table | json | csv | md
    lang: Lang | None
    file: Path | None = None
    respondents: Path | None = None


# --format's names → the reporters' (output.reporters)
FORMATS = {"table": "table", "json": "json", "csv": "csv", "md": "summary"}


def emit(scored: Scored, output: Output) -> None:
    reporter = REPORTERS[FORMATS[output.fmt]]
    if reporter.destination == "terminal" and output.file is not None:
        raise UsageError(_("--output needs --format json, csv or md"))
    made = reporter.render(scored)
    if reporter.destination == "terminal":
        console.out().print(made.content)
    elif not isinstance(made.content, str):
        raise TypeError(f"the {output.fmt} reporter made no text")
    elif output.file is None:
        console.write_out(made.content)
    else:
        write_atomic(output.file, made.content)


def score_file(
    path: Path,
    *,
    questionnaire: str | None,
    output: Output,
    thresholds: Thresholds,
    export: ExportOptions,
) -> int:
    """Score a session, or an export of survey answers: decided by the file's content."""
    refuse_outputs_over_inputs(
        {"--output": output.file, "--respondents": output.respondents},
        [path, *questionnaire_files(questionnaire), export.mapping],
    )
    with ExitStack() as stack:
        writer = None
        if output.respondents is not None:
            handle = stack.enter_context(open_atomic(output.respondents, private=True))  # per person
            writer = partial(RespondentWriter, handle)
        progress = stack.enter_context(_progress_bar(path))
        extra = ("--respondents",) if output.respondents is not None else ()
        scored = load_answers(
            path, questionnaire, export, extra_export_options=extra, progress=progress, respondents=writer
        )
    instrument, result = scored.instrument, scored.result
    check_thresholds(instrument, thresholds)
    if scored.summary is not None:
        report_rejected(scored.summary)
    for warning in result.warnings:
        console.warning(warning)
    lang = output.lang or (export.language if scored.summary else result.language)
    emit(Scored(result, instrument, lang, scored.summary), output)
    return _verdict(result, thresholds)


def _verdict(result: ScoreResult, thresholds: Thresholds) -> int:
    misses = unmet(result, thresholds)
    for miss in misses:
        console.error(miss)
    return EXIT_BELOW_THRESHOLD if misses else EXIT_OK


def report_rejected(summary: BatchSummary) -> None:
    for row in summary.rejected:
        where = f"{summary.source.file}:{row.line}: " + (f"{row.column}: " if row.column else "")
        console.warning(where + row.message)
    unlisted = summary.rejected_problems - len(summary.rejected)
    if unlisted > 0:
        message = _("… and {unlisted} more problems (only the first {listed} are listed)")
        console.warning(message.format(unlisted=unlisted, listed=len(summary.rejected)))
    if summary.counts.rejected:
        message = _(
            "{rejected} of {rows} rows were left out because of problems; --strict fails the run instead"
        )
        console.warning(message.format(rejected=summary.counts.rejected, rows=summary.counts.rows))
    for exclusion in summary.exclusions:
        message = _("{count} unfinished responses left out: {reason}")
        console.warning(message.format(count=exclusion.count, reason=exclusion.reason))


@contextmanager
def _progress_bar(path: Path) -> Iterator[Progress | None]:
    """A progress bar on a terminal for a large file; none in CI or when stderr is not a terminal."""
    try:
        size = path.stat().st_size
    except OSError:  # reading it will say what is wrong, in peerready's words
        size = 0
    wanted = size >= PROGRESS_FROM and not os.environ.get("CI") and sys.stderr.isatty()
    if not wanted or not console.err().is_terminal:  # rich is asked (and imported) only if wanted
        yield None
        return
    from rich.progress import BarColumn, TimeRemainingColumn
    from rich.progress import Progress as Bar

    # Refreshed by hand: rich's refresh thread would keep a large file from being split between
    # two processes (fork is only safe without threads).
    with Bar(
        "{task.description}",
        BarColumn(),
        TimeRemainingColumn(),
        console=console.err(),
        transient=True,
        auto_refresh=False,
    ) as bar:
        task = bar.add_task(path.name, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total or None, refresh=True)

        yield update


def suggest_map_file(path: Path, *, questionnaire: str | None, export: ExportOptions, target: Path) -> int:
    """Draft a mapping file for an export instead of scoring it."""
    from itertools import chain

    from peerready.exports.codebook import read_codebook
    from peerready.exports.headers import read_headers
    from peerready.exports.opener import find_template, open_export
    from peerready.exports.platforms import detect
    from peerready.exports.suggest import suggest

    refuse_outputs_over_inputs(
        {"--suggest-map": target}, [path, *questionnaire_files(questionnaire), export.mapping]
    )
    source = open_export(path, export.encoding, export.delimiter, export.sheet)
    find_template(source)
    ref = questionnaire or (source.template.id if source.template else None)
    if ref is None:
        raise UsageError(
            _("--suggest-map: give --questionnaire ID|FILE (which questionnaire the export answers)")
        )
    instrument = load_instrument(ref)
    platform = detect(source.header, template=source.template is not None)
    headers = read_headers(source, platform, None)
    coded = frozenset(read_codebook(source, None, platform.id == "surveyxact"))
    sample = chain.from_iterable(chunk.rows for chunk in source.chunks)
    draft = suggest(source, instrument.questionnaire, sample, platform, headers, coded)
    write_atomic(target, draft.text)
    for warning in draft.warnings:
        console.warning(warning)
    console.err().print(
        _("wrote a draft mapping to {path}; check it, then use --map {path}").format(path=target),
        highlight=False,
        markup=False,
    )
    return EXIT_OK
