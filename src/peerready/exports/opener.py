"""Opening an answers file by what it contains, not by what it is called."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from pathlib import Path

from peerready.errors import InputError
from peerready.exports.columns import TEMPLATE_REF_COLUMN
from peerready.exports.csvsource import open_csv
from peerready.exports.jsonsource import open_json
from peerready.exports.sniff import OLE, Kind, check_encoding, decode_start, detect_encoding, head, kind_of
from peerready.exports.source import ExportReader, TemplateRef, parse_ref
from peerready.exports.workbooks import encrypted
from peerready.exports.xlsxsource import open_xlsx


def answers_kind(path: Path, encoding: str | None = None, whole: bool = True) -> tuple[Kind, str]:
    """What an answers file is (a session, or an export and of which kind) and its encoding
    (with `whole` False, a guess from the file's start: see sniff.detect_encoding)."""
    start = head(path)
    if not start:
        raise InputError(f"{path}: the file is empty")
    if start.startswith(b"PK\x03\x04"):
        return "xlsx", ""
    if start.startswith(OLE):
        if encrypted(path, start):
            raise InputError(f"{path}: a password-protected workbook; save a copy without the password")
        raise InputError(f"{path}: an old Excel .xls workbook; save it as .xlsx or CSV")
    chosen = check_encoding(encoding) if encoding else detect_encoding(path, start, whole)
    return kind_of(path, start, decode_start(start, chosen)), chosen


def open_export(
    path: Path,
    encoding: str | None,
    delimiter: str | None,
    sheet: str | None,
    known: tuple[Kind, str] | None = None,
) -> ExportReader:
    """`known`: what answers_kind said of this file already."""
    kind, chosen = known or answers_kind(path, encoding)
    if kind == "xlsx":
        return open_xlsx(path, sheet)
    if kind in ("json", "jsonl"):
        return open_json(path, chosen)
    if kind == "session":
        raise InputError(f"{path}: a single JSON document, not exported answers (a session is scored alone)")
    if delimiter is not None and len(delimiter) != 1:
        delimiter = {"\\t": "\t", "tab": "\t"}.get(delimiter.lower())
        if delimiter is None:
            raise InputError("--delimiter: give one character, e.g. ';' or 'tab'")
    return open_csv(path, chosen, delimiter)


def template_in_rows(header: Sequence[str], rows: list[list[str]]) -> TemplateRef | None:
    """An export of peerready's XLSForm carries the questionnaire in a hidden field on every row."""
    keys = [h.strip().casefold() for h in header]
    if TEMPLATE_REF_COLUMN not in keys:
        return None
    column = keys.index(TEMPLATE_REF_COLUMN)
    for row in rows:
        if column < len(row) and row[column].strip():
            return parse_ref("peerready-template/1 " + row[column])
    return None


def find_template(source: ExportReader) -> None:
    """Set the source's template reference from its first rows, if its header had none."""
    first = next(source.chunks, None)
    if first is not None:
        source.chunks = chain([first], source.chunks)
        source.template = source.template or template_in_rows(source.header, first.rows)
