"""The options several commands share, as typer declarations, and the checks of their values.

Choices and numbers arrive as text and are checked here, so that a wrong value gets a plain
one-line error in the user's language (typer's own checks speak of pydantic types), and every
placeholder in `--help` names what to write (FILE, N, ID=N) rather than a Python type.
Help texts are marked with N_ and translated when the help is shown (cli.localise).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from peerready import __version__
from peerready.errors import UsageError
from peerready.locale import LANGUAGES, N_, _

if TYPE_CHECKING:
    from peerready.exports.options import ExportOptions  # pydantic-based; not needed to start up
    from peerready.i18n import Lang

SCORE_FORMATS = ("table", "json", "csv", "md")
REPORT_FORMATS = ("pdf", "html", "md", "json")
SHOW_FORMATS = ("text", "json")
TEMPLATE_KINDS = ("csv", "xlsx", "xlsform")
SCHEMA_KINDS = ("questionnaire", "catalogue", "session", "result", "batch", "mapping", "brand")


def choice(*values: str) -> Callable[[str | None], str | None]:
    """A check that the value is one of `values`, and their list for shell completion."""

    def check(value: str | None) -> str | None:
        if value is not None and value not in values:
            raise typer.BadParameter(
                _("'{value}' is not one of {choices}").format(value=value, choices=", ".join(values))
            )
        return value

    return check


def completions(*values: str) -> Callable[[], list[str]]:
    return lambda: list(values)


def choice_option(*names: str, values: tuple[str, ...], help: str) -> Any:
    """An option that takes one of `values`: listed as a|b|c in --help, checked with a one-line
    error, and offered by shell completion."""
    return typer.Option(
        *names,
        metavar="|".join(values),
        callback=choice(*values),
        autocompletion=completions(*values),
        help=help,
    )


def number(option: str, value: str | None, low: float, high: float) -> float | None:
    """An option's number, written with a decimal point or a Danish decimal comma."""
    if value is None:
        return None
    try:
        parsed = float(value.strip().replace(",", "."))
    except ValueError:
        parsed = low - 1
    if not low <= parsed <= high:  # NaN fails this too
        raise _wrong(option, _("a number from {low:g} to {high:g}").format(low=low, high=high), value)
    return parsed


def whole(option: str, value: str | None, low: int) -> int | None:
    if value is None:
        return None
    try:
        parsed = int(value.strip())
    except ValueError:
        parsed = low - 1
    if parsed < low:
        raise _wrong(option, _("a whole number of at least {low}").format(low=low), value)
    return parsed


def _wrong(option: str, expected: str, value: str) -> UsageError:
    return UsageError(
        _("{option}: expected {expected}, got '{value}'").format(
            option=option, expected=expected, value=value
        )
    )


def day(option: str, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(
            _("{option}: expected a date as YYYY-MM-DD, got '{value}'").format(option=option, value=value)
        ) from None


def show_version(value: bool) -> None:
    if value:
        typer.echo(f"peerready {__version__}")
        raise typer.Exit()


def lang_of(value: str | None) -> Lang | None:
    return next((lang for lang in LANGUAGES if lang == value), None)


LangOption = Annotated[
    Optional[str],  # noqa: UP045 - typer needs Optional here
    choice_option(
        "--lang",
        "-l",
        values=LANGUAGES,
        help=N_("Language of the output (default: the locale or the session's)."),
    ),
]

# Options that `score` and `report` share.
QuestionnaireOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--questionnaire",
        "-q",
        metavar="ID|FILE",
        help=N_("Questionnaire id or file (default: the one the file names)."),
    ),
]
MinGroupSizeOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--min-group-size", metavar="N", help=N_("Never show a group smaller than N people (default 5).")
    ),
]
AllowMismatchOption = Annotated[
    bool,
    typer.Option(
        "--allow-version-mismatch",
        help=N_("Score answers given on another version of the questionnaire, saying what changed."),
    ),
]

# How to read exported survey answers: options that `score` and `report` share.
MapOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--map", "-m", metavar="FILE", help=N_("Mapping file: which export column is which item.")),
]
GroupByOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--group-by",
        metavar="COLUMN",
        help=N_(
            "Score per value of this column (e.g. department). Each output hides groups that could "
            "single someone out, but two runs grouped by different columns can be subtracted from "
            "each other: publish one breakdown only."
        ),
    ),
]
ByRoleOption = Annotated[
    bool, typer.Option("--by-role", help=N_("Score per role (the export's role column)."))
]
IncompleteOption = Annotated[
    bool, typer.Option("--include-incomplete", help=N_("Score unfinished responses too."))
]
StrictOption = Annotated[bool, typer.Option("--strict", help=N_("Fail (exit 2) on any bad row."))]
EncodingOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--encoding", metavar="NAME", help=N_("The CSV's encoding (default: detected).")),
]
DelimiterOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--delimiter", metavar="C", help=N_("The CSV's delimiter (default: detected).")),
]
SheetOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--sheet", metavar="NAME", help=N_("The XLSX sheet (default: the first).")),
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
    min_group_size: str | None,
    allow_version_mismatch: bool,
    lang: str | None,
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
        min_group_size=whole("--min-group-size", min_group_size, 1),
        allow_version_mismatch=allow_version_mismatch,
        language=lang_of(lang) or console.locale_language(),
    )
