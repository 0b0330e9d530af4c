"""The facilitator's screen while the phones vote: how many have voted, never who; the QR code
while places are free (q shows or hides it); Enter reveals; each vote handed on as it comes."""

from __future__ import annotations

from rich.text import Text

from peerready.room.facilitator import Entrance, RoomVoting, Step
from peerready.room.state import Ballot, Room
from tests.helpers.scripted import Screen, ScriptedAsker
from tests.room.keys import KeyStep, ScriptedKeys

BALLOT = Ballot("mot_a", 1, frozenset({"1", "2", "3"}))
QR_CORNER = "█▀▀▀▀▀█"


class Hooks:
    def __init__(self) -> None:
        self.saved: list[list[tuple[str, str, str | None]]] = []

    def record(self, votes: list[tuple[str, str, str | None]]) -> None:
        self.saved.append(votes)

    def typed(self, seat: str) -> str | None:
        return "2"

    def name(self, seat: str) -> str:
        return f"Participant {seat}"


def test_the_count_goes_up_the_votes_are_saved_and_enter_reveals() -> None:
    room = Room.for_seats(["1", "2", "3"])
    tokens = [joined[0] for joined in (room.join(None), room.join(None)) if joined]

    def two_vote() -> None:
        room.cast(tokens[0], "mot_a", 1, "1")
        room.cast(tokens[1], "mot_a", 1, "3")
        room.cast(tokens[1], "mot_a", 1, "2")  # changed before the reveal

    screen, hooks = Screen(), Hooks()
    keys: list[KeyStep] = [two_vote, "q", "enter"]
    voting = RoomVoting(
        room, ScriptedKeys(keys), screen.show, ScriptedAsker([]), "en", Entrance("http://x/j/C", "C", "P")
    )
    try:
        step = voting.collect(BALLOT, {}, Text("We know why."), hooks)
    finally:
        voting.close()
    assert step is Step.REVEAL
    assert hooks.saved == [[("1", "1", None), ("2", "2", None)]]
    assert "0 of 3 have voted" in screen.screens[0]
    assert QR_CORNER in screen.screens[0]  # a place is free: the code to join is on the screen
    assert "2 of 3 have voted" in screen.screens[1]
    assert QR_CORNER not in screen.screens[-1]  # q hid it
    assert not any("Participant" in shown for shown in screen.screens)  # never who
    assert room.snapshot().phase.value == "revealed"


def test_a_vote_typed_at_the_keyboard_and_everyone_in_reveals_at_once() -> None:
    room = Room.for_seats(["1", "2"])
    joined = room.join(None)
    assert joined is not None
    screen, hooks = Screen(), Hooks()
    keys: list[KeyStep] = [lambda: room.cast(joined[0], "mot_a", 1, "3") and None, "v"]
    asker = ScriptedAsker(["2"])  # whose vote: participant 2 has no phone
    voting = RoomVoting(
        room, ScriptedKeys(keys), screen.show, asker, "en", Entrance("http://x/j/C", "C", "P")
    )
    try:
        assert voting.collect(BALLOT, {}, Text("We know why."), hooks) is Step.REVEAL
    finally:
        voting.close()
    assert [vote for batch in hooks.saved for vote in batch] == [("1", "3", None), ("2", "2", None)]
    assert [c.label for c in asker.asked[0].choices] == ["Participant 2"]  # only the place without a phone
