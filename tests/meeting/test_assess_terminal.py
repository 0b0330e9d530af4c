"""The installed `peerready assess` in a real pseudo-terminal: answer, Ctrl-C, resume, finish;
and a killed process loses nothing that was answered."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from peerready.documents.sessions import load_session
from tests.conftest import BASIC

pytestmark = pytest.mark.terminal

PEERREADY = str(Path(sys.executable).parent / "peerready")
CTRL_C = "\x03"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "basic.yaml").write_bytes(BASIC.read_bytes())
    (tmp_path / "basic-catalogue.yaml").write_bytes((BASIC.parent / "basic-catalogue.yaml").read_bytes())
    return tmp_path


def spawn(folder: Path, *args: str) -> pexpect.spawn:
    env = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", NO_COLOR="1", LANG="en_GB.UTF-8")
    env.pop("COLUMNS", None)
    return pexpect.spawn(
        PEERREADY,
        ["assess", "--questionnaire", "basic.yaml", "--lang", "en", *args],
        cwd=str(folder),
        env=env,
        encoding="utf-8",
        dimensions=(30, 100),
        timeout=20,
    )


def answer(child: pexpect.spawn, expect: str, keys: str) -> None:
    child.expect_exact(expect)
    child.send(keys)


def set_up(child: pexpect.spawn) -> None:
    answer(child, "Name of the organisation", "Team Vest\r")
    answer(child, "Date (YYYY-MM-DD)", "\r")
    answer(child, "How will you answer?", "1")
    answer(child, "How many people are taking part?", "3\r")
    answer(child, "Add the participants' names and roles?", "n")


def finished(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus is not None
    return child.exitstatus


def test_answer_pause_resume_and_finish(folder: Path) -> None:
    child = spawn(folder)
    set_up(child)
    answer(child, "1/10 · Motivation 1/3", "4")
    answer(child, "2/10 · Motivation 2/3", "5")
    answer(child, "3/10 · Motivation 3/3", CTRL_C)
    child.expect_exact("Carry on later with:")
    (path,) = folder.glob("team-vest-*.json")
    child.expect_exact(f"peerready assess --resume {path.name} --questionnaire basic.yaml")
    assert finished(child) == 130
    assert load_session(path).answers["group"] == {"mot_a": "4", "mot_b": "5"}

    child = spawn(folder, "--resume", path.name)
    child.expect_exact("3/10 · Motivation 3/3")
    answer(child, "2 of 10 items answered", "3")
    for position, key in [(4, "2"), (5, "3"), (6, "1"), (7, "3"), (8, "4")]:
        answer(child, f"{position}/10 ·", key)
    answer(child, "9/10 · Vision 1/2", "A visit to Ærø\r")
    answer(child, "We were inspired by A visit to Ærø.", "\r")  # the draft, filled in
    child.expect_exact("Every item is answered.")
    answer(child, "Finish the assessment", "\r")
    child.expect_exact("Overall verdict")
    if child.expect_exact(["Write the report now?", "Write the report later with:"]) == 0:
        child.send("n")  # once the report command is installed beside this one
    assert finished(child) == 0
    session = load_session(path)
    assert session.complete
    assert session.answers["group"]["statement"] == "We were inspired by A visit to Ærø."
    assert session.answers["group"]["lead_group"] == "mid"


def test_a_killed_process_loses_only_the_answer_being_given(folder: Path) -> None:
    child = spawn(folder)
    set_up(child)
    answer(child, "1/10 ·", "2")
    answer(child, "2/10 ·", "3")
    child.expect_exact("3/10 ·")
    child.kill(signal.SIGKILL)
    child.close()
    (path,) = folder.glob("team-vest-*.json")
    assert load_session(path).answers["group"] == {"mot_a": "2", "mot_b": "3"}
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []

    child = spawn(folder, "--resume", path.name)
    answer(child, "3/10 · Motivation 3/3", CTRL_C)
    assert finished(child) == 130


def test_without_a_terminal_it_says_what_to_use_instead(folder: Path) -> None:
    done = subprocess.run(
        [PEERREADY, "assess"],
        check=False,
        cwd=folder,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("peerready: error: peerready assess needs an interactive terminal")
    assert "peerready score" in done.stderr
    assert len(done.stderr.splitlines()) == 1
    assert done.stdout == ""
