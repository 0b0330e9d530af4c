"""Large hostile inputs, made at test time (too large, or too silly, to keep in the repository):
each function writes one into a folder and returns its path; CASES pairs it with what the
command must say (see tests/test_malformed.py)."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterator
from itertools import chain
from pathlib import Path
from typing import Any

from tests.conftest import DATA

Make = Callable[[Path], Path]
CASES: dict[str, tuple[Make, dict[str, Any]]] = {}


def case(command: str, message: str, exit: int = 2, **extra: Any) -> Callable[[Make], Make]:
    def register(make: Make) -> Make:
        CASES[make.__name__] = (make, {"command": command, "message": message, "exit": exit, **extra})
        return make

    return register


def _session() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "sessions" / "individual.json").read_text(encoding="utf-8"))
    return data


@case("validate {file}", "{file}:1:34: the document expands to too many values through its aliases (*name)")
def yaml_alias_bomb_of_a_billion(folder: Path) -> Path:
    """Ten levels of ten: 10¹⁰ values from 500 bytes."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 10)]
    path = folder / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@case(
    "score {file} -q {basic} -f json -o /dev/null",
    "{file}:2: an answer object larger than 4 MB; one respondent's answers are never that large",
)
def json_export_object_of_5_mb(folder: Path) -> Path:
    """Valid JSON: it is the size that is wrong, and the message must say so."""
    first = {"_id": 1, "motivation/mot_a": "4"}
    large = {"_id": 2, "vision/inspired": "ord " * (5 << 18)}
    path = folder / "large.jsonl"
    path.write_text(json.dumps(first) + "\n" + json.dumps(large) + "\n", encoding="utf-8")
    return path


