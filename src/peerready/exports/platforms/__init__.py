"""The survey platforms peerready knows, in the order they are recognised (the first whose
markers the header has wins; a file like none of them is read by the generic conventions)."""

from __future__ import annotations

from peerready.exports.platforms.base import CompletionColumn, Header, Platform, keys_of
from peerready.exports.platforms.forms import GOOGLE_FORMS, MICROSOFT_FORMS
from peerready.exports.platforms.generic import TEMPLATE, UNKNOWN
from peerready.exports.platforms.kobo import KOBO
from peerready.exports.platforms.limesurvey import LIMESURVEY
from peerready.exports.platforms.qualtrics import QUALTRICS
from peerready.exports.platforms.redcap import REDCAP
from peerready.exports.platforms.surveymonkey import SURVEYMONKEY
from peerready.exports.platforms.surveyxact import SURVEYXACT

# Kobo before REDCap: a Kobo header such as `_submission___version__` looks like a checkbox column.
PLATFORMS: tuple[Platform, ...] = (
    QUALTRICS,
    SURVEYMONKEY,
    SURVEYXACT,
    KOBO,
    LIMESURVEY,
    REDCAP,
    MICROSOFT_FORMS,
    GOOGLE_FORMS,
)


def detect(header: Header, template: bool = False) -> Platform:
    """The platform that wrote an export with this header (`template`: peerready's own)."""
    if template:
        return TEMPLATE
    keys = set(keys_of(header))
    return next((p for p in PLATFORMS if p.looks_like(keys)), UNKNOWN)


__all__ = ["PLATFORMS", "TEMPLATE", "UNKNOWN", "CompletionColumn", "Platform", "detect"]
