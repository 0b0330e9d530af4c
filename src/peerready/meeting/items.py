"""Asking one item of one person (or of the group): its card, its choices (the anchor texts
themselves for anchored items), and the note, mark and guidance the group can open on the way."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from functools import partial
from typing import TYPE_CHECKING, Protocol

from peerready.i18n import Lang, format_number
from peerready.meeting.cards import MOST_DIGITS, Cards
from peerready.meeting.prompts import Action, Asker, Choice, ChoicePrompt, Paused, TextPrompt
from peerready.meeting.state import with_draft
from peerready.meeting.steps import answer_of, fill_draft, with_flag, with_note
from peerready.meeting.texts import keys, text
from peerready.meeting.view import Screen, card_view, guidance_pages
from peerready.model.ids import DONT_KNOW, NOT_APPLICABLE
from peerready.model.instrument import Instrument
from peerready.model.questionnaire import Item, Questionnaire, RatedItem, ScoredItem, TextItem
from peerready.model.session import GROUP, MAX_TEXT, Session

if TYPE_CHECKING:
    from rich.console import RenderableType

ITEM_ACTIONS = frozenset({Action.BACK, Action.SKIP, Action.NOTE, Action.MARK, Action.JUMP})


class Outcome(Enum):
    """Where the group goes after a prompt."""

    NEXT = "next"
    BACK = "back"
    SKIP = "skip"
    JUMP = "jump"  # to an item the group picks


class Meeting(Protocol):
    """What asking an item needs of the running assessment (flow.Assessment provides it)."""

    instrument: Instrument
    questionnaire: Questionnaire
    items: list[Item]
    lang: Lang
    asker: Asker
    cards: Cards

    @property
    def session(self) -> Session: ...

    def show(self, renderable: RenderableType) -> None: ...

    def apply(self, change: Callable[[Session], Session]) -> None: ...

    def progress(self) -> str: ...

    def timer(self) -> Callable[[], str] | None: ...

    def screen(self) -> Screen: ...


class ItemAsker:
    def __init__(self, meeting: Meeting) -> None:
        self.run = meeting
        self.lang: Lang = meeting.lang

    def answer(
        self, index: int, who: str, *, notice: str | None = None, blind: bool = False
    ) -> str | Outcome | None:
        """`who`'s answer to the item (None: no answer), or where the group wants to go instead.

        A blind prompt (a vote while others are still to vote) marks no earlier answer."""
        item = self.run.items[index]
        guidance: int | None = None  # the page of the guidance shown, if any
        while True:
            self.show_card(index, who, guidance=guidance, notice=notice)
            notice = None
            if isinstance(item, TextItem):
                result: str | Action | None = self._text(item, who)
            else:
                result = self.run.asker.choose(self._choices(item, who, blind=blind))
            if result is Action.GUIDANCE:
                guidance = self._next_page(item, guidance)
            elif isinstance(result, Action) and result not in (Action.BACK, Action.SKIP, Action.JUMP):
                notice = self.act(item, result)
            elif isinstance(result, Action):
                return {Action.BACK: Outcome.BACK, Action.SKIP: Outcome.SKIP}.get(result, Outcome.JUMP)
            else:
                return result

    def show_card(
        self, index: int, who: str | None, *, guidance: int | None = None, notice: str | None = None
    ) -> None:
        card = self.run.cards.card(
            self.run.session,
            index,
            who,
            guidance=guidance is not None,
            page=guidance or 0,
            notice=notice,
            progress=self.run.progress(),
        )
        self.run.show(card_view(card, self.lang, self.run.screen()))

    def _next_page(self, item: Item, page: int | None) -> int | None:
        """? shows the guidance, then its next page, then hides it again."""
        if page is None:
            return 0
        pages = guidance_pages(self.run.cards.guidance(item), self.run.screen())
        return page + 1 if page + 1 < pages else None

    def act(self, item: Item, action: Action) -> str | None:
        """A note written or a mark set or taken away; what to tell the room about it."""
        if action is Action.NOTE:
            self.note(item)
            return None
        marked = item.id not in self.run.session.flagged
        self.run.apply(lambda s: with_flag(s, item.id, marked))
        return text("marked" if marked else "unmarked", self.lang)

    def _text(self, item: TextItem, who: str) -> str | Action | None:
        session = self.run.session
        current = session.drafts.get(item.id, {}).get(who) or answer_of(session, who, item.id)
        if current is None and item.draft is not None:
            current = fill_draft(item.draft.get(self.lang), session)
        try:
            result = self.run.asker.text(
                TextPrompt(
                    self.message(who),
                    default=current or "",
                    hint=keys(
                        self.lang, "save", "newline", "back_at_start", "guidance_text", "empty_skips", "pause"
                    ),
                    can_go_back=True,
                    check=self._fits,
                    guidance=True,
                )
            )
        except Paused as paused:  # keep what was being written, to carry on with it
            draft = paused.typed[:MAX_TEXT]  # what the prompt would refuse, cut to what it accepts
            self.run.apply(partial(with_draft, item_id=item.id, who=who, text=draft))
            raise
        if isinstance(result, Action):
            return result
        return result.strip() or None

    def note(self, item: Item) -> None:
        try:
            note = self.run.asker.text(
                TextPrompt(
                    text("note_prompt", self.lang),
                    default=self.run.session.notes.get(item.id, ""),
                    hint=keys(self.lang, "save", "newline", "pause"),
                    check=self._fits,
                )
            )
        except Paused as paused:  # a half-written note is kept as the note (a session refuses longer)
            self.run.apply(partial(with_note, item_id=item.id, note=paused.typed.strip()[:MAX_TEXT]))
            raise
        if isinstance(note, str):
            self.run.apply(lambda s: with_note(s, item.id, note))

    def _fits(self, typed: str) -> str | None:
        """Refuses a note or an open answer longer than a session file holds; the prompt stays
        open with the text in it, to be shortened."""
        length = len(typed.strip())  # both are saved stripped
        if length <= MAX_TEXT:
            return None
        most, found = (format_number(n, self.lang) for n in (MAX_TEXT, length))
        return text("text_too_long", self.lang, most=most, length=found)

    def _choices(self, item: ScoredItem, who: str, *, blind: bool) -> ChoicePrompt:
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
        actions = set(ITEM_ACTIONS)
        shown = ["choose", "confirm", "back", "skip", "note", "mark", "jump"]
        if self.run.cards.guidance(item):
            actions.add(Action.GUIDANCE)
            shown.append("guidance")
        hint = keys(self.lang, *shown, "pause", keys=f"1–{min(len(options), MOST_DIGITS)}")
        return ChoicePrompt(
            self.message(who),
            tuple(choices),
            default=None if blind else answer_of(self.run.session, who, item.id),
            hint=hint,
            actions=frozenset(actions),
            gap_before=len(options),
            status=self.run.timer(),
        )

    def message(self, who: str) -> str:
        if who == GROUP:
            return text("our_answer", self.lang)
        people = self.run.session.respondents
        number = next(n for n, r in enumerate(people, start=1) if r.id == who)
        return f"{self.run.cards.name(self.run.session, who, role=True)} · {number}/{len(people)}"