@case(
    "report {file} -q {basic} -o report.pdf",
    "{file}:54:19: notes.team_ready: string should have at most 10000 characters",
)
def session_note_of_84_kb(folder: Path) -> Path:
    """A note that took 27 seconds to lay out in the PDF: refused as the session is read."""
    session = json.loads((DATA / "sessions" / "consensus.json").read_text(encoding="utf-8"))
    session["notes"]["team_ready"] = "Vi har talt længe om det. " * 3300
    path = folder / "long-note.json"
    path.write_text(json.dumps(session, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


@case(
    "score {file} -q {basic} -f json -o /dev/null",
    exit=0,
    message="",
    warnings=[
        "{file}:3: column 'inspired': an open answer of 100,000 characters; at most 10,000",
        "1 of 2 rows were left out because of problems; --strict fails the run instead",
    ],
)
def csv_open_answer_of_100_kb(folder: Path) -> Path:
    path = folder / "long-answer.csv"
    path.write_text(f"respondent,mot_a,inspired\nr1,4,kort\nr2,3,{'x' * 100_000}\n", encoding="utf-8")
    return path


SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_TAIL = "</sheetData></worksheet>"


def _workbook(path: Path, sheet: Iterator[bytes], shared: Iterator[bytes] | None = None) -> Path:
    """A workbook like the golden Forms export, with its sheet (and shared strings) streamed in."""
    golden = DATA / "exports" / "golden" / "forms-xlsx" / "answers.xlsx"
    with zipfile.ZipFile(golden) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                out.writestr(info.filename, source.read(info.filename))
        parts = [("xl/worksheets/sheet1.xml", sheet)] + ([("xl/sharedStrings.xml", shared)] if shared else [])
        for name, blocks in parts:
            with out.open(name, "w", force_zip64=True) as stream:
                for block in blocks:
                    stream.write(block)
    return path


def _repeat(head: str, block: bytes, times: int, tail: str) -> Iterator[bytes]:
    yield head.encode()
    for _ in range(times):
        yield block
    yield tail.encode()


@case(
    "score {file} -q {basic}",
    "{file}: part xl/worksheets/sheet1.xml is compressed 1,028 to 1 (512 MB of XML); "
    "a survey export is not (a zip bomb?)",
)
def xlsx_sheet_of_512_mb_of_spaces(folder: Path) -> Path:
    """Spaces between two rows: openpyxl would hold them all as one text."""
    first = '<row r="1"><c r="A1" t="inlineStr"><is><t>mot_a</t></is></c></row>'
    return _workbook(folder / "spaces.xlsx", _repeat(SHEET_HEAD + first, b" " * (1 << 20), 512, SHEET_TAIL))


@case(
    "score {file} -q {basic}",
    "{file}: part xl/sharedStrings.xml holds 581 MB of XML (at most 128 MB); "
    "export the answers as CSV instead",
)
def xlsx_shared_strings_of_600_mb(folder: Path) -> Path:
    strings = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    block = b"<si><t>" + b"a" * 1000 + b"</t></si>"
    shared = _repeat(strings, block * 1000, 600, "</sst>")
    return _workbook(folder / "strings.xlsx", _repeat(SHEET_HEAD, b"", 0, SHEET_TAIL), shared)


@case(
    "score {file} -q {basic}",
    "{file}: the first row of the sheet has more than 16,384 cells, Excel's limit; not a survey export",
)
def xlsx_first_row_of_a_million_cells(folder: Path) -> Path:
    """Cells of different numbers: compressed like a real sheet, but a row of a million cells."""
    cells = (f"<c><v>{n * 7919 % 1000003}</v></c>".encode() for n in range(1_000_000))
    return _workbook(
        folder / "wide.xlsx",
        chain([(SHEET_HEAD + '<row r="1">').encode()], cells, [b"</row>" + SHEET_TAIL.encode()]),
    )


@case(
    "score {file} -q {basic}",
    "{file}:1: the header line is longer than 1 MB; not a survey export's header",
)
def csv_header_of_100_mb(folder: Path) -> Path:
    path = folder / "wide.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("respondent")
        for _ in range(100):
            handle.write(",q" * (1 << 19))
        handle.write("\nr1\n")
    return path


@case(
    "score {file} -q {basic}",
    "{file}:1: the header is longer than 1 MB; not a survey export's header",
)
def csv_header_record_of_4_million_quoted_lines(folder: Path) -> Path:
    """Every line short, but each quoted field holds a line break: one header record of 4 million
    fields (was 711 MB and 8 s for 24 MB)."""
    path = folder / "tall-header.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("respondent")
        for _ in range(40):
            handle.write(',"q\n"' * 100_000)
        handle.write("\r\nr1\r\n")
    return path


@case(
    "score {file} -q {basic}",
    exit=0,
    warnings=[
        "12 cells hold a formula that was never calculated (B2, C2, D2, E2, F2, G2, H2, I2, J2, K2 "
        "and 2 more), read as blank; open the file in Excel and save it, or export it as CSV"
    ],
    message="",
)
def xlsx_answers_as_uncalculated_formulas(folder: Path) -> Path:
    from openpyxl import Workbook

    from tests.helpers.surveys import PLAN

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["respondent", *(p.id for p in PLAN.items), "mot_a2", "mot_b2", "mot_c2", "x"])
    sheet.append(["r1", *["=1+1"] * (len(PLAN.items) + 4)])
    path = folder / "formulas.xlsx"
    book.save(path)
    return path


@case(
    "score {file} -q {basic}",
    "{file}:3: a record longer than 4 MB; one respondent's answers are never that long",
)
def csv_data_row_of_20_million_fields(folder: Path) -> Path:
    """A data line the csv module would make one list of 20 million texts of (over 1 GB)."""
    path = folder / "wide-row.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("respondent,mot_a\r\nr1,4\r\nr2")
        for block in range(100):
            handle.write("".join(f",{(block * 7 + n) % 100:02d}" for n in range(200_000)))
        handle.write("\r\nr3,5\r\n")
    return path


@case(
    "score {file} -q {basic}",
    "{file}:4: a record longer than 4 MB; one respondent's answers are never that long",
)
def csv_data_record_of_4_million_quoted_lines(folder: Path) -> Path:
    """Every line short, but each quoted field holds a line break: one record of 4 million
    fields (was 345 MB for 24 MB, and exit 0 with a ragged-row warning)."""
    path = folder / "tall-record.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("respondent,mot_a\r\nr1,4\r\nr2,3\r\nr3")
        for _ in range(40):
            handle.write(',"ab\n"' * 100_000)
        handle.write("\r\nr4,5\r\n")
    return path


@case(
    "score {file} -q {basic} -f json -o /dev/null",
    "{file}:500002: a record longer than 4 MB; one respondent's answers are never that long",
)
def csv_long_line_in_the_second_half_of_a_large_file(folder: Path) -> Path:
    """Past the middle of a file large enough to be read by two processes (exports/parallel.py)."""
    path = folder / "late-long-line.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("respondent,mot_a,mot_b,mot_c,team_ready\n")
        handle.write("".join(f"r{n},4,4,5,3\n" for n in range(500_000)))
        handle.write("long" + ",1" * 2_200_000 + "\n")
        handle.write("".join(f"s{n},4,4,5,3\n" for n in range(1_000)))
    return path


HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>respondent</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>mot_a</t></is></c></row>'
)


