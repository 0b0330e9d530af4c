"""The meeting state: rounds of votes, decisions and ballots, as any input source (the terminal,
phones in a meeting room) changes them, and version 1 session files carried on with."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from peerready.documents.sessions import load_session, save_session, session_json
from peerready.meeting.state import (
    VoteRefused,
    current_round,
    decide,
    is_done,
    is_pending,
    open_round,
    record_vote,
    undecide,
    voting_order,
    with_draft,
    withdraw_vote,
)
from peerready.meeting.steps import new_session
from peerready.model.instrument import Instrument
from peerready.model.session import Respondent, Session
from peerready.scoring.score import score_session
from tests.conftest import DATA

NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)
LATER = NOW + dt.timedelta(minutes=3)


def meeting(basic: Instrument, mode: str, people: int = 3) -> Session:
    return new_session(
        basic.questionnaire,
        organisation="Testhuset",
        date=NOW.date(),
        language="da",
        mode=mode,  # type: ignore[arg-type]
        respondents=[Respondent(id=f"p{n}", name=f"Navn {n}", role="staff") for n in range(1, people + 1)],
        now=NOW,
    )


def voted(session: Session, item: str, *answers: str, number: int = 1) -> Session:
    for n, answer in enumerate(answers, start=1):
        session = record_vote(session, item, number, f"p{n}", answer, now=LATER)
    return session


def test_a_round_closes_with_its_last_vote_and_its_votes_are_the_answers(basic) -> None:
    session = voted(meeting(basic, "individual"), "mot_a", "4", "2")
    assert current_round(session, "mot_a").voted == {"p1", "p2"}
    assert not is_done(session, "mot_a")
    assert session.rounds["mot_a"][0].closed is None
    session = record_vote(session, "mot_a", 1, "p3", "5", now=LATER)
    view = current_round(session, "mot_a")
    assert view.complete and view.number == 1 and view.decision is None
    assert is_pending(session, "mot_a")  # all votes in, the group has not decided
    assert session.rounds["mot_a"][0].closed == LATER
    assert {who: a["mot_a"] for who, a in session.answers.items()} == {"p1": "4", "p2": "2", "p3": "5"}


def test_a_re_vote_keeps_the_first_round_and_counts_once_complete(basic) -> None:
    session = decide(
        voted(meeting(basic, "individual"), "mot_a", "1", "5", "3"), "mot_a", "revote", now=LATER
    )
    assert current_round(session, "mot_a").number == 2
    session = record_vote(session, "mot_a", 2, "p1", "4", now=LATER)
    # Until the second round is complete, the first one's answers are what would be scored.
    assert [session.answers[p]["mot_a"] for p in ("p1", "p2", "p3")] == ["1", "5", "3"]
    session = voted(session, "mot_a", "4", "4", "4", number=2)
    session = decide(session, "mot_a", "accept", now=LATER)
    assert [session.answers[p]["mot_a"] for p in ("p1", "p2", "p3")] == ["4", "4", "4"]
    assert [(r.votes, r.decision) for r in session.rounds["mot_a"]] == [
        ({"p1": "1", "p2": "5", "p3": "3"}, "revote"),
        ({"p1": "4", "p2": "4", "p3": "4"}, "accept"),
    ]
    # The result shows the before and after, never who voted what.
    result = score_session(basic, session)
    before, after = result.rounds["mot_a"]
    assert before.distribution == {"1": 1, "3": 1, "5": 1} and before.decision == "revote"
    assert after.distribution == {"4": 3} and after.score == 75.0
    assert "p1" not in result.model_dump_json()


def test_votes_that_do_not_fit_the_round_are_refused(basic) -> None:
    session = voted(meeting(basic, "individual"), "mot_a", "4")
    with pytest.raises(VoteRefused, match="is at round 1, not round 2"):
        record_vote(session, "mot_a", 2, "p2", "4", now=LATER)
    with pytest.raises(VoteRefused, match="'p9' is not taking part"):
        record_vote(session, "mot_a", 1, "p9", "4", now=LATER)
    with pytest.raises(VoteRefused, match="'7' is not an answer to item 'mot_a'"):
        record_vote(session, "mot_a", 1, "p2", "7", now=LATER, allowed={"1", "2", "3", "4", "5"})
    with pytest.raises(VoteRefused, match="no complete round"):
        decide(session, "mot_a", "accept", now=LATER)
    decided = decide(voted(session, "mot_a", "4", "4", "4"), "mot_a", "accept", now=LATER)
    with pytest.raises(VoteRefused, match="is decided"):
        record_vote(decided, "mot_a", 1, "p1", "2", now=LATER)
    with pytest.raises(VoteRefused, match="no votes"):
        record_vote(meeting(basic, "consensus", 1), "mot_a", 1, "p1", "2", now=LATER)


def test_a_named_vote_can_be_changed_until_the_decision(basic) -> None:
    session = voted(meeting(basic, "individual"), "mot_a", "4", "2", "5")
    session = record_vote(session, "mot_a", 1, "p2", "4", now=LATER)
    assert session.rounds["mot_a"][0].votes == {"p1": "4", "p2": "4", "p3": "5"}
    session = withdraw_vote(session, "mot_a", "p3")
    assert current_round(session, "mot_a").voted == {"p1", "p2"}
    assert session.rounds["mot_a"][0].closed is None
    assert "mot_a" not in session.answers.get("p3", {})


def test_anonymous_ballots_are_linked_to_nobody(basic, tmp_path) -> None:
    session = voted(meeting(basic, "anonymous"), "mot_a", "5", "1", "3")
    first = session.rounds["mot_a"][0]
    assert first.ballots == ["1", "3", "5"]  # sorted: not even the order of voting is kept
    assert first.votes == {} and first.voted == ["p1", "p2", "p3"]
    once = record_vote(session, "mot_b", 1, "p1", "4", now=LATER)
    with pytest.raises(VoteRefused, match="'p1' has already voted"):
        record_vote(once, "mot_b", 1, "p1", "2", now=LATER)
    with pytest.raises(VoteRefused, match="only a named vote"):
        withdraw_vote(session, "mot_a", "p1")
    assert session.answers == {"b1": {"mot_a": "1"}, "b2": {"mot_a": "3"}, "b3": {"mot_a": "5"}}
    # The file holds no pairing of a person with an answer.
    save_session(session, tmp_path / "s.json")
    saved = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert set(saved["answers"]) == {"b1", "b2", "b3"}
    assert saved["rounds"]["mot_a"][0]["votes"] == {}
    result = score_session(basic, load_session(tmp_path / "s.json"))
    assert result.respondents == 3
    assert result.groups == []  # no breakdown by role: the ballots have no role
    assert all(d.respondents.n == 0 for d in result.domains)  # nobody's own score exists


def test_the_voting_order_rotates_unless_turned_off(basic) -> None:
    session = meeting(basic, "individual")
    assert [voting_order(session, i)[0] for i in range(4)] == ["p1", "p2", "p3", "p1"]
    fixed = session.model_copy(update={"rotate": False})
    assert [voting_order(fixed, i)[0] for i in range(4)] == ["p1"] * 4


def test_decisions_mark_and_unmark_and_can_be_taken_back(basic) -> None:
    session = voted(meeting(basic, "individual"), "mot_a", "1", "5", "3")
    flagged = decide(session, "mot_a", "flag", now=LATER)
    assert flagged.flagged == ["mot_a"]
    again = decide(undecide(flagged, "mot_a"), "mot_a", "stands", now=LATER)
    assert again.flagged == [] and again.rounds["mot_a"][0].decision == "stands"
    revote = decide(session, "mot_a", "revote", now=LATER)
    assert undecide(revote, "mot_a").rounds["mot_a"] == session.rounds["mot_a"]  # the empty re-vote goes


def test_a_half_written_open_answer_is_kept_apart_from_the_answers(basic) -> None:
    session = with_draft(meeting(basic, "consensus", 1), "inspired", "group", "Et besøg på")
    assert session.drafts == {"inspired": {"group": "Et besøg på"}}
    assert session.answers == {}
    assert with_draft(session, "inspired", "group", " ").drafts == {}


def test_a_version_1_session_loads_and_carries_on_in_rounds(tmp_path: Path) -> None:
    old = DATA / "sessions" / "individual.json"
    assert '"format": "peerready-session/1"' in old.read_text(encoding="utf-8")
    session = load_session(old)
    assert session.format == "peerready-session/2" and session.rounds == {}
    assert is_done(session, "mot_a")  # answered in version 1: done without rounds
    answers = {who: a["mot_a"] for who, a in session.answers.items() if "mot_a" in a}
    seeded = open_round(session, "mot_a", now=NOW)
    assert seeded.rounds["mot_a"][0].votes == answers  # its answers become the first round
    assert {who: a["mot_a"] for who, a in seeded.answers.items() if "mot_a" in a} == answers
    assert '"format": "peerready-session/2"' in session_json(session)


def test_the_summary_and_the_report_show_the_before_and_after_and_every_role(basic) -> None:
    from peerready.model.session import Respondent
    from peerready.output.terminal import score_view
    from peerready.report.build import participants
    from tests.helpers.scripted import render

    session = meeting(basic, "individual", 4)
    roles = ["union_rep", "union_rep", "coordinator", "staff"]
    people = [Respondent(id=f"p{n}", role=role) for n, role in enumerate(roles, start=1)]
    session = Session.model_validate(
        session.model_dump()
        | {"respondents": people, "roles": {"coordinator": {"da": "Koordinator", "en": "Coordinator"}}}
    )
    session = decide(voted(session, "mot_a", "1", "2", "1", "2"), "mot_a", "revote", now=LATER)
    session = decide(voted(session, "mot_a", "4", "4", "5", "4", number=2), "mot_a", "accept", now=LATER)
    session = decide(voted(session, "mot_b", "1", "5", "1", "5"), "mot_b", "stands", now=LATER)
    result = score_session(basic, session)
    shown = render(score_view(result, basic, "en"))
    assert "Discussed and voted again" in shown
    assert "1. We know why. – 12 → 81" in shown
    assert "2. We know what. – 50 · the disagreement stands" in shown
    assert participants(result, "da") == "4 (2 tillidsrepræsentanter, 1 medarbejder, Koordinator: 1)"


def test_the_live_meeting_takes_votes_from_several_sources_one_at_a_time(basic) -> None:
    import threading

    from peerready.meeting.live import LiveMeeting

    saved: list[Session] = []
    heard: list[int] = []
    live = LiveMeeting(meeting(basic, "anonymous", 40), saved.append, lambda: LATER)
    stop = live.subscribe(lambda s: heard.append(len(current_round(s, "mot_a").voted)))

    def phone(voter: str) -> None:  # as a web server's thread would
        live.apply(lambda s: record_vote(s, "mot_a", 1, voter, "4", now=LATER))

    threads = [threading.Thread(target=phone, args=(f"p{n}",)) for n in range(1, 41)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert current_round(live.session, "mot_a").complete
    assert live.session.rounds["mot_a"][0].ballots == ["4"] * 40
    assert len(saved) == 40 and saved[-1] is live.session  # each vote saved before anyone is told
    assert sorted(heard) == list(range(1, 41))
    with pytest.raises(VoteRefused):  # a refused vote changes nothing and saves nothing
        live.apply(lambda s: record_vote(s, "mot_a", 1, "p1", "2", now=LATER))
    assert len(saved) == 40
    stop()
    live.apply(lambda s: decide(s, "mot_a", "accept", now=LATER))
    assert len(heard) == 40  # no longer listening


def test_no_file_pairs_an_anonymous_voter_with_a_vote(basic) -> None:
    from peerready.meeting.live import LiveMeeting

    files: list[str] = []
    live = LiveMeeting(meeting(basic, "anonymous"), lambda s: files.append(session_json(s)), lambda: LATER)
    live.apply(lambda s: record_vote(s, "mot_a", 1, "p1", "5", now=LATER))
    live.apply(lambda s: record_vote(s, "mot_a", 1, "p2", "1", now=LATER))
    # Saved after each vote, but a half-voted round is written empty: neither one vote with its
    # voter, nor the difference between two saves, says who voted what.
    after_one, after_two = (json.loads(f) for f in files)
    assert after_one["rounds"] == after_two["rounds"]
    assert after_two["rounds"]["mot_a"] == [{**after_two["rounds"]["mot_a"][0], "ballots": [], "voted": []}]
    assert "answers" not in after_two or after_two["answers"] == {}
    assert live.session.rounds["mot_a"][0].ballots == ["1", "5"]  # kept while the meeting runs
    live.apply(lambda s: record_vote(s, "mot_a", 1, "p3", "3", now=LATER))
    saved = json.loads(files[-1])
    assert saved["rounds"]["mot_a"][0]["ballots"] == ["1", "3", "5"]
    assert saved["answers"] == {"b1": {"mot_a": "1"}, "b2": {"mot_a": "3"}, "b3": {"mot_a": "5"}}
