"""The whole room, as a meeting uses it: the installed `peerready assess --room` in a real
terminal, six phones in real browsers (chromium). They join, vote, one changes its vote, the
round is revealed, a re-vote round opens on the phones, the facilitator presses Ctrl-C and
resumes, and the phones find the room again by themselves. The session file is the one a
terminal meeting writes for the same votes."""

from __future__ import annotations

import datetime as dt
import json
import re
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerready.documents.loader import load_instrument
from peerready.documents.sessions import load_session
from peerready.meeting.flow import FINISH, Assessment
from peerready.meeting.prompts import TextPrompt
from peerready.meeting.steps import new_session
from peerready.meeting.voting import MOVE_ON, REVOTE
from peerready.model.session import Session
from tests.conftest import BASIC
from tests.helpers.scripted import Prompt, Screen, ScriptedAsker, Step
from tests.meeting.test_assess_terminal import CTRL_C, answer, finished, spawn
from tests.room.browser import BrowserPhone, browser_or_skip
from tests.room.phones import room_address

pytestmark = [pytest.mark.terminal, pytest.mark.browser]

PHONES = 6
# The first round on mot_a (participant 2 first taps 1, then changes to 4), a re-vote, then the rest.
FIRST = ["4", "4", "5", "4", "4", "3"]
AGAIN = ["4", "4", "4", "4", "4", "4"]
VOTES = {
    "mot_b": ["5", "4", "5", "5", "4", "5"],
    "mot_c": ["3", "3", "3", "3", "3", "3"],
    "lead_group": ["mid", "mid", "mid", "high", "mid", "mid"],
    "lead_champion": ["high", "high", "high", "high", "high", "dont_know"],
    "lead_budget": ["yes", "yes", "yes", "yes", "yes", "yes"],
    "team_meetings": ["often", "often", "often", "often", "often", "often"],
    "team_ready": ["4", "4", "4", "4", "not_applicable", "4"],
}
OPEN = "Peers who spoke at a conference"  # what inspired them (each types it at the keyboard)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in ("basic.yaml", "basic-catalogue.yaml"):
        (tmp_path / name).write_bytes((BASIC.parent / name).read_bytes())
    return tmp_path


@pytest.fixture
def phones() -> Iterator[list[BrowserPhone]]:
    browser_or_skip()
    started: list[BrowserPhone] = []
    try:
        started.extend(BrowserPhone() for _ in range(PHONES))
        yield started
    finally:
        for phone in started:
            phone.quit()


def vote(phones: list[BrowserPhone], item: str, round_: int, values: list[str]) -> None:
    for phone, value in zip(phones, values, strict=True):
        phone.wait_for_ballot(item, round_)
        phone.tap(value)