@case(
    "score {file} -q {basic}",
    "{file}: row 2 of sheet 'Form1' is larger than Excel allows (more than 262,144 XML elements, 16 for "
    "each of its 16,384 columns); not a survey export",
)
def xlsx_second_row_of_a_million_cells(folder: Path) -> Path:
    """After the first row (checked on its own): openpyxl would hold the row's million cells."""
    cells = (f"<c><v>{n * 7919 % 1000003}</v></c>".encode() for n in range(1_000_000))
    return _workbook(
        folder / "wide-second.xlsx",
        chain([(SHEET_HEAD + HEADER_ROW + '<row r="2">').encode()], cells, [b"</row>" + SHEET_TAIL.encode()]),
    )


@case(
    "score {file} -q {basic}",
    "{file}: the sheet has rows after row 1,048,576, Excel's last; not a survey export",
)
def xlsx_row_numbered_a_billion(folder: Path) -> Path:
    """openpyxl makes an empty row for every number skipped: this took more than a minute."""
    row = '<row r="999999999"><c r="A999999999"><v>1</v></c><c r="B999999999"><v>4</v></c></row>'
    return _workbook(folder / "far-row.xlsx", iter([(SHEET_HEAD + HEADER_ROW + row + SHEET_TAIL).encode()]))


@case(
    "score {file} -q {basic}",
    "{file}: the sheet cannot be read ('ZZZZZZ' is not a valid column name. Column names are from A to ZZZ); "
    "save it again in Excel",
)
def xlsx_cell_in_column_zzzzzz(folder: Path) -> Path:
    """A cell reference openpyxl cannot read: was an internal error (exit 3)."""
    row = '<row r="2"><c r="A2"><v>1</v></c><c r="ZZZZZZ2"><v>4</v></c></row>'
    return _workbook(
        folder / "far-column.xlsx", iter([(SHEET_HEAD + HEADER_ROW + row + SHEET_TAIL).encode()])
    )


@case(
    "score {file} -q {basic}",
    "{file}: row 1 of sheet 'README' is larger than Excel allows (more than 262,144 XML elements, 16 for "
    "each of its 16,384 columns); not a survey export",
)
def xlsx_readme_sheet_of_a_million_cells(folder: Path) -> Path:
    """A README sheet (read for a template's reference), not the answers: took 600 MB."""
    from openpyxl import Workbook

    book = Workbook()
    answers = book.active
    assert answers is not None
    answers.title = "Svar"
    answers.append(["respondent", "mot_a"])
    answers.append(["r1", "4"])
    book.create_sheet("README").append(["x"])
    plain = folder / "plain.xlsx"
    book.save(plain)
    cells = (f"<c><v>{n * 7919 % 1000003}</v></c>".encode() for n in range(1_000_000))
    path = folder / "readme.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename != "xl/worksheets/sheet2.xml":
                out.writestr(info, source.read(info.filename))
                continue
            with out.open(info.filename, "w", force_zip64=True) as stream:
                stream.write((SHEET_HEAD + '<row r="1">').encode())
                for cell in cells:
                    stream.write(cell)
                stream.write(b"</row>" + SHEET_TAIL.encode())
    plain.unlink()
    return path
