"""An export opened for reading: its header and its rows in chunks, whatever the file type.

A source never holds more than one chunk of rows, so memory stays flat however long the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

CHUNK_ROWS = 4096
TEMPLATE_MARK = "peerready-template/1"
Progress = Callable[[int, int], None]  # (done, total) in bytes or rows
_REF = re.compile(r"peerready-template/1\s+([a-z0-9][a-z0-9_-]*)\s+(\S+)(?:\s+(\S+))?")


@dataclass(frozen=True)
class TemplateRef:
    """The questionnaire a template (and so the answers written into it) belongs to."""

    id: str
    version: str
    hash: str | None = None

    def text(self) -> str:
        return " ".join(filter(None, (TEMPLATE_MARK, self.id, self.version, self.hash)))


def parse_ref(text: str) -> TemplateRef | None:
    found = _REF.search(text)
    return TemplateRef(found[1], found[2], found[3]) if found else None


@dataclass(frozen=True)
class Span:
    """Where a CSV file's data lines start, to be read in parts (see csvsource.read_part)."""

    path: Path
    encoding: str
    delimiter: str
    start: int  # byte offset of the first data line
    first_line: int  # its line number
    size: int  # bytes in the file


@dataclass
class Chunk:
    rows: list[list[str]]
    positions: Callable[[], list[int]]  # each row's line (CSV, JSON) or row number (XLSX)
    done: int = 0  # bytes or rows read so far, for a progress bar


@dataclass
class ExportReader:
    label: str
    kind: str  # csv | xlsx | json
    header: list[str]
    chunks: Iterator[Chunk]
    total: int  # bytes or rows, for a progress bar
    where: Callable[[int, int], str]  # (position, column) → "column 'q3'" or "cell D12 'q3'"
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    template: TemplateRef | None = None
    details: dict[str, str] = field(default_factory=dict)
    close: Callable[[], None] = lambda: None
    span: Span | None = None  # a CSV file's data lines, to be read in parts
    sheets: list[str] = field(default_factory=list)  # a workbook's sheets
    other_sheet: Callable[[str], list[list[str]]] | None = None  # another sheet's rows (a codebook)
    warnings: list[str] = field(default_factory=list)  # about the file as a whole


def stringify(value: object) -> str:
    """A spreadsheet or JSON value as the text a CSV export would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        return value
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)
