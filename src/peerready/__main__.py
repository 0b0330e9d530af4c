"""The `peerready` command (`python -m peerready` too): the CLI, then a prompt exit."""

from __future__ import annotations

import os
import sys
from contextlib import suppress
from typing import NoReturn

from peerready.cli.main import main


def run() -> NoReturn:
    """Run the CLI and leave without tearing the interpreter down object by object, which after
    a large export takes longer than some of the work (mypy leaves the same way). Every file has
    been written and closed by then; only the standard streams need flushing."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # a reader that went away (`peerready … | head`)
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
