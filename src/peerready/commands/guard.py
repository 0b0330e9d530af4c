"""The files a command reads, so that it can refuse, before any work, to write over one of them.

`score s.json -f json -o s.json` would replace people's answers with the result; a report
written over its questionnaire, catalogue, mapping, brand file or logo would destroy it. The
inputs a file names (a questionnaire's catalogue, a brand file's logo) count too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from peerready.documents.loader import looks_like_path, parse_document, read_text
from peerready.errors import PeerreadyError
from peerready.fileio import refuse_overwriting


def questionnaire_files(ref: str | None) -> list[Path]:
    """A questionnaire given as a file, and the catalogue file it names."""
    if ref is None or not (looks_like_path(ref) or Path(ref).is_file()):
        return []
    path = Path(ref)
    catalogue = _named(path, "catalogue")
    return [path] if catalogue is None or not looks_like_path(catalogue) else [path, path.parent / catalogue]


def brand_files(path: Path | None) -> list[Path]:
    """A brand file and the logo it names."""
    if path is None:
        return []
    logo = _named(path, "logo")
    return [path] if logo is None else [path, path.parent / logo]


def _named(path: Path, field: str) -> str | None:
    """The file a document names in `field`; None if it names none or cannot be read (reading
    it for real will then say what is wrong with it)."""
    try:
        data: Any = parse_document(read_text(path), str(path)).data
    except PeerreadyError:
        return None
    found = data.get(field) if isinstance(data, dict) else None
    return found if isinstance(found, str) else None


def refuse_outputs_over_inputs(outputs: Mapping[str, Path | None], inputs: Iterable[Path | None]) -> None:
    """Exit 2 if an output (option name → path) is one of the inputs, before any work."""
    if any(path is not None for path in outputs.values()):
        refuse_overwriting(outputs, inputs)
