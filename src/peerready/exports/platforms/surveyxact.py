"""SurveyXact (Rambøll), common in Danish municipalities and regions: one dummy column per status,
`statoverall_1` … `statoverall_5` or `stato_1` … `stato_5` (not invited, not answered, partly
answered, completed, excused), or a single `statoverall` with the number; answers as numeric
codes whose labels are in a separate codebook (the workbook's "Labels" sheet: variable, value,
label)."""

from __future__ import annotations

import re

from peerready.exports.platforms.base import COMPLETION, CompletionColumn, Header, Platform, keys_of
from peerready.i18n import tr

COMPLETED = frozenset({"4", "gennemført", "completed", "fuldført"})
STATO = re.compile(r"^stato_[1-5]$")  # the status dummies under their short name


def _completions(header: Header, _taken: set[int], _used: set[int]) -> list[CompletionColumn]:
    keys = keys_of(header)
    for completed in ("statoverall_4", "stato_4"):  # the dummy for "completed", by either name
        if completed in keys:
            index = keys.index(completed)
            why = f"'{header[index]}' is not 1 (the response was not completed)"
            return [CompletionColumn(index, header[index], None, frozenset({"1"}), why=why)]
    if "statoverall" in keys:
        index = keys.index("statoverall")
        return [CompletionColumn(index, header[index], None, COMPLETED)]
    return []


SURVEYXACT = Platform(
    id="surveyxact",
    name=tr("SurveyXact"),
    looks_like=lambda keys: any(k.startswith("statoverall") or STATO.match(k) for k in keys),
    conventions=(
        COMPLETION.fill(column="statoverall_4"),
        tr("Answer codes are read by their labels in the codebook (the 'Labels' sheet) if there is one"),
    ),
    respondent_columns=("respondentid", "respondent id", "respondent", "id"),
    completions=_completions,
)
