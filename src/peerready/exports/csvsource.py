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
MAX_LINE = 4 << 20  # bytes in any line: a respondent's answers, long open answers and all
BLOCK = 1 << 20  # bytes looked through at a time
SENTINEL = "\uffff peerready: end of part"  # a noncharacter: not in a real export
csv.field_size_limit(1 << 24)


class Misplaced(Exception):
    """A part did not end at the end of a record (a quote left open): the split point was wrong."""


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
        check_lines(path)
        handle = path.open(encoding=encoding, newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    raw_file: Any = handle.buffer  # its position (read ahead a little) drives the progress bar
    try:
        return _reader(path, handle, raw_file, encoding, delimiter)
    except UnicodeDecodeError as exc:  # in the header
        handle.close()
        raise Undecodable(path, exc, 1) from None
    except BaseException:
        handle.close()
        raise


def _reader(path: Path, handle: Any, raw_file: Any, encoding: str, delimiter: str | None) -> ExportReader:
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
    line = reader.line_num + offset
    pending = _rows(reader, path, offset, 1)
    template = parse_ref(pending[0][0]) if pending and pending[0] and TEMPLATE_MARK in pending[0][0] else None
    if template is not None:  # the template's README row: not a respondent
        pending, line = [], reader.line_num + offset

    def chunks() -> Iterator[Chunk]:
        nonlocal line, pending
        size = FIRST_CHUNK_ROWS  # enough to look for a template reference, little to throw away
        try:
            while raw := pending + _rows(reader, path, offset, size - len(pending)):
                pending, size = [], CHUNK_ROWS
                end = reader.line_num + offset
                yield _chunk(raw, line + 1, end - line, raw_file.tell())
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


class _Window(io.RawIOBase):
    """A file's bytes up to `end` only."""

    def __init__(self, raw: io.BufferedReader, end: int) -> None:
        self.raw, self.end, self.position = raw, end, raw.tell()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        room = min(len(buffer), self.end - self.position)
        if room <= 0:
            return 0
        got = self.raw.readinto(memoryview(buffer)[:room])
        self.position += got
        return got

    def close(self) -> None:
        self.raw.close()
        super().close()


def check_lines(path: Path) -> None:
    """Refuse a file with a line of over MAX_LINE bytes before the csv module reads it: it would
    make one list of millions of fields of the line. One pass over the bytes, two searches from
    each end of each block, in C (a check of each line as it is read cost 15-35 % of the reading,
    a layer under the text one 15 %: this costs the reading of the bytes, about 1 %)."""
    if path.stat().st_size <= MAX_LINE:
        return
    line_start = position = 0  # where the unfinished line began, where this block begins
    with path.open("rb") as handle:
        while block := handle.read(BLOCK):  # a block is shorter than MAX_LINE: only its ends matter
            ends = [at for at in (block.find(b"\n"), block.find(b"\r")) if at >= 0]
            if position + (min(ends) if ends else len(block)) - line_start > MAX_LINE:
                if line_start == 0:
                    return  # the header line: _bounded_line refuses it with its own message
                raise InputError(
                    f"{path}:{_line_at(path, line_start)}: a line longer than {MAX_LINE >> 20} MB; "
                    "one respondent's answers are never that long"
                )
            last = max(block.rfind(b"\n"), block.rfind(b"\r"))
            if last >= 0:
                line_start = position + last + 1
            position += len(block)


def _line_at(path: Path, offset: int) -> int:
    """The number of the line that starts at byte `offset` (a line ends at \\r\\n, \\n or \\r)."""
    line, previous = 1, b""
    with path.open("rb") as handle:
        while offset > 0 and (block := handle.read(min(1 << 20, offset))):
            joined = previous + block
            line += block.count(b"\n") + block.count(b"\r") - joined.count(b"\r\n")  # \r\n counts once
            offset, previous = offset - len(block), block[-1:]
    return line


def read_part(span: Span, start: int, end: int | None, first_line: int, lines: list[int]) -> Iterator[Chunk]:
    """Chunks of the records in bytes [start, end), numbered from `first_line`. `start` and `end`
    must be record boundaries: a part that ends inside a quoted field raises Misplaced (it is
    checked by a sentinel line after the part, which a still-open quote would swallow). When
    done, the number of lines read is appended to `lines`."""
    raw = span.path.open("rb")
    raw.seek(start)
    window = _Window(raw, span.size if end is None else end)
    encoding = "utf-8" if span.encoding == "utf-8-sig" else span.encoding  # a BOM only opens a file
    text = io.TextIOWrapper(io.BufferedReader(window, 1 << 16), encoding=encoding, newline="")
    source: Iterable[str] = text if end is None else chain(text, [SENTINEL + "\n"])
    reader = csv.reader(source, delimiter=span.delimiter, strict=False)
    base = line = first_line - 1
    closed = end is None
    try:
        while raw_rows := _rows(reader, span.path, base, CHUNK_ROWS):
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


def _rows(reader: Iterator[list[str]], path: Path, offset: int, count: int) -> list[list[str]]:
    try:
        return list(islice(reader, count))
    except UnicodeDecodeError as exc:
        raise Undecodable(path, exc, getattr(reader, "line_num", 0) + offset + 1) from None
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
