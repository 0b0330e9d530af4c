"""One `peerready assess` per session file, with two real processes: the second run is refused
(exit 2, saying who has it since when) for the whole of the first; a killed run frees it. And the
session's path: a link is saved through, a missing folder is refused before the set-up."""

from __future__ import annotations

import datetime as dt
import re
import signal
from pathlib import Path

import pexpect
import pytest

from peerready.documents.sessions import load_session, save_session
from peerready.meeting.steps import new_session
from peerready.model.instrument import Instrument
from peerready.model.session import Respondent
from tests.meeting.test_assess_terminal import CTRL_C, answer, finished, folder, set_up, spawn

pytestmark = pytest.mark.terminal
__all__ = ["folder"]  # the fixture, shared with the other terminal tests


def a_session(basic: Instrument, path: Path) -> Path:
    session = new_session(
        basic.questionnaire,
        organisation="Team Vest",
        date=dt.date(2026, 11, 23),
        language="en",
        mode="consensus",
        respondents=[Respondent(id="1")],
        now=dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC),
    )
    save_session(session, path)
    return path


def refused(child: pexpect.spawn) -> str:
    """The one-line refusal of a second run, and its exit code 2."""
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    before = child.before
    assert isinstance(before, str)
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", before)  # the terminal's cursor controls
    lines = [line for line in plain.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    return lines[0]


def test_a_second_run_on_a_session_is_refused_while_the_first_runs(folder: Path, basic) -> None:
    path = a_session(basic, folder / "shared.json")
    first = spawn(folder, "--resume", "shared.json")
    first.expect_exact("1/10 · Motivation 1/3")
    message = refused(spawn(folder, "--resume", "shared.json"))
    assert "shared.json: open in another 'peerready assess' (" in message
    assert f"process {first.pid}, since " in message  # who and since when
    answer(first, "Your answer", "4")  # the first run is undisturbed
    answer(first, "2/10 ·", CTRL_C)
    assert finished(first) == 130
    assert load_session(path).answers["group"] == {"mot_a": "4"}
    assert not list(folder.glob(".*.lock"))  # the lock goes with the run

    again = spawn(folder, "--resume", "shared.json")  # free again: it carries on
    answer(again, "2/10 · Motivation 2/3", CTRL_C)
    assert finished(again) == 130


def test_two_new_sessions_on_one_file_started_together(folder: Path) -> None:
    first = spawn(folder, "--session", "new.json")
    first.expect_exact("peerready · Basic readiness")  # in the set-up, the file not yet written
    message = refused(spawn(folder, "--session", "new.json"))
    assert "new.json: open in another 'peerready assess'" in message
    set_up(first)
    answer(first, "1/10 ·", "3")
    answer(first, "2/10 ·", CTRL_C)
    assert finished(first) == 130
    assert load_session(folder / "new.json").answers["group"] == {"mot_a": "3"}


def test_a_killed_run_frees_the_session(folder: Path, basic) -> None:
    a_session(basic, folder / "shared.json")
    first = spawn(folder, "--resume", "shared.json")
    first.expect_exact("1/10 ·")
    first.kill(signal.SIGKILL)
    first.close()
    assert list(folder.glob(".shared.json.lock"))  # left behind, but it locks nothing
    again = spawn(folder, "--resume", "shared.json")
    answer(again, "1/10 ·", CTRL_C)
    assert finished(again) == 130


def test_resuming_through_a_link_saves_to_the_file_it_points_to(folder: Path, basic) -> None:
    (folder / "sessions").mkdir()
    target = a_session(basic, folder / "sessions" / "real.json")
    (folder / "link.json").symlink_to(Path("sessions") / "real.json")
    child = spawn(folder, "--resume", "link.json")
    answer(child, "1/10 ·", "5")
    answer(child, "2/10 ·", CTRL_C)
    assert finished(child) == 130
    assert (folder / "link.json").is_symlink()
    assert load_session(target).answers["group"] == {"mot_a": "5"}


def test_a_session_in_a_missing_folder_is_refused_before_the_set_up(folder: Path) -> None:
    child = spawn(folder, "--session", "no/such/s.json")
    message = refused(child)
    assert message == "peerready: error: no/such/s.json: folder no/such does not exist"


@pytest.mark.parametrize(("number", "status"), [(signal.SIGHUP, 129), (signal.SIGTERM, 143)])
def test_a_closed_terminal_or_sigterm_pauses_like_ctrl_c(
    folder: Path, basic, number: int, status: int
) -> None:
    path = a_session(basic, folder / "shared.json")
    child = spawn(folder, "--resume", "shared.json")
    answer(child, "1/10 ·", "4")
    child.expect_exact("2/10 ·")
    child.kill(number)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == status  # the shell's status for the signal, as README's table says
    assert load_session(path).answers["group"] == {"mot_a": "4"}
    assert load_session(path).position == "mot_b"
    assert not list(folder.glob(".*.lock"))


def test_a_closed_terminal_keeps_a_half_written_note(folder: Path, basic) -> None:
    path = a_session(basic, folder / "shared.json")
    child = spawn(folder, "--resume", "shared.json")
    answer(child, "1/10 ·", "n")
    answer(child, "Note on this item", "Half a thought")
    child.expect_exact("Half a thought")
    child.kill(signal.SIGHUP)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 129
    assert load_session(path).notes == {"mot_a": "Half a thought"}
