"""Qualtrics: three header rows — column ids (`Q1_1`), the question texts, and `{"ImportId": …}` —
then one row per response; `Finished` is 1 or 0 (True/False with choice text); `Status` marks
preview and test responses, which are not respondents."""

from __future__ import annotations

from peerready.exports.answers import normal
from peerready.exports.platforms.base import COMPLETION, CompletionColumn, Header, Platform, keys_of
from peerready.i18n import tr

NOT_RESPONDENTS = {"1", "2", "survey preview", "survey test", "8", "spam"}  # Status codes and texts


def _header_rows(header: Header, rows: list[list[str]]) -> int:
    """Rows 2 and 3 of a Qualtrics export (question texts, ImportIds) — or row 2 of a legacy one."""
    keys = keys_of(header)
    id_column = keys.index("responseid") if "responseid" in keys else None
    count = 0
    for row in rows[:2]:
        import_ids = any(cell.lstrip().startswith('{"ImportId"') for cell in row)
        texts = id_column is not None and id_column < len(row) and normal(row[id_column]) == "response id"
        if not (import_ids or texts):
            break
        count += 1
    return count


def _completions(header: Header, taken: set[int], _used: set[int]) -> list[CompletionColumn]:
    found = []
    for index, key in enumerate(keys_of(header)):
        if index in taken:
            continue
        if key == "finished":
            found.append(CompletionColumn(index, header[index], frozenset({"0", "false"})))
        elif key == "status":
            why = f"'{header[index]}' says it is a preview, test or spam response"
            found.append(CompletionColumn(index, header[index], frozenset(NOT_RESPONDENTS), why=why))
    return found


QUALTRICS = Platform(
    id="qualtrics",
    name=tr("Qualtrics"),
    looks_like=lambda keys: "responseid" in keys and bool({"finished", "startdate", "status"} & keys),
    conventions=(
        tr("Row 1 names the columns; row 2 (question texts) and row 3 (ImportId) are not responses"),
        COMPLETION.fill(column="Finished"),
        tr("Responses that 'Status' marks as preview, test or spam are left out"),
    ),
    respondent_columns=("responseid", "response id"),
    completions=_completions,
    header_rows=_header_rows,
    texts_row=1,
)
