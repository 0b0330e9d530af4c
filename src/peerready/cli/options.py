"""The options several commands share, and the choices options take, as typer declarations."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from peerready import __version__

if TYPE_CHECKING:
    from peerready.exports.options import ExportOptions  # pydantic-based; not needed to start up
    from peerready.i18n import Lang


class Language(StrEnum):
    da = "da"
    en = "en"


class TextOrJson(StrEnum):
    text = "text"
    json = "json"


class ScoreFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


class TemplateKind(StrEnum):
    csv = "csv"
    xlsx = "xlsx"
    xlsform = "xlsform"


class SchemaKind(StrEnum):
    questionnaire = "questionnaire"
    catalogue = "catalogue"
    session = "session"
    result = "result"
    batch = "batch"
    mapping = "mapping"
    brand = "brand"


class ReportFormat(StrEnum):
    pdf = "pdf"
    html = "html"
    md = "md"
    json = "json"


def lang_of(value: Language | None) -> Lang | None:
    return None if value is None else value.value  # type: ignore[return-value,unused-ignore]


def show_version(value: bool) -> None:
    if value:
        typer.echo(f"peerready {__version__}")
        raise typer.Exit()


TimerOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--timer", help="A discussion timer per item shown on screen, e.g. 3m or 90s."),
]
LargeOption = Annotated[
    Optional[bool],  # noqa: UP045
    typer.Option(
        "--large/--normal",
        help="Projector layout: large statement, big bars (default: from 140 columns).",
        show_default=False,
    ),
]
LangOption = Annotated[
    Optional[Language],  # noqa: UP045 - typer needs Optional here
    typer.Option("--lang", "-l", help="Language of the output (default: the locale or the session's)."),
]

# Options that `score` and `report` share.
QuestionnaireOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--questionnaire", "-q", help="Questionnaire id or file (default: the one the file names)."),
]
MinGroupSizeOption = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option("--min-group-size", min=1, help="Never show a group smaller than this (default 5)."),
]
AllowMismatchOption = Annotated[
    bool,
    typer.Option(help="Score answers given on another version of the questionnaire, saying what changed."),
]

# How to read exported survey answers: options that `score` and `report` share.
MapOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--map", "-m", help="Mapping file: export columns and answers → items."),
]
GroupByOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--group-by", help="Score per value of this column (e.g. department)."),
]
ByRoleOption = Annotated[bool, typer.Option("--by-role", help="Score per role (the export's role column).")]
IncompleteOption = Annotated[
    bool, typer.Option("--include-incomplete", help="Score unfinished responses too.")
]
StrictOption = Annotated[bool, typer.Option("--strict", help="Fail (exit 2) on any bad row.")]
EncodingOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--encoding", help="The CSV's encoding (default: detected)."),
]
DelimiterOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--delimiter", help="The CSV's delimiter (default: detected)."),
]
SheetOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--sheet", help="The XLSX sheet (default: the first)."),
]


def export_options(
    mapping: Path | None,
    encoding: str | None,
    delimiter: str | None,
    sheet: str | None,
    group_by: str | None,
    by_role: bool,
    include_incomplete: bool,
    strict: bool,
    min_group_size: int | None,
    allow_version_mismatch: bool,
    lang: Language | None,
) -> ExportOptions:
    """How to read an export, from the options `score` and `report` share."""
    from peerready.exports.options import ExportOptions
    from peerready.output import console

    return ExportOptions(
        mapping=mapping,
        encoding=encoding,
        delimiter=delimiter,
        sheet=sheet,
        group_by=group_by,
        by_role=by_role,
        include_incomplete=include_incomplete,
        strict=strict,
        min_group_size=min_group_size,
        allow_version_mismatch=allow_version_mismatch,
        language=lang_of(lang) or console.locale_language(),
    )
