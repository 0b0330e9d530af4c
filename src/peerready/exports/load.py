"""Scoring an export, start to finish: open it, find the questionnaire, stream the rows, score.

`load_export_result` is the one entry point; `peerready score` and `peerready report` use it.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from peerready.documents.loader import load_instrument, parse_document, read_text
from peerready.errors import DocumentError, InputError, Problem, UsageError
from peerready.exports.answers import NOT_STATED, NOT_STATED_LABEL
from peerready.exports.counts import RespondentRows
from peerready.exports.engine import BatchScorer
from peerready.exports.layout import Layout
from peerready.exports.levels import top_never_used
from peerready.exports.mapping import load_mapping
from peerready.exports.opener import answers_kind, find_template, open_export
from peerready.exports.options import ExportOptions
from peerready.exports.parallel import feed_in_two
from peerready.exports.platforms import UNKNOWN
from peerready.exports.prepare import prepare
from peerready.exports.provenance import provenance, reading_warnings
from peerready.exports.sniff import Kind, Undecodable, detect_encoding, head
from peerready.exports.source import ExportReader, Progress, TemplateRef
from peerready.exports.summary import BatchSummary, Counts, Exclusion, Rejected, SourceInfo, summarise
from peerready.i18n import LText
from peerready.model.instrument import Instrument
from peerready.model.questionnaire import Settings
from peerready.model.result import ScoreResult
from peerready.model.session import ROLE_LABELS
from peerready.scoring.groups import OTHER, OTHER_LABEL
from peerready.scoring.score import Breakdown, Context, effective_settings, score
from peerready.scoring.tally import ScoringPlan


class NothingScored(DocumentError):
    """Every row was rejected or left out: there is nothing to score (exit 2)."""


def load_export_result(
    path: Path,
    questionnaire: str | None,
    options: ExportOptions,
    *,
    progress: Progress | None = None,
    respondents: Callable[[Instrument], RespondentRows] | None = None,
    known: tuple[Kind, str] | None = None,
) -> tuple[Instrument, ScoreResult, BatchSummary]:
    """Score an export (CSV, XLSX, JSON) into the same result a session gives, plus a summary.
    `known`: the file's kind and encoding as answers_kind(whole=False) found them, if the
    caller has looked already.

    Unless --encoding is given, a file that starts as UTF-8 is read as UTF-8 without reading it
    all first; if that fails further on, the whole file is checked and read again (as
    Windows-1252 if it is not UTF-8). Per-respondent rows, once written, cannot be taken back,
    so with those the check comes first."""
    kind, encoding = known or answers_kind(path, options.encoding, whole=False)
    guessed = options.encoding is None and kind != "xlsx"
    if guessed and respondents is not None:
        encoding, guessed = detect_encoding(path, head(path)), False

    def attempt(chosen: str) -> tuple[Instrument, ScoreResult, BatchSummary]:
        source = open_export(path, options.encoding, options.delimiter, options.sheet, (kind, chosen))
        try:
            return _load(source, path, questionnaire, options, progress, respondents)
        finally:
            source.close()

    try:
        return attempt(encoding)
    except Undecodable:
        if not guessed:
            raise
        return attempt(detect_encoding(path, head(path)))


def _load(
    source: ExportReader,
    path: Path,
    questionnaire: str | None,
    options: ExportOptions,
    progress: Progress | None,
    respondents: Callable[[Instrument], RespondentRows] | None,
) -> tuple[Instrument, ScoreResult, BatchSummary]:
    find_template(source)
    raw_mapping = _mapping_questionnaire(options.mapping)
    ref = questionnaire or (source.template.id if source.template else None) or raw_mapping
    if ref is None:
        raise UsageError(
            f"{path}: the file does not say which questionnaire it answers; give --questionnaire ID|FILE"
        )
    try:
        instrument = load_instrument(ref)
    except InputError as exc:
        if questionnaire is not None:
            raise
        raise InputError(f"{path} names questionnaire '{ref}': {exc}; give --questionnaire FILE") from None
    q = instrument.questionnaire
    warnings = [
        *source.warnings,
        *_check_template(source.template, instrument, options.allow_version_mismatch, path),
    ]
    mapping = load_mapping(options.mapping, q) if options.mapping else None
    settings = effective_settings(instrument, min_group_size=options.min_group_size)
    prepared = prepare(source, q, ScoringPlan.build(q), mapping, options.group_by)
    layout = prepared.layout
    if options.by_role and layout.role is None:
        raise UsageError(f"--by-role: {path} has no role column (name one 'role' or map it)")

    def make_scorer() -> BatchScorer:
        return BatchScorer(
            layout,
            settings.min_coverage,
            by_group=options.group_by is not None,
            by_role=options.by_role,
            include_incomplete=options.include_incomplete,
            respondents=respondents(instrument) if respondents else None,
        )

    with _no_gc():
        scorer = feed_in_two(source, make_scorer, progress) if respondents is None else None
        if scorer is None:
            scorer = make_scorer()
            for chunk in source.chunks:
                scorer.feed(chunk.rows, chunk.positions)
                if progress is not None:
                    progress(chunk.done, source.total)
    ordered = sorted(scorer.problems, key=lambda p: p.position)
    rejected = [_rejected(source, p.position, p.column, p.message) for p in ordered]
    problems = [Problem(r.column or "", r.message, r.line, None, str(path)) for r in rejected]
    if scorer.counts.scored == 0 or (options.strict and problems):
        raise NothingScored([*problems, _why_nothing(path, scorer, options.strict)])
    warnings += reading_warnings(layout)
    result = _score(instrument, scorer, settings, options, warnings)
    late = top_never_used(layout, prepared.numeric, result)
    if late:
        result = result.model_copy(update={"warnings": [*result.warnings, *late]})
    summary = summarise(
        result,
        _source_info(source, layout),
        _counts(scorer),
        [Exclusion(reason=r, count=n) for r, n in scorer.counts.reasons.items()],
        rejected,
        scorer.counts.problems,
        provenance(source, prepared, scorer.counts),
    )
    return instrument, result, summary


@contextmanager
def _no_gc() -> Iterator[None]:
    """Chunks of rows are many small containers and no cycles; the cyclic collector would
    walk them again and again for nothing (it doubles the time of a large file)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _mapping_questionnaire(path: Path | None) -> str | None:
    if path is None:
        return None
    data = parse_document(read_text(path), str(path)).data
    found = data.get("questionnaire") if isinstance(data, dict) else None
    return found if isinstance(found, str) else None


