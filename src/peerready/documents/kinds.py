"""What kind of peerready file a document is: the one place that reads a document's `format`.

Every peerready file names its format and version (`format: peerready-session/1`); `validate`,
`report --baseline` and the export sniffer all ask here. The version is checked by each kind's
own model, so a newer file gets that kind's message rather than "unknown file".
"""

from __future__ import annotations

import re
from typing import Any, Literal, get_args

DocumentKind = Literal["questionnaire", "catalogue", "session", "result", "batch", "mapping", "brand"]
KINDS: tuple[DocumentKind, ...] = get_args(DocumentKind)

_FORMAT = re.compile(r"peerready-(?P<kind>[a-z]+)/\d+")
# The `format` field near the start of a JSON text, as the export sniffer sees it.
_FORMAT_IN_JSON = re.compile(r'"format"\s*:\s*"(?P<value>peerready-[a-z]+/\d+)"')
# Kinds whose `format` may be left out, told apart by a field only they have.
_SHAPES: tuple[tuple[str, DocumentKind], ...] = (
    ("domains", "questionnaire"),
    ("recommendations", "catalogue"),
    ("columns", "mapping"),
)


# The version each kind is written in now (older ones still load).
_VERSIONS: dict[DocumentKind, int] = {"session": 2}


def format_name(kind: DocumentKind) -> str:
    return f"peerready-{kind}/{_VERSIONS.get(kind, 1)}"


def kind_of_format(value: object) -> DocumentKind | None:
    """'peerready-session/1' → 'session'; None for anything that is not a peerready format."""
    match = _FORMAT.fullmatch(value) if isinstance(value, str) else None
    kind = match["kind"] if match else None
    return next((k for k in KINDS if k == kind), None)


def kind_of(data: Any) -> DocumentKind | None:
    """The kind of a parsed document: its `format`, or for a questionnaire, mapping or brand
    written without one, the shape only that kind has. None when it is none of them."""
    if not isinstance(data, dict):
        return None
    if "format" in data:
        return kind_of_format(data["format"])
    for field, kind in _SHAPES:
        if field in data:
            return kind
    if "name" in data and set(data) <= {"name", "contact", "colour", "logo"}:
        return "brand"
    return None


def kind_in_text(start: str) -> DocumentKind | None:
    """The kind a JSON text names in its first characters (for files read as survey answers)."""
    match = _FORMAT_IN_JSON.search(start)
    return kind_of_format(match["value"]) if match else None


def described(kinds: tuple[DocumentKind, ...] = KINDS) -> str:
    return ", ".join(format_name(k) for k in kinds)
