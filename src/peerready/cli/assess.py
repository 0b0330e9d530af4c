"""The `assess` command's options: the interactive meeting (peerready.commands.assess)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from peerready.cli.options import LangOption, LargeOption, TimerOption, lang_of

__all__ = ["assess_command"]


def assess_command(
    questionnaire: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--questionnaire",
            "-q",
            help="Questionnaire id or file (default: the bundled default; with --resume: the session's).",
        ),
    ] = None,
    lang: LangOption = None,
    session: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--session",
            help="Save the answers to this file (default: named after the organisation and date, here).",
        ),
    ] = None,
    resume: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--resume", help="Carry on with a paused session, where the group paused."),
    ] = None,
    timer: TimerOption = None,
    large: LargeOption = None,
) -> int:
    """Assess readiness together in a meeting: one statement at a time, saved after every answer."""
    from peerready.commands.assess import assess as run
    from peerready.commands.assess_screen import timer_length

    return run(
        questionnaire=questionnaire,
        lang=lang_of(lang),
        session_file=session,
        resume=resume,
        timer=timer_length(timer) if timer is not None else None,
        large=large,
    )
