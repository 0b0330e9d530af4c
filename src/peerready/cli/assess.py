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
    room: Annotated[
        bool, typer.Option("--room", help="Everyone votes from their own phone (a web page on this laptop).")
    ] = False,
    host: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--host",
            metavar="ADDRESS",
            help="With --room: the address to listen on (default: this laptop's on its network).",
        ),
    ] = None,
    port: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--port", metavar="N", min=1, max=65535, help="With --room: the port (default: a free one)."
        ),
    ] = None,
    all_interfaces: Annotated[
        bool,
        typer.Option("--all-interfaces", help="With --room: allow --host 0.0.0.0 (every network at once)."),
    ] = False,
) -> int:
    """Assess readiness together in a meeting: one statement at a time, saved after every answer."""
    from peerready.commands.assess import assess as run
    from peerready.commands.assess_screen import timer_length
    from peerready.errors import UsageError
    from peerready.room.options import RoomOptions

    if not room and (host is not None or port is not None or all_interfaces):
        raise UsageError("--host, --port and --all-interfaces go with --room")
    return run(
        questionnaire=questionnaire,
        lang=lang_of(lang),
        session_file=session,
        resume=resume,
        timer=timer_length(timer) if timer is not None else None,
        large=large,
        room=RoomOptions(host, port, all_interfaces) if room else None,
    )
