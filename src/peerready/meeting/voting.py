"""Votes at the terminal: each participant in turn (the order rotating from item to item), blind
until the last vote is in, then the spread and what the group makes of it, with stable keys:
Enter moves on, d discusses and votes again, m marks the item for later, ← goes back.

Every change goes through the meeting state (`state`), as votes from any other source would.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Protocol

from rich.console import Group

from peerready.meeting.items import ItemAsker, Meeting, Outcome
from peerready.meeting.live import LiveMeeting
from peerready.meeting.prompts import Action, Choice, ChoicePrompt
from peerready.meeting.state import (
    RoundView,
    current_round,
    decide,
    open_round,
    record_vote,
    undecide,
    voting_order,
    with_draft,
    withdraw_vote,
)
from peerready.meeting.steps import item_spread
from peerready.meeting.texts import keys, text
from peerready.meeting.view import card_view, spread_view
from peerready.model.questionnaire import ScoredItem, TextItem
from peerready.model.result import ItemStats
from peerready.model.session import Decision, Session
from peerready.scoring.tally import ScoringPlan

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

MOVE_ON, REVOTE, MARK = "move_on", "d", "m"  # the decision's choices; d and m are also their keys


class BallotBox(Protocol):
    """Another source of votes (phones in a meeting room) in place of the terminal's turn-taking."""

    def collect(self, index: int, round_number: int) -> Outcome | None:
        """Wait until the item's round is complete (its votes applied through the LiveMeeting and
        `record_vote`); or where the group wants to go instead (Ctrl-C: raise KeyboardInterrupt)."""
        ...


