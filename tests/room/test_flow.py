"""A meeting with a room gives the same session file as a terminal meeting with the same votes:
phones vote, one changes its vote, the round is revealed when all have voted, a re-vote opens a
new round on the phones, open answers are typed at the keyboard."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from peerready.meeting.flow import FINISH, Assessment
from peerready.meeting.steps import new_session
from peerready.meeting.voting import MARK, MOVE_ON
from peerready.meeting.voting import REVOTE as REVOTE_KEY
from peerready.model.instrument import Instrument
from peerready.model.session import Respondent, Session
from peerready.room.options import RoomOptions
from peerready.room.run import run_room
from tests.helpers.scripted import Screen, ScriptedAsker, Step
from tests.room.keys import ScriptedKeys
from tests.room.phones import Phone, room_address

NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)
SEATS = ("1", "2", "3")
# basic.yaml's scored items in order, each with the votes of participants 1, 2 and 3.
VOTES = {
    "mot_a": ["4", "4", "5"],
    "mot_b": ["1", "5", "3"],
    "mot_c": ["3", "3", "3"],
    "lead_group": ["mid", "mid", "high"],
    "lead_champion": ["high", "low", "dont_know"],
    "lead_budget": ["yes", "yes", "partly"],
    "team_meetings": ["often", "often", "often"],
    "team_ready": ["4", "not_applicable", "4"],
}
REVOTE = {"mot_b": ["3", "4", "3"]}  # discussed, then voted again
DECISIONS = {"mot_b": [REVOTE_KEY, MOVE_ON], "lead_champion": [MARK]}
OPEN = ["Peers", "", "Stories", "We start", "", ""]  # inspired, statement: typed at the keyboard


def fresh(basic: Instrument, mode: str = "individual") -> Session:
    session = new_session(
        basic.questionnaire,
        organisation="Testhuset",
        date=NOW.date(),
        language="en",
        mode=mode,  # type: ignore[arg-type]
        respondents=[Respondent(id=seat) for seat in SEATS],
        now=NOW,
    )
    return session.model_copy(update={"rotate": False})  # the terminal asks 1, 2, 3 in turn


def terminal_script() -> list[Step]:
    script: list[Step] = []
    for item, votes in VOTES.items():
        script += votes
        for decision in DECISIONS.get(item, [MOVE_ON]):
            script.append(decision)
            if decision == REVOTE_KEY:
                script += REVOTE[item]
    return [*script, *OPEN, FINISH]


def comparable(session: Session) -> dict[str, object]:
    data: dict[str, object] = json.loads(session.model_dump_json())
    data.pop("updated")
    return data


def test_a_room_meeting_saves_what_a_terminal_meeting_saves(basic: Instrument, tmp_path: Path) -> None:
    asker = ScriptedAsker(terminal_script())
    terminal = Assessment(basic, fresh(basic), "en", asker, lambda s: None, Screen().show, clock=lambda: NOW)
    expected = terminal.run()

    path = tmp_path / "testhuset.json"
    phones: list[Phone] = []
    saved: list[Session] = []

    def join() -> str:
        origin, code, _ = room_address(path)
        for _ in SEATS:
            phone = Phone(origin)
            assert phone.join(code).status_code == 303
            phones.append(phone)
        return "enter"

    def vote(item: str, round_: int, *votes: tuple[int, str]) -> Callable[[], None]:
        def act() -> None:
            for seat, value in votes:
                assert phones[seat].vote(item, round_, value).status_code == 200

        return act

    keys: list = [join]
    decisions: list[Step] = []
    for item, values in VOTES.items():
        if item == "mot_a":  # participant 2 taps 1 first, then changes to 4 before the last vote
            keys.append(vote(item, 1, (0, values[0]), (1, "1")))
            keys.append(vote(item, 1, (1, values[1]), (2, values[2])))
        else:
            keys.append(vote(item, 1, *enumerate(values)))
        for decision in DECISIONS.get(item, [MOVE_ON]):
            decisions.append(decision)
            if decision == REVOTE_KEY:
                keys.append(vote(item, 2, *enumerate(REVOTE[item])))
    asker = ScriptedAsker([*decisions, *OPEN, FINISH])
    meeting = Assessment(basic, fresh(basic), "en", asker, saved.append, Screen().show, clock=lambda: NOW)
    try:
        finished = run_room(meeting, path, RoomOptions(host="127.0.0.1"), ScriptedKeys(keys))
    finally:
        for phone in phones:
            phone.close()

    assert comparable(finished) == comparable(expected)
    assert comparable(saved[-1]) == comparable(expected)
