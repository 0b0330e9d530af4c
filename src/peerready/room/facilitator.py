"""The facilitator's side of a round: open it on the phones, show on the terminal how many have
voted (never who) as the votes arrive, save each vote as it comes, and reveal on Enter or when
everyone has voted. People without a phone vote at the facilitator's keyboard, as today."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from peerready.i18n import Lang
from peerready.meeting.prompts import Action, Asker, Choice, ChoicePrompt
from peerready.room.keys import Keys
from peerready.room.qr import qr_text
from peerready.room.state import Ballot, Room, Snapshot
from peerready.room.texts import text

IDLE = 1.0  # seconds between redraws when nothing happens (a Ctrl-C is seen at once anyway)


class RoundHooks(Protocol):
    """What the meeting does with a round's votes."""

    def record(self, votes: list[tuple[str, str, str | None]]) -> None:
        """Save these votes at once: (seat, its vote, the vote it replaces in this round or None)."""

    def typed(self, seat: str) -> str | None:
        """A vote for `seat` typed at the keyboard, or None when the facilitator goes back."""

    def name(self, seat: str) -> str:
        """How the facilitator's screen names the seat's participant."""


class Step(Enum):
    REVEAL = "reveal"
    BACK = "back"
    SKIP = "skip"


@dataclass(frozen=True)
class Entrance:
    """How the room is reached: shown on the terminal for the projector."""

    url: str
    code: str
    projector: str

    def view(self, lang: Lang, *, qr: bool) -> RenderableType:
        lines = Text.assemble(
            (f"{text('scan', lang)} ", "heading"),
            (self.url, "bold"),
            f"\n{text('code', lang)}: ",
            (self.code, "bold"),
            f"\n{text('projector_page', lang)}: {self.projector}",
        )
        return Group(qr_text(self.url), lines) if qr else lines


@dataclass
class RoomVoting:
    room: Room
    keys: Keys
    show: Callable[[RenderableType], None]
    asker: Asker
    lang: Lang
    entrance: Entrance

    def __post_init__(self) -> None:
        self._show_qr: bool | None = None  # None: while places are free (q shows or hides it)
        self.wake_fd, self._wake_write = os.pipe()
        os.set_blocking(self._wake_write, False)
        self.room.listen(self._wake)

    def _wake(self) -> None:
        with contextlib.suppress(BlockingIOError):  # the pipe is full: a wake-up is pending anyway
            os.write(self._wake_write, b".")

    def close(self) -> None:
        self.room.unlisten(self._wake)
        os.close(self.wake_fd)
        os.close(self._wake_write)

    def collect(
        self, ballot: Ballot, given: Mapping[str, str | None], card: RenderableType, hooks: RoundHooks
    ) -> Step:
        """Run one round until it is revealed, handing every vote to `hooks.record` as it arrives.

        `given` holds the round's votes saved before (a resumed meeting). The round is revealed
        on Enter, or as soon as the last vote arrives."""
        self.room.open(ballot, given)
        saved = dict(given)
        drawn = -1
        while True:
            snapshot = self.room.snapshot()
            self._save(saved, hooks)
            if snapshot.voted >= snapshot.seats:
                break
            if snapshot.version != drawn:
                self.show(self._waiting(card, snapshot))
                drawn = snapshot.version
            key = self.keys.read(IDLE, self.wake_fd)
            self.drain()
            if key == "enter" and snapshot.voted:
                break
            if key in ("left", "s"):
                self.room.pause()
                return Step.BACK if key == "left" else Step.SKIP
            if key == "q":
                self._show_qr, drawn = not self._qr(snapshot), -1
            elif key == "v":
                self._typed(hooks)
                drawn = -1
        self.room.reveal()  # votes close here; any that came in just before are saved now
        self._save(saved, hooks)
        return Step.REVEAL

    def _save(self, saved: dict[str, str | None], hooks: RoundHooks) -> None:
        """Every vote that came in since the last look, saved together (one write for many)."""
        new = [
            (seat, vote.value, saved.get(seat))
            for seat, vote in self.room.current_votes().items()
            if vote.value is not None and saved.get(seat) != vote.value
        ]
        if new:
            hooks.record(new)
            saved.update((seat, value) for seat, value, _ in new)

    def _typed(self, hooks: RoundHooks) -> None:
        """A vote typed for someone without a phone: any seat no phone holds."""
        phones = self.room.phone_seats()
        free = [seat for seat in self.room.seats if seat not in phones]
        if not free:
            self.show(Text(text("all_phones", self.lang), style="warn"))
            return
        seats = tuple(Choice(seat, hooks.name(seat)) for seat in free)
        seat = self.asker.choose(
            ChoicePrompt(text("whose_vote", self.lang), seats, actions=frozenset({Action.BACK}))
        )
        if isinstance(seat, Action):
            return
        value = hooks.typed(seat)
        if value is not None:
            self.room.typed(seat, value)

    def drain(self) -> None:
        os.set_blocking(self.wake_fd, False)
        try:
            while os.read(self.wake_fd, 4096):
                pass
        except BlockingIOError:
            pass
        finally:
            os.set_blocking(self.wake_fd, True)

    def _qr(self, snapshot: Snapshot) -> bool:
        """The QR code takes half a small screen: shown while phones may still join, unless toggled."""
        return snapshot.joined < snapshot.seats if self._show_qr is None else self._show_qr

    def _waiting(self, card: RenderableType, snapshot: Snapshot) -> RenderableType:
        count = Text(text("counted", self.lang, voted=snapshot.voted, seats=snapshot.seats), style="bold")
        status = Text(text("joined", self.lang, joined=snapshot.joined, seats=snapshot.seats))
        if snapshot.turned_away:
            status.append(" · " + text("turned_away", self.lang, count=snapshot.turned_away), style="warn")
        return Group(
            card,
            Panel(Group(count, status), expand=False, padding=(0, 2)),
            self.entrance.view(self.lang, qr=self._qr(snapshot)),
            Text(text("wait_keys", self.lang), style="muted"),
        )
