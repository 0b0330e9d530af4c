"""SurveyMonkey: two header rows. Row 1 holds `Respondent ID`, `Collector ID`, … and each question's
text once, over the first of its columns (blank over the rest of a matrix); row 2 holds the
matrix statements, or `Response` / `Open-Ended Response` under a single question."""

from __future__ import annotations

from peerready.exports.answers import normal
from peerready.exports.platforms.base import Header, Platform, keys_of
from peerready.i18n import tr

PLAIN = {"response", "open-ended response", "svar", "åbent svar", "other (please specify)"}


def _header_rows(header: Header, rows: list[list[str]]) -> int:
    """Row 2 is a header row when it has no respondent id (SurveyMonkey leaves it blank there)."""
    keys = keys_of(header)
    column = keys.index("respondent id") if "respondent id" in keys else 0
    return 1 if rows and (column >= len(rows[0]) or not rows[0][column].strip()) else 0


def combined_names(rows: list[list[str]]) -> list[str]:
    """One name per column from a two-row header: the question text carried over the blank cells
    of its matrix, joined to the statement below it ("Question - Statement"); a generic
    sub-header ("Response") adds nothing."""
    width = max(len(r) for r in rows)
    top = [*rows[0], *[""] * (width - len(rows[0]))]
    names, carried = [], ""
    for index in range(width):
        below = [r[index].strip() for r in rows[1:] if index < len(r) and r[index].strip()]
        own = top[index].strip()
        carried = own or (carried if below else "")
        parts = [carried] if carried else []
        parts += [b for b in below if normal(b) not in PLAIN and b != carried]
        names.append(" - ".join(parts))
    return names


SURVEYMONKEY = Platform(
    id="surveymonkey",
    name=tr("SurveyMonkey"),
    looks_like=lambda keys: {"respondent id", "collector id"} <= keys,
    conventions=(
        tr(
            "Two header rows: a question stands over its first column and covers the blank cells "
            "beside it; row 2 holds the statements"
        ),
        tr("SurveyMonkey does not say whether a response is finished: export completed responses only"),
    ),
    respondent_columns=("respondent id",),
    header_rows=_header_rows,
    column_names=combined_names,
)
