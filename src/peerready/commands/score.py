"""`peerready score`: score answers and print the result, or fail a pipeline below a threshold."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from peerready.commands.guard import questionnaire_files, refuse_outputs_over_inputs
from peerready.commands.inputs import load_answers
from peerready.documents.loader import load_instrument
from peerready.errors import EXIT_BELOW_THRESHOLD, EXIT_OK, UsageError
from peerready.exports.options import ExportOptions
from peerready.exports.source import Progress
from peerready.exports.summary import BatchSummary
from peerready.fileio import open_atomic, write_atomic
from peerready.i18n import Lang, format_number
from peerready.model.instrument import Instrument
from peerready.model.result import ScoreResult
from peerready.output import console
from peerready.output.tables import RespondentWriter, batch_header, markdown, result_csv

PROGRESS_FROM = 4 << 20  # bytes (or rows in a workbook) before a progress bar is worth showing


@dataclass(frozen=True)
class Thresholds:
    overall: float | None = None
    domains: dict[str, float] = field(default_factory=dict)


def parse_domain_thresholds(values: Sequence[str]) -> dict[str, float]:
    """['leadership=60', …] → {'leadership': 60.0}."""
    thresholds: dict[str, float] = {}
    for value in values:
        name, sep, number = value.partition("=")
        try:
            threshold = float(number)
        except ValueError:
            threshold = -1.0
        if not sep or not name or not 0 <= threshold <= 100:
            raise UsageError(f"--fail-under-domain expects DOMAIN=N with N from 0 to 100, got '{value}'")
        thresholds[name.strip()] = threshold
    return thresholds


def unmet(result: ScoreResult, thresholds: Thresholds) -> list[str]:
    """Why the result misses its thresholds (empty when it meets them all)."""
    misses = []
    score = result.verdict.score
    if thresholds.overall is not None and (score is None or score < thresholds.overall):
        shown = "no score (too few answers)" if score is None else format_number(score, "en", 1)
        misses.append(f"overall score {shown} is below --fail-under {thresholds.overall:g}")
    for domain_id, threshold in thresholds.domains.items():
        domain = result.domain(domain_id)
        if domain.score is None or domain.score < threshold:
            shown = (
                "no score (too few answers)" if domain.score is None else format_number(domain.score, "en", 1)
            )
            misses.append(f"domain '{domain_id}' score {shown} is below {threshold:g}")
    return misses


def check_thresholds(instrument: Instrument, thresholds: Thresholds) -> None:
    known = {d.id for d in instrument.questionnaire.domains if d.scored_items}
    for domain_id in thresholds.domains:
        if domain_id not in known:
            raise UsageError(
                f"--fail-under-domain: no scored domain '{domain_id}' (domains: {', '.join(sorted(known))})"
            )


@dataclass(frozen=True)
class Output:
    fmt: str  # table | json | csv | md
    lang: Lang | None
    file: Path | None = None
    respondents: Path | None = None


def emit(
    result: ScoreResult,
    instrument: Instrument,
    output: Output,
    lang: Lang,
    summary: BatchSummary | None = None,
) -> None:
    if output.fmt == "table":
        if output.file is not None:
            raise UsageError("--output needs --format json, csv or md")
        from peerready.output.terminal import score_view  # rich tables: only a terminal view needs them

        if summary is not None:
            console.out().print(batch_header(summary, lang))
        console.out().print(score_view(result, instrument, lang))
        return
    if output.fmt == "json":
        text = (summary or result).model_dump_json(indent=2) + "\n"
    elif output.fmt == "csv":
        text = result_csv(result, instrument)
    else:
        text = markdown(result, summary, instrument, lang)
    if output.file is None:
        console.write_out(text)
    else:
        write_atomic(output.file, text)


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
    emit(
        result,
        instrument,
        output,
        output.lang or (export.language if scored.summary else result.language),
        scored.summary,
    )
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
        console.warning(f"… and {unlisted} more problems (only the first {len(summary.rejected)} are listed)")
    if summary.counts.rejected:
        console.warning(
            f"{summary.counts.rejected} of {summary.counts.rows} rows were left out because of problems; "
            "--strict fails the run instead"
        )
    for exclusion in summary.exclusions:
        console.warning(f"{exclusion.count} unfinished responses left out: {exclusion.reason}")


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

    from peerready.exports.opener import open_export, template_in_rows
    from peerready.exports.suggest import suggest

    refuse_outputs_over_inputs(
        {"--suggest-map": target}, [path, *questionnaire_files(questionnaire), export.mapping]
    )
    source = open_export(path, export.encoding, export.delimiter, export.sheet)
    first = next(source.chunks, None)
    rows = first.rows if first else []
    template = source.template or template_in_rows(source.header, rows)
    ref = questionnaire or (template.id if template else None)
    if ref is None:
        raise UsageError(
            "--suggest-map: give --questionnaire ID|FILE (which questionnaire the export answers)"
        )
    instrument = load_instrument(ref)
    sample = chain.from_iterable(chunk.rows for chunk in chain([first] if first else [], source.chunks))
    write_atomic(target, suggest(source, instrument.questionnaire, sample))
    console.err().print(
        f"wrote a draft mapping to {target}; check it, then use --map {target}", highlight=False
    )
    return EXIT_OK
