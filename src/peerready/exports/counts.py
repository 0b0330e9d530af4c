"""What a batch run counts as it reads rows: rows scored, rejected and left out, and why.

Kept apart from the engine so that the two-process reader can merge a fork's counts
without the engine's machinery.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_PROBLEMS = 1000  # kept for the report; all are counted
Key = tuple[str | None, str | None]  # (group, role) a respondent is counted under
RespondentRows = Callable[[list[tuple[str, str, str, list[float | None]]]], None]


@dataclass
class RowCounts:
    """Running counts of one read; summary.Counts is what the result reports."""

    rows: int = 0
    scored: int = 0
    rejected: int = 0
    incomplete: int = 0  # left out as unfinished
    incomplete_scored: int = 0  # unfinished but scored (--include-incomplete)
    problems: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
