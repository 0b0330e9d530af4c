"""The installed command in a real terminal of a given size (tmux), read back as the screen a
person sees: what is on it, not the bytes that drew it.

A key is sent only once a prompt is reading keys: the screen shows what the test waits for and
the terminal is out of line mode (prompt_toolkit switches it before it draws a prompt, and back
when the prompt is done). Between two prompts the terminal is in line mode, where a key would be
echoed and typed ahead, and Ctrl-C would be a signal; on a loaded machine a screen can stay
half-way there long enough for a test to send its next key into that gap.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import termios
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import strict

PEERREADY = str(Path(sys.executable).parent / "peerready")


class Terminal:
    """One tmux session on a private server, running one command."""

    def __init__(self, folder: Path, width: int, height: int) -> None:
        self.server = f"peerready-test-{uuid.uuid4().hex[:8]}"  # never another tmux server
        self.folder, self.width, self.height = folder, width, height
        self.tty = ""

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.server, *args], check=True, capture_output=True, text=True, timeout=10
        )
        return done.stdout

    def start(self, *args: str, lang: str = "en_GB.UTF-8") -> None:
        # The shell traps Ctrl-C as a person's shell does (the command gets it, the shell lives on
        # to say how the command ended); the command itself starts with Ctrl-C as it normally is.
        command = "trap : INT; " + " ".join([PEERREADY, *args]) + "; echo EXIT=$?; sleep 60"
        env = {"LANG": lang, "NO_COLOR": "1", "TERM": "xterm-256color"}
        exports = " ".join(f"{k}={v}" for k, v in env.items())
        self.tmux(
            "-f", os.devnull, "new-session", "-d", "-s", "t", "-x", str(self.width), "-y", str(self.height),
            "-c", str(self.folder), f"env -u COLUMNS -u LINES {exports} sh -c '{command}'",
        )  # fmt: skip
        self.tty = self.tmux("display-message", "-p", "-t", "t", "#{pane_tty}").strip()

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "t", *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "t", "-l", text)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-t", "t", "-p")

    def reading_keys(self) -> bool:
        """Whether a prompt is reading keys one at a time (the terminal is out of line mode)."""
        fd = os.open(self.tty, os.O_RDONLY | os.O_NOCTTY | os.O_NONBLOCK)
        try:
            local_modes = termios.tcgetattr(fd)[3]
        finally:
            os.close(fd)
        return not local_modes & termios.ICANON

    def wait_for(self, *texts: str, timeout: float = 15, prompt: bool = True) -> str:
        """The screen once every one of `texts` is on it and (unless `prompt` is false: the
        command has ended) a prompt is reading keys, so that the keys sent next go to that prompt."""
        what = " and ".join(map(repr, texts))
        return self.wait_until(lambda screen: all(t in screen for t in texts), what, timeout, prompt=prompt)

    def wait_until(
        self, shown: Callable[[str], bool], what: str, timeout: float = 15, *, prompt: bool = True
    ) -> str:
        """The screen once `shown(screen)` holds and (with `prompt`) a prompt is reading keys."""
        deadline = time.monotonic() + timeout
        while True:
            # The screen first: what it shows was drawn after the last prompt ended, so a prompt
            # reading keys after it is the next one, not the last one before it was done.
            screen = self.screen()
            if shown(screen) and (not prompt or self.reading_keys()):
                return self.screen()  # with whatever the prompt has drawn meanwhile
            if time.monotonic() > deadline:
                waiting = " with a prompt reading keys" if prompt and shown(screen) else ""
                raise AssertionError(f"{what} never appeared{waiting}; the screen:\n{screen}")
            time.sleep(0.05)

    def stop(self) -> None:
        subprocess.run(["tmux", "-L", self.server, "kill-server"], check=False, capture_output=True)


@contextmanager
def terminal(folder: Path, width: int, height: int) -> Iterator[Terminal]:
    if shutil.which("tmux") is None:
        if strict():
            pytest.fail("tmux is needed for the real-terminal tests (apt-get install tmux)")
        pytest.skip("tmux is not installed")
    session = Terminal(folder, width, height)
    try:
        yield session
    finally:
        session.stop()
