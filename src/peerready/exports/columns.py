"""Finding columns in an export's header: by an item's name as platforms spell it, by a header
text, by spreadsheet letter or position, and the closest header to a name that is not there.

- LimeSurvey: question codes, sub-questions in brackets `Q1[SQ001]` (or `Q1_SQ001` with
  ExpressionScript codes).
- REDCap: field names, a checkbox as one column per choice `field___code`.
- KoboToolbox / ODK: group paths `group/question` (ODK Central: `group-question`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from peerready.exports.answers import normal

RESPONDENT_COLUMNS = ("respondent", "id", "record_id", "_id", "responseid", "_uuid", "respondent_id")
ROLE_COLUMNS = ("role", "rolle")
TEMPLATE_REF_COLUMN = "peerready_questionnaire"  # the XLSForm's hidden field naming the questionnaire

_BRACKETS = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])+)$")
_CHECKBOX = re.compile(r"^([A-Za-z][A-Za-z0-9_]*?)___([A-Za-z0-9_-]+)$")  # REDCap names start with a letter
_ADDRESS = re.compile(r"^(?:column|kolonne)\s+(?:([A-Za-z]{1,3})|#?(\d{1,5}))$", re.IGNORECASE)


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


def find_column(header: Sequence[str], names: Sequence[str], taken: set[int]) -> int | None:
    """The first column whose header is one of `names` (in that order of preference)."""
    keys = [h.strip().casefold() for h in header]
    for name in names:
        for index, key in enumerate(keys):
            if key == name.casefold() and index not in taken:
                return index
    return None


def letter(index: int) -> str:
    """A 0-based column index as a spreadsheet shows it: 0 → A, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def address(header: Sequence[str], name: str) -> int | None:
    """The column a mapping names: its header text, or `column E` (letter) / `column 5` (1-based
    position) for blank or repeated headers. A header that is literally 'column E' wins."""
    keys = [normal(h) for h in header]
    wanted = normal(name)
    if wanted and wanted in keys:
        return keys.index(wanted)
    found = _ADDRESS.match(name.strip())
    if found is None:
        return None
    if found[1]:
        index = 0
        for char in found[1].upper():
            index = index * 26 + ord(char) - ord("A") + 1
        index -= 1
    else:
        index = int(found[2]) - 1
    return index if 0 <= index < len(header) else None


def closest(header: Sequence[str], name: str) -> str | None:
    """The header most like `name` (for 'did you mean'), if any is alike at all."""
    from difflib import SequenceMatcher  # only when something is wrong

    wanted = normal(name)
    scored = [(SequenceMatcher(None, wanted, normal(h)).ratio(), h) for h in header if h.strip()]
    best = max(scored, default=(0.0, ""))
    return best[1] if best[0] >= 0.5 else None


def describe(header: Sequence[str], index: int) -> str:
    """A column as a person finds it: its header, or its letter when the header is blank."""
    name = header[index].strip() if index < len(header) else ""
    return f"'{name}'" if name else f"column {letter(index)}"
