"""The one exception root. Errors carry messages; they never print.

Exit codes (documented in README.md):
0 ok · 1 score below a --fail-under threshold · 2 usage or input-data error ·
3 internal error or broken installation · 130 interrupted (Ctrl-C) · 143 terminated (SIGTERM),
129 hung up (SIGHUP).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

EXIT_OK = 0
EXIT_BELOW_THRESHOLD = 1
EXIT_INPUT = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130
SIGNAL_EXIT_BASE = 128  # a shell's exit status for a process ended by signal N is 128 + N


class PeerreadyError(Exception):
    """Base of every error peerready raises on purpose; `str(e)` is the user message."""

    exit_code = EXIT_INPUT


class InputError(PeerreadyError):
    """A file or value the user gave us is wrong (exit 2)."""


class UsageError(InputError):
    """The command line asks for something impossible (exit 2)."""


class EnvironmentProblem(PeerreadyError):
    """The machine lacks something peerready needs, e.g. Pango for PDF output (exit 3)."""

    exit_code = EXIT_INTERNAL


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a document, with where it is."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    file: str = ""

    def located(self) -> str:
        where = self.file or "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        if self.path:
            return f"{where}: {self.path}: {self.message}"
        return f"{where}: {self.message}"


class DocumentError(InputError):
    """One or more documents failed validation; every problem is reported, one per line."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(p.located() for p in self.problems))


class Terminated(BaseException):
    """The process was asked to stop (SIGTERM, or SIGHUP when its terminal went away). Raised
    from the signal handler and unwound like Ctrl-C, so that every clean-up runs (no temporary
    file is left behind); not an Exception, so that nothing mistakes it for a failure to report."""

    def __init__(self, signum: int, name: str) -> None:
        super().__init__(name)
        self.name = name
        self.exit_code = SIGNAL_EXIT_BASE + signum
