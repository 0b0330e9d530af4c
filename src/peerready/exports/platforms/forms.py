"""Microsoft Forms (ID, Start time, Completion time, Email, Name, then the questions as texts) and
Google Forms (a timestamp first, then the questions as texts): both export submitted responses
only, with answers as the options' labels."""

from __future__ import annotations

from peerready.exports.platforms.base import Platform
from peerready.i18n import tr

SUBMITTED_ONLY = tr("The platform exports submitted responses only; every row counts as finished")
MICROSOFT = {"start time", "completion time", "starttidspunkt", "fuldførelsestidspunkt"}

MICROSOFT_FORMS = Platform(
    id="microsoft-forms",
    name=tr("Microsoft Forms"),
    looks_like=lambda keys: len(MICROSOFT & keys) >= 2,
    conventions=(SUBMITTED_ONLY,),
    respondent_columns=("id",),
)

GOOGLE_FORMS = Platform(
    id="google-forms",
    name=tr("Google Forms"),
    looks_like=lambda keys: bool({"timestamp", "tidsstempel"} & keys),
    conventions=(SUBMITTED_ONLY,),
    respondent_columns=(),
)
