"""Checking rows one at a time, for the chunks where the fast path found something wrong.

Every problem in a row is reported (not just the first), with its line or cell and what
was expected; the row is then left out and the good rows are scored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter

from peerready.exports.answers import code_to_answer, normal, unmask
from peerready.exports.layout import SEVERAL, Layout
from peerready.model.session import MAX_TEXT

ROLE_HELP = "leader, staff, hr, peer_worker or other (or their Danish or English names)"


@dataclass(frozen=True)
class RowProblem:
    position: int  # line (CSV, JSON) or row number (XLSX)
    column: int | None
    message: str


def fit(row: list[str], width: int) -> list[str] | None:
    """The row at the header's width: extra empty trailing fields dropped; None if ragged."""
    if len(row) == width:
        return row
    if len(row) > width and not any(cell.strip() for cell in row[width:]):
        return row[:width]
    return None


def problems_in(row: list[str], position: int, layout: Layout, seen: set[str]) -> list[RowProblem]:
    """What is wrong with a row already fitted to the header and extended with checkbox answers."""
    found: list[RowProblem] = []
    if layout.respondent is not None:
        respondent = row[layout.respondent].strip()
        if not respondent:
            found.append(RowProblem(position, layout.respondent, "missing respondent id"))
        elif respondent.startswith("\x00"):  # a JSON structure or true/false (see jsonsource)
            message = f"expected a respondent id (a text or a number), found {respondent[1:]}"
            found.append(RowProblem(position, layout.respondent, message))
        elif respondent in seen:
            found.append(RowProblem(position, layout.respondent, f"duplicate respondent id '{respondent}'"))
    if layout.role is not None and role_of(row[layout.role], layout) is None:
        message = f"unknown role '{row[layout.role].strip()}': expected {ROLE_HELP}"
        found.append(RowProblem(position, layout.role, message))
    for column, resolver in layout.resolvers.items():
        raw = row[column]
        if resolver.code(raw) is None:
            found.append(RowProblem(position, column, _explain(raw, resolver.explain)))
    for column in layout.texts:
        text = row[column]
        if text.startswith("\x00"):
            found.append(RowProblem(position, column, f"expected a text, found {text[1:]}"))
        elif len(text) > MAX_TEXT:
            message = f"an open answer of {len(text):,} characters; at most {MAX_TEXT:,}"
            found.append(RowProblem(position, column, message))
    return found


def cells_fit(rows: list[list[str]], layout: Layout, ids: list[str]) -> bool:
    """For the fast path: no respondent id is a JSON structure (jsonsource marks those with
    \\x00), and every open answer can be taken as it is."""
    if any(i.startswith("\x00") for i in ids):
        return False
    return all(all(map(text_fits, map(itemgetter(column), rows))) for column in layout.texts)


def text_fits(text: str) -> bool:
    """Whether an open answer can be taken as it is (not too long, not a JSON structure)."""
    return len(text) <= MAX_TEXT and not text.startswith("\x00")


def _explain(raw: str, explain: Callable[[str], str]) -> str:
    if raw.startswith(SEVERAL):
        return f"more than one box ticked ({raw[1:]}); an item takes one answer"
    if raw.startswith("\x00"):
        return f"expected a text or a number, found {raw[1:]}"
    return explain(raw)


def role_of(raw: str, layout: Layout) -> str | None:
    text = normal(raw)
    return layout.roles.get(text) if text else "other"


def answers(row: list[str], layout: Layout) -> dict[str, str]:
    """A good row as a session's answers: item id → option id, dont_know, not_applicable or text."""
    found: dict[str, str] = {}
    for column, resolver in layout.resolvers.items():
        code = resolver.code(row[column])
        answer = code_to_answer(resolver.plan, code) if code is not None else None
        if answer is not None:
            found[resolver.plan.id] = answer
    for column, item_id in layout.texts.items():
        text = unmask(row[column])
        if text:
            found[item_id] = text
    return found
