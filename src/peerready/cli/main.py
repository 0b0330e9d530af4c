"""The one error boundary: choose the language, run the typer app, and turn every exception into
an exit code."""

from __future__ import annotations

import os
import signal
import sys
import traceback
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from types import FrameType

import typer
from typer._click.core import Command
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError  # typer vendors click

from peerready.cli.app import app
from peerready.cli.localise import localise, usage_message
from peerready.errors import EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, PeerreadyError, Terminated
from peerready.locale import LANGUAGES, Lang, _, locale_language, set_language
from peerready.output import console

LANG_OPTIONS = ("--lang", "-l")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; the one error boundary that turns exceptions into exit codes."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    set_language(chosen_language(args, os.environ))
    command = typer.main.get_command(app)
    localise(command)
    try:
        with _stopped_like_ctrl_c():
            code = command.main(
                args=command_first(args, _commands(command)), prog_name="peerready", standalone_mode=False
            )
    except Terminated as exc:
        console.error(_("stopped: {reason}").format(reason=exc.name))
        return exc.exit_code
    except PeerreadyError as exc:
        console.error(str(exc))
        return exc.exit_code
    except UsageError as exc:
        if isinstance(exc, NoArgsIsHelpError) or (exc.message == "Missing command." and exc.ctx):
            # bare `peerready` (or with options only): the help, and a usage error's exit code
            assert exc.ctx is not None
            console.err().print(exc.ctx.get_help(), markup=False, highlight=False, soft_wrap=True)
            return EXIT_INPUT
        return _usage_error(exc, args, command)
    except ClickException as exc:
        return _usage_error(exc, args, command)
    except typer.Abort:
        console.error(_("input ended before the command finished"))
        return EXIT_INPUT
    except KeyboardInterrupt:
        console.error(_("interrupted"))
        return EXIT_INTERRUPTED
    except Exception as exc:
        if debug:
            traceback.print_exc()
        console.error(_("internal error: {error}").format(error=f"{type(exc).__name__}: {exc}"))
        if not debug:
            console.err().print(
                _("This is a bug in peerready; run again with --debug to see where it happened.")
            )
        return EXIT_INTERNAL
    code = int(code or 0)
    if code == EXIT_INTERRUPTED and _command_word(args, command) != ["assess"]:
        # typer turns Ctrl-C into exit 130 without a word; `assess` says itself how to carry on
        console.error(_("interrupted"))
    return code


def _usage_error(error: ClickException, args: Sequence[str], command: Command) -> int:
    console.error(usage_message(error))
    where = " ".join(["peerready", *_command_word(args, command)])
    console.err().print(_("Try '{command} --help'.").format(command=where), markup=False, highlight=False)
    return EXIT_INPUT


def chosen_language(args: Sequence[str], environ: dict[str, str] | os._Environ[str]) -> Lang:
    """--lang (wherever it stands), else the locale: read before the command line is parsed, so
    that help and usage errors speak it too. A wrong --lang is reported by the parser itself."""
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = None
        if arg in LANG_OPTIONS and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGUAGES:
            return value
    return locale_language(environ)


def command_first(args: list[str], commands: Collection[str]) -> list[str]:
    """A --lang before the command (`peerready --lang da score …`) is the command's own --lang,
    so that it also chooses the language of what the command writes."""
    word = next((i for i, a in enumerate(args) if a in commands), None)
    if word is None:
        return args
    before, after = args[:word], args[word:]
    moved: list[str] = []
    kept: list[str] = []
    index = 0
    while index < len(before):
        arg = before[index]
        if arg in LANG_OPTIONS and index + 1 < len(before):
            moved += before[index : index + 2]
            index += 2
            continue
        (moved if arg.startswith("--lang=") else kept).append(arg)
        index += 1
    return [*kept, after[0], *moved, *after[1:]]


def _commands(command: Command) -> Collection[str]:
    return getattr(command, "commands", {}).keys()


def _command_word(args: Sequence[str], command: Command) -> list[str]:
    """The command the arguments name, if it is one (for the 'Try … --help' hint)."""
    return next(([a] for a in args if a in _commands(command)), [])


@contextmanager
def _stopped_like_ctrl_c() -> Iterator[None]:
    """SIGTERM and SIGHUP unwind the run as Ctrl-C does, so that temporary files are removed,
    instead of ending the process on the spot; the handlers before are restored afterwards."""
    reasons = {signal.SIGTERM: _("terminated (SIGTERM)"), signal.SIGHUP: _("the terminal hung up (SIGHUP)")}

    def stop(signum: int, _frame: FrameType | None) -> None:
        raise Terminated(signum, reasons[signal.Signals(signum)])

    try:
        before = {number: signal.signal(number, stop) for number in reasons}
    except ValueError:  # not the main thread (an embedding program): signals stay as they are
        yield
        return
    try:
        yield
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)
