"""The one error boundary: run the typer app and turn every exception into an exit code."""

from __future__ import annotations

import signal
import sys
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import FrameType

import typer
from typer._click.exceptions import ClickException  # typer vendors click since 0.26

from peerready.cli.app import app
from peerready.errors import EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, PeerreadyError, Terminated
from peerready.output import console


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; the one error boundary that turns exceptions into exit codes."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    try:
        with _stopped_like_ctrl_c():
            code = app(args=args, prog_name="peerready", standalone_mode=False)
    except Terminated as exc:
        console.error(f"stopped: {exc.name}")
        return exc.exit_code
    except PeerreadyError as exc:
        console.error(str(exc))
        return exc.exit_code
    except ClickException as exc:
        console.error(exc.format_message())
        console.err().print(f"Try 'peerready {_command_word(args)} --help'.".replace("  ", " "))
        return EXIT_INPUT
    except typer.Abort:
        console.error("input ended before the command finished")
        return EXIT_INPUT
    except KeyboardInterrupt:
        console.error("interrupted")
        return EXIT_INTERRUPTED
    except Exception as exc:
        if debug:
            traceback.print_exc()
        console.error(f"internal error: {type(exc).__name__}: {exc}")
        if not debug:
            console.err().print(
                "This is a bug in peerready; run again with --debug to see where it happened."
            )
        return EXIT_INTERNAL
    code = int(code or 0)
    if code == EXIT_INTERRUPTED and _command_word(args) != "assess":
        # typer turns Ctrl-C into exit 130 without a word; `assess` says itself how to carry on
        console.error("interrupted")
    return code


def _command_word(args: Sequence[str]) -> str:
    return next((a for a in args if not a.startswith("-")), "")


STOPPING = {signal.SIGTERM: "terminated (SIGTERM)", signal.SIGHUP: "the terminal hung up (SIGHUP)"}


@contextmanager
def _stopped_like_ctrl_c() -> Iterator[None]:
    """SIGTERM and SIGHUP unwind the run as Ctrl-C does, so that temporary files are removed,
    instead of ending the process on the spot; the handlers before are restored afterwards."""

    def stop(signum: int, _frame: FrameType | None) -> None:
        raise Terminated(signum, STOPPING[signal.Signals(signum)])

    try:
        before = {number: signal.signal(number, stop) for number in STOPPING}
    except ValueError:  # not the main thread (an embedding program): signals stay as they are
        yield
        return
    try:
        yield
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)
