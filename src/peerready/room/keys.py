"""Single keys from the facilitator's terminal, read with a timeout, so that the waiting screen
can redraw as votes arrive and still answer a key at once. Ctrl-C stays a KeyboardInterrupt."""

from __future__ import annotations

import contextlib
import os
import select
import sys
import termios
import tty
from collections.abc import Iterator
from typing import Protocol

NAMED = {"\r": "enter", "\n": "enter", "\x1b[D": "left", "\x1bOD": "left", "\x7f": "backspace"}


class Keys(Protocol):
    def read(self, timeout: float, wake: int) -> str | None:
        """The next key ('enter', 'left', or the character typed, lower case), or None after
        `timeout` seconds or as soon as the file descriptor `wake` has something to read."""
        ...


class TerminalKeys:
    """Reads the terminal in cbreak mode only while waiting, so prompts in between work as usual."""

    def __init__(self) -> None:
        self._fd = sys.stdin.fileno()

    def read(self, timeout: float, wake: int) -> str | None:
        with _cbreak(self._fd):
            ready, _, _ = select.select([self._fd, wake], [], [], timeout)
            if self._fd not in ready:
                return None
            data = os.read(self._fd, 16).decode("utf-8", errors="replace")
        if not data:
            raise EOFError
        return NAMED.get(data, data[:1].lower())


@contextlib.contextmanager
def _cbreak(fd: int) -> Iterator[None]:
    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)
