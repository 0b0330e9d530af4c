"""`score` and `report`: the two commands that read answers (a session or a survey export) and
share how to read them. Registered on the app in cli.app."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from peerready.cli.options import (
    REPORT_FORMATS,
    SCORE_FORMATS,
    AllowMismatchOption,
    ByRoleOption,
    DelimiterOption,
    EncodingOption,
    GroupByOption,
    IncompleteOption,
    LangOption,
    MapOption,
    MinGroupSizeOption,
    QuestionnaireOption,
    SheetOption,
    StrictOption,
    choice_option,
    day,
    export_options,
    lang_of,
    number,
)
from peerready.locale import N_

AnswersArgument = Annotated[
    Path,
    typer.Argument(
        metavar="ANSWERS", help=N_("A session file, or exported survey answers (CSV, TSV, XLSX, JSON).")
    ),
]


def score(
    answers: AnswersArgument,
    questionnaire: QuestionnaireOption = None,
    format: Annotated[
        str,
        choice_option(
            "--format", "-f", values=SCORE_FORMATS, help=N_("table, json, csv or md (a summary for CI).")
        ),
    ] = "table",
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output", "-o", metavar="FILE", help=N_("Write the json, csv or md output to this file.")
        ),
    ] = None,
    lang: LangOption = None,
    fail_under: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--fail-under", metavar="N", help=N_("Exit 1 if the overall score is below N (0-100).")),
    ] = None,
    fail_under_domain: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--fail-under-domain",
            metavar="ID=N",
            help=N_("Exit 1 if domain ID scores below N; repeatable."),
        ),
    ] = None,
    min_group_size: MinGroupSizeOption = None,
    allow_version_mismatch: AllowMismatchOption = False,
    mapping: MapOption = None,
    suggest_map: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--suggest-map", metavar="FILE", help=N_("Draft a mapping file for the export, then stop.")
        ),
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
        typer.Option(
            "--respondents", metavar="FILE", help=N_("Write each respondent's scores to this CSV file.")
        ),
    ] = None,
) -> int:
    from peerready.commands.score import Output, score_file, suggest_map_file
    from peerready.commands.thresholds import Thresholds, parse_domain_thresholds

    export = export_options(
        mapping, encoding, delimiter, sheet, group_by, by_role, include_incomplete, strict,
        min_group_size, allow_version_mismatch, lang,
    )  # fmt: skip
    if suggest_map is not None:
        return suggest_map_file(answers, questionnaire=questionnaire, export=export, target=suggest_map)
    overall = number("--fail-under", fail_under, 0, 100)
    thresholds = Thresholds(overall, parse_domain_thresholds(fail_under_domain or []))
    return score_file(
        answers,
        questionnaire=questionnaire,
        output=Output(format, lang_of(lang), output, respondents),
        thresholds=thresholds,
        export=export,
    )


def report(
    answers: AnswersArgument,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help=N_("The report file; its suffix picks the format (default: ANSWERS.pdf here)."),
        ),
    ] = None,
    format: Annotated[
        Optional[str],  # noqa: UP045
        choice_option(
            "--format",
            "-f",
            values=REPORT_FORMATS,
            help=N_("pdf, html, md or json (html, md, json: to the terminal)."),
        ),
    ] = None,
    lang: LangOption = None,
    baseline: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--baseline",
            metavar="FILE",
            help=N_(
                "An earlier session or result (score --format json) of the same questionnaire: "
                "show what changed."
            ),
        ),
    ] = None,
    brand: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--brand", metavar="FILE", help=N_("Brand file: the consultant's name, logo, colour and contact.")
        ),
    ] = None,
    organisation: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--organisation",
            metavar="NAME",
            help=N_("The organisation's name on the report (a survey export has none)."),
        ),
    ] = None,
    date: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--date", metavar="YYYY-MM-DD", help=N_("The assessment's date (default: the session's).")
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
        date=day("--date", date),
    )
    return run(answers, output=output, fmt=format, lang=lang_of(lang), options=options)
