"""Header rows beyond the first: Qualtrics' question texts and ImportIds, SurveyMonkey's statements
under their question, a merged two-row header in a workbook. They are taken off the rows before
any is read as a respondent, and the columns are named from them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain

from peerready.errors import InputError
from peerready.exports.csvsource import span_after
from peerready.exports.mapping import MappingFile
from peerready.exports.platforms import UNKNOWN, Platform
from peerready.exports.platforms.surveymonkey import combined_names
from peerready.exports.source import Chunk, ExportReader


@dataclass(frozen=True)
class Headers:
    names: list[str]  # what each column is called
    texts: list[str]  # the question texts, where a header row has them (for --suggest-map)
    rows: int  # header rows at the top, the first included


def read_headers(source: ExportReader, platform: Platform, mapping: MappingFile | None) -> Headers:
    """Take the export's further header rows off the source and name its columns."""
    first = next(source.chunks, None)
    sample = first.rows[:5] if first else []
    given = mapping.mapping if mapping else None
    wanted = (
        given.header_rows - 1 if given and given.header_rows else platform.header_rows(source.header, sample)
    )
    rows = [list(source.header), *_take(source, first, wanted)]
    if given and given.header_row:
        if given.header_row > len(rows):
            message = f"row {given.header_row} of {len(rows)} header rows (header_rows: {len(rows)})"
            raise mapping.problem(("header_row",), message) if mapping else InputError(message)
        names = _padded(rows[given.header_row - 1], len(source.header))
    elif given and given.header_rows and platform is UNKNOWN:
        names = combined_names(rows)
    else:
        names = _padded(platform.column_names(rows), len(source.header))
    names = _padded(names, max(map(len, rows)))
    texts_row = platform.texts_row
    texts = _padded(rows[texts_row], len(names)) if texts_row is not None and texts_row < len(rows) else names
    if len(names) > len(source.header):  # a workbook's first row ends early over a matrix: widen the rows
        first = next(source.chunks, None)
        if first is not None:
            for row in first.rows:
                row.extend([""] * (len(names) - len(row)))
            source.chunks = chain([first], source.chunks)
    source.header[:] = names  # in place: the source's messages name columns by this list
    return Headers(list(names), texts, len(rows))


def _take(source: ExportReader, first: Chunk | None, count: int) -> list[list[str]]:
    if first is None:
        return []
    count = min(count, len(first.rows))
    if count == 0:
        source.chunks = chain([first], source.chunks)
        return []
    taken, positions = first.rows[:count], first.positions
    source.chunks = chain([Chunk(first.rows[count:], _after(positions, count), first.done)], source.chunks)
    if source.span is not None:
        lines = positions()
        source.span = span_after(source.span, lines[count] - 1) if len(lines) > count else None
    return taken


def _after(positions: Callable[[], list[int]], count: int) -> Callable[[], list[int]]:
    return lambda: positions()[count:]


def _padded(row: list[str], width: int) -> list[str]:
    names = [cell.strip() for cell in row]
    return names + [""] * (width - len(names))
