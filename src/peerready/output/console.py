"""The one place terminal output goes through: results to stdout, messages to stderr."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING

from peerready.output.escape import has_control, terminal_lines, terminal_text

if TYPE_CHECKING:  # rich and pydantic are imported when first needed: a piped run may not need them
    from collections.abc import Iterable

    from rich.console import Console, ConsoleOptions, RenderableType
    from rich.segment import Segment

    from peerready.i18n import Lang


STYLES = {
    "ok": "green",
    "warn": "yellow",
    "bad": "bold red",
    "muted": "grey50",
    "heading": "bold",
    "band.0": "red",
    "band.1": "yellow",
    "band.2": "green",
    "band.3": "bold green",
}


@cache
def out() -> Console:
    from rich.theme import Theme

    return _clean_console()(theme=Theme(STYLES), highlight=False, soft_wrap=False)


@cache
def err() -> Console:
    from rich.theme import Theme

    return _clean_console()(theme=Theme(STYLES), stderr=True, highlight=False)


@cache
def _clean_console() -> type[Console]:
    from rich.console import Console
    from rich.segment import Segment

    class CleanConsole(Console):
        """A console that drops control characters from the text it prints: an organisation's
        name, a group or a questionnaire file's title could otherwise retitle the window, clear
        the screen or write to the clipboard. Its own control codes (a fresh screen for each
        step of the meeting, a progress bar's cursor moves) are segments of their own, and stay."""

        def render(
            self, renderable: RenderableType, options: ConsoleOptions | None = None
        ) -> Iterable[Segment]:
            for segment in super().render(renderable, options):
                if segment.control is None and has_control(segment.text):
                    yield Segment(terminal_text(segment.text), segment.style)
                else:
                    yield segment

    return CleanConsole


def escape(text: str) -> str:
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def error(message: str) -> None:
    """One line per message line, prefixed so it reads well in a CI log."""
    for line in message.splitlines() or [""]:
        err().print(
            f"[bad]peerready: error:[/] {escape(line)}",
            markup=True,
            highlight=False,
            soft_wrap=True,
        )


def warning(message: str) -> None:
    if not _styled_stderr():  # what rich would write anyway, without importing it (~50 ms)
        sys.stderr.write("".join(f"peerready: warning: {line}\n" for line in message.splitlines()))
        sys.stderr.flush()
        return
    for line in message.splitlines():
        err().print(
            f"[warn]peerready: warning:[/] {escape(line)}",
            markup=True,
            highlight=False,
            soft_wrap=True,
        )


def _styled_stderr() -> bool:
    """Whether rich would style stderr: a terminal, or colour forced."""
    forced = any(os.environ.get(name) for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"))
    return forced or sys.stderr.isatty()


def write_out(text: str) -> None:
    """Machine-readable output (JSON, CSV …): exactly these bytes, no styling or wrapping; on a
    terminal without control characters (see CleanConsole)."""
    sys.stdout.write(terminal_lines(text) if sys.stdout.isatty() else text)
    sys.stdout.flush()


def locale_language(environ: Mapping[str, str] | None = None) -> Lang:
    """The locale's language when peerready speaks it (LC_ALL, LC_MESSAGES, LANG), else English."""
    from peerready.locale import locale_language as from_environment

    return from_environment(os.environ if environ is None else environ)
