"""What survey platforms put in their exports besides the answers.

- LimeSurvey: question codes, sub-questions in brackets `Q1[SQ001]` (or `Q1_SQ001` with
  ExpressionScript codes), an empty `submitdate` for an unfinished response.
- REDCap: field names, a checkbox as one column per choice `field___code`, and a
  `<form>_complete` status (0 incomplete, 1 unverified, 2 complete).
- KoboToolbox / ODK: group paths `group/question` (ODK Central: `group-question`).
- Qualtrics: `Finished` (1 or 0). Microsoft and Google Forms export only finished responses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from peerready.exports.answers import normal

RESPONDENT_COLUMNS = ("respondent", "id", "record_id", "_id", "responseid", "_uuid", "respondent_id")
ROLE_COLUMNS = ("role", "rolle")
TEMPLATE_REF_COLUMN = "peerready_questionnaire"  # the XLSForm's hidden field naming the questionnaire

_BRACKETS = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])+)$")
_CHECKBOX = re.compile(r"^(.+?)___([A-Za-z0-9_-]+)$")
REDCAP_INCOMPLETE = {"", "0", "incomplete"}
QUALTRICS_INCOMPLETE = {"0", "false"}


def squash(text: str) -> str:
    """Compare names without case or punctuation: 'Lead_Group' and 'leadgroup' are one name."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def name_candidates(header: str) -> list[str]:
    """Names a column header may give an item by, most specific first."""
    header = header.strip()
    candidates = [header]
    bracketed = _BRACKETS.match(header)
    if bracketed:  # LimeSurvey Q1[SQ001] or, dual scale, Q1[SQ001][1]
        parts = re.findall(r"\[([^\[\]]*)\]", bracketed[2])
        candidates += [parts[0], bracketed[1] + parts[0], bracketed[1]]
    for separator in ("/", "-"):  # Kobo group/question; ODK Central group-question
        if separator in header:
            candidates.append(header.rsplit(separator, 1)[1])
    return candidates


def checkbox(header: str) -> tuple[str, str] | None:
    """REDCap's checkbox column `field___code` → (field, code)."""
    found = _CHECKBOX.match(header.strip())
    return (found[1], found[2]) if found else None


@dataclass(frozen=True)
class CompletionColumn:
    """How to tell an unfinished response from a column's value."""

    column: int
    header: str
    incomplete: frozenset[str] | None  # normalised values meaning unfinished; None: empty means unfinished
    complete: frozenset[str] | None = None  # or: only these normalised values mean finished

    def finished(self, value: str) -> bool:
        text = normal(value)
        if self.complete is not None:
            return text in self.complete
        if self.incomplete is None:
            return bool(text)
        return text not in self.incomplete

    def reason(self) -> str:
        if self.complete is not None:
            return f"'{self.header}' does not say complete"
        if self.incomplete is None:
            return f"'{self.header}' is empty (the response was not submitted)"
        return f"'{self.header}' says the response is incomplete"


def completions(header: Sequence[str], taken: set[int]) -> list[CompletionColumn]:
    """The columns in an export that say whether a response was finished."""
    found = []
    for index, name in enumerate(header):
        if index in taken:
            continue
        key = name.strip().casefold()
        if key == "submitdate":
            found.append(CompletionColumn(index, name, None))
        elif key.endswith("_complete") and len(key) > len("_complete"):
            found.append(CompletionColumn(index, name, frozenset(REDCAP_INCOMPLETE)))
        elif key == "finished":
            found.append(CompletionColumn(index, name, frozenset(QUALTRICS_INCOMPLETE)))
    return found


def platform_of(header: Sequence[str]) -> str | None:
    """A guess at which platform wrote the export, for the summary."""
    keys = {h.strip().casefold() for h in header}
    if {"submitdate", "lastpage", "startlanguage"} & keys:
        return "limesurvey"
    if "record_id" in keys or any(k.endswith("_complete") for k in keys) or any("___" in k for k in keys):
        return "redcap"
    if {"_uuid", "_submission_time", "_validation_status"} & keys:
        return "kobotoolbox"
    if "responseid" in keys:
        return "qualtrics"
    if {"start time", "completion time"} <= keys:
        return "microsoft-forms"
    return None


def find_column(header: Sequence[str], names: Sequence[str], taken: set[int]) -> int | None:
    """The first column whose header is one of `names` (in that order of preference)."""
    keys = [h.strip().casefold() for h in header]
    for name in names:
        for index, key in enumerate(keys):
            if key == name.casefold() and index not in taken:
                return index
    return None
