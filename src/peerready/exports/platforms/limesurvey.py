"""LimeSurvey: question codes (`Q1[SQ001]`) or, with full headings, the question texts in the
survey's language; `submitdate` empty for an unfinished response. Its R/SPSS-style export
writes `NA` for no answer — also in `submitdate`, where it means unfinished."""

from __future__ import annotations

from peerready.exports.platforms.base import COMPLETION, CompletionColumn, Header, Platform, keys_of
from peerready.i18n import tr

SUBMITTED = ("submitdate", "date submitted", "datum verstuurd", "dato sendt", "indsendt", "dato indsendt")
MARKERS = {"lastpage", "startlanguage", "last page", "start language", "laatste pagina", "startsprog"}
NA = frozenset({"na"})


def _completions(header: Header, taken: set[int], _used: set[int]) -> list[CompletionColumn]:
    keys = keys_of(header)
    for name in SUBMITTED:
        if name in keys and keys.index(name) not in taken:
            index = keys.index(name)
            return [CompletionColumn(index, header[index], None, blank=NA)]
    return []


LIMESURVEY = Platform(
    id="limesurvey",
    name=tr("LimeSurvey"),
    looks_like=lambda keys: bool((MARKERS | set(SUBMITTED)) & keys),
    conventions=(
        COMPLETION.fill(column="submitdate"),
        tr("'NA' means no answer (LimeSurvey's R/SPSS export)"),
    ),
    respondent_columns=("id", "response id", "respons id", "svar-id", "svar id"),
    completions=_completions,
    no_answer=NA,
)
