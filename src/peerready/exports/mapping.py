"""The mapping file: which export column is which item, and what the export's answer texts mean.

Needed only when an export's column names or answer texts are not peerready's own
(`peerready score --suggest-map` drafts one). A column is named by its header, or by
`column E` / `column 5` where headers are blank or repeated; codes are declared once per
scale (`scales:`), per column (`answers:` under a column), or read from a codebook (`labels:`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from peerready.documents.loader import Parsed, parse_document, read_text, validate
from peerready.errors import DocumentError, Problem
from peerready.model.questionnaire import CHECKLIST_SCALE, ChecklistItem, ChoiceItem, Questionnaire
from peerready.model.session import Role

MAPPING_FORMAT = "peerready-mapping/1"
SPECIAL = {"dont_know", "not_applicable"}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class ColumnMap(_Model):
    item: str = Field(description="The item id this column answers")
    answers: dict[str, str] = Field(
        default_factory=dict,
        description="This column's answer texts or codes → option id, dont_know or not_applicable",
    )


class CompletionRule(_Model):
    column: str
    values: list[str] = Field(min_length=1, description="Values that mean the response is complete")


class Codebook(_Model):
    """Where the export keeps each code's label: rows of variable, value, label (SurveyXact)."""

    sheet: str | None = Field(default=None, description="A sheet of the export's workbook")
    file: str | None = Field(default=None, description="A CSV file, relative to the mapping file")

    @model_validator(mode="after")
    def _one(self) -> Codebook:
        if (self.sheet is None) == (self.file is None):
            raise ValueError("name either 'sheet' or 'file'")
        return self


class ColumnMapping(_Model):
    format: str = Field(default=MAPPING_FORMAT, pattern=r"^peerready-mapping/1$")
    questionnaire: str | None = Field(default=None, description="The questionnaire id the export answers")
    header_rows: int | None = Field(
        default=None, ge=1, le=10, description="Rows at the top that are headers, not respondents"
    )
    header_row: int | None = Field(
        default=None, ge=1, le=10, description="Which of the header rows names the columns (1 = the first)"
    )
    respondent: str | None = Field(default=None, description="Column with respondent ids")
    role: str | None = Field(default=None, description="Column with each respondent's role")
    roles: dict[str, Role] = Field(default_factory=dict, description="Role column texts → role keys")
    complete: CompletionRule | None = Field(default=None, description="Which responses are complete")
    no_answer: list[str] = Field(
        default_factory=list, description="Cell values that mean no answer, e.g. NA, -, 999"
    )
    answers: dict[str, str] = Field(
        default_factory=dict,
        description="Answer texts or codes → option id, dont_know or not_applicable, for every column",
    )
    scales: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description="Scale id → its codes in the export → option id, dont_know or not_applicable",
    )
    labels: Codebook | None = Field(default=None, description="A codebook giving each code's label")
    columns: dict[str, str | ColumnMap] = Field(
        default_factory=dict,
        description="Column (header, 'column E' or 'column 5') → item id (or item id with its own answers)",
    )

    def column_maps(self) -> dict[str, ColumnMap]:
        return {
            header: target if isinstance(target, ColumnMap) else ColumnMap(item=target)
            for header, target in self.columns.items()
        }


@dataclass(frozen=True)
class MappingFile:
    """A mapping with the file it came from, so that a problem found later names its line."""

    mapping: ColumnMapping
    path: Path
    parsed: Parsed | None = None

    def problem(self, where: tuple[str, ...], message: str) -> DocumentError:
        mark = self.parsed.positions.find(where) if self.parsed is not None else None
        line, column = mark if mark else (None, None)
        shown = ".".join(f'"{part}"' if "." in part or " " in part else part for part in where)
        return DocumentError([Problem(shown, message, line, column, str(self.path))])


def scale_of(questionnaire: Questionnaire, item_id: str) -> str | None:
    """The scale an item's options come from (None: a choice item has its own)."""
    item = questionnaire.item_by_id.get(item_id)
    if isinstance(item, ChecklistItem):
        return CHECKLIST_SCALE.id
    if item is None or isinstance(item, ChoiceItem):
        return None
    return getattr(item, "scale", None)


def load_mapping(path: Path, questionnaire: Questionnaire) -> MappingFile:
    """Read a mapping file and check that it names real items, scales and options."""
    parsed = parse_document(read_text(path), str(path))
    mapping = validate(parsed, ColumnMapping)
    problems: list[Problem] = []
    options = {
        item.id: {o.id for o in questionnaire.options_of(item)}
        for domain in questionnaire.domains
        for item in domain.scored_items
    }
    all_options = set().union(*options.values()) if options else set()
    for text, target in mapping.answers.items():
        if target not in all_options | SPECIAL:
            problems.append(Problem(f"answers.{text}", f"no item has an option '{target}'"))
    scales = {s.id: {o.id for o in s.options} for s in [*questionnaire.scales, CHECKLIST_SCALE]}
    for scale_id, codes in mapping.scales.items():
        if scale_id not in scales:
            known = ", ".join(sorted(scales))
            problems.append(Problem(f"scales.{scale_id}", f"no scale '{scale_id}' (scales: {known})"))
            continue
        for code, target in codes.items():
            if target not in scales[scale_id] | SPECIAL:
                expected = ", ".join(sorted(scales[scale_id] | SPECIAL))
                problems.append(Problem(f"scales.{scale_id}.{code}", f"expected one of {expected}"))
    for header, column in mapping.column_maps().items():
        where = f"columns.{header}"
        if column.item not in questionnaire.item_by_id:
            problems.append(Problem(where, f"no item '{column.item}' in '{questionnaire.id}'"))
            continue
        allowed = options.get(column.item, set()) | SPECIAL
        for text, target in column.answers.items():
            if target not in allowed:
                expected = ", ".join(sorted(allowed))
                problems.append(Problem(f"{where}.answers.{text}", f"expected one of {expected}"))
    if problems:
        raise DocumentError(parsed.locate(problems))
    return MappingFile(mapping, path, parsed)
