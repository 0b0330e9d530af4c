"""CSV and TSV exports: delimiter sniffed from the header line, rows in chunks, physical lines kept.

A quoted newline (a comment over several lines) makes a record span lines; problems are
reported at the line the record starts on, as an editor shows it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from peerready.batch.source import CHUNK_ROWS, TEMPLATE_MARK, Chunk, Source, parse_ref
from peerready.errors import InputError

DELIMITERS = (",", ";", "\t")
csv.field_size_limit(1 << 24)


def sniff_delimiter(line: str) -> str:
    """The delimiter used most often outside quotes in the header line (ties: comma)."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    return max(DELIMITERS, key=lambda d: counts[d])


def _breaks(row: list[str]) -> int:
    """Line breaks inside a record's quoted fields."""
    return sum(f.count("\n") + f.count("\r") - f.count("\r\n") for f in row if "\n" in f or "\r" in f)


def open_csv(path: Path, encoding: str, delimiter: str | None) -> Source:
    try:
        handle = path.open(encoding=encoding, newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    raw_file: Any = handle.buffer  # its position (read ahead a little) drives the progress bar
    try:
        return _reader(path, handle, raw_file, encoding, delimiter)
    except BaseException:
        handle.close()
        raise


def _reader(path: Path, handle: Any, raw_file: Any, encoding: str, delimiter: str | None) -> Source:
    first = handle.readline()
    offset = 0  # lines before the reader's first, which its line_num does not count
    if first.lstrip("\ufeff").lower().startswith("sep=") and len(first.strip()) == 5:
        delimiter = delimiter or first.strip()[4]  # Excel's "sep=;" hint line
        offset = 1
    else:
        handle.seek(0)
    delimiter = delimiter or sniff_delimiter(first.lstrip("\ufeff"))
    reader = csv.reader(handle, delimiter=delimiter, strict=False)
    header = _header(reader, path)
    line = reader.line_num + offset
    pending = _rows(reader, path, offset, 1)
    template = parse_ref(pending[0][0]) if pending and pending[0] and TEMPLATE_MARK in pending[0][0] else None
    if template is not None:  # the template's README row: not a respondent
        pending, line = [], reader.line_num + offset

    def chunks() -> Iterator[Chunk]:
        nonlocal line, pending
        try:
            while raw := pending + _rows(reader, path, offset, CHUNK_ROWS - len(pending)):
                pending = []
                end = reader.line_num + offset
                yield _chunk(raw, line + 1, end - line, raw_file.tell())
                line = end
        finally:
            handle.close()

    def where(_position: int, column: int) -> str:
        return f"column '{header[column]}'" if column < len(header) else f"field {column + 1}"

    return Source(
        label=str(path),
        kind="csv",
        header=header,
        chunks=chunks(),
        total=path.stat().st_size,
        where=where,
        encoding=encoding,
        delimiter=delimiter,
        template=template,
        close=handle.close,
    )


def _rows(reader: Iterator[list[str]], path: Path, offset: int, count: int) -> list[list[str]]:
    try:
        return list(islice(reader, count))
    except UnicodeDecodeError as exc:
        line = getattr(reader, "line_num", 0) + offset + 1
        byte = exc.object[exc.start : exc.start + 1]
        raise InputError(
            f"{path}:{line}: cannot be read as {exc.encoding} (byte {byte!r}); "
            "give the file's encoding with --encoding"
        ) from None
    except csv.Error as exc:
        line = getattr(reader, "line_num", 0) + offset
        raise InputError(f"{path}:{line}: not readable as CSV: {exc}") from None


def _header(reader: Iterator[list[str]], path: Path) -> list[str]:
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                return [cell.lstrip("\ufeff").strip() for cell in row]
    except csv.Error as exc:
        raise InputError(f"{path}: not a CSV file ({exc})") from None
    raise InputError(f"{path}: no header row (the file has no text)")


def _chunk(raw: list[list[str]], first_line: int, lines: int, done: int) -> Chunk:
    rows = list(filter(any, raw))

    def positions() -> list[int]:
        found, line = [], first_line
        single = lines == len(raw)  # no record spans lines: no need to look inside fields
        for row in raw:
            if any(row):
                found.append(line)
            line += 1 if single else 1 + _breaks(row)
        return found

    return Chunk(rows, positions, done)
