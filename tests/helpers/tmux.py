"""The installed command in a real terminal of a given size (tmux), read back as the screen a
person sees: what is on it, not the bytes that drew it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
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

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.server, *args], check=True, capture_output=True, text=True, timeout=10
        )
        return done.stdout

    def start(self, *args: str, lang: str = "en_GB.UTF-8") -> None:
        command = " ".join([PEERREADY, *args]) + "; echo EXIT=$?; sleep 60"
        env = {"LANG": lang, "NO_COLOR": "1", "TERM": "xterm-256color"}
        exports = " ".join(f"{k}={v}" for k, v in env.items())
        self.tmux(
            "-f", os.devnull, "new-session", "-d", "-s", "t", "-x", str(self.width), "-y", str(self.height),
            "-c", str(self.folder), f"env -u COLUMNS -u LINES {exports} sh -c '{command}'",
        )  # fmt: skip

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "t", *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "t", "-l", text)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-t", "t", "-p")

    def wait_for(self, text: str, timeout: float = 15) -> str:
        """The screen once `text` is on it."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared; the screen:\n{screen}")
            time.sleep(0.05)

    def settled(self, pause: float = 0.3) -> str:
        """The screen once it has stopped changing."""
        last = self.screen()
        while True:
            time.sleep(pause)
            now = self.screen()
            if now == last:
                return now
            last = now

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
