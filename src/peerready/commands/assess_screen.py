"""The screen `peerready assess` draws on, and the length of its discussion timer."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rich.console import RenderableType
from rich.segment import SegmentLines

from peerready.errors import UsageError
from peerready.meeting.view import LARGE_FROM, Screen
from peerready.output import console

__all__ = ["Display", "timer_length"]


@dataclass
class Display:
    """The screen: one thing at a time on the wall, and how many rows of it the last one took."""

    large: bool | None = None  # None: the projector layout from LARGE_FROM columns
    rows: int = 0

    def screen(self) -> Screen:
        size = console.out().size
        large = self.large if self.large is not None else size.width >= LARGE_FROM
        return Screen(size.width, size.height, large)

    def show(self, renderable: RenderableType) -> None:
        out = console.out()
        # Drawn once: the lines counted (the prompt below gets the rows left) are the lines shown.
        lines = out.render_lines(renderable, out.options.update(height=None), pad=False)
        self.rows = len(lines)
        out.clear()
        out.print(SegmentLines(lines, new_lines=True))


def timer_length(given: str) -> dt.timedelta:
    """'3m', '90s', '2m30s' or plain minutes ('3') as a duration; a usage error otherwise."""
    match = re.fullmatch(r"\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?\s*", given) if given.strip() else None
    if given.strip().isdigit():
        return dt.timedelta(minutes=int(given))
    if match is None or not any(match.groups()):
        raise UsageError(f"--timer: expected a duration such as 3m, 90s or 2m30s, not '{given}'")
    minutes, seconds = (int(g) if g else 0 for g in match.groups())
    length = dt.timedelta(minutes=minutes, seconds=seconds)
    if not length:
        raise UsageError("--timer: the timer must be longer than nothing")
    return length
