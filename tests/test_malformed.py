"""Hostile and odd inputs: each gives one clear line naming the file and what is wrong, and its
exit code, within bounded time and memory.

Every case runs the installed command in a child process with its address space limited (so a
bomb fails the test instead of the machine) and a timeout. Small cases are files in
tests/data/malformed/ beside NAME.expected (command, exit code, message); large ones are made at
test time by the functions in tests/helpers/bombs.py. A row-level problem in an export is a
warning (the row is left out, exit 0): those cases list the warnings that must be among what is
said. An error is always exactly one line.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import BASIC, DATA
from tests.helpers import bombs

CORPUS = DATA / "malformed"
CASES = sorted(p for p in CORPUS.iterdir() if p.suffix != ".expected")
MEMORY = 1 << 30  # address space: the command needs about 300 MB of it (PDF: see PDF_MEMORY)
PDF_MEMORY = 3 << 29
SECONDS = 60  # generous for a shared machine; a bomb took minutes before it was bounded


def peerready(args: list[str], folder: Path, memory: int = MEMORY) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run(
        [sys.executable, "-m", "peerready", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=SECONDS,
        preexec_fn=limit,
        check=False,
    )


def expanded(command: str, file: str) -> list[str]:
    return [part.format(file=file, basic=BASIC, data=DATA) for part in command.split()]


def check(expected: dict[str, Any], file: str, folder: Path) -> None:
    memory = PDF_MEMORY if expected.get("pdf") else MEMORY
    done = peerready(expanded(expected["command"], file), folder, memory)
    lines = done.stderr.strip().splitlines()
    errors = [line for line in lines if not line.startswith("peerready: warning: ")]
    message = expected.get("message")
    assert errors == ([f"peerready: error: {message.format(file=file)}"] if message else []), done.stderr[
        -2000:
    ]
    for warning in expected.get("warnings", []):  # others (a platform not recognised …) may come too
        assert f"peerready: warning: {warning.format(file=file)}" in lines, done.stderr[-2000:]
    assert done.returncode == expected["exit"]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_a_malformed_file_gives_one_clear_line(case: Path, tmp_path: Path) -> None:
    expected = yaml.safe_load(case.with_suffix(".expected").read_text(encoding="utf-8"))
    shutil.copy(case, tmp_path / case.name)
    check(expected, case.name, tmp_path)


@pytest.mark.parametrize("name", sorted(bombs.CASES), ids=str)
def test_a_large_malformed_file_is_refused_in_bounded_time_and_memory(name: str, tmp_path: Path) -> None:
    make, expected = bombs.CASES[name]
    file = make(tmp_path)
    check(expected, file.name, tmp_path)
