"""What `peerready score` and `peerready report` work from: answers, scored against their
questionnaire.

This is the one input step; other kinds of input (survey exports) join here, so that what
follows only ever sees an `Instrument` and a `ScoreResult`.
"""

from __future__ import annotations

from pathlib import Path

from peerready.loader import Instrument, load_instrument
from peerready.result import ScoreResult
from peerready.scoring import effective_settings, score_session
from peerready.session import load_session


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
