"""KoboToolbox / ODK: field names with group paths (`group/question`), meta columns `_id`, `_uuid`,
`_submission_time`; a repeat group comes as its own sheet (or file) whose rows point back to
their submission (`_parent_index`, `_submission__id`) — those rows are not respondents."""

from __future__ import annotations

from peerready.exports.platforms.base import Header, Platform, keys_of
from peerready.i18n import tr

META = {
    "_uuid",
    "_submission_time",
    "_validation_status",
    "_index",
    "_submission__uuid",
    "_submission___version__",
}
REPEAT = {"_parent_index", "_submission__id", "_parent_table_name"}


def _refuse(header: Header) -> str | None:
    if REPEAT & set(keys_of(header)):
        return (
            "its rows are a repeat group (they point back to a submission with _parent_index), "
            "not respondents; score the main sheet or file of the export"
        )
    return None


KOBO = Platform(
    id="kobotoolbox",
    name=tr("KoboToolbox"),
    looks_like=lambda keys: bool((META | REPEAT) & keys),
    conventions=(tr("Group paths ('group/question') are read as the question's name"),),
    respondent_columns=("_id", "_uuid", "meta/instanceid"),
    refuse=_refuse,
)
