"""What the room knows while a meeting runs: who holds which seat, the ballot that is open, and
this round's votes. The web server's thread and the facilitator's thread share one `Room`; every
method takes its lock for a moment and none does I/O.

A seat is one of the session's respondents: the declared participant count is the room's
capacity. A phone takes the first free seat when it joins and keeps it by its token (a cookie);
seats no phone holds are voted for at the facilitator's keyboard, as in a terminal meeting.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum

from peerready.room.codes import new_token, token_digest

Listener = Callable[[], None]


class Phase(Enum):
    WAITING = "waiting"  # no statement open: the group is discussing, deciding or setting up
    OPEN = "open"  # phones may vote on the ballot
    REVEALED = "revealed"  # the spread is on the screen; votes are closed
    CLOSED = "closed"  # the meeting has ended or paused


class Outcome(Enum):
    """What became of a vote a phone sent."""

    ACCEPTED = "accepted"
    REPLACED = "replaced"  # the seat's earlier vote in this round is replaced
    UNKNOWN_SEAT = "unknown_seat"  # no seat for that token
    NOT_OPEN = "not_open"  # no ballot open (before, or after the reveal)
    OTHER_BALLOT = "other_ballot"  # for another statement or round than the open one
    NOT_OFFERED = "not_offered"  # not one of the ballot's answers
    FINAL = "final"  # an anonymous vote from before a pause: nothing links it to the seat any more


@dataclass(frozen=True)
class Ballot:
    """One round of voting on one statement; `values` are the answers it offers."""

    item_id: str
    round: int
    values: frozenset[str]


@dataclass(frozen=True)
class Vote:
    value: str | None  # None: given before the meeting paused, in an anonymous round (unknown here)
    comment: str = ""


@dataclass(frozen=True)
class Snapshot:
    """The room at one moment, as the pages and the facilitator's screen show it."""

    version: int
    phase: Phase
    ballot: Ballot | None
    voted: int
    seats: int
    joined: int
    turned_away: int
    summarised: bool = False

    @property
    def key(self) -> str:
        """Changes whenever a phone's page must be drawn anew (another statement, round or phase)."""
        if self.ballot is None:
            return self.phase.value
        summary = ":summary" if self.summarised else ""
        return f"{self.ballot.item_id}:{self.ballot.round}:{self.phase.value}{summary}"