def _check_template(
    template: TemplateRef | None, instrument: Instrument, allow: bool, path: Path
) -> list[str]:
    if template is None:
        return []
    q = instrument.questionnaire
    if template.id != q.id:
        raise InputError(f"{path}: the answers are for questionnaire '{template.id}', not '{q.id}'")
    same_content = template.hash is None or q.content_hash().removeprefix("sha256:").startswith(template.hash)
    if template.version == q.version and same_content:
        return []
    change = (
        f"version {template.version} → {q.version}"
        if template.version != q.version
        else f"the content of {q.version} changed"
    )
    if not allow:
        raise InputError(
            f"{path}: the template was made from '{q.id}' {template.version}, but this is {q.version} "
            f"({change}); use --allow-version-mismatch to score it anyway"
        )
    return [f"questionnaire changed since the template was made: {change}"]


def _score(
    instrument: Instrument,
    scorer: BatchScorer,
    settings: Settings,
    options: ExportOptions,
    warnings: list[str],
) -> ScoreResult:
    breakdowns = []
    if options.by_role:
        breakdowns.append(Breakdown("role", scorer.breakdown(1), ROLE_LABELS))
    if options.group_by is not None:
        labels = {key: LText.same(label) for key, label in scorer.group_labels.items() if label}
        labels[NOT_STATED] = NOT_STATED_LABEL
        labels[OTHER] = OTHER_LABEL
        breakdowns.append(Breakdown(options.group_by, scorer.breakdown(0), labels))
    context = Context(
        language=options.language,
        mode="individual",
        roles=scorer.role_counts(),
        warnings=tuple(warnings),
    )
    crossed: dict[tuple[str, ...], int] = {}
    reach: dict[tuple[str, ...], dict[str, int]] = {}
    dimensions = [index for index, on in ((1, options.by_role), (0, options.group_by is not None)) if on]
    for key, bucket in scorer.buckets.items():  # key: (group, role)
        combination = tuple(key[index] or "" for index in dimensions)
        crossed[combination] = crossed.get(combination, 0) + bucket.respondents
        if breakdowns:
            answered = reach.setdefault(combination, {})
            for domain, n in scorer.tally([key]).reach.items():
                answered[domain] = answered.get(domain, 0) + n
    return score(instrument, scorer.overall(), context, settings, breakdowns, crossed, reach)


def _rejected(source: ExportReader, position: int, column: int | None, message: str) -> Rejected:
    where = source.where(position, column) if column is not None else None
    return Rejected(line=position, column=where, message=message)


def _why_nothing(path: Path, scorer: BatchScorer, strict: bool) -> Problem:
    counts = scorer.counts
    if strict and counts.scored:
        text = f"--strict: {counts.rejected} of {counts.rows} rows have problems; nothing was scored"
    elif counts.rows == 0:
        text = "no respondent rows after the header: nothing to score"
    else:
        text = (
            f"nothing could be scored: {counts.rows} rows, {counts.rejected} with problems, "
            f"{counts.incomplete} unfinished (--include-incomplete scores those)"
        )
    return Problem("", text, None, None, str(path))


def _source_info(source: ExportReader, layout: Layout) -> SourceInfo:
    width = len(layout.header)  # columns beyond it stand for REDCap checkbox groups
    columns = {layout.name(c): layout.plan.items[p].id for c, p in layout.items.items() if c < width}
    columns |= {layout.name(c): item for c, item in layout.texts.items()}
    for column, what in ((layout.respondent, "respondent"), (layout.group, "group"), (layout.role, "role")):
        if column is not None:
            columns[layout.header[column]] = what
    for box in layout.checkboxes:
        for column, _ in box.columns:
            columns[layout.header[column]] = layout.plan.items[box.position].id
    ignored = [h for h in layout.header if h not in columns]
    kind: Literal["csv", "xlsx", "json"] = (
        "csv" if source.kind == "csv" else "xlsx" if source.kind == "xlsx" else "json"
    )
    return SourceInfo(
        file=source.label,
        kind=kind,
        encoding=source.encoding,
        delimiter=source.delimiter,
        sheet=source.sheet,
        platform=None if layout.platform is UNKNOWN else layout.platform.id,
        columns=columns,
        ignored_columns=ignored,
        missing_items=layout.missing_items,
    )


def _counts(scorer: BatchScorer) -> Counts:
    c = scorer.counts
    return Counts(
        rows=c.rows,
        scored=c.scored,
        rejected=c.rejected,
        incomplete_excluded=c.incomplete,
        incomplete_included=c.incomplete_scored,
    )
