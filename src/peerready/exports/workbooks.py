"""What is checked in an XLSX file before openpyxl reads it, and what only this module says about it.

An XLSX file is a zip of XML parts, and a small one can hold a huge one: a 1.2 MB file held
510 MB of shared strings (1.6 GB once read), another 2 GB of spaces in a sheet. So the parts'
sizes are bounded, as is how far they are compressed (real exports compress 5 to 20 times;
bombs hundreds of times), and the first row, which openpyxl reads as a whole, is bounded in
bytes and cells. Also: a password-protected workbook is not a zip at all, and cells whose
formula Excel never calculated read as blank.
"""

from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any
from xml.etree import ElementTree

from peerready.errors import InputError

MAX_COLUMNS = 16_384  # Excel's own limit
MAX_ROWS = 1_048_576  # Excel's own limit
MAX_ROW_TAGS = 16 * MAX_COLUMNS  # elements ('<') read for one row: a cell is 2 to 8 of them
READ = 1 << 16  # bytes handed to the XML parser at a time
MAX_SHARED_STRINGS = 128 << 20  # bytes of XML: every respondent's id and comments, many times over
MAX_PART = 2 << 30  # bytes of XML in one sheet: a few million rows
MAX_TOTAL = 4 << 30
MAX_RATIO = 100  # uncompressed / compressed, for parts of over MIN_RATIO_SIZE
MIN_RATIO_SIZE = 8 << 20
MAX_FIRST_ROW = 4 << 20  # bytes of XML before the first row ends (16,384 cells are under 1 MB)
LISTED = 10  # cells named in a warning
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_ROW_END = re.compile(rb"</(?:\w+:)?row>")
_CELL = re.compile(rb"<(?:\w+:)?c[\s>/]")
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_ROW_NUMBER = re.compile(rb"<(?:\w+:)?row\s[^>]*?\br=\"(\d+)\"")


def encrypted(path: Path, start: bytes) -> bool:
    """Whether an OLE file (`start`: its first bytes) is a password-protected XLSX: Excel keeps
    the encrypted workbook in a stream called EncryptedPackage, listed in the directory."""
    if _ENCRYPTED in start:
        return True
    if len(start) < 52:
        return False
    sector = 1 << struct.unpack_from("<H", start, 30)[0]
    (directory,) = struct.unpack_from("<I", start, 48)
    with path.open("rb") as handle:
        handle.seek((directory + 1) * sector)
        return _ENCRYPTED in handle.read(sector * 4)


