"""The meeting with a room: a ballot box (peerready.meeting.voting.BallotBox) that fills each
round from the phones, and from the keyboard for anyone without one, instead of the terminal's
one voter after another. The spread, the agreement and the decision stay the terminal meeting's
own, and every vote goes through the same meeting state (record_vote) and the same live session,
so the session file is the one a terminal meeting writes for the same votes."""

from __future__ import annotations

from functools import partial

from peerready.i18n import Lang, format_number
from peerready.meeting.flow import Assessment
from peerready.meeting.items import Outcome
from peerready.meeting.state import VoteRefused, change_ballot, current_round, record_vote
from peerready.meeting.texts import text as meeting_text
from peerready.meeting.view import card_view
from peerready.model.questionnaire import ScoredItem, TextItem
from peerready.model.result import ItemStats
from peerready.model.session import Session
from peerready.room.content import ballot_for
from peerready.room.facilitator import RoomVoting, Step


class PhoneBox:
    def __init__(self, meeting: Assessment, phones: RoomVoting) -> None:
        self.run = meeting
        self.phones = phones

    def collect(self, index: int, round_number: int) -> Outcome | None:
        """The round complete (None), or where the group goes instead."""
        item = self.run.items[index]
        if isinstance(item, TextItem):  # open answers are typed at the keyboard, as in the terminal
            self.phones.room.pause()
            return self._typed(index)
        session = self.run.session
        rounds = session.rounds.get(item.id, [])
        latest = rounds[round_number - 1] if len(rounds) >= round_number else None
        # Votes saved before (a resumed meeting); an anonymous one is known only as given.
        given = {seat: latest.votes.get(seat) for seat in latest.voted} if latest else {}
        card = self.run.cards.card(session, index, None, progress=self.run.progress(), votes=False)
        ballot = ballot_for(self.run.questionnaire, item, round_number)
        hooks = _Round(self, index, item, round_number, ballot.values)
        step = self.phones.collect(ballot, given, card_view(card, self.run.lang, self.run.screen()), hooks)
        if step is not Step.REVEAL:
            self.phones.room.pause()
            return Outcome.BACK if step is Step.BACK else Outcome.SKIP
        self._abstain(item, round_number)
        self._take_roles()
        answers = current_round(self.run.session, item.id).answers
        stats = self.run.voting._stats(item, answers)
        self.phones.room.summarise(agreement_lines(stats, self.run.lang), answers)
        return None

    def _typed(self, index: int) -> Outcome | None:
        """Each participant's open answer at the keyboard, as the terminal meeting asks them."""
        voting, item_id, notice = self.run.voting, self.run.items[index].id, None
        while not (view := current_round(self.run.session, item_id)).complete:
            outcome, notice, _ = voting._vote(index, view, notice)
            if outcome is not None:
                return outcome
        return None

    def _abstain(self, item: ScoredItem, number: int) -> None:
        """Revealed before everyone voted: those who did not vote are left out of the round."""
        voted = set(current_round(self.run.session, item.id).voted)
        for seat in (r.id for r in self.run.session.respondents if r.id not in voted):
            now = self.run.clock()
            self.run.apply(
                partial(record_vote, item_id=item.id, round_number=number, voter=seat, answer=None, now=now)
            )

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
    """The agreement as the terminal's spread says it (peerready.meeting.view.spread_view)."""
    if stats.ad is None or stats.answered < 2:
        return ()
    verdict = meeting_text("agreement_low" if stats.low_agreement else "agreement_ok", lang)
    return (f"{meeting_text('agreement', lang, ad=format_number(stats.ad, lang, 2))} · {verdict}",)


class _Round:
    """One round's votes into the live session, through the meeting state."""

    def __init__(
        self, box: PhoneBox, index: int, item: ScoredItem, number: int, allowed: frozenset[str]
    ) -> None:
        self.box = box
        self.index = index
        self.item = item
        self.number = number
        self.allowed = allowed

    def record(self, votes: list[tuple[str, str, str | None]]) -> None:
        clock = self.box.run.clock

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

        self.box.run.apply(change)

    def typed(self, seat: str) -> str | None:
        answer = self.box.run.ask.answer(self.index, seat, blind=True)
        return answer if isinstance(answer, str) else None

    def name(self, seat: str) -> str:
        return self.box.run.cards.name(self.box.run.session, seat)
