"""The commands: typer declarations → command functions → exit codes.

Heavy libraries (questionary, jinja2, weasyprint) are imported inside the commands that
need them, so `peerready --help` stays fast.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer

from peerready.cli.assess import assess_command
from peerready.cli.options import (
    AllowMismatchOption,
    ByRoleOption,
    DelimiterOption,
    EncodingOption,
    GroupByOption,
    IncompleteOption,
    LangOption,
    Language,
    MapOption,
    MinGroupSizeOption,
    QuestionnaireOption,
    ReportFormat,
    SchemaKind,
    ScoreFormat,
    SheetOption,
    StrictOption,
    TemplateKind,
    TextOrJson,
    export_options,
    lang_of,
    show_version,
)
from peerready.output import console

app = typer.Typer(
    name="peerready",
    help="How ready is your organisation to employ peer support workers? "
    "Assess together, score survey answers, and write the report.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,  # our own error boundary; never show answers in tracebacks
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=show_version, is_eager=True, help="Show the version and exit."),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on internal errors.")] = False,
) -> None:
    """How ready is your organisation to employ peer support workers?"""


@app.command()
def validate(
    files: Annotated[list[Path], typer.Argument(help="Questionnaire, catalogue or session files.")],
) -> int:
    """Check files and report every problem with its file, line and place in the document."""
    from peerready.commands.validate import validate as run

    return run(files)


@app.command()
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="Which format.")] = SchemaKind.questionnaire,
) -> int:
    """Print the JSON Schema of a file format (for editor completion of YAML files)."""
    from peerready.commands.schema import schema as run

    return run(kind.value)


@app.command("list")
def list_(lang: LangOption = None) -> int:
    """List the bundled questionnaires."""
    from peerready.commands.browse import list_questionnaires

    return list_questionnaires(lang_of(lang) or console.locale_language())


@app.command()
def show(
    questionnaire: Annotated[str, typer.Argument(help="A bundled questionnaire id or a file path.")],
    format: Annotated[TextOrJson, typer.Option("--format", "-f", help="text, or json: the full model.")] = (
        TextOrJson.text
    ),
    lang: LangOption = None,
) -> int:
    """Show a questionnaire: its domains and items, or its full model as JSON."""
    from peerready.commands.browse import show as run

    return run(questionnaire, format.value, lang_of(lang) or console.locale_language())


@app.command()
def score(
    answers: Annotated[
        Path, typer.Argument(help="A session file, or exported survey answers (CSV, TSV, XLSX, JSON).")
    ],
    questionnaire: QuestionnaireOption = None,
    format: Annotated[
        ScoreFormat, typer.Option("--format", "-f", help="table, json, csv or md (a summary for CI).")
    ] = ScoreFormat.table,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Write the json, csv or md output to this file."),
    ] = None,
    lang: LangOption = None,
    fail_under: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option("--fail-under", min=0, max=100, help="Exit 1 if the overall score is below N."),
    ] = None,
    fail_under_domain: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--fail-under-domain", help="Exit 1 if domain ID scores below N (ID=N; repeatable)."),
    ] = None,
    min_group_size: MinGroupSizeOption = None,
    allow_version_mismatch: AllowMismatchOption = False,
    mapping: MapOption = None,
    suggest_map: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--suggest-map", help="Draft a mapping file for the export, then stop."),
    ] = None,
    group_by: GroupByOption = None,
    by_role: ByRoleOption = False,
    include_incomplete: IncompleteOption = False,
    strict: StrictOption = False,
    encoding: EncodingOption = None,
    delimiter: DelimiterOption = None,
    sheet: SheetOption = None,
    respondents: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--respondents", help="Write each respondent's scores to this CSV file."),
    ] = None,
) -> int:
    """Score answers: overall verdict, domain scores, agreement, groups and recommendations."""
    from peerready.commands.score import (
        Output,
        Thresholds,
        parse_domain_thresholds,
        score_file,
        suggest_map_file,
    )

    export = export_options(
        mapping, encoding, delimiter, sheet, group_by, by_role, include_incomplete, strict,
        min_group_size, allow_version_mismatch, lang,
    )  # fmt: skip
    if suggest_map is not None:
        return suggest_map_file(answers, questionnaire=questionnaire, export=export, target=suggest_map)
    thresholds = Thresholds(fail_under, parse_domain_thresholds(fail_under_domain or []))
    return score_file(
        answers,
        questionnaire=questionnaire,
        output=Output(format.value, lang_of(lang), output, respondents),
        thresholds=thresholds,
        export=export,
    )


@app.command()
def template(
    questionnaire: Annotated[str, typer.Argument(help="A bundled questionnaire id or a file path.")],
    to: Annotated[TemplateKind, typer.Option("--to", help="csv, xlsx, or xlsform (KoboToolbox/ODK).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write.")],
    lang: LangOption = None,
    group: Annotated[bool, typer.Option(help="Include a group (department) column.")] = True,
    role: Annotated[bool, typer.Option(help="Include a role column.")] = True,
    delimiter: Annotated[
        str, typer.Option("--delimiter", help="CSV delimiter (';' for Danish Excel).")
    ] = ",",
) -> int:
    """Write a blank response sheet (CSV, XLSX) or an XLSForm that 'peerready score' reads back."""
    from peerready.commands.template import template as run

    return run(
        questionnaire,
        to=to.value,
        output=output,
        lang=lang_of(lang) or console.locale_language(),
        group=group,
        role=role,
        delimiter=delimiter,
    )


app.command(name="assess")(assess_command)


@app.command()
def report(
    answers: Annotated[
        Path, typer.Argument(help="A session file, or exported survey answers (CSV, TSV, XLSX, JSON).")
    ],
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help="The report file; its suffix picks the format (default: ANSWERS.pdf here).",
        ),
    ] = None,
    format: Annotated[
        Optional[ReportFormat],  # noqa: UP045
        typer.Option("--format", "-f", help="pdf, html, md or json (html, md, json: to the terminal)."),
    ] = None,
    lang: Annotated[
        Optional[Language],  # noqa: UP045
        typer.Option("--lang", "-l", help="Language of the report (default: the session's)."),
    ] = None,
    baseline: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--baseline",
            help="An earlier session or result of the same questionnaire: show what changed.",
        ),
    ] = None,
    brand: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--brand", help="Brand file: the consultant's name, logo, colour and contact."),
    ] = None,
    organisation: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--organisation", help="The organisation's name on the report (a survey export has none)."
        ),
    ] = None,
    date: Annotated[
        Optional[dt.datetime],  # noqa: UP045
        typer.Option(
            "--date", formats=["%Y-%m-%d"], help="The assessment's date, YYYY-MM-DD (default: the session's)."
        ),
    ] = None,
    questionnaire: QuestionnaireOption = None,
    min_group_size: MinGroupSizeOption = None,
    allow_version_mismatch: AllowMismatchOption = False,
    mapping: MapOption = None,
    group_by: GroupByOption = None,
    by_role: ByRoleOption = False,
    include_incomplete: IncompleteOption = False,
    strict: StrictOption = False,
    encoding: EncodingOption = None,
    delimiter: DelimiterOption = None,
    sheet: SheetOption = None,
) -> int:
    """Write the readiness report: PDF, HTML, Markdown or JSON."""
    from peerready.commands.report import Options
    from peerready.commands.report import report as run

    export = export_options(
        mapping, encoding, delimiter, sheet, group_by, by_role, include_incomplete, strict,
        min_group_size, allow_version_mismatch, lang,
    )  # fmt: skip
    options = Options(
        questionnaire=questionnaire,
        export=export,
        baseline=baseline,
        brand=brand,
        organisation=organisation.strip() if organisation and organisation.strip() else None,
        date=date.date() if date else None,
    )
    return run(
        answers, output=output, fmt=format.value if format else None, lang=lang_of(lang), options=options
    )
