"""CSV and TSV exports: delimiter sniffed from the header line, rows in chunks, physical lines kept.

A quoted newline (a comment over several lines) makes a record span lines; problems are
reported at the line the record starts on, as an editor shows it. The data lines can also be
read as a byte range (`read_part`), so that two processes can score a large file together.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from pathlib import Path
from typing import Any

from peerready.errors import InputError
from peerready.exports.sniff import Undecodable, head
from peerready.exports.source import CHUNK_ROWS, TEMPLATE_MARK, Chunk, ExportReader, Span, parse_ref

DELIMITERS = (",", ";", "\t")
LINE_END = re.compile(rb"\r\n|\r|\n")  # what a text file read with newline="" splits lines on
BYTE_SAFE = ("utf-8", "utf-8-sig", "cp1252")  # encodings where b'"' and b"\n" are always those characters
FIRST_CHUNK_ROWS = 256  # the first chunk is read before the file may be split between processes
MAX_HEADER = 1 << 20  # characters in the header line: thousands of long column names
MAX_RECORD = 4 << 20  # bytes in a record: a respondent's answers, long open answers and all
READ_AHEAD = 1 << 16  # bytes read at a time, beyond the record being parsed
SENTINEL = "\uffff peerready: end of part"  # a noncharacter: not in a real export
csv.field_size_limit(1 << 24)


class Misplaced(Exception):
    """A part did not end at the end of a record (a quote left open): the split point was wrong."""


class _RecordTooLong(Exception):
    """A record ran on past MAX_RECORD bytes (raised under the csv module, caught by `_rows`)."""


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


def open_csv(path: Path, encoding: str, delimiter: str | None) -> ExportReader:
    try:
        meter = _Metered(io.FileIO(path))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    handle = io.TextIOWrapper(io.BufferedReader(meter, READ_AHEAD), encoding=encoding, newline="")
    try:
        return _reader(path, handle, meter, encoding, delimiter)
    except UnicodeDecodeError as exc:  # in the header
        handle.close()
        raise Undecodable(path, exc, 1) from None
    except BaseException:
        handle.close()
        raise


def _reader(path: Path, handle: Any, meter: _Metered, encoding: str, delimiter: str | None) -> ExportReader:
    first = _bounded_line(handle, path)
    offset = 0  # lines before the reader's first, which its line_num does not count
    if first.lstrip("\ufeff").lower().startswith("sep=") and len(first.strip()) == 5:
        delimiter = delimiter or first.strip()[4]  # Excel's "sep=;" hint line
        offset = 1
        after = handle.tell()
        _bounded_line(handle, path)
        handle.seek(after)
    else:
        handle.seek(0)
    delimiter = delimiter or sniff_delimiter(first.lstrip("\ufeff"))
    _bounded_header(handle, path, delimiter)
    reader = csv.reader(handle, delimiter=delimiter, strict=False)
    header = _header(reader, path)
    records = meter.records(reader)
    line = reader.line_num + offset
    pending = _rows(records, meter, path, offset, 1)
    template = parse_ref(pending[0][0]) if pending and pending[0] and TEMPLATE_MARK in pending[0][0] else None
    if template is not None:  # the template's README row: not a respondent
        pending, line = [], reader.line_num + offset

    def chunks() -> Iterator[Chunk]:
        nonlocal line, pending
        size = FIRST_CHUNK_ROWS  # enough to look for a template reference, little to throw away
        try:
            while raw := pending + _rows(records, meter, path, offset, size - len(pending)):
                pending, size = [], CHUNK_ROWS
                end = reader.line_num + offset
                yield _chunk(raw, line + 1, end - line, meter.position)
                line = end
        finally:
            handle.close()

    span = _span(path, encoding, delimiter, line) if encoding in BYTE_SAFE else None

    def where(_position: int, column: int) -> str:
        return f"column '{header[column]}'" if column < len(header) else f"field {column + 1}"

    return ExportReader(
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
        span=span,
    )


def _bounded_line(handle: Any, path: Path) -> str:
    """A line of the header, refused if it is longer than any survey's header could be (the csv
    module would make a list of millions of fields of it)."""
    line: str = handle.readline(MAX_HEADER + 1)
    if len(line) > MAX_HEADER:
        raise InputError(
            f"{path}:1: the header line is longer than {MAX_HEADER >> 20} MB; not a survey export's header"
        )
    return line


def _bounded_header(handle: Any, path: Path, delimiter: str) -> None:
    """Refuse a header record that does not end within MAX_HEADER characters. Its lines are
    bounded on their own, but quoted fields may hold line breaks, so short lines can make one
    record of millions of fields; only this many characters are parsed to find its end."""
    start = handle.tell()
    try:
        prefix = handle.read(MAX_HEADER + 1)
    except UnicodeDecodeError:
        prefix = ""  # the reader stops at the bad bytes, in the header or after it
    handle.seek(start)
    if len(prefix) <= MAX_HEADER:
        return  # the whole file is shorter than the bound
    lines = list(io.StringIO(prefix, newline=""))  # split as the file's own lines are
    reader = csv.reader(lines, delimiter=delimiter, strict=False)
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                break
    except csv.Error:
        return  # _header says what is wrong with it
    if reader.line_num >= len(lines):  # the header runs on to the cut, or beyond it
        raise InputError(
            f"{path}:1: the header is longer than {MAX_HEADER >> 20} MB; not a survey export's header"
        )


def span_after(span: Span, lines: int) -> Span | None:
    """The same file's data lines when the first `lines` lines are all header."""
    return _span(span.path, span.encoding, span.delimiter, lines)