def check_parts(path: Path) -> None:
    """Refuse a workbook whose parts would take too much memory or time to read."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"{path}: not an XLSX workbook ({exc})") from None
    total = 0
    for part in parts:
        total += part.file_size
        limit = MAX_SHARED_STRINGS if part.filename.endswith("sharedStrings.xml") else MAX_PART
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > limit or total > MAX_TOTAL:
            raise InputError(
                f"{path}: part {part.filename} holds {part.file_size >> 20:,} MB of XML "
                f"(at most {limit >> 20:,} MB); export the answers as CSV instead"
            )
        if part.file_size > MIN_RATIO_SIZE and ratio > MAX_RATIO:
            raise InputError(
                f"{path}: part {part.filename} is compressed {ratio:,.0f} to 1 "
                f"({part.file_size >> 20:,} MB of XML); a survey export is not (a zip bomb?)"
            )


def check_first_row(path: Path, sheet_part: str) -> None:
    """openpyxl builds a row as a whole: refuse a first row of more cells than Excel allows."""
    seen = b""
    with zipfile.ZipFile(path) as archive, archive.open(sheet_part) as stream:
        while len(seen) <= MAX_FIRST_ROW and (block := stream.read(1 << 16)):
            seen += block
            end = _ROW_END.search(seen)
            if end is not None:
                seen = seen[: end.end()]
                break
    cells = len(_CELL.findall(seen))
    if cells > MAX_COLUMNS or len(seen) > MAX_FIRST_ROW:
        raise InputError(
            f"{path}: the first row of the sheet has more than {MAX_COLUMNS:,} cells, Excel's limit; "
            "not a survey export"
        )


class RowBound:
    """A sheet's XML as openpyxl reads it, counted. openpyxl builds a row as a whole, so one row of
    millions of cells after the first (which check_first_row bounds) would be held at once; every
    element starts with '<', so more of them read between two rows than MAX_ROW_TAGS is refused
    as the XML comes in. One count per block read: nothing per cell."""

    def __init__(self, path: Path, sheet: str) -> None:
        self.path, self.sheet, self.tags, self.row, self.block = path, sheet, 0, 0, b""
        self.stream: Any = None

    def wrap(self, stream: Any) -> RowBound:
        self.stream, self.tags = stream, 0
        return self

    def read(self, size: int | None = -1) -> bytes:
        previous, self.block = (
            self.block,
            self.stream.read(READ if size is None or not 0 < size < READ else size),
        )
        self.tags += self.block.count(b"<")
        if self.tags > MAX_ROW_TAGS:
            found = (int(n) for n in _ROW_NUMBER.findall(previous + self.block))
            row = next((n for n in found if n > self.row), self.row + 1)
            raise InputError(
                f"{self.path}: row {row:,} of sheet '{self.sheet}' is larger than Excel allows (more than "
                f"{MAX_ROW_TAGS:,} XML elements, 16 for each of its {MAX_COLUMNS:,} columns); "
                "not a survey export"
            )
        return self.block

    def row_read(self, number: int) -> None:
        self.tags, self.row = 0, number

    def close(self) -> None:
        self.stream.close()

    def __enter__(self) -> RowBound:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def uncalculated_formulas(path: Path, sheet_part: str) -> str | None:
    """A warning naming the cells that hold a formula but no saved result (they read as blank),
    or None. Only a sheet that has formulas at all is looked through."""
    with zipfile.ZipFile(path) as archive:
        if not _has_formulas(archive, sheet_part):
            return None
        with archive.open(sheet_part) as stream:
            cells = list(_uncalculated(stream))
    if not cells:
        return None
    listed = ", ".join(cells[:LISTED]) + (f" and {len(cells) - LISTED:,} more" if len(cells) > LISTED else "")
    return (
        f"{len(cells):,} {'cell holds' if len(cells) == 1 else 'cells hold'} a formula that was never "
        f"calculated ({listed}), read as blank; open the file in Excel and save it, or export it as CSV"
    )


def _has_formulas(archive: zipfile.ZipFile, sheet_part: str) -> bool:
    tail = b""
    with archive.open(sheet_part) as stream:
        while block := stream.read(1 << 20):
            window = tail + block  # a tag cut by the block's end is found with the next one
            if (b"<f" in window or b":f" in window) and _FORMULA.search(window):  # find is 3 × faster
                return True
            tail = block[-16:]
    return False


def _uncalculated(stream: IO[bytes]) -> Iterator[str]:
    for _, element in ElementTree.iterparse(stream):
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "row":
            element.clear()  # its cells are done with: memory stays flat
        if tag != "c":
            continue
        parts = {child.tag.rsplit("}", 1)[-1]: child for child in element}
        value = parts.get("v")
        if "f" in parts and (value is None or not (value.text or "").strip()):
            yield element.get("r", "?")


def sheet_part(path: Path, sheet: str) -> str | None:
    """The zip part of a sheet by its name (as openpyxl names it), or None if not found."""
    ns = {
        "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    }
    with zipfile.ZipFile(path) as archive:
        try:
            book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
            links = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        except (KeyError, ElementTree.ParseError):
            return None
    targets = {link.get("Id"): link.get("Target", "") for link in links}
    for element in book.iterfind("m:sheets/m:sheet", ns):
        if element.get("name") == sheet:
            target = targets.get(element.get(f"{{{ns['r']}}}id"), "")
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None
