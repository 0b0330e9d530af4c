"""What the room sees of one item: its card (position, statement, votes given so far) and the
short forms of answers used on cards, in the spread and in lists. Builds data; never prints."""

from __future__ import annotations

from peerready.i18n import Lang
from peerready.meeting.state import current_round, is_pending, voters
from peerready.meeting.steps import answer_of
from peerready.meeting.texts import text
from peerready.meeting.view import Card
from peerready.model.ids import DONT_KNOW, NOT_APPLICABLE
from peerready.model.instrument import Instrument
from peerready.model.questionnaire import Item, ScoredItem, TextItem
from peerready.model.session import GROUP, Session

MOST_DIGITS = 9  # options beyond the ninth are reached with the arrow keys


class Cards:
    """Cards and answer labels for one questionnaire in one language."""

    def __init__(self, instrument: Instrument, lang: Lang) -> None:
        self.instrument = instrument
        self.questionnaire = instrument.questionnaire
        self.items = self.questionnaire.all_items
        self.lang = lang

    def card(
        self,
        session: Session,
        index: int,
        who: str | None,
        *,
        guidance: bool = False,
        page: int = 0,
        notice: str | None = None,
        progress: str = "",
        votes: bool = True,
    ) -> Card:
        item = self.items[index]
        domain = self.questionnaire.domain_of_item[item.id]
        return Card(
            position=text(
                "position",
                self.lang,
                number=index + 1,
                total=len(self.items),
                domain=domain.title.get(self.lang),
                inner=domain.items.index(item) + 1,
                size=len(domain.items),
            ),
            critical=domain.critical,
            statement=item.text.get(self.lang),
            guidance=(self.guidance(item) or ((text("no_guidance", self.lang), ""),)) if guidance else (),
            guidance_page=page,
            note=session.notes.get(item.id),
            flagged=item.id in session.flagged,
            votes=self._votes(session, item, who) if votes else (),
            open_answers=isinstance(item, TextItem),
            notice=notice,
            progress=progress,
        )

    def _votes(self, session: Session, item: Item, who: str | None) -> tuple[tuple[str, str], ...]:
        """Each voter with ✓ once they have voted and … until then: never what they voted, so
        that nobody is swayed by the votes before theirs (the spread shows them all at once)."""
        if session.mode == "consensus":
            return ()
        given = current_round(session, item.id).voted
        if not given and not session.rounds.get(item.id):  # a version 1 session: its answers
            given = frozenset(v for v in voters(session) if answer_of(session, v, item.id) is not None)
        return tuple(
            (("› " if r.id == who else "") + self.name(session, r.id), "✓" if r.id in given else "…")
            for r in session.respondents
        )

    def name(self, session: Session, who: str, *, role: bool = False) -> str:
        number, person = next((n, r) for n, r in enumerate(session.respondents, start=1) if r.id == who)
        name = person.name or text("participant", self.lang, n=number)
        if role and person.role:
            name += f" ({session.role_labels()[person.role].get(self.lang)})"
        return name

    def guidance(self, item: Item) -> tuple[tuple[str, str], ...]:
        parts: list[tuple[str, str]] = []
        if item.guidance is not None:
            parts.append((text("why", self.lang), item.guidance.why.get(self.lang)))
            parts.append((text("good", self.lang), item.guidance.good.get(self.lang)))
        sources = self.instrument.sources
        for citation in item.sources:
            source = sources.get(citation.source)
            where = ", ".join(x for x in (source.short if source else citation.source, citation.section) if x)
            parts.append((text("source", self.lang), where))
        return tuple(parts)

    def short(self, item: Item, value: str | None) -> str:
        """An answer as the room reads it: the option's number, "don't know" … or … for none yet."""
        if value is None:
            return "…"
        if isinstance(item, TextItem):
            return "✓"
        if value in (DONT_KNOW, NOT_APPLICABLE):
            return text(value, self.lang)
        options = self.questionnaire.options_of(item)
        number = next(n for n, o in enumerate(options, start=1) if o.id == value)
        return str(number) if number <= MOST_DIGITS else options[number - 1].label.get(self.lang)

    def full(self, item: Item, value: str) -> str:
        """An answer in full, to confirm it: '4 Delvist enig', 'Ved ikke', or the open answer."""
        if isinstance(item, TextItem) or value in (DONT_KNOW, NOT_APPLICABLE):
            return value if isinstance(item, TextItem) else text(value, self.lang)
        labels = dict(self.labels(item))
        return labels[value]

    def labels(self, item: ScoredItem) -> list[tuple[str, str]]:
        """Each possible answer with how it is shown in the spread."""
        options = self.questionnaire.options_of(item)
        shown = [(o.id, f"{n}  {o.label.get(self.lang)}") for n, o in enumerate(options, start=1)]
        return [
            *shown,
            (DONT_KNOW, text("dont_know", self.lang)),
            (NOT_APPLICABLE, text("not_applicable", self.lang)),
        ]

    def status(self, session: Session, item: Item) -> str:
        """Where an item stands, for lists: unanswered, 3 of 6 votes, decision pending, marked …"""
        needed = voters(session)
        if session.mode == "consensus":
            given = 1 if answer_of(session, GROUP, item.id) is not None else 0
        elif session.rounds.get(item.id):
            given = len(current_round(session, item.id).voted)
        else:
            given = sum(1 for v in needed if answer_of(session, v, item.id) is not None)
        if given == len(needed):
            if isinstance(item, ScoredItem) and is_pending(session, item.id):
                return text("pending", self.lang)
            if item.id in session.flagged:
                return f"⚑ {text('flagged', self.lang)}"
            return "✓"
        if given == 0 or session.mode == "consensus":
            return text("unanswered", self.lang)
        key = "some_answers" if isinstance(item, TextItem) else "some_votes"
        return text(key, self.lang, given=given, total=len(needed))
