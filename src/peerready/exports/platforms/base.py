"""A survey platform as peerready knows it: how to recognise its exports, and what they hold
besides the answers (header rows, respondent ids, completion status, codes for no answer).

Each platform is one `Platform` object in the registry (platforms/__init__.py); the reading
code asks the object, never which platform it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from peerready.exports.answers import normal
from peerready.exports.columns import RESPONDENT_COLUMNS
from peerready.i18n import LText, tr

Header = Sequence[str]


@dataclass(frozen=True)
class CompletionColumn:
    """How to tell an unfinished response from a column's value."""

    column: int
    header: str
    incomplete: frozenset[str] | None  # normalised values meaning unfinished; None: empty means unfinished
    complete: frozenset[str] | None = None  # or: only these normalised values mean finished
    blank: frozenset[str] = frozenset()  # normalised values that stand for an empty cell (LimeSurvey's NA)
    why: str | None = None  # the reason to give, when the generic one would mislead

    def finished(self, value: str) -> bool:
        text = normal(value)
        if text in self.blank:
            text = ""
        if self.complete is not None:
            return text in self.complete
        if self.incomplete is None:
            return bool(text)
        return text not in self.incomplete

    def reason(self) -> str:
        if self.why is not None:
            return self.why
        if self.complete is not None:
            return f"'{self.header}' does not say complete"
        if self.incomplete is None:
            return f"'{self.header}' is empty (the response was not submitted)"
        return f"'{self.header}' says the response is incomplete"


def keys_of(header: Header) -> list[str]:
    return [h.strip().casefold() for h in header]


def _no_completion(_header: Header, _taken: set[int], _used: set[int]) -> list[CompletionColumn]:
    return []


def _no_header_rows(_header: Header, _rows: list[list[str]]) -> int:
    return 0


def first_row(rows: list[list[str]]) -> list[str]:
    return rows[0]


def _nothing(_header: Header) -> str | None:
    return None


@dataclass(frozen=True)
class Platform:
    id: str
    name: LText
    looks_like: Callable[[set[str]], bool]  # the export's header keys (trimmed, case-folded)
    conventions: tuple[LText, ...] = ()  # said whenever the platform is recognised
    respondent_columns: tuple[str, ...] = RESPONDENT_COLUMNS  # in order of preference
    # (header, columns taken by id/group/role and items, item columns) → completion rules
    completions: Callable[[Header, set[int], set[int]], list[CompletionColumn]] = _no_completion
    # (header, the first rows after it) → how many of those rows are more header, not respondents
    header_rows: Callable[[Header, list[list[str]]], int] = _no_header_rows
    column_names: Callable[[list[list[str]]], list[str]] = first_row  # from all header rows
    no_answer: frozenset[str] = frozenset()  # normalised cell values that mean no answer
    refuse: Callable[[Header], str | None] = _nothing  # why this table's rows are not respondents
    texts_row: int | None = None  # which header row holds the question texts (0 = the first)


COMPLETION = tr("The column '{column}' tells whether a response is finished; unfinished ones are left out")
