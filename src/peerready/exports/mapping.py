"""The mapping file: which export column is which item, and what the export's answer texts mean.

Needed only when an export's column names or answer texts are not peerready's own
(`peerready score --suggest-map` drafts one).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from peerready.documents.loader import parse_document, read_text, validate
from peerready.errors import DocumentError, Problem
from peerready.model.questionnaire import Questionnaire
from peerready.model.session import Role

MAPPING_FORMAT = "peerready-mapping/1"


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


class ColumnMapping(_Model):
    format: str = Field(default=MAPPING_FORMAT, pattern=r"^peerready-mapping/1$")
    questionnaire: str | None = Field(default=None, description="The questionnaire id the export answers")
    respondent: str | None = Field(default=None, description="Column with respondent ids")
    role: str | None = Field(default=None, description="Column with each respondent's role")
    roles: dict[str, Role] = Field(default_factory=dict, description="Role column texts → role keys")
    complete: CompletionRule | None = Field(default=None, description="Which responses are complete")
    answers: dict[str, str] = Field(
        default_factory=dict,
        description="Answer texts or codes → option id, dont_know or not_applicable, for every column",
    )
    columns: dict[str, str | ColumnMap] = Field(
        default_factory=dict, description="Column header → item id (or item id with its own answers)"
    )

    def column_maps(self) -> dict[str, ColumnMap]:
        return {
            header: target if isinstance(target, ColumnMap) else ColumnMap(item=target)
            for header, target in self.columns.items()
        }


def load_mapping(path: Path, questionnaire: Questionnaire) -> ColumnMapping:
    """Read a mapping file and check that it names real items and options."""
    parsed = parse_document(read_text(path), str(path))
    mapping = validate(parsed, ColumnMapping)
    problems: list[Problem] = []
    options = {
        item.id: {o.id for o in questionnaire.options_of(item)}
        for domain in questionnaire.domains
        for item in domain.scored_items
    }
    special = {"dont_know", "not_applicable"}
    all_options = set().union(*options.values()) if options else set()
    for text, target in mapping.answers.items():
        if target not in all_options | special:
            problems.append(Problem(f"answers.{text}", f"no item has an option '{target}'"))
    for header, column in mapping.column_maps().items():
        where = f"columns.{header}"
        if column.item not in questionnaire.item_by_id:
            problems.append(Problem(where, f"no item '{column.item}' in '{questionnaire.id}'"))
            continue
        allowed = options.get(column.item, set()) | special
        for text, target in column.answers.items():
            if target not in allowed:
                expected = ", ".join(sorted(allowed))
                problems.append(Problem(f"{where}.answers.{text}", f"expected one of {expected}"))
    if problems:
        raise DocumentError(parsed.locate(problems))
    return mapping
