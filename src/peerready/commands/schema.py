"""`peerready schema`: the JSON Schema of each file format, for editors and other tools."""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel

from peerready.errors import EXIT_OK
from peerready.exports.mapping import ColumnMapping
from peerready.exports.summary import BatchSummary
from peerready.model.catalogue import Catalogue
from peerready.model.questionnaire import Questionnaire
from peerready.model.result import ScoreResult
from peerready.model.session import Session
from peerready.output import console
from peerready.report.brand import Brand

SchemaKind = Literal["questionnaire", "catalogue", "session", "result", "batch", "mapping", "brand"]

MODELS: dict[str, type[BaseModel]] = {
    "questionnaire": Questionnaire,
    "catalogue": Catalogue,
    "session": Session,
    "result": ScoreResult,
    "batch": BatchSummary,
    "mapping": ColumnMapping,
    "brand": Brand,
}


def schema_for(kind: str) -> dict[str, object]:
    schema = MODELS[kind].model_json_schema()
    return {**schema, "$schema": "https://json-schema.org/draft/2020-12/schema", "title": f"peerready {kind}"}


def schema(kind: str) -> int:
    console.write_out(json.dumps(schema_for(kind), indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK
