"""XLSX exports, read with openpyxl in read-only mode: one row at a time, never the whole sheet.

Problems are located by row number and cell (column letter), as Excel shows them.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from peerready.errors import InputError
from peerready.exports.source import (
    CHUNK_ROWS,
    TEMPLATE_MARK,
    Chunk,
    ExportReader,
    TemplateRef,
    parse_ref,
    stringify,
)
from peerready.exports.workbooks import (
    MAX_ROWS,
    RowBound,
    check_first_row,
    check_parts,
    sheet_part,
    uncalculated_formulas,
)

README_SHEETS = ("readme", "læs mig", "vejledning")
# Sheets beside the answers: explanations, and codebooks giving each code's label (SurveyXact).
LABEL_SHEETS = ("labels", "label", "etiketter", "variables", "variabler", "codebook", "kodebog")
NOT_DATA_SHEETS = (*README_SHEETS, *LABEL_SHEETS)
LABEL_ROWS = 100_000  # a codebook has a row per code per question; more is not a codebook


def open_xlsx(path: Path, sheet: str | None) -> ExportReader:
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    check_parts(path)
    handle = path.open("rb")  # a file, not a name: openpyxl refuses a workbook named .csv
    try:
        book = load_workbook(handle, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        handle.close()
        raise InputError(f"{path}: not an XLSX workbook ({exc})") from None
    except ElementTree.ParseError as exc:
        handle.close()
        raise unreadable_xml(path, exc) from None

    def close() -> None:
        book.close()
        handle.close()

    names = list(book.sheetnames)
    try:
        name = _data_sheet(path, names, sheet)
        warnings = _checked_sheet(path, name)
    except InputError:
        close()
        raise
    worksheet = book[name]
    worksheet.reset_dimensions()  # some writers record wrong dimensions; read what is there
    rows = _bounded(worksheet, path)
    header_row, header = _header(rows, path, name)
    template = _template_ref(book, names, name, path)

    def chunks() -> Iterator[Chunk]:
        try:
            while batch := list(islice(rows, CHUNK_ROWS)):
                width = len(header)  # a second header row may widen it (headers.read_headers)
                kept = [(n, _texts(values, width)) for n, values in batch if _filled(values)]
                yield Chunk([row for _, row in kept], _fixed([n for n, _ in kept]), batch[-1][0])
        finally:
            close()

    def other_sheet(wanted: str) -> list[list[str]]:
        rows = _bounded(book[wanted], path, max_row=LABEL_ROWS)
        return [[stringify(v).strip() for v in values] for _, values in rows if _filled(values)]

    def where(position: int, column: int) -> str:
        cell = f"{get_column_letter(column + 1)}{position}"
        return f"cell {cell} ('{header[column]}')" if column < len(header) else f"cell {cell}"

    return ExportReader(
        label=str(path),
        kind="xlsx",
        header=header,
        chunks=chunks(),
        total=worksheet.max_row or 0,
        where=where,
        sheet=name,
        template=template,
        details={"header_row": str(header_row)},
        close=close,
        sheets=names,
        other_sheet=other_sheet,
        warnings=warnings,
    )


def _checked_sheet(path: Path, name: str) -> list[str]:
    """Refuse a sheet whose first row openpyxl could not hold (see workbooks); warn of formulas
    without a saved result."""
    part = sheet_part(path, name)
    if part is None:
        return []
    check_first_row(path, part)
    try:
        uncalculated = uncalculated_formulas(path, part)
    except ElementTree.ParseError as exc:
        raise unreadable_xml(path, exc) from None
    return [uncalculated] if uncalculated else []


def _bounded(worksheet: Any, path: Path, **limits: int) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """A sheet's rows, numbered, with the XML openpyxl reads for them counted (RowBound): any
    sheet read, not only the answers (a README sheet's row of a million cells took 600 MB). The
    class's own _get_source: a sheet read twice is not counted twice."""
    bound, source = RowBound(path, worksheet.title), partial(type(worksheet)._get_source, worksheet)
    worksheet._get_source = lambda: bound.wrap(source())
    return _readable(enumerate(worksheet.iter_rows(values_only=True, **limits), start=1), path, bound)


def _readable(
    rows: Iterator[tuple[int, tuple[Any, ...]]], path: Path, bound: RowBound
) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """The rows, each counted by `bound`, up to Excel's last row (openpyxl makes an empty row of
    every number skipped, a billion for r="1000000000"), with XML that cannot be read (entities,
    a broken part, a cell reference like ZZZZZZ1) as an input error."""
    try:
        for number, values in rows:
            if number > MAX_ROWS:
                raise InputError(
                    f"{path}: the sheet has rows after row {MAX_ROWS:,}, Excel's last; not a survey export"
                )
            bound.row_read(number)
            yield number, values
    except ElementTree.ParseError as exc:
        raise unreadable_xml(path, exc) from None
    except ValueError as exc:  # openpyxl's word for a cell or row reference it cannot read
        raise InputError(f"{path}: the sheet cannot be read ({exc}); save it again in Excel") from None


def unreadable_xml(path: Path, error: ElementTree.ParseError) -> InputError:
    if "entity" in str(error) or "amplification" in str(error):
        return InputError(f"{path}: the workbook declares XML entities, which peerready does not read")
    return InputError(f"{path}: the workbook's XML cannot be read ({error}); save it again in Excel")


def _data_sheet(path: Path, names: list[str], sheet: str | None) -> str:
    """The sheet asked for, or else the first that is not an explanation or a codebook."""
    if sheet is not None and sheet not in names:
        raise InputError(f"{path}: no sheet '{sheet}' (sheets: {', '.join(names)})")
    data = [n for n in names if n.strip().casefold() not in NOT_DATA_SHEETS]
    if sheet is None and not data:
        raise InputError(
            f"{path}: no sheet looks like answers (sheets: {', '.join(names)}); name one with --sheet"
        )
    name = sheet or data[0]
    if name.casefold() == "survey" and "choices" in names:
        raise InputError(f"{path}: an XLSForm (a form definition), not answers; score the export instead")
    return name


def _fixed(numbers: list[int]) -> Callable[[], list[int]]:
    return lambda: numbers


def _filled(values: tuple[Any, ...]) -> bool:
    return any(v is not None and (not isinstance(v, str) or v.strip()) for v in values)


def _texts(values: tuple[Any, ...], width: int) -> list[str]:
    row = [stringify(v) for v in values]
    if len(row) < width:
        row += [""] * (width - len(row))
    while len(row) > width and not row[-1].strip():
        row.pop()
    return row


def _header(rows: Iterator[tuple[int, tuple[Any, ...]]], path: Path, sheet: str) -> tuple[int, list[str]]:
    for number, values in rows:
        if _filled(values):
            header = [stringify(v).strip() for v in values]
            while header and not header[-1]:
                header.pop()
            return number, header
    raise InputError(f"{path}: sheet '{sheet}' is empty (no header row)")


def _template_ref(book: Any, names: list[str], answers: str, path: Path) -> TemplateRef | None:
    """A template written by peerready says in its README sheet which questionnaire it is for."""
    for name in names:
        if name == answers or name.casefold() not in README_SHEETS:
            continue
        for _, values in _bounded(book[name], path, max_row=20):
            for value in values:
                if isinstance(value, str) and TEMPLATE_MARK in value:
                    return parse_ref(value)
    return None
