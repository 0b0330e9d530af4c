"""Asking one item: its card, its choices (the anchor texts themselves for anchored items),
and the note and guidance the group can open on the way to an answer."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Protocol

from peerready.i18n import Lang
from peerready.meeting.prompts import Action, Asker, Choice, ChoicePrompt, TextPrompt
from peerready.meeting.steps import answer_of, fill_draft, voters, votes_given, with_note
from peerready.meeting.texts import keys, text
from peerready.meeting.view import Card, card_view
from peerready.model.ids import DONT_KNOW, NOT_APPLICABLE
from peerready.model.instrument import Instrument
from peerready.model.questionnaire import Item, Option, Questionnaire, RatedItem, ScoredItem, TextItem
from peerready.model.session import GROUP, ROLE_LABELS, Respondent, Session

if TYPE_CHECKING:
    from rich.console import RenderableType


MOST_DIGITS = 9  # options beyond the ninth are reached with the arrow keys
SHORT = 64  # characters of a statement in one-line lists


class Outcome(Enum):
    """Where the group goes after a prompt."""

    NEXT = "next"
    BACK = "back"
    SKIP = "skip"
    AGAIN = "again"  # vote on the item again after discussing it


class Meeting(Protocol):
    """What asking an item needs of the running assessment (flow.Assessment provides it)."""

    instrument: Instrument
    questionnaire: Questionnaire
    items: list[Item]
    session: Session
    lang: Lang
    asker: Asker

    def show(self, renderable: RenderableType) -> None: ...

    def change(self, session: Session) -> None: ...


class ItemAsker:
    def __init__(self, assessment: Meeting) -> None:
        self.run = assessment
        self.lang: Lang = assessment.lang

    def answer(self, index: int, who: str, *, notice: str | None = None) -> str | Outcome | None:
        """`who`'s answer to the item (None: no answer), or where the group wants to go instead."""
        item = self.run.items[index]
        guidance = False
        while True:
            self.run.show(card_view(self.card(index, who, guidance=guidance, notice=notice), self.lang))
            if isinstance(item, TextItem):
                return self._text(item, who)
            result = self.run.asker.choose(self._choices(item, who))
            if result is Action.NOTE:
                self._note(item)
            elif result is Action.GUIDANCE:
                guidance = not guidance
            elif result is Action.BACK:
                return Outcome.BACK
            elif result is Action.SKIP:
                return Outcome.SKIP
            else:
                assert isinstance(result, str)
                return result

    def _text(self, item: TextItem, who: str) -> str | Outcome | None:
        session = self.run.session
        current = answer_of(session, who, item.id)
        if current is None and item.draft is not None:
            current = fill_draft(item.draft.get(self.lang), session)
        result = self.run.asker.text(
            TextPrompt(
                self._message(who),
                default=current or "",
                hint=keys(self.lang, "save", "newline", "back_at_start", "empty_skips", "pause"),
                can_go_back=True,
            )
        )
        if isinstance(result, Action):
            return Outcome.BACK
        return result.strip() or None

    def _note(self, item: Item) -> None:
        note = self.run.asker.text(
            TextPrompt(
                text("note_prompt", self.lang),
                default=self.run.session.notes.get(item.id, ""),
                hint=keys(self.lang, "save", "newline"),
            )
        )
        if isinstance(note, str):
            self.run.change(with_note(self.run.session, item.id, note))

    def _choices(self, item: ScoredItem, who: str) -> ChoicePrompt:
        options = self.run.questionnaire.options_of(item)
        anchors = item.anchors if isinstance(item, RatedItem) else None
        choices = [
            Choice(
                option.id,
                option.label.get(self.lang),
                str(number) if number <= MOST_DIGITS else None,
                anchors[option.id].get(self.lang) if anchors and option.id in anchors else None,
            )
            for number, option in enumerate(options, start=1)
        ]
        choices += [
            Choice(DONT_KNOW, text("dont_know", self.lang), text("dont_know_key", self.lang)),
            Choice(NOT_APPLICABLE, text("not_applicable", self.lang), text("not_applicable_key", self.lang)),
        ]
        actions = {Action.BACK, Action.SKIP, Action.NOTE}
        if self._guidance(item):
            actions.add(Action.GUIDANCE)
        shown = ["choose", "confirm", "back", "skip", "note"]
        if Action.GUIDANCE in actions:
            shown.append("guidance")
        hint = keys(self.lang, *shown, "pause", keys=f"1–{min(len(options), MOST_DIGITS)}")
        return ChoicePrompt(
            self._message(who),
            tuple(choices),
            default=answer_of(self.run.session, who, item.id),
            hint=hint,
            actions=frozenset(actions),
            gap_before=len(options),
        )

    def _message(self, who: str) -> str:
        if who == GROUP:
            return text("our_answer", self.lang)
        people = self.run.session.respondents
        number = next(n for n, r in enumerate(people, start=1) if r.id == who)
        return f"{self.who(people[number - 1], number)} · {number}/{len(people)}"

    def who(self, respondent: Respondent, number: int) -> str:
        name = respondent.name or text("participant", self.lang, n=number)
        if respondent.role:
            name += f" ({ROLE_LABELS[respondent.role].get(self.lang)})"
        return name

    def _guidance(self, item: Item) -> tuple[tuple[str, str], ...]:
        parts: list[tuple[str, str]] = []
        if item.guidance is not None:
            parts.append((text("why", self.lang), item.guidance.why.get(self.lang)))
            parts.append((text("good", self.lang), item.guidance.good.get(self.lang)))
        sources = self.run.instrument.sources
        for citation in item.sources:
            source = sources.get(citation.source)
            where = ", ".join(x for x in (source.short if source else citation.source, citation.section) if x)
            parts.append((text("source", self.lang), where))
        return tuple(parts)

    def card(self, index: int, who: str | None, *, guidance: bool = False, notice: str | None = None) -> Card:
        item = self.run.items[index]
        q = self.run.questionnaire
        domain = q.domain_of_item[item.id]
        inner = domain.items.index(item) + 1
        session = self.run.session
        votes: tuple[tuple[str, str], ...] = ()
        if session.mode == "individual":
            votes = tuple(
                (
                    ("› " if r.id == who else "") + (r.name or text("participant", self.lang, n=n)),
                    self._short(item, r.id),
                )
                for n, r in enumerate(session.respondents, start=1)
            )
        return Card(
            position=text(
                "position",
                self.lang,
                number=index + 1,
                total=len(self.run.items),
                domain=domain.title.get(self.lang),
                inner=inner,
                size=len(domain.items),
            ),
            critical=domain.critical,
            statement=item.text.get(self.lang),
            guidance=(self._guidance(item) or ((text("no_guidance", self.lang), ""),)) if guidance else (),
            note=session.notes.get(item.id),
            flagged=item.id in session.flagged,
            votes=votes,
            open_answers=isinstance(item, TextItem),
            notice=notice,
        )

    def _short(self, item: Item, who: str) -> str:
        """A vote as the room reads it: the option's number, "don't know" … or – for none yet."""
        value = answer_of(self.run.session, who, item.id)
        if value is None:
            return "…"
        if isinstance(item, TextItem):
            return "✓"
        if value in (DONT_KNOW, NOT_APPLICABLE):
            return text(value, self.lang)
        options: list[Option] = self.run.questionnaire.options_of(item)
        number = next(n for n, o in enumerate(options, start=1) if o.id == value)
        return str(number) if number <= MOST_DIGITS else options[number - 1].label.get(self.lang)

    def labels(self, item: ScoredItem) -> list[tuple[str, str]]:
        """Each possible answer with how it is shown in the spread."""
        options = self.run.questionnaire.options_of(item)
        shown = [(o.id, f"{n}  {o.label.get(self.lang)}") for n, o in enumerate(options, start=1)]
        return [
            *shown,
            (DONT_KNOW, text("dont_know", self.lang)),
            (NOT_APPLICABLE, text("not_applicable", self.lang)),
        ]

    def review_label(self, index: int, item: Item, flagged: bool) -> str:
        statement = item.text.get(self.lang)
        if len(statement) > SHORT:
            statement = statement[: SHORT - 1].rstrip() + "…"
        session = self.run.session
        given, needed = votes_given(session, item.id), len(voters(session))
        if flagged and given == needed:
            status = f"⚑ {text('flagged', self.lang)}"
        elif given == 0 or session.mode == "consensus":
            status = text("unanswered", self.lang)
        else:
            key = "some_answers" if isinstance(item, TextItem) else "some_votes"
            status = text(key, self.lang, given=given, total=needed)
        return f"{index + 1}. {statement} – {status}"
