"""What the room's request handlers share: the setup they serve from, and reading a form."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from starlette.requests import Request

from peerready.i18n import Lang
from peerready.room.content import Card
from peerready.room.limits import GuessLimiter
from peerready.room.state import Ballot, Room

MAX_FIELDS = 10


@dataclass
class Setup:
    """Everything the app serves from: the room, its secrets and how to show a ballot."""

    room: Room
    code: str
    projector_key: str
    lang: Lang
    origin: str  # scheme://host:port, as the phones reach the room
    roles: dict[str, str]  # role id → label, for the optional role at joining
    card: Callable[[Ballot], Card]
    anonymous: bool = False  # the meeting's votes are anonymous (else named by participant number)
    on_join: Callable[[], None] = lambda: None  # a phone took a seat: keep it for a resumed meeting
    limiter: GuessLimiter = field(default_factory=GuessLimiter)

    @property
    def join_url(self) -> str:
        return f"{self.origin}/j/{self.code}"


def setup_of(request: Request) -> Setup:
    setup: Setup = request.app.state.setup
    return setup


def address_of(request: Request) -> str:
    return request.client.host if request.client else "?"


async def read_form(request: Request) -> dict[str, str]:
    """A url-encoded form's fields (the first value of each); the body is already bounded."""
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
        return {}
    body = (await request.body()).decode("utf-8", errors="replace")
    try:
        fields = parse_qs(body, keep_blank_values=True, max_num_fields=MAX_FIELDS)
    except ValueError:  # more fields than any of the room's forms has
        return {}
    return {name: values[0] for name, values in fields.items()}


def key_matches(request: Request) -> bool:
    setup = setup_of(request)
    return hmac.compare_digest(request.path_params["key"].encode(), setup.projector_key.encode())