class Voting:
    def __init__(
        self,
        meeting: Meeting,
        ask: ItemAsker,
        clock: Callable[[], dt.datetime],
        live: LiveMeeting,
        box: BallotBox | None = None,
    ) -> None:
        self.run = meeting
        self.live = live
        self.box = box
        self.ask = ask
        self.clock = clock
        self.lang = meeting.lang
        self.plan = ScoringPlan.build(meeting.questionnaire)

    def item(self, index: int, *, revisit: bool, notice: str | None) -> Outcome:
        """The item's open round voted to the end, then the group's decision on it. A revisit (back,
        a jump, the review) shows a finished item's spread and decision again."""
        item = self.run.items[index]
        # Saved with the round's first vote (or at a pause), not on its own: a disk flush less per item.
        self.live.remember(partial(open_round, item_id=item.id, now=self.clock()))
        while True:
            view = current_round(self.run.session, item.id)
            if not view.complete and self.box is not None:  # votes come from elsewhere (phones)
                outcome = self.box.collect(index, view.number)
                if outcome is not None:
                    return outcome
            elif not view.complete:
                outcome, notice, again = self._vote(index, view, notice)
                revisit = revisit or again
                if outcome is not None:
                    return outcome
            elif isinstance(item, TextItem):  # open answers are not voted on: nothing to decide
                if view.decision is None:
                    self.run.apply(partial(self._decide, item_id=item.id, decision="accept"))
                return Outcome.NEXT
            elif view.decision is not None and not revisit:
                return Outcome.NEXT
            else:
                outcome, notice = self._settle(index, item, view)
                if outcome is not None:
                    return outcome
                revisit = False

    def _vote(
        self, index: int, view: RoundView, notice: str | None
    ) -> tuple[Outcome | None, str | None, bool]:
        """The next voter's vote: (where to go instead, the notice for the next screen, whether
        the group went back to the decision before a re-vote)."""
        item = self.run.items[index]
        voter = next(v for v in voting_order(self.run.session, index) if v not in view.voted)
        self.live.asking = (item.id, view.number)  # other sources (phones) may vote in this round now
        try:
            result = self.ask.answer(index, voter, notice=notice, blind=True)
        finally:
            self.live.asking = None
        if result is Outcome.BACK:
            if not view.voted:
                if view.number > 1:  # back from a re-vote nobody has voted in: to the decision
                    self.run.apply(partial(undecide, item_id=item.id))
                    return None, None, True
                return Outcome.BACK, None, False
            if self.run.session.mode == "anonymous":  # a ballot is linked to nobody: it stays
                return None, text("no_take_back", self.lang), False
            self._take_back(item.id)
            return None, None, False
        if isinstance(result, Outcome):
            return result, None, False
        self.run.apply(partial(self._record, item_id=item.id, number=view.number, voter=voter, answer=result))
        return None, text("voted", self.lang, who=self.run.cards.name(self.run.session, voter)), False

    def _record(
        self, session: Session, *, item_id: str, number: int, voter: str, answer: str | None
    ) -> Session:
        session = record_vote(session, item_id, number, voter, answer, now=self.clock())
        return with_draft(session, item_id, voter, "")

    def _take_back(self, item_id: str) -> None:
        """The last vote given in the round taken back, for that voter to vote again."""
        last = self.run.session.rounds[item_id][-1].voted[-1]
        self.run.apply(partial(withdraw_vote, item_id=item_id, voter=last))

    def _settle(self, index: int, item: ScoredItem, view: RoundView) -> tuple[Outcome | None, str | None]:
        """The group's decision on a complete round: (where to go, or None to vote again; the notice)."""
        decision = self._decision(index, item, view.decision)
        if decision is Action.BACK:
            if self.run.session.mode == "anonymous":
                return Outcome.BACK, None
            self.run.apply(partial(undecide, item_id=item.id))
            self._take_back(item.id)
            return None, None
        if decision is Action.JUMP:
            return Outcome.JUMP, None
        if decision is Action.NOTE:
            self.ask.note(item)
            return None, None  # the decision is asked again (a revisit, as nothing was decided)
        chosen = self._meaning(decision, view.answers, item)
        self.run.apply(partial(self._decide, item_id=item.id, decision=chosen))
        if chosen != "revote":
            return Outcome.NEXT, None
        return None, text("round_again", self.lang, n=view.number + 1)

    def _decide(self, session: Session, *, item_id: str, decision: Decision) -> Session:
        return decide(undecide(session, item_id), item_id, decision, now=self.clock())

    def _meaning(self, decision: str | Action, answers: tuple[str, ...], item: ScoredItem) -> Decision:
        if decision == REVOTE:
            return "revote"
        if decision == MARK:
            return "flag"
        return "stands" if self._stats(item, answers).low_agreement else "accept"

    def _stats(self, item: ScoredItem, answers: tuple[str, ...]) -> ItemStats:
        return item_spread(self.plan, item.id, answers, self.run.questionnaire.settings)

    def _decision(self, index: int, item: ScoredItem, current: Decision | None) -> str | Action:
        """The spread of the round's votes, and what the group makes of it."""
        session = self.run.session
        view = current_round(session, item.id)
        stats = self._stats(item, view.answers)
        card = self.run.cards.card(session, index, None, progress=self.run.progress(), votes=False)
        named: dict[str, list[str]] | None = None
        if session.mode == "individual":  # who gave which answer, beside its bar
            named = {}
            votes = session.rounds[item.id][-1].votes
            for person in session.respondents:
                if person.id in votes:
                    named.setdefault(votes[person.id], []).append(self.run.cards.name(session, person.id))
        screen = self.run.screen()
        spread = spread_view(
            stats,
            self.run.cards.labels(item),
            self.lang,
            named=named,
            round_number=view.number,
            screen=screen,
        )
        self.run.show(Group(card_view(card, self.lang, screen), spread))
        move_on = text("move_on" if stats.low_agreement else "move_on_ok", self.lang)
        choices = (
            Choice(MOVE_ON, move_on),
            Choice(REVOTE, text("revise", self.lang), REVOTE),
            Choice(MARK, text("flag_later", self.lang), MARK),
        )
        message = text("what_now", self.lang)
        if current is not None:  # a revisit: what was decided (Enter still moves on)
            message += " " + text("decided", self.lang, decision=text(f"decided_{current}", self.lang))
        prompt = ChoicePrompt(
            message,
            choices,
            default=MOVE_ON,
            hint=keys(self.lang, "move_on", "revote", "mark_later", "note", "jump", "back", "pause"),
            actions=frozenset({Action.BACK, Action.NOTE, Action.JUMP}),
            status=self.run.timer(),  # the discussion happens here
        )
        return self.run.asker.choose(prompt)
