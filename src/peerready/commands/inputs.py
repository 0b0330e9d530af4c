"""What `peerready score` and `peerready report` work from: answers, scored against their
questionnaire.

This is the one input step: a session file, or exported survey answers (CSV, TSV, XLSX,
JSON), decided by the file's content. What follows only ever sees an `Instrument` and a
`ScoreResult`, and for an export the summary of what was read and left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from peerready.documents.loader import load_instrument
from peerready.documents.sessions import load_session
from peerready.errors import UsageError
from peerready.locale import _
from peerready.model.instrument import Instrument
from peerready.model.result import ScoreResult
from peerready.scoring.score import effective_settings, score_session

if TYPE_CHECKING:
    from peerready.exports.counts import RespondentRows
    from peerready.exports.options import ExportOptions
    from peerready.exports.source import Progress
    from peerready.exports.summary import BatchSummary


@dataclass(frozen=True)
class Scored:
    instrument: Instrument
    result: ScoreResult
    summary: BatchSummary | None = None  # for an export: rows read, scored and left out


def load_scored(
    path: Path,
    questionnaire: str | None = None,
    *,
    allow_version_mismatch: bool = False,
    min_group_size: int | None = None,
) -> tuple[Instrument, ScoreResult]:
    """Read a session file and score it against the questionnaire it names (or the one given)."""
    session = load_session(path)
    instrument = load_instrument(questionnaire or session.questionnaire.id)
    settings = effective_settings(instrument, min_group_size=min_group_size)
    result = score_session(
        instrument,
        session,
        settings=settings,
        allow_version_mismatch=allow_version_mismatch,
        label=str(path),
    )
    return instrument, result


def load_answers(
    path: Path,
    questionnaire: str | None,
    export: ExportOptions,
    *,
    extra_export_options: tuple[str, ...] = (),
    progress: Progress | None = None,
    respondents: Callable[[Instrument], RespondentRows] | None = None,
) -> Scored:
    """Score a session or an export; options that only make sense for an export are refused
    for a session (`extra_export_options` names any the caller has besides `export`'s)."""
    from peerready.exports.load import load_export_result
    from peerready.exports.opener import answers_kind
    from peerready.exports.options import export_only_options

    kind, encoding = answers_kind(path, export.encoding, whole=False)
    if kind == "session":
        given = [*export_only_options(export), *extra_export_options]
        if given:
            message = _("{options}: only for exported survey answers, not for a session file")
            raise UsageError(message.format(options=", ".join(given)))
        instrument, result = load_scored(
            path,
            questionnaire,
            allow_version_mismatch=export.allow_version_mismatch,
            min_group_size=export.min_group_size,
        )
        return Scored(instrument, result)
    instrument, result, summary = load_export_result(
        path, questionnaire, export, progress=progress, respondents=respondents, known=(kind, encoding)
    )
    return Scored(instrument, result, summary)