def _span(path: Path, encoding: str, delimiter: str, lines: int) -> Span | None:
    """The data lines' start, found by counting `lines` line ends in the file's first block."""
    start = head(path)
    ends = [m.end() for _, m in zip(range(lines), LINE_END.finditer(start), strict=False)]
    if len(ends) < lines or ends[-1] == len(start):  # header beyond the block, or "\r" + a cut "\n"
        return None
    return Span(path, encoding, delimiter, ends[-1], lines + 1, path.stat().st_size)


class _Metered(io.RawIOBase):
    """A file's bytes (up to `end`, if given), counted since the last record ended, so that a record
    of more than MAX_RECORD bytes is refused while the csv module reads it: quoted fields may hold
    line breaks, so short lines can make one record of millions of fields, some 15 times its size
    in memory. Costs a call per block read and one per record (about 1 % of a run)."""

    def __init__(self, raw: io.FileIO, end: int | None = None) -> None:
        self.raw, self.end, self.position = raw, end, raw.tell()
        self.since = 0  # bytes read since the last record ended
        self.record_line = 0  # the reader's line count when it did
        self.reader: Any = None  # set when the records are read: the header is bounded on its own

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self.end is None

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self.position, self.since = self.raw.seek(offset, whence), 0
        return self.position

    def tell(self) -> int:
        return self.position

    def readinto(self, buffer: Any) -> int:
        room = len(buffer) if self.end is None else min(len(buffer), self.end - self.position)
        if room <= 0:
            return 0
        got = self.raw.readinto(memoryview(buffer)[:room]) or 0
        self.position += got
        self.since += got
        if self.since > MAX_RECORD + READ_AHEAD and self.reader is not None:  # more than was read ahead
            raise _RecordTooLong
        return got

    def records(self, reader: Any) -> Iterator[list[str]]:
        """The reader's records, each marking where the next one starts."""
        self.reader = reader
        self._ended([])
        return map(self._ended, reader)

    def _ended(self, row: list[str]) -> list[str]:
        self.since, self.record_line = 0, self.reader.line_num
        return row

    def close(self) -> None:
        self.raw.close()
        super().close()


def read_part(span: Span, start: int, end: int | None, first_line: int, lines: list[int]) -> Iterator[Chunk]:
    """Chunks of the records in bytes [start, end), numbered from `first_line`. `start` and `end`
    must be record boundaries: a part that ends inside a quoted field raises Misplaced (it is
    checked by a sentinel line after the part, which a still-open quote would swallow). When
    done, the number of lines read is appended to `lines`."""
    raw = io.FileIO(span.path)
    raw.seek(start)
    window = _Metered(raw, span.size if end is None else end)
    encoding = "utf-8" if span.encoding == "utf-8-sig" else span.encoding  # a BOM only opens a file
    text = io.TextIOWrapper(io.BufferedReader(window, READ_AHEAD), encoding=encoding, newline="")
    source: Iterable[str] = text if end is None else chain(text, [SENTINEL + "\n"])
    reader = csv.reader(source, delimiter=span.delimiter, strict=False)
    records = window.records(reader)
    base = line = first_line - 1
    closed = end is None
    try:
        while raw_rows := _rows(records, window, span.path, base, CHUNK_ROWS):
            reached = reader.line_num + base
            if not closed and raw_rows[-1] == [SENTINEL]:
                raw_rows.pop()
                reached -= 1
                closed = True
            if raw_rows:
                yield _chunk(raw_rows, line + 1, reached - line, window.position)
            line = reached
    finally:
        text.close()
    if not closed:
        raise Misplaced
    lines.append(line - base)


def _rows(
    records: Iterator[list[str]], meter: _Metered, path: Path, offset: int, count: int
) -> list[list[str]]:
    try:
        return list(islice(records, count))
    except UnicodeDecodeError as exc:
        raise Undecodable(path, exc, meter.reader.line_num + offset + 1) from None
    except csv.Error as exc:
        raise InputError(f"{path}:{meter.reader.line_num + offset}: not readable as CSV: {exc}") from None
    except _RecordTooLong:
        raise InputError(
            f"{path}:{meter.record_line + offset + 1}: a record longer than {MAX_RECORD >> 20} MB; "
            "one respondent's answers are never that long"
        ) from None


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
