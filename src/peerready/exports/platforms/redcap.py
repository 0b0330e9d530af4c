"""REDCap: field names, a checkbox field as one column per choice (`field___code`), and after each
form's fields its status `<form>_complete` (0 incomplete, 1 unverified, 2 complete). A project
has several forms; only those whose fields the questionnaire uses say whether a response is
finished (a record may rightly leave another form empty)."""

from __future__ import annotations

from peerready.exports.columns import checkbox
from peerready.exports.platforms.base import CompletionColumn, Header, Platform, keys_of
from peerready.i18n import tr

INCOMPLETE = frozenset({"", "0", "incomplete"})


def is_status(key: str) -> bool:
    return key.endswith("_complete") and len(key) > len("_complete")


def _completions(header: Header, taken: set[int], used: set[int]) -> list[CompletionColumn]:
    found, start = [], 0
    for index, key in enumerate(keys_of(header)):
        if not is_status(key):
            continue
        fields = set(range(start, index))  # a form's fields come before its status column
        start = index + 1
        if index not in taken and (fields & used or not used):
            found.append(CompletionColumn(index, header[index], INCOMPLETE))
    return found


REDCAP = Platform(
    id="redcap",
    name=tr("REDCap"),
    looks_like=lambda keys: (
        "record_id" in keys or any(is_status(k) for k in keys) or any(checkbox(k) for k in keys)
    ),
    conventions=(
        tr("A form's '_complete' says whether a response is finished only if the form's fields are used"),
        tr("Checkbox columns ('field___code') are one question; at most one code may be ticked"),
    ),
    respondent_columns=("record_id", "record id", "id"),
    completions=_completions,
)
