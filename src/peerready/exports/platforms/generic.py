"""An export from a platform peerready does not know (or a sheet kept by hand), and peerready's
own template. The conventions applied are said, so that a reader can check them."""

from __future__ import annotations

from peerready.exports.platforms.base import CompletionColumn, Header, Platform, keys_of
from peerready.exports.platforms.limesurvey import NA
from peerready.exports.platforms.redcap import INCOMPLETE, is_status
from peerready.i18n import tr

ONE_HEADER_ROW = tr("The first row names the columns; every row after it is one response")


def _completions(header: Header, taken: set[int], _used: set[int]) -> list[CompletionColumn]:
    """Completion columns recognised by their usual names wherever the file came from."""
    found = []
    for index, key in enumerate(keys_of(header)):
        if index in taken:
            continue
        if key == "submitdate":
            found.append(CompletionColumn(index, header[index], None, blank=NA))
        elif is_status(key):
            found.append(CompletionColumn(index, header[index], INCOMPLETE))
        elif key == "finished":
            found.append(CompletionColumn(index, header[index], frozenset({"0", "false"})))
    return found


UNKNOWN = Platform(
    id="unknown",
    name=tr("unknown platform"),
    looks_like=lambda _keys: True,
    conventions=(
        ONE_HEADER_ROW,
        tr("Columns named 'submitdate', 'finished' or '…_complete' say whether a response is finished"),
    ),
    completions=_completions,
)

TEMPLATE = Platform(
    id="peerready-template",
    name=tr("peerready's template"),
    looks_like=lambda _keys: False,  # known by the reference it carries, not by its header
    conventions=(ONE_HEADER_ROW,),
)
