"""The commands: typer declarations → command functions → exit codes.

Heavy libraries (questionary, jinja2, weasyprint) are imported inside the commands that
need them, so `peerready --help` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from peerready.cli.localise import LocalisedCommand, LocalisedGroup
from peerready.cli.options import (
    SCHEMA_KINDS,
    SHOW_FORMATS,
    TEMPLATE_KINDS,
    LangOption,
    choice,
    choice_option,
    completions,
    lang_of,
    show_version,
)
from peerready.cli.results import report, score
from peerready.locale import N_
from peerready.output import console

app = typer.Typer(
    name="peerready",
    cls=LocalisedGroup,
    help=N_(
        "How ready is your organisation to employ peer support workers? "
        "Assess together, score survey answers, and write the report."
    ),
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion
    rich_markup_mode=None,  # click's plain help: it reflows at any width (rich's tables cut words)
    pretty_exceptions_enable=False,  # our own error boundary; never show answers in tracebacks
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=show_version, is_eager=True, help=N_("Show the version and exit.")
        ),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help=N_("Show a traceback on internal errors."))] = False,
    lang: LangOption = None,  # chosen before the command line is read (cli.main), here for --help
) -> None:
    pass


@app.command(
    cls=LocalisedCommand,
    help=N_(
        "Check peerready files of any kind. Every problem is reported with its file, line and place "
        "in the document."
    ),
)
def validate(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE...",
            help=N_("Questionnaire, catalogue, session, result, mapping or brand files."),
        ),
    ],
) -> int:
    from peerready.commands.validate import validate as run

    return run(files)


@app.command(
    cls=LocalisedCommand,
    help=N_("Print the JSON Schema of a file format. Editors use it to complete and check YAML files."),
)
def schema(
    kind: Annotated[
        str,
        typer.Argument(
            metavar="KIND",
            callback=choice(*SCHEMA_KINDS),
            autocompletion=completions(*SCHEMA_KINDS),
            help=N_("Which format: questionnaire, catalogue, session, result, batch, mapping or brand."),
        ),
    ] = "questionnaire",
) -> int:
    from peerready.commands.schema import schema as run

    return run(kind)


@app.command("list", cls=LocalisedCommand, help=N_("List the bundled questionnaires."))
def list_(lang: LangOption = None) -> int:
    from peerready.commands.browse import list_questionnaires

    return list_questionnaires(lang_of(lang) or console.locale_language())


QuestionnaireArgument = Annotated[
    str, typer.Argument(metavar="QUESTIONNAIRE", help=N_("A bundled questionnaire id or a file path."))
]


@app.command(
    cls=LocalisedCommand,
    help=N_("Show a questionnaire's domains and items. With --format json: its full model."),
)
def show(
    questionnaire: QuestionnaireArgument,
    format: Annotated[
        str,
        choice_option("--format", "-f", values=SHOW_FORMATS, help=N_("text, or json: the full model.")),
    ] = "text",
    lang: LangOption = None,
) -> int:
    from peerready.commands.browse import show as run

    return run(questionnaire, format, lang_of(lang) or console.locale_language())


# the two commands that read answers, declared with the options they share in cli.results
app.command(
    cls=LocalisedCommand,
    help=N_(
        "Score answers and show the verdict and why. Then the domain scores, agreement, groups and "
        "recommendations; --fail-under makes it a gate for CI."
    ),
)(score)
app.command(cls=LocalisedCommand, help=N_("Write the readiness report: PDF, HTML, Markdown or JSON."))(report)


@app.command(
    cls=LocalisedCommand,
    help=N_(
        "Write a blank response sheet (CSV, XLSX) or an XLSForm. 'peerready score' reads the answers "
        "back without a mapping file."
    ),
)
def template(
    questionnaire: QuestionnaireArgument,
    to: Annotated[
        str,
        choice_option("--to", values=TEMPLATE_KINDS, help=N_("csv, xlsx, or xlsform (KoboToolbox/ODK).")),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help=N_("The file to write."))],
    lang: LangOption = None,
    group: Annotated[
        bool, typer.Option("--group/--no-group", help=N_("Include a group (department) column."))
    ] = True,
    role: Annotated[bool, typer.Option("--role/--no-role", help=N_("Include a role column."))] = True,
    delimiter: Annotated[
        str, typer.Option("--delimiter", metavar="C", help=N_("CSV delimiter (';' for Danish Excel)."))
    ] = ",",
) -> int:
    from peerready.commands.template import template as run

    return run(
        questionnaire,
        to=to,
        output=output,
        lang=lang_of(lang) or console.locale_language(),
        group=group,
        role=role,
        delimiter=delimiter,
    )


@app.command(
    cls=LocalisedCommand,
    help=N_("Assess readiness together in a meeting. One statement at a time, saved after every answer."),
)
def assess(
    questionnaire: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--questionnaire",
            "-q",
            metavar="ID|FILE",
            help=N_("Questionnaire id or file (default: the bundled default; with --resume: the session's)."),
        ),
    ] = None,
    lang: LangOption = None,
    session: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--session",
            metavar="FILE",
            help=N_("Save the answers to this file (default: named after the organisation and date, here)."),
        ),
    ] = None,
    resume: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--resume",
            metavar="FILE",
            help=N_("Carry on with a paused session, where the group paused."),
        ),
    ] = None,
    timer: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--timer", metavar="DURATION", help=N_("A discussion timer per item on screen, e.g. 3m or 90s.")
        ),
    ] = None,
    large: Annotated[
        Optional[bool],  # noqa: UP045
        typer.Option(
            "--large/--normal",
            help=N_("Projector layout: large statement, big bars (default: from 140 columns)."),
            show_default=False,
        ),
    ] = None,
    room: Annotated[
        bool,
        typer.Option("--room", help=N_("Everyone votes from their own phone (a web page on this laptop).")),
    ] = False,
    host: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--host",
            metavar="ADDRESS",
            help=N_("With --room: the address to listen on (default: this laptop's on its network)."),
        ),
    ] = None,
    port: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--port", metavar="N", min=1, max=65535, help=N_("With --room: the port (default: a free one).")
        ),
    ] = None,
    all_interfaces: Annotated[
        bool,
        typer.Option(
            "--all-interfaces", help=N_("With --room: allow --host 0.0.0.0 (every network at once).")
        ),
    ] = False,
) -> int:
    from peerready.commands.assess import assess as run
    from peerready.commands.assess_screen import timer_length
    from peerready.errors import UsageError
    from peerready.room.options import RoomOptions

    if not room and (host is not None or port is not None or all_interfaces):
        raise UsageError("--host, --port and --all-interfaces go with --room")
    length = timer_length(timer) if timer is not None else None
    return run(
        questionnaire=questionnaire,
        lang=lang_of(lang),
        session_file=session,
        resume=resume,
        timer=length,
        large=large,
        room=RoomOptions(host, port, all_interfaces) if room else None,
    )
