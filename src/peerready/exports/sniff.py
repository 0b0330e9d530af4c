"""What kind of file an answers file is, and how its text is encoded, decided by its content.

Excel on a Danish Windows writes CSV in Windows-1252; LimeSurvey writes UTF-8 with a BOM;
Excel's "Unicode text" is UTF-16. A file that starts as UTF-8 is read as UTF-8, strictly: a
stray 'ø' on line 90,000 then stops the reading (Undecodable), and the whole file is checked
before it is read again, as Windows-1252 if it is not UTF-8. So it never turns into mojibake,
and the check costs a pass over the file only where it is needed.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Literal

from peerready.documents.kinds import format_name, kind_in_text
from peerready.documents.loader import opening
from peerready.errors import InputError

Kind = Literal["session", "json", "jsonl", "csv", "xlsx"]
BLOCK = 1 << 20
ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0"  # old binary Office files (.xls)


def head(path: Path, size: int = 65536) -> bytes:
    with opening(path), path.open("rb") as handle:
        return handle.read(size)


class Undecodable(InputError):
    """Text that the chosen encoding cannot read (exit 2)."""

    def __init__(self, path: Path, error: UnicodeDecodeError, line: int | None = None) -> None:
        byte = error.object[error.start : error.start + 1]
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(
            f"{where}: cannot be read as {error.encoding} (byte {byte!r}); "
            "give the file's encoding with --encoding"
        )


def detect_encoding(path: Path, start: bytes, whole: bool = True) -> str:
    """The encoding of a text file from its first bytes `start`. UTF-8 is only certain when
    `whole` reads all of the file too; otherwise it is a guess from the start, which the caller
    must be ready to take back when reading fails (Undecodable)."""
    if start.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    else:
        encoding = "utf-8"
    if b"\x00" in start:
        raise InputError(f"{path}: a binary file, not CSV, JSON or an XLSX workbook")
    if (_decodes(path, "utf-8") is True) if whole else _starts_as_utf8(start):
        return encoding
    offset = _decodes(path, "cp1252")
    if offset is not True:
        raise InputError(
            f"{path}: neither UTF-8 nor Windows-1252 text (cannot be read as cp1252 at byte {offset}); "
            "give the file's encoding with --encoding"
        )
    return "cp1252"


def _starts_as_utf8(start: bytes) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(start)  # not final: a character may be cut
    except UnicodeDecodeError:
        return False
    return True


def _decodes(path: Path, encoding: str) -> bool | int:
    """True if the whole file decodes, else the offset of the first byte that does not."""
    decoder = codecs.getincrementaldecoder(encoding)()
    done = 0
    try:
        with path.open("rb") as handle:
            while block := handle.read(BLOCK):
                decoder.decode(block)
                done += len(block)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        return done + exc.start
    return True


def check_encoding(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"--encoding: unknown encoding '{encoding}' (try utf-8 or cp1252)") from None


def kind_of(path: Path, start: bytes, text_start: str) -> Kind:
    """xlsx, or by the first character of the text: '{' a session or JSON lines, '[' JSON, else CSV."""
    if start.startswith(ZIP):
        return "xlsx"
    if start.startswith(OLE):
        raise InputError(f"{path}: an old Excel .xls workbook; save it as .xlsx or CSV")
    stripped = text_start.lstrip("\ufeff \t\r\n")
    if not stripped:
        raise InputError(f"{path}: the file is empty")
    if stripped.startswith("["):
        return "json"
    if stripped.startswith("{"):
        first_line = stripped.split("\n", 1)[0]
        named = kind_in_text(stripped)
        if named in ("result", "batch"):
            raise InputError(
                f"{path}: a result ({format_name(named)}), not answers; score what it was made from"
            )
        if named == "session" or first_line.strip() == "{":
            return "session"
        return "jsonl"
    return "csv"


def decode_start(start: bytes, encoding: str) -> str:
    return codecs.getincrementaldecoder(encoding)(errors="replace").decode(start)