@dataclass
class Room:
    seats: tuple[str, ...]
    holders: dict[str, str] = field(default_factory=dict)  # token digest → seat
    roles: dict[str, str] = field(default_factory=dict)  # seat → role a phone chose
    phase: Phase = Phase.WAITING
    ballot: Ballot | None = None
    votes: dict[str, Vote] = field(default_factory=dict)  # seat → this round's vote
    summary: tuple[str, ...] = ()  # what the facilitator's screen says of the revealed spread
    answers: tuple[str, ...] = ()  # the revealed round's answers, as the session has them
    version: int = 0
    turned_away: int = 0
    _lock: threading.Condition = field(default_factory=threading.Condition, repr=False)
    _listeners: set[Listener] = field(default_factory=set, repr=False)

    @classmethod
    def for_seats(cls, seats: Sequence[str], holders: Mapping[str, str] | None = None) -> Room:
        known = {digest: seat for digest, seat in (holders or {}).items() if seat in seats}
        return cls(seats=tuple(seats), holders=known)

    # -- phones (the server's thread) ------------------------------------------------------

    def join(self, token: str | None, role: str | None = None) -> tuple[str, str] | None:
        """The token and seat of a phone: its own again if it has one, else a new token for
        the first free seat; None when every seat is taken (the room is full)."""
        with self._lock:
            if token is not None and (seat := self.holders.get(token_digest(token))) is not None:
                self._set_role(seat, role)
                return token, seat
            taken = set(self.holders.values())
            free = [seat for seat in self.seats if seat not in taken]
            if not free:
                self.turned_away += 1
                self._changed()
                return None
            token = new_token()
            self.holders[token_digest(token)] = free[0]
            self._set_role(free[0], role)
            self._changed()
            return token, free[0]

    def seat_of(self, token: str | None) -> str | None:
        if not token:
            return None
        with self._lock:
            return self.holders.get(token_digest(token))

    def cast(self, token: str | None, item_id: str, round_: int, value: str, comment: str = "") -> Outcome:
        """A phone's vote: accepted only for the open ballot, once per seat (a change replaces it)."""
        with self._lock:
            seat = self.holders.get(token_digest(token)) if token else None
            if seat is None:
                return Outcome.UNKNOWN_SEAT
            if self.phase is not Phase.OPEN or self.ballot is None:
                return Outcome.NOT_OPEN
            if (item_id, round_) != (self.ballot.item_id, self.ballot.round):
                return Outcome.OTHER_BALLOT
            if value not in self.ballot.values:
                return Outcome.NOT_OFFERED
            if seat in self.votes and self.votes[seat].value is None:
                return Outcome.FINAL
            outcome = Outcome.REPLACED if seat in self.votes else Outcome.ACCEPTED
            self.votes[seat] = Vote(value, comment)
            self._changed()
            return outcome

    def vote_of(self, token: str | None) -> Vote | None:
        with self._lock:
            seat = self.holders.get(token_digest(token)) if token else None
            return self.votes.get(seat) if seat is not None else None

    # -- the facilitator -------------------------------------------------------------------

    def open(self, ballot: Ballot, given: Mapping[str, str | None] | None = None) -> None:
        """Open a round for the phones; `given` holds votes already saved for it (on resuming;
        None for an anonymous vote, whose answer nothing links to its seat)."""
        with self._lock:
            self.ballot, self.phase, self.summary, self.answers = ballot, Phase.OPEN, (), ()
            self.votes = {seat: Vote(value) for seat, value in (given or {}).items() if seat in self.seats}
            self._changed()

    def typed(self, seat: str, value: str | None) -> None:
        """A vote the facilitator typed for someone without a phone (None takes it back)."""
        with self._lock:
            if value is None:
                self.votes.pop(seat, None)
            else:
                self.votes[seat] = Vote(value)
            self._changed()

    def reveal(self) -> None:
        """Close the round: no more votes; the spread goes on the screen."""
        with self._lock:
            self.phase = Phase.REVEALED
            self._changed()

    def summarise(self, summary: tuple[str, ...], answers: tuple[str, ...]) -> None:
        """The revealed round's answers and what the facilitator's screen says of them (the
        agreement), for the projector."""
        with self._lock:
            self.summary, self.answers = summary, answers
            self._changed()

    def pause(self) -> None:
        """Nothing open: the group is deciding, or between statements."""
        with self._lock:
            self.phase = Phase.WAITING
            self._changed()

    def close(self) -> None:
        with self._lock:
            self.phase, self.ballot = Phase.CLOSED, None
            self._changed()

    def phone_seats(self) -> set[str]:
        with self._lock:
            return set(self.holders.values())

    def current_votes(self) -> dict[str, Vote]:
        with self._lock:
            return dict(self.votes)

    def current_roles(self) -> dict[str, str]:
        with self._lock:
            return dict(self.roles)

    def holder_digests(self) -> dict[str, str]:
        with self._lock:
            return dict(self.holders)

    def snapshot(self) -> Snapshot:
        with self._lock:
            return self._snapshot()

    def wait(self, version: int, timeout: float) -> Snapshot:
        """The room once it has changed since `version`, or after `timeout` seconds as it is."""
        with self._lock:
            self._lock.wait_for(lambda: self.version != version, timeout)
            return self._snapshot()

    # -- live updates ----------------------------------------------------------------------

    def listen(self, listener: Listener) -> None:
        """Call `listener` (from whichever thread changed the room) after every change."""
        with self._lock:
            self._listeners.add(listener)

    def unlisten(self, listener: Listener) -> None:
        with self._lock:
            self._listeners.discard(listener)

    def _snapshot(self) -> Snapshot:
        return Snapshot(
            version=self.version,
            phase=self.phase,
            ballot=self.ballot,
            voted=len(self.votes),
            seats=len(self.seats),
            joined=len(set(self.holders.values())),
            turned_away=self.turned_away,
            summarised=bool(self.summary or self.answers),
        )

    def _set_role(self, seat: str, role: str | None) -> None:
        if role:
            self.roles[seat] = role

    def _changed(self) -> None:
        self.version += 1
        self._lock.notify_all()
        for listener in list(self._listeners):
            listener()
