"""The question loop of `peerready assess`: walk the items, go back, skip, vote, review, finish.

It talks to the group only through an `Asker` (prompts) and a `show` function (the screen),
and hands every changed session to `store` before asking anything else, so an interrupted
meeting loses at most the answer being typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rich.console import Group, RenderableType

from peerready.i18n import Lang
from peerready.meeting.items import ItemAsker, Outcome
from peerready.meeting.prompts import Action, Asker, Choice, ChoicePrompt
from peerready.meeting.steps import (
    answer_of,
    completed,
    is_done,
    item_spread,
    open_items,
    voters,
    with_answer,
    with_flag,
)
from peerready.meeting.texts import counted, keys, text
from peerready.meeting.view import card_view, review_view, spread_view
from peerready.model.instrument import Instrument
from peerready.model.questionnaire import Item, ScoredItem, TextItem
from peerready.model.session import GROUP, Session
from peerready.scoring.tally import ScoringPlan

FINISH = "__finish__"


@dataclass
class Assessment:
    """A running assessment: the latest session, and where the group is in it."""

    instrument: Instrument
    session: Session
    lang: Lang
    asker: Asker
    store: Callable[[Session], None]
    show: Callable[[RenderableType], None]
    greeting: str | None = None  # shown on the first screen, e.g. where answers are saved
    items: list[Item] = field(init=False)

    def __post_init__(self) -> None:
        self.questionnaire = self.instrument.questionnaire
        self.items = self.questionnaire.all_items
        self.plan = ScoringPlan.build(self.questionnaire)
        self.ask = ItemAsker(self)

    def run(self) -> Session:
        """Walk the open items, then review until the group finishes; the finished session."""
        start = self._next_open(0)
        if start is not None:
            self._walk(start)
        while (target := self._review()) is not None:
            index, from_end = target
            if from_end:  # ← at the review: step back through the items from the last one
                self._walk(index, from_end=True)
            else:  # an item picked at the review: answer it, then back to the review
                self._visit(index, from_end=False, notice=None)
        self.change(completed(self.session))
        return self.session

    def change(self, session: Session) -> None:
        """Record a change: it is saved before the group sees the next prompt."""
        self.session = session
        self.store(session)

    def record(self, who: str, item: Item, value: str | None) -> None:
        session = with_answer(self.session, who, item.id, value)
        if who == GROUP and item.id in session.flagged:  # answered together: discussed
            session = with_flag(session, item.id, False)
        self.change(session)

    def _greeting(self) -> str | None:
        greeting, self.greeting = self.greeting, None
        return greeting

    def _next_open(self, start: int) -> int | None:
        for index in range(start, len(self.items)):
            if not is_done(self.session, self.items[index].id):
                return index
        return None

    def _walk(self, index: int | None, *, from_end: bool = False) -> None:
        """From `index` on through the open items; back goes to the previous item, answered or not."""
        notice = self._greeting()
        while index is not None:
            outcome = self._visit(index, from_end=from_end, notice=notice)
            notice = None
            if outcome is Outcome.BACK:
                if index == 0:
                    notice, from_end = text("first_item", self.lang), False
                    continue
                index, from_end = index - 1, True
            else:
                index, from_end = self._next_open(index + 1), False

    def _visit(self, index: int, *, from_end: bool, notice: str | None) -> Outcome:
        item = self.items[index]
        if self.session.mode == "consensus":
            result = self.ask.answer(index, GROUP, notice=notice)
            if isinstance(result, Outcome):
                return result
            self.record(GROUP, item, result)
            return Outcome.NEXT
        return self._votes(index, from_end=from_end, notice=notice)

    def _votes(self, index: int, *, from_end: bool, notice: str | None) -> Outcome:
        """Each participant's vote in turn, then the spread and what the group makes of it."""
        item = self.items[index]
        people = voters(self.session)
        done = is_done(self.session, item.id)
        # Through every vote in turn when all are given (stepping back, a flagged item from the
        # review); otherwise straight to the missing ones.
        in_order = done
        voter: int | None = self._missing(item, 0)
        if done:
            voter = len(people) - 1 if from_end else 0
        while True:
            if voter is None or voter >= len(people):
                if isinstance(item, TextItem):  # an empty open answer leaves that person out
                    return Outcome.NEXT
                decision = self._discuss(item)
                if decision is Outcome.NEXT:
                    return Outcome.NEXT
                # Vote again from the first participant, or step back to the last one.
                voter = 0 if decision is Outcome.AGAIN else len(people) - 1
                in_order = True
                continue
            result = self.ask.answer(index, people[voter], notice=notice)
            notice = None
            if result is Outcome.BACK:
                if voter == 0:
                    return Outcome.BACK
                voter, in_order = voter - 1, True
                continue
            if result is Outcome.SKIP:
                return Outcome.SKIP
            assert not isinstance(result, Outcome)
            self.record(people[voter], item, result)
            voter = voter + 1 if in_order else self._missing(item, voter + 1)

    def _missing(self, item: Item, start: int) -> int | None:
        people = voters(self.session)
        for position in range(start, len(people)):
            if answer_of(self.session, people[position], item.id) is None:
                return position
        return None

    def _discuss(self, item: ScoredItem) -> Outcome:
        """Show the spread of the votes and ask what the group makes of it."""
        votes = [v for who in voters(self.session) if (v := answer_of(self.session, who, item.id))]
        stats = item_spread(self.plan, item.id, votes, self.questionnaire.settings)
        index = self.items.index(item)
        card = card_view(self.ask.card(index, None), self.lang)
        self.show(Group(card, spread_view(stats, self.ask.labels(item), self.lang)))
        if stats.low_agreement:
            options = [("revise", "revise"), ("flag", "flag_later"), ("accept", "move_on")]
        else:
            options = [("accept", "move_on_ok"), ("revise", "revise")]
        choices = [Choice(value, text(key, self.lang), str(n)) for n, (value, key) in enumerate(options, 1)]
        prompt = ChoicePrompt(
            text("what_now", self.lang),
            tuple(choices),
            default=choices[0].value,
            hint=keys(self.lang, "choose", "confirm", "back", keys=f"1–{len(choices)}"),
            actions=frozenset({Action.BACK}),
        )
        decision = self.asker.choose(prompt)
        if decision is Action.BACK:
            return Outcome.BACK
        if decision == "revise":
            return Outcome.AGAIN
        self.change(with_flag(self.session, item.id, decision == "flag"))
        return Outcome.NEXT

    def _review(self) -> tuple[int, bool] | None:
        """The open and flagged items to jump to; None when the group finishes."""
        open_ids = set(open_items(self.session, self.questionnaire))
        flagged = set(self.session.flagged) & set(self.questionnaire.item_by_id)
        self.show(review_view(len(open_ids), len(flagged), self.lang, notice=self._greeting()))
        choices = [
            Choice(item.id, self.ask.review_label(number, item, item.id in flagged))
            for number, item in enumerate(self.items)
            if item.id in open_ids or item.id in flagged
        ]
        finish = (
            counted("finish_anyway", len(open_ids), self.lang, unanswered=len(open_ids)) if open_ids else None
        )
        choices.append(Choice(FINISH, finish or text("finish", self.lang)))
        prompt = ChoicePrompt(
            text("review_pick", self.lang),
            tuple(choices),
            default=choices[0].value,
            hint=text("review_hint", self.lang),
            actions=frozenset({Action.BACK}),
        )
        chosen = self.asker.choose(prompt)
        if chosen is Action.BACK:
            return len(self.items) - 1, True
        if chosen == FINISH or isinstance(chosen, Action):
            return None
        return next(i for i, item in enumerate(self.items) if item.id == chosen), False
