"""The meeting's state as pure functions of the session: rounds of votes, decisions, and where
the group is. Every input source (the terminal, phones in a meeting room) changes a session only
through these functions, so the rules (blind rounds, anonymous ballots, one vote each) hold for all.

Sessions are frozen; each function returns a new one. In anonymous mode nothing records who voted
what: a round keeps who has voted and, apart, the answers sorted, which hides the order of voting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from peerready.errors import InputError
from peerready.model.session import BALLOT, GROUP, Decision, Round, Session, answer_keys


class VoteRefused(InputError):
    """A vote or decision that does not fit the item's current round."""


@dataclass(frozen=True)
class RoundView:
    """An item's latest round as a client sees it."""

    item: str
    number: int  # 1-based; 0 while the item has no round yet
    voted: frozenset[str]
    complete: bool
    decision: Decision | None
    answers: tuple[str, ...]  # every answer given in the round (never whose, in anonymous mode)


def voters(session: Session) -> list[str]:
    """Whose answers an item needs: the group's in consensus mode, else every respondent's."""
    return [GROUP] if session.mode == "consensus" else [r.id for r in session.respondents]


def voting_order(session: Session, index: int) -> list[str]:
    """The voters of the item at `index`: starting one further along at each item when rotating,
    so that nobody always votes first (or last, having heard everyone)."""
    people = voters(session)
    start = index % len(people) if session.rotate else 0
    return people[start:] + people[:start]


def rounds_of(session: Session, item_id: str) -> list[Round]:
    return session.rounds.get(item_id, [])


def is_complete(session: Session, round_: Round) -> bool:
    return set(voters(session)) <= set(round_.voted)


def current_round(session: Session, item_id: str) -> RoundView:
    rounds = rounds_of(session, item_id)
    if not rounds:
        return RoundView(item_id, 0, frozenset(), False, None, ())
    latest = rounds[-1]
    answers = tuple(latest.ballots) if session.mode == "anonymous" else tuple(latest.votes.values())
    return RoundView(
        item_id, len(rounds), frozenset(latest.voted), is_complete(session, latest), latest.decision, answers
    )


def open_round(session: Session, item_id: str, *, now: dt.datetime) -> Session:
    """The item's first round, if it has none; answers from a version 1 session become its votes."""
    if rounds_of(session, item_id) or session.mode == "consensus":
        return session
    given = {who: a[item_id] for who, a in session.answers.items() if item_id in a}
    first = Round(votes=given if session.mode == "individual" else {}, voted=list(given), opened=now)
    if session.mode == "anonymous":
        first = first.model_copy(update={"ballots": sorted(given.values()), "voted": []})
    return _with_rounds(session, item_id, [first])


def record_vote(
    session: Session,
    item_id: str,
    round_number: int,
    voter: str,
    answer: str | None,
    *,
    now: dt.datetime,
    allowed: Collection[str] | None = None,
) -> Session:
    """The session with `voter`'s answer in the item's round `round_number` (None: leaves their open
    answer out). Refused unless it is the item's latest round and the voter may still vote in it."""
    if session.mode == "consensus":
        raise VoteRefused("the group answers together in this session; there are no votes")
    if voter not in voters(session):
        raise VoteRefused(f"'{voter}' is not taking part in this session")
    if answer is not None and allowed is not None and answer not in allowed:
        raise VoteRefused(f"'{answer}' is not an answer to item '{item_id}'")
    session = open_round(session, item_id, now=now)
    rounds = rounds_of(session, item_id)
    if round_number != len(rounds):
        raise VoteRefused(f"item '{item_id}' is at round {len(rounds)}, not round {round_number}")
    latest = rounds[-1]
    if latest.decision is not None:
        raise VoteRefused(f"round {round_number} of item '{item_id}' is decided")
    if session.mode == "anonymous":
        if voter in latest.voted:
            raise VoteRefused(f"'{voter}' has already voted in round {round_number} of item '{item_id}'")
        ballots = sorted([*latest.ballots, answer]) if answer is not None else latest.ballots
        changed = latest.model_copy(update={"ballots": ballots, "voted": [*latest.voted, voter]})
    else:
        votes = {k: v for k, v in latest.votes.items() if k != voter}
        if answer is not None:
            votes[voter] = answer
        voted = [*(v for v in latest.voted if v != voter), voter]
        changed = latest.model_copy(update={"votes": votes, "voted": voted})
    if changed.closed is None and is_complete(session, changed):
        changed = changed.model_copy(update={"closed": now})
    return _with_rounds(session, item_id, [*rounds[:-1], changed])


def withdraw_vote(session: Session, item_id: str, voter: str) -> Session:
    """The latest round without `voter`'s vote, to give it again (named voting, before a decision)."""
    rounds = rounds_of(session, item_id)
    if session.mode != "individual" or not rounds or rounds[-1].decision is not None:
        raise VoteRefused("only a named vote in an undecided round can be taken back")
    latest = rounds[-1]
    changed = latest.model_copy(
        update={
            "votes": {k: v for k, v in latest.votes.items() if k != voter},
            "voted": [v for v in latest.voted if v != voter],
            "closed": None,
        }
    )
    return _with_rounds(session, item_id, [*rounds[:-1], changed])


