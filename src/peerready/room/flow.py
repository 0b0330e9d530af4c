"""The meeting with a room: the terminal meeting's loop, with each round of votes collected from
the phones (and the keyboard, for anyone without one) instead of one voter after another. The
spread, the agreement and the decision are the terminal meeting's own, so the session file is
the same as a terminal meeting's with the same votes."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from peerready.i18n import format_number
from peerready.meeting.flow import Assessment
from peerready.meeting.items import Outcome
from peerready.meeting.steps import answer_of, item_spread, voters
from peerready.meeting.texts import text as meeting_text
from peerready.meeting.view import card_view
from peerready.model.questionnaire import ScoredItem, TextItem
from peerready.room.content import ballot_for
from peerready.room.facilitator import RoomVoting, Step


@dataclass
class RoomAssessment(Assessment):
    voting: RoomVoting | None = None
    rounds: dict[str, int] = field(default_factory=dict)  # item id → the round the phones are on

    def _votes(self, index: int, *, from_end: bool, notice: str | None) -> Outcome:
        item = self.items[index]
        if isinstance(item, TextItem) or self.voting is None:  # open answers are typed, as today
            return super()._votes(index, from_end=from_end, notice=notice)
        reopened = False
        while True:
            step = self._round(item, index, reopened=reopened)
            if step is not Step.REVEAL:
                return Outcome.BACK if step is Step.BACK else Outcome.SKIP
            decision = self._discuss(item)
            self.voting.room.pause()
            if decision is Outcome.NEXT:
                return Outcome.NEXT
            # Discuss and vote again: a new round on the phones; back: the same round, open again.
            reopened = decision is Outcome.BACK
            if decision is Outcome.AGAIN:
                self.rounds[item.id] = self.rounds.get(item.id, 1) + 1

    def _round(self, item: ScoredItem, index: int, *, reopened: bool) -> Step:
        assert self.voting is not None
        round_ = self.rounds.setdefault(item.id, 1)
        given = {}
        if round_ == 1 or reopened:  # a new round starts empty on the phones
            given = {
                who: vote for who in voters(self.session) if (vote := answer_of(self.session, who, item.id))
            }
        # The card without the votes: they stay hidden until the reveal.
        card = card_view(dataclasses.replace(self.ask.card(index, None), votes=()), self.lang)
        step = self.voting.collect(
            ballot_for(self.questionnaire, item, round_),
            given,
            card,
            record=lambda seat, value: self.record(seat, item, value),
            answers=lambda seat: self.ask._choices(item, seat),
            reveal_when_all=not reopened,
        )
        if step is Step.REVEAL:
            self._take_roles()
            self.voting.room.summarise(self._summary(item))
        return step

    def _summary(self, item: ScoredItem) -> tuple[str, ...]:
        """The agreement line of the terminal's spread, for the projector page."""
        votes = [v for who in voters(self.session) if (v := answer_of(self.session, who, item.id))]
        stats = item_spread(self.plan, item.id, votes, self.questionnaire.settings)
        if stats.rwg is None:
            return ()
        verdict = meeting_text("agreement_low" if stats.low_agreement else "agreement_ok", self.lang)
        rwg = format_number(stats.rwg, self.lang, 2)
        return (f"{meeting_text('agreement', self.lang, rwg=rwg)} · {verdict}",)

    def _take_roles(self) -> None:
        """Roles the phones chose, for the role breakdown (a role typed at the set-up stays)."""
        assert self.voting is not None
        chosen = self.voting.room.current_roles()
        people = [
            r.model_copy(update={"role": chosen[r.id]}) if r.role is None and r.id in chosen else r
            for r in self.session.respondents
        ]
        if people != self.session.respondents:
            self.change(self.session.model_copy(update={"respondents": people}))
