"""The command line in the run's language: help texts, click's own words, and its usage errors.

Help texts are declared in English (marked N_) before the language is known; `localise` puts
them into the run's language before click lays the help out, so the translation reflows like
the original. Click (vendored by typer) has no catalogue of its own: its few words and usage
errors are translated here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from typer._click import exceptions as click_errors  # typer vendors click since 0.26
from typer._click.core import Command, Context, Parameter
from typer._click.formatting import HelpFormatter
from typer.core import TyperCommand, TyperGroup

from peerready.locale import N_, _

# Words click and typer write into help and errors, for the catalogue.
CLICK_WORDS = (
    N_("Usage:"),
    N_("Options"),
    N_("Arguments"),
    N_("Commands"),
    N_("default"),
    N_("required"),
    N_("Show this message and exit."),
    N_("Install completion for the current shell."),
    N_("Show completion for the current shell, to copy it or customize the installation."),
)
_TYPE = re.compile(r" <[^<>]+>$")
_EXTRA = re.compile(r"\[(default|required)(?=[:\]])")
_NO_COMMAND = re.compile(r"No such command '(?P<name>.+?)'\.(?: Did you mean '(?P<alt>.+?)'\?)?")
_EXTRA_ARGS = re.compile(r"Got unexpected extra arguments? \((?P<args>.*)\)")


class LocalisedFormatter(HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix if prefix is not None else _("Usage:") + " ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(_(heading))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        # Left in English until here: the help option's text and typer's [default: …] [required];
        # typer adds the Python type to an argument's name (ANSWERS <path>): the name says enough.
        rows = [
            (_TYPE.sub("", term), _EXTRA.sub(lambda m: "[" + _(m.group(1)), _(text))) for term, text in rows
        ]
        super().write_dl(rows, col_max, col_spacing)


class LocalisedContext(Context):
    formatter_class = LocalisedFormatter


class LocalisedCommand(TyperCommand):
    context_class = LocalisedContext

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        """`[OPTIONS] ANSWERS`, optional arguments in brackets (typer writes {ANSWERS})."""
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = str(getattr(param, "metavar", None) or (param.name or "").upper())
                pieces.append(name if param.required else f"[{name}]")
        return pieces


class LocalisedGroup(TyperGroup):
    context_class = LocalisedContext


def localise(command: Command) -> None:
    """Translate the help texts of a command, its options and its subcommands, in place."""
    if command.help:
        command.help = _(command.help)
    for param in command.params:
        text = getattr(param, "help", None)
        if text:
            param.help = _(text)  # type: ignore[attr-defined]
    for sub in getattr(command, "commands", {}).values():
        localise(sub)


def usage_message(error: click_errors.ClickException) -> str:
    """Click's usage error as one line in the run's language, naming what to write instead."""
    if isinstance(error, click_errors.NoSuchOption):
        message = _("no such option: {option}").format(option=error.option_name)
        if error.possibilities:
            message += " " + _("(did you mean {options}?)").format(
                options=", ".join(sorted(error.possibilities))
            )
        return message
    if isinstance(error, click_errors.BadOptionUsage) and "requires an argument" in error.message:
        return _("{option} needs a value").format(option=error.option_name)
    if isinstance(error, click_errors.MissingParameter) and error.param is not None:
        return _("missing {name}").format(name=_param_name(error.param))
    if isinstance(error, click_errors.BadParameter) and error.param is not None:
        return f"{_param_name(error.param)}: {error.message}"
    no_command = _NO_COMMAND.fullmatch(error.message)
    if no_command:
        message = _("no such command: {command}").format(command=no_command["name"])
        if no_command["alt"]:
            message += " " + _("(did you mean {options}?)").format(options=no_command["alt"])
        return message
    extra = _EXTRA_ARGS.fullmatch(error.message)
    if extra:
        return _("unexpected extra arguments: {arguments}").format(arguments=extra["args"])
    return error.format_message()


def _param_name(param: Parameter) -> str:
    """An option's long name, or an argument's placeholder (ANSWERS)."""
    options = [o for o in param.opts if o.startswith("-")]
    if options:
        return max(options, key=len)
    return str(getattr(param, "metavar", None) or (param.name or "").upper())