def decide(session: Session, item_id: str, decision: Decision, *, now: dt.datetime) -> Session:
    """What the group made of the item's complete latest round; 'revote' opens the next round."""
    rounds = rounds_of(session, item_id)
    if not rounds or not is_complete(session, rounds[-1]):
        raise VoteRefused(f"item '{item_id}' has no complete round to decide on")
    decided = [*rounds[:-1], rounds[-1].model_copy(update={"decision": decision})]
    if decision == "revote":
        decided.append(Round(opened=now))
    flagged = [i for i in session.flagged if i != item_id]
    if decision == "flag":
        flagged.append(item_id)
    return _with_rounds(session, item_id, decided).model_copy(update={"flagged": flagged})


def undecide(session: Session, item_id: str) -> Session:
    """The item's last decision taken back; a re-vote nobody has voted in yet is dropped with it."""
    rounds = rounds_of(session, item_id)
    if len(rounds) > 1 and not rounds[-1].voted and rounds[-2].decision == "revote":
        rounds = rounds[:-1]
    if not rounds or rounds[-1].decision is None:
        return session
    return _with_rounds(session, item_id, [*rounds[:-1], rounds[-1].model_copy(update={"decision": None})])


def settled(session: Session, item_id: str) -> Round | None:
    """The round an item's answers come from: the last complete one, else the latest."""
    rounds = rounds_of(session, item_id)
    complete = [r for r in rounds if is_complete(session, r)]
    return complete[-1] if complete else (rounds[-1] if rounds else None)


def is_done(session: Session, item_id: str) -> bool:
    """Every answer the item needs is given: in its latest round, or (no rounds) in the answers."""
    rounds = rounds_of(session, item_id)
    if rounds:
        return is_complete(session, rounds[-1])
    return all(item_id in session.answers.get(key, {}) for key in answer_keys(session))


def is_pending(session: Session, item_id: str) -> bool:
    """The item's votes are all in, and the group has not yet said what it makes of them."""
    rounds = rounds_of(session, item_id)
    return bool(rounds) and is_complete(session, rounds[-1]) and rounds[-1].decision is None


def with_position(session: Session, item_id: str | None) -> Session:
    return session if session.position == item_id else session.model_copy(update={"position": item_id})


def with_draft(session: Session, item_id: str, who: str, text: str) -> Session:
    """The session with a half-written open answer kept (an empty one removed)."""
    drafts = {k: dict(v) for k, v in session.drafts.items()}
    own = drafts.setdefault(item_id, {})
    if text.strip():
        own[who] = text
    else:
        own.pop(who, None)
    return session.model_copy(update={"drafts": {k: v for k, v in drafts.items() if v}})


def sealed(session: Session) -> Session:
    """The session as it may be written to a file. In anonymous voting a round's ballots are
    written only once the round is complete: a half-voted round (one vote and one voter in it),
    or the saves of each vote one after another, would pair a voter with a vote. A round paused
    half-way starts again when the group carries on."""
    if session.mode != "anonymous":
        return session
    for item_id, rounds in session.rounds.items():
        latest = rounds[-1]
        if latest.voted and not is_complete(session, latest):
            empty = Round(opened=latest.opened)
            session = _with_rounds(session, item_id, [*rounds[:-1], empty])
    return session


def _with_rounds(session: Session, item_id: str, rounds: list[Round]) -> Session:
    """The session with the item's rounds replaced and its answers those of the settled round."""
    session = session.model_copy(update={"rounds": {**session.rounds, item_id: rounds}})
    return session.model_copy(update={"answers": _answers(session, item_id)})


def _answers(session: Session, item_id: str) -> dict[str, dict[str, str]]:
    source = settled(session, item_id)
    given: Mapping[str, str] = {}
    if source is not None and session.mode == "anonymous":
        given = {f"{BALLOT}{n}": answer for n, answer in enumerate(source.ballots, start=1)}
    elif source is not None:
        given = source.votes
    answers = {}
    for key in answer_keys(session):
        own = {k: v for k, v in session.answers.get(key, {}).items() if k != item_id}
        if key in given:
            own[item_id] = given[key]
        if own:
            answers[key] = own
    return answers


def change_ballot(session: Session, item_id: str, round_number: int, old: str, new: str) -> Session:
    """An anonymous ballot changed before the round is decided: one `old` answer becomes `new`.
    Only a source that knows which ballot is whose can ask for it: a phone changing its own vote
    in the room, which keeps that link in memory during the round and never writes it."""
    rounds = rounds_of(session, item_id)
    if session.mode != "anonymous" or round_number != len(rounds) or rounds[-1].decision is not None:
        raise VoteRefused(f"no open anonymous round {round_number} of item '{item_id}' to change a ballot in")
    ballots = list(rounds[-1].ballots)
    if old not in ballots:
        raise VoteRefused(f"round {round_number} of item '{item_id}' has no ballot '{old}' to change")
    ballots.remove(old)
    changed = rounds[-1].model_copy(update={"ballots": sorted([*ballots, new])})
    return _with_rounds(session, item_id, [*rounds[:-1], changed])
