"""The meeting with a room: the terminal meeting's own voting (peerready.meeting.voting), with
each round's votes coming from the phones, and from the keyboard for anyone without one, instead
of one voter after another. The spread, the agreement and the decision are the terminal's own,
and every vote goes through the same meeting state (record_vote), so the session file is the
one a terminal meeting writes for the same votes."""

from __future__ import annotations

from functools import partial

from peerready.i18n import Lang, format_number
from peerready.meeting.items import ItemAsker, Meeting, Outcome
from peerready.meeting.live import LiveMeeting
from peerready.meeting.state import RoundView, VoteRefused, change_ballot, current_round, record_vote
from peerready.meeting.texts import text as meeting_text
from peerready.meeting.view import card_view
from peerready.meeting.voting import Voting
from peerready.model.questionnaire import ScoredItem, TextItem
from peerready.model.result import ItemStats
from peerready.model.session import Session
from peerready.room.content import ballot_for
from peerready.room.facilitator import RoomVoting, Step


class PhoneVoting(Voting):
    def __init__(self, meeting: Meeting, ask: ItemAsker, live: LiveMeeting, phones: RoomVoting) -> None:
        super().__init__(meeting, ask, live.clock, live)
        self.phones = phones

    def item(self, index: int, *, revisit: bool, notice: str | None) -> Outcome:
        try:
            return super().item(index, revisit=revisit, notice=notice)
        finally:  # between statements the phones wait for the next one
            self.phones.room.pause()

    def _vote(
        self, index: int, view: RoundView, notice: str | None
    ) -> tuple[Outcome | None, str | None, bool]:
        item = self.run.items[index]
        if isinstance(item, TextItem):  # open answers are typed at the keyboard, as today
            return super()._vote(index, view, notice)
        session = self.run.session
        latest = session.rounds[item.id][-1]
        # Votes saved before (a resumed meeting); an anonymous one is known only as given.
        given = {seat: latest.votes.get(seat) for seat in latest.voted}
        card = self.run.cards.card(
            session, index, None, notice=notice, progress=self.run.progress(), votes=False
        )
        ballot = ballot_for(self.run.questionnaire, item, view.number)
        hooks = _Round(self, index, item, view.number, ballot.values)
        step = self.phones.collect(ballot, given, card_view(card, self.lang, self.run.screen()), hooks)
        if step is not Step.REVEAL:
            return (Outcome.BACK if step is Step.BACK else Outcome.SKIP), None, False
        for seat in voters_missing(self.run.session, item.id, view.number):  # revealed early: they abstain
            self.run.apply(
                partial(
                    record_vote,
                    item_id=item.id,
                    round_number=view.number,
                    voter=seat,
                    answer=None,
                    now=self.clock(),
                )
            )
        self._take_roles()
        self._show_spread(item)
        return None, None, False

    def _show_spread(self, item: ScoredItem) -> None:
        """The round's answers and agreement for the projector page (never who voted what)."""
        answers = current_round(self.run.session, item.id).answers
        self.phones.room.summarise(agreement_lines(self._stats(item, answers), self.lang), answers)

    def _take_roles(self) -> None:
        """Roles the phones chose, for the role breakdown (a role given at the set-up stays)."""
        chosen = self.phones.room.current_roles()

        def change(session: Session) -> Session:
            people = [
                r.model_copy(update={"role": chosen[r.id]}) if r.role is None and r.id in chosen else r
                for r in session.respondents
            ]
            return (
                session
                if people == session.respondents
                else session.model_copy(update={"respondents": people})
            )

        self.run.apply(change)


def agreement_lines(stats: ItemStats, lang: Lang) -> tuple[str, ...]:
    """The agreement as the terminal's spread says it: 'Agreement (rwg) 0.82 · Good agreement'."""
    if stats.rwg is None:
        return ()
    verdict = meeting_text("agreement_low" if stats.low_agreement else "agreement_ok", lang)
    rwg = format_number(stats.rwg, lang, 2)
    return (f"{meeting_text('agreement', lang, rwg=rwg)} · {verdict}",)


def voters_missing(session: Session, item_id: str, number: int) -> list[str]:
    voted = set(session.rounds[item_id][number - 1].voted)
    return [r.id for r in session.respondents if r.id not in voted]


class _Round:
    """One round's votes into the session, through the meeting state."""

    def __init__(
        self, voting: PhoneVoting, index: int, item: ScoredItem, number: int, allowed: frozenset[str]
    ) -> None:
        self.voting = voting
        self.index = index
        self.item = item
        self.number = number
        self.allowed = allowed

    def record(self, votes: list[tuple[str, str, str | None]]) -> None:
        clock = self.voting.clock

        def change(session: Session) -> Session:
            for seat, value, old in votes:
                try:
                    if session.mode == "anonymous" and old is not None:
                        session = change_ballot(session, self.item.id, self.number, old, value)
                    else:
                        session = record_vote(
                            session, self.item.id, self.number, seat, value, now=clock(), allowed=self.allowed
                        )
                except VoteRefused:  # not while the round is open here; never stop the meeting
                    continue
            return session

        self.voting.run.apply(change)

    def typed(self, seat: str) -> str | None:
        answer = self.voting.ask.answer(self.index, seat, blind=True)
        return answer if isinstance(answer, str) else None

    def name(self, seat: str) -> str:
        return self.voting.run.cards.name(self.voting.run.session, seat)
