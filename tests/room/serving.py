"""A room served for tests: the real app on the real server, in this process, on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from peerready.model.instrument import Instrument
from peerready.model.questionnaire import TextItem
from peerready.model.session import ROLE_LABELS
from peerready.room.app import build_app
from peerready.room.content import Card, card_for
from peerready.room.context import Setup
from peerready.room.limits import GuessLimiter
from peerready.room.network import bind
from peerready.room.server import RoomServer
from peerready.room.state import Ballot, Room

CODE = "7QK4M2XD"
KEY = "projector-key-for-tests-0123456789abcdef"


@dataclass
class Served:
    setup: Setup
    origin: str

    @property
    def room(self) -> Room:
        return self.setup.room

    @property
    def projector(self) -> str:
        return f"/p/{KEY}"


@contextmanager
def served(
    instrument: Instrument, seats: int = 3, limiter: GuessLimiter | None = None, *, anonymous: bool = False
) -> Iterator[Served]:
    questionnaire = instrument.questionnaire

    def card(ballot: Ballot) -> Card:
        item = questionnaire.item_by_id[ballot.item_id]
        assert not isinstance(item, TextItem)
        return card_for(questionnaire, item, ballot.round, "en")

    sock = bind("127.0.0.1", None)
    origin = f"http://127.0.0.1:{sock.getsockname()[1]}"
    setup = Setup(
        room=Room.for_seats([str(n) for n in range(1, seats + 1)]),
        code=CODE,
        projector_key=KEY,
        lang="en",
        origin=origin,
        roles={role: label.en for role, label in ROLE_LABELS.items()},
        card=card,
        limiter=limiter or GuessLimiter(),
        anonymous=anonymous,
    )
    server = RoomServer(build_app(setup), sock)
    server.start()
    try:
        yield Served(setup, origin)
    finally:
        setup.room.close()
        server.stop()
