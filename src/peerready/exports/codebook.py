"""Codebooks: where an export keeps each answer code's label apart from the answers — SurveyXact's
"Labels" sheet, or a file beside the export — as rows of variable, value, label (the variable
may be given once, over the rows of its codes). Codes are then read by their labels."""

from __future__ import annotations

import csv
import io

from peerready.documents.loader import read_text
from peerready.errors import InputError
from peerready.exports.answers import normal
from peerready.exports.mapping import MappingFile
from peerready.exports.source import ExportReader
from peerready.exports.xlsxsource import LABEL_SHEETS

Codes = dict[str, dict[str, str]]  # normalised variable → code → label
HEADER_WORDS = {"value", "værdi", "code", "kode", "waarde", "verdi"}


def read_codebook(source: ExportReader, mapping: MappingFile | None, platform_reads_labels: bool) -> Codes:
    """The codebook the mapping names, or else the workbook's label sheet where the platform
    keeps one (SurveyXact); empty when there is none."""
    given = mapping.mapping.labels if mapping else None
    if given is not None and mapping is not None and given.file is not None:
        path = (mapping.path.parent / given.file).resolve()
        text = read_text(path)
        delimiter = ";" if text.split("\n", 1)[0].count(";") >= text.split("\n", 1)[0].count(",") else ","
        return codes_of(list(csv.reader(io.StringIO(text), delimiter=delimiter)), str(path))
    wanted = given.sheet if given is not None else None
    if wanted is None and platform_reads_labels:
        wanted = next((s for s in source.sheets if s.strip().casefold() in LABEL_SHEETS), None)
    if wanted is None:
        return {}
    if source.other_sheet is None or wanted not in source.sheets:
        raise InputError(
            f"{source.label}: no sheet '{wanted}' for the codebook (sheets: {', '.join(source.sheets)})"
        )
    return codes_of(source.other_sheet(wanted), f"{source.label}, sheet '{wanted}'")


def codes_of(rows: list[list[str]], where: str) -> Codes:
    found: Codes = {}
    variable = ""
    for row in rows:
        cells = [c.strip() for c in row] + ["", "", ""]
        name, code, label = cells[0], cells[1], cells[2]
        if not code or not label:
            continue
        if not found and normal(code) in HEADER_WORDS:
            continue  # a header row ("Variable", "Value", "Label")
        variable = name or variable
        if not variable:
            raise InputError(
                f"{where}: a code before any variable name (expected rows of variable, value, label)"
            )
        found.setdefault(normal(variable), {})[code] = label
    return found
