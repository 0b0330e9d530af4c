"""A meeting with a room gives the same session file as a terminal meeting with the same votes:
phones vote, one changes its vote, the round is revealed when all have voted, a re-vote opens a
new round on the phones, open answers are typed at the keyboard."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from peerready.documents.sessions import load_session, save_session
from peerready.meeting.flow import FINISH, Assessment
from peerready.meeting.steps import new_session
from peerready.meeting.voting import MARK, MOVE_ON
from peerready.meeting.voting import REVOTE as REVOTE_KEY
from peerready.model.instrument import Instrument
from peerready.model.session import Respondent, Session
from peerready.room.options import RoomOptions
from peerready.room.run import run_room
from tests.helpers.scripted import Screen, ScriptedAsker, Step
from tests.room.keys import KeyStep, ScriptedKeys
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


class Phones:
    """Three phones that join the room a meeting opens, and vote when the facilitator's script says."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.phones: list[Phone] = []

    def join(self, count: int = len(SEATS)) -> str:
        origin, code, _ = room_address(self.path)
        for _ in range(count):
            phone = Phone(origin)
            assert phone.join(code).status_code == 303
            self.phones.append(phone)
        return "enter"

    def vote(self, item: str, round_: int, *votes: tuple[int, str], status: int = 200) -> Callable[[], None]:
        def act() -> None:
            for seat, value in votes:
                assert self.phones[seat].vote(item, round_, value).status_code == status

        return act


def room_meeting(
    basic: Instrument,
    path: Path,
    keys: list[KeyStep],
    script: list[Step],
    mode: str = "individual",
    session: Session | None = None,
) -> tuple[Session, list[Session]]:
    saved: list[Session] = []
    asker = ScriptedAsker(script)
    meeting = Assessment(
        basic, session or fresh(basic, mode), "en", asker, saved.append, Screen().show, clock=lambda: NOW
    )
    with Phone.closing():
        finished = run_room(meeting, path, RoomOptions(host="127.0.0.1"), ScriptedKeys(keys))
    assert not asker.script, f"steps left over: {asker.script}"
    return finished, saved


@pytest.mark.parametrize("mode", ["individual", "anonymous"])
def test_a_room_meeting_saves_what_a_terminal_meeting_saves(
    basic: Instrument, tmp_path: Path, mode: str
) -> None:
    asker = ScriptedAsker(terminal_script())
    terminal = Assessment(
        basic, fresh(basic, mode), "en", asker, lambda s: None, Screen().show, clock=lambda: NOW
    )
    expected = terminal.run()

    phones = Phones(tmp_path / "testhuset.json")
    keys: list[KeyStep] = [phones.join]
    decisions: list[Step] = []
    for item, values in VOTES.items():
        if item == "mot_a":  # participant 2 taps 1 first, then changes to 4 before the last vote
            keys.append(phones.vote(item, 1, (0, values[0]), (1, "1")))
            keys.append(phones.vote(item, 1, (1, values[1]), (2, values[2])))
        else:
            keys.append(phones.vote(item, 1, *enumerate(values)))
        for decision in DECISIONS.get(item, [MOVE_ON]):
            decisions.append(decision)
            if decision == REVOTE_KEY:
                keys.append(phones.vote(item, 2, *enumerate(REVOTE[item])))
    finished, saved = room_meeting(basic, phones.path, keys, [*decisions, *OPEN, FINISH], mode)

    assert comparable(finished) == comparable(expected)
    assert comparable(saved[-1]) == comparable(expected)
    if mode == "anonymous":  # the change of vote left no trace of whose ballot was whose
        assert finished.rounds["mot_a"][0].votes == {}
        assert finished.rounds["mot_a"][0].ballots == ["4", "4", "5"]


def test_every_vote_is_saved_as_it_arrives(basic: Instrument, tmp_path: Path) -> None:
    phones = Phones(tmp_path / "testhuset.json")
    seen: list[dict[str, str]] = []

    def look() -> str:  # the file, read while the round is still open
        seen.append(dict(load_session(phones.path).rounds["mot_a"][-1].votes))
        raise KeyboardInterrupt

    keys: list[KeyStep] = [phones.join, phones.vote("mot_a", 1, (1, "2")), look]
    store = partial(save_session, path=phones.path)
    meeting = Assessment(
        basic, fresh(basic), "en", ScriptedAsker([]), store, Screen().show, clock=lambda: NOW
    )
    with Phone.closing(), pytest.raises(KeyboardInterrupt):
        run_room(meeting, phones.path, RoomOptions(host="127.0.0.1"), ScriptedKeys(keys))
    assert seen == [{"2": "2"}]


def pause() -> str:
    raise KeyboardInterrupt  # the facilitator presses Ctrl-C


def test_a_paused_round_goes_on_where_it_was_with_the_phones_seats_kept(
    basic: Instrument, tmp_path: Path
) -> None:
    phones = Phones(tmp_path / "testhuset.json")
    saved: list[Session] = []

    def meeting(session: Session, script: list[Step]) -> Assessment:
        return Assessment(
            basic, session, "en", ScriptedAsker(script), saved.append, Screen().show, clock=lambda: NOW
        )

    def back_in() -> str:  # nobody joins again: the room knows the phones' cookies
        assert "Wait a moment" in phones.phones[0].page()
        return "enter"

    def where_they_were() -> None:
        assert 'value="5" checked' in phones.phones[0].page()  # the vote from before the pause
        assert phones.phones[2].vote("mot_a", 1, "3").status_code == 200

    with Phone.closing():
        first: list[KeyStep] = [phones.join, phones.vote("mot_a", 1, (0, "5"), (1, "1")), pause]
        with pytest.raises(KeyboardInterrupt):
            run_room(
                meeting(fresh(basic), []), phones.path, RoomOptions(host="127.0.0.1"), ScriptedKeys(first)
            )
        assert saved[-1].rounds["mot_a"][0].votes == {"1": "5", "2": "1"}
        again: list[KeyStep] = [back_in, where_they_were, pause]
        with pytest.raises(KeyboardInterrupt):
            run_room(
                meeting(saved[-1], [MOVE_ON]), phones.path, RoomOptions(host="127.0.0.1"), ScriptedKeys(again)
            )
    (round_,) = saved[-1].rounds["mot_a"]
    assert round_.votes == {"1": "5", "2": "1", "3": "3"}
    assert round_.decision == "stands"  # 5, 1 and 3: low agreement, moved on


def test_a_vote_typed_for_someone_without_a_phone_and_an_early_reveal(
    basic: Instrument, tmp_path: Path
) -> None:
    phones = Phones(tmp_path / "testhuset.json")
    keys: list[KeyStep] = [lambda: phones.join(1), phones.vote("mot_a", 1, (0, "4")), "v", "enter", pause]
    script: list[Step] = ["2", "5", MOVE_ON]  # whose vote is typed, that vote, then the decision
    saved: list[Session] = []
    meeting = Assessment(
        basic, fresh(basic), "en", ScriptedAsker(script), saved.append, Screen().show, clock=lambda: NOW
    )
    with Phone.closing(), pytest.raises(KeyboardInterrupt):
        run_room(meeting, phones.path, RoomOptions(host="127.0.0.1"), ScriptedKeys(keys))
    (round_,) = saved[-1].rounds["mot_a"]
    assert round_.votes == {"1": "4", "2": "5"}
    assert sorted(round_.voted) == ["1", "2", "3"]  # revealed with participant 3 not voting
    assert round_.decision in ("accept", "stands")
