"""`kill -9` during a room meeting: the votes that arrived are in the session file, and the
resumed room knows the phones again by their cookies (same code, same address)."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from peerready.documents.sessions import load_session
from tests.conftest import BASIC
from tests.meeting.test_assess_terminal import answer, spawn
from tests.room.phones import Phone, room_address
from tests.room.test_browser import free_port

pytestmark = pytest.mark.terminal


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in ("basic.yaml", "basic-catalogue.yaml"):
        (tmp_path / name).write_bytes((BASIC.parent / name).read_bytes())
    return tmp_path


def test_a_killed_room_keeps_the_votes_and_the_phones(folder: Path) -> None:
    room = ("--room", "--host", "127.0.0.1", "--port", str(free_port()))
    child = spawn(folder, *room)
    answer(child, "Name of the organisation", "Team Vest\r")
    answer(child, "Date (YYYY-MM-DD)", "\r")
    answer(child, "How will you answer?", "1")
    answer(child, "How many people are taking part?", "3\r")
    child.expect_exact("The room is open")
    (path,) = folder.glob("team-vest-*.json")
    origin, code, _ = room_address(path)
    with Phone.closing():
        phones = [Phone(origin) for _ in range(3)]
        for phone in phones:
            assert phone.join(code).status_code == 303
        child.expect_exact("3 of 3 phones have joined")
        child.send("\r")
        child.expect_exact("1/10 · Motivation 1/3")
        assert phones[0].vote("mot_a", 1, "4").status_code == 200
        assert phones[1].vote("mot_a", 1, "2").status_code == 200
        child.expect_exact("2 of 3 have voted")
        child.kill(signal.SIGKILL)
        child.close()
        assert load_session(path).rounds["mot_a"][0].votes == {"1": "4", "2": "2"}

        child = spawn(folder, "--resume", path.name, *room)
        child.expect_exact(f"{origin}/j/{code}")  # the same address and code
        child.expect_exact("3 of 3 phones have joined")  # nobody joined again
        child.send("\r")
        child.expect_exact("2 of 3 have voted")
        assert 'value="4" checked' in phones[0].page()
        assert phones[2].vote("mot_a", 1, "3").status_code == 200
        child.expect_exact("What would you like to do?")
        child.kill(signal.SIGKILL)
        child.close()
    assert load_session(path).rounds["mot_a"][0].votes == {"1": "4", "2": "2", "3": "3"}
