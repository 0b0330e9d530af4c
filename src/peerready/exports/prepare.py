"""Before any row is scored: which platform wrote the export, its header rows, its codebook, and
which column is what. Shared by the batch scorer and the simple path it is tested against."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain

from peerready.errors import DocumentError, InputError
from peerready.exports.codebook import read_codebook
from peerready.exports.headers import Headers, read_headers
from peerready.exports.layout import Layout, build_layout
from peerready.exports.levels import check_codebook, numeric_columns
from peerready.exports.mapping import MappingFile
from peerready.exports.platforms import Platform, detect
from peerready.exports.platforms.surveyxact import SURVEYXACT
from peerready.exports.source import ExportReader
from peerready.model.questionnaire import Questionnaire
from peerready.scoring.tally import ScoringPlan

SAMPLE_ROWS = 256  # rows looked at before scoring: is an id column an id, are numbers points


@dataclass
class Prepared:
    layout: Layout
    headers: Headers
    platform: Platform
    numeric: set[int]  # item columns read as points from numbers


def prepare(
    source: ExportReader,
    questionnaire: Questionnaire,
    plan: ScoringPlan,
    mapping: MappingFile | None,
    group_by: str | None,
) -> Prepared:
    platform = detect(source.header, template=source.template is not None)
    refused = platform.refuse(source.header)
    if refused:
        sheet = f" (sheet '{source.sheet}')" if source.sheet else ""
        raise InputError(f"{source.label}{sheet}: {refused}")
    headers = read_headers(source, platform, mapping)
    first = next(source.chunks, None)
    sample = first.rows[:SAMPLE_ROWS] if first else []
    if first is not None:
        source.chunks = chain([first], source.chunks)
    codebook = read_codebook(source, mapping, platform is SURVEYXACT)
    try:
        layout = build_layout(
            headers.names,
            questionnaire,
            plan,
            mapping,
            group_by,
            platform=platform,
            sample=sample,
            codebook=codebook,
        )
    except DocumentError:
        raise  # names the mapping file and its line
    except InputError as exc:  # about the export's columns: named after its file
        raise InputError(f"{source.label}: {exc}") from None
    check_codebook(layout)
    return Prepared(layout, headers, platform, numeric_columns(layout, sample))