def test_six_phones_vote_through_a_paused_and_resumed_meeting(
    folder: Path, phones: list[BrowserPhone]
) -> None:
    port = str(free_port())
    room = ("--room", "--host", "127.0.0.1", "--port", port)
    child = spawn(folder, *room)
    answer(child, "Name of the organisation", "Team Vest\r")
    answer(child, "Date (YYYY-MM-DD)", "\r")
    answer(child, "How will you answer?", "1")  # named votes (2: anonymous); a room has no consensus
    answer(child, "How many people are taking part?", f"{PHONES}\r")  # numbered: no names in a room
    child.expect_exact("The room is open")
    (path,) = folder.glob("team-vest-*.json")
    origin, code, _ = room_address(path)
    child.expect_exact(f"{origin}/j/{code}")  # the address beside the QR code
    for phone in phones:
        phone.scan(f"{origin}/j/{code}")
    child.expect_exact(f"{PHONES} of {PHONES} phones have joined")
    child.send("\r")

    child.expect_exact("1/10 · Motivation 1/3")
    vote(phones[:2], "mot_a", 1, ["4", "1"])
    phones[1].tap("4")  # changed before the reveal: it replaces the first
    child.expect_exact(f"2 of {PHONES} have voted")
    vote(phones[2:], "mot_a", 1, FIRST[2:])
    answer(child, "What would you like to do?", REVOTE)  # discuss it and vote again
    for phone in phones:
        phone.wait_for(lambda phone=phone: "Round 2" in phone.text())  # type: ignore[misc]
        assert phone.checked() is None  # a new round starts without a vote
    vote(phones, "mot_a", 2, AGAIN)
    answer(child, "What would you like to do?", "\r")  # move on

    vote(phones[:5], "mot_b", 1, VOTES["mot_b"][:5])
    child.expect_exact(f"5 of {PHONES} have voted")
    child.send(CTRL_C)
    child.expect_exact("Carry on later with:")
    child.expect_exact(f"peerready assess --resume {path.name} --questionnaire basic.yaml --room")
    assert finished(child) == 130
    for phone in phones:  # the phones say the meeting has paused, and wait for it
        phone.wait_for(lambda phone=phone: "The meeting has paused or ended" in phone.text())  # type: ignore[misc]

    child = spawn(folder, "--resume", path.name, *room)
    child.expect_exact("The room is open")
    child.expect_exact(f"{PHONES} of {PHONES} phones have joined")  # their seats were kept
    child.send("\r")
    child.expect_exact("2/10 · Motivation 2/3")
    for phone, value in zip(phones[:5], VOTES["mot_b"][:5], strict=True):
        phone.wait_for_ballot("mot_b", 1)  # reconnected by itself, the saved vote still checked
        assert phone.checked() == value
    phones[5].wait_for_ballot("mot_b", 1)
    phones[5].tap(VOTES["mot_b"][5])
    answer(child, "What would you like to do?", "\r")
    for item, values in list(VOTES.items())[1:]:
        vote(phones, item, 1, values)
        answer(child, "What would you like to do?", "\r")
    for _ in range(PHONES):  # open answers are typed at the keyboard
        answer(child, "What inspired you?", f"{OPEN}\r")
    for _ in range(PHONES):  # the draft, filled in with that answer
        answer(child, f"We were inspired by {OPEN}.", "\r")
    child.expect_exact("Every item is answered.")
    answer(child, "Finish the assessment", "\r")
    child.expect_exact("Overall verdict")
    pages = ["Enter: next page", "Enter: go on", "Write the report now?", "Write the report later"]
    while (seen := child.expect_exact(pages)) < 2:
        child.send("\r")  # the summary, a page at a time
    if seen == 2:
        child.send("n")
    assert finished(child) == 0
    for phone in phones:
        phone.wait_for(lambda phone=phone: "The meeting has paused or ended" in phone.text())  # type: ignore[misc]

    saved = load_session(path)
    assert saved.complete
    assert comparable(saved) == comparable(terminal_meeting(folder, saved))


def by_participant(answers: list[str]) -> Step:
    """A step answering as the participant the prompt names (the terminal rotates who goes first)."""

    def step(prompt: Prompt) -> str:
        found = re.search(rf"Participant (\d) · \d/{PHONES}", prompt.message)
        assert found is not None, prompt.message
        return answers[int(found.group(1)) - 1]

    return step


def terminal_meeting(folder: Path, room: Session) -> Session:
    """The same meeting in the terminal: each participant's vote typed in turn."""
    instrument = load_instrument(str(folder / "basic.yaml"))
    fresh = new_session(
        instrument.questionnaire,
        organisation=room.organisation,
        date=room.date,
        language=room.language,
        mode=room.mode,
        respondents=room.respondents,
        now=dt.datetime.now(dt.UTC),
    )

    def draft(prompt: Prompt) -> str:
        assert isinstance(prompt, TextPrompt)
        return prompt.default

    script: list[Step] = [
        *[by_participant(FIRST)] * PHONES,
        REVOTE,
        *[by_participant(AGAIN)] * PHONES,
        MOVE_ON,
    ]
    for values in VOTES.values():
        script += [*[by_participant(values)] * PHONES, MOVE_ON]
    script += [*[OPEN] * PHONES, *[draft] * PHONES, FINISH]
    asker = ScriptedAsker(script)
    return Assessment(instrument, fresh, "en", asker, lambda s: None, Screen().show).run()


def comparable(session: Session) -> dict[str, object]:
    """The session without its clock times, and who voted as a set: in the terminal the order
    of asking rotates, in the room votes come in the order the phones send them."""
    data = json.loads(session.model_dump_json())
    for stamp in ("created", "updated"):
        data.pop(stamp)
    for rounds in data["rounds"].values():
        for round_ in rounds:
            round_["voted"] = sorted(round_["voted"])
            round_.pop("opened")
            round_.pop("closed")
    return dict(data)
