"""The question loop of `peerready assess`: walk the items, go back, skip, jump, vote, review, finish.

It talks to the group only through an `Asker` (prompts) and a `show` function (the screen), and
changes the session only through the `LiveMeeting`, which saves every change before anything
else is asked, so an interrupted meeting loses at most the answer being typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from rich.console import RenderableType

from peerready.i18n import Lang
from peerready.meeting.cards import Cards
from peerready.meeting.items import ItemAsker, Outcome
from peerready.meeting.live import LiveMeeting
from peerready.meeting.pace import Pace
from peerready.meeting.prompts import Asker
from peerready.meeting.review import FINISH, Review
from peerready.meeting.state import is_done, is_pending, with_draft, with_position
from peerready.meeting.steps import completed, with_answer, with_flag
from peerready.meeting.texts import text
from peerready.meeting.view import Screen
from peerready.meeting.voting import BallotBox, Voting
from peerready.model.instrument import Instrument
from peerready.model.questionnaire import Item
from peerready.model.session import GROUP, Session

__all__ = ["FINISH", "Assessment", "local_now"]


def local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


@dataclass
class Assessment:
    """A running assessment: the live session, and where the group is in it."""

    instrument: Instrument
    start_session: Session
    lang: Lang
    asker: Asker
    store: Callable[[Session], None]
    show: Callable[[RenderableType], None]
    greeting: str | None = None  # shown on the first screen, e.g. where answers are saved
    clock: Callable[[], dt.datetime] = local_now
    timer_length: dt.timedelta | None = None  # a discussion timer per item (--timer)
    live: LiveMeeting | None = None
    screen: Callable[[], Screen] = Screen  # the screen's size now, and whether it is a projector
    box: BallotBox | None = None  # votes from another source than the terminal (assess --room)
    items: list[Item] = field(init=False)

    def __post_init__(self) -> None:
        self.questionnaire = self.instrument.questionnaire
        self.items = self.questionnaire.all_items
        # The session every source shares; a meeting of its own when only the terminal asks.
        self.meeting = self.live or LiveMeeting(self.start_session, self.store, self.clock)
        self.cards = Cards(self.instrument, self.lang)
        self.ask = ItemAsker(self)
        self.voting = Voting(self, self.ask, self.clock, self.meeting, self.box)
        self.pace = Pace(self.questionnaire, self.meeting.session, self.clock, self.lang, self.timer_length)
        self.review = Review(self, self.pace)
        self.notice: str | None = self.greeting

    @property
    def session(self) -> Session:
        return self.meeting.session

    def apply(self, change: Callable[[Session], Session]) -> None:
        self.meeting.apply(change)

    def progress(self) -> str:
        return self.pace.line(self.session)

    def timer(self) -> Callable[[], str] | None:
        return self.pace.timer_line if self.timer_length is not None else None

    def run(self) -> Session:
        """From where the group paused (or the first open item) through the open items, then
        review until the group finishes; the finished session."""
        start = self._start()
        if start is not None:
            self._walk(start, revisit=True)
        while (target := self.review.ask(self._take_notice())) is not None:
            index, from_end = target
            # An item picked at the review: that item, then back to the review. ← at the review:
            # step back through the items from the last one.
            self._walk(index, revisit=True, once=not from_end)
        self.apply(lambda s: with_position(completed(s), None))
        return self.session

    def _take_notice(self) -> str | None:
        notice, self.notice = self.notice, None
        return notice

    def _start(self) -> int | None:
        position = self.session.position
        ids = [item.id for item in self.items]
        if position not in ids:
            return self.next_open(0)
        index = ids.index(position)
        # Where the group was, unless it was finished there: the position is saved with each change,
        # so after a crash it can be the item before the one the group had moved on to.
        if is_done(self.session, position) and not is_pending(self.session, position):
            after = self.next_open(index + 1)
            return after if after is not None else self.next_open(0)
        return index

    def next_open(self, start: int) -> int | None:
        """The first item from `start` on still missing answers or a decision."""
        for index in range(start, len(self.items)):
            item_id = self.items[index].id
            if not is_done(self.session, item_id) or is_pending(self.session, item_id):
                return index
        return None

    def _walk(self, index: int | None, *, revisit: bool = False, once: bool = False) -> None:
        """From `index` on through the open items; back goes to the previous item, answered or not.
        `once`: only as far as the first item answered (or skipped)."""
        while index is not None:
            outcome = self._visit(index, revisit=revisit)
            revisit = False
            if once and outcome in (Outcome.NEXT, Outcome.SKIP):
                return
            if outcome is Outcome.BACK:
                if index == 0:
                    self.notice, revisit = text("first_item", self.lang), True
                    continue
                index, revisit = index - 1, True
            elif outcome is Outcome.JUMP:
                target = self.review.jump()
                if target is not None:
                    index, revisit = target, True
                else:
                    revisit = True
            else:
                index = self.next_open(index + 1)

    def _visit(self, index: int, *, revisit: bool) -> Outcome:
        item = self.items[index]
        # Where the group is goes into the file with the next change (a vote, an answer) or at a
        # pause: an extra save per item would cost the room a disk flush each time.
        self.meeting.remember(lambda s: with_position(s, item.id))
        self.pace.arrive(item.id)
        notice = self._take_notice()
        if self.session.mode != "consensus":
            return self.voting.item(index, revisit=revisit, notice=notice)
        result = self.ask.answer(index, GROUP, notice=notice)
        if isinstance(result, Outcome):
            return result
        self._record(item, result)
        return Outcome.NEXT

    def _record(self, item: Item, value: str | None) -> None:
        """The group's answer, saved, and confirmed on the next screen."""

        def change(session: Session) -> Session:
            session = with_draft(with_answer(session, GROUP, item.id, value), item.id, GROUP, "")
            if item.id in session.flagged and value is not None:  # answered together: discussed
                session = with_flag(session, item.id, False)
            return session

        self.apply(change)
        number = self.items.index(item) + 1
        shown = self.cards.full(item, value) if value is not None else text("no_answer", self.lang)
        self.notice = text("answered", self.lang, number=number, answer=_one_line(shown))


def _one_line(answer: str, longest: int = 60) -> str:
    """An answer on one line, an open answer's first words, cut between words."""
    flat = " ".join(answer.split())
    if len(flat) <= longest:
        return flat
    return flat[:longest].rsplit(" ", 1)[0] + " …"
