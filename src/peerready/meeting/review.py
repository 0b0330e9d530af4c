"""Where the group can go: the review before finishing (open, pending and marked items, and
progress per domain) and a jump to any item (`g`: its number, or from the list)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from peerready.meeting.prompts import Action, Choice, ChoicePrompt, TextPrompt
from peerready.meeting.state import is_done, is_pending
from peerready.meeting.texts import counted, keys, text
from peerready.meeting.view import review_view

if TYPE_CHECKING:
    from peerready.meeting.items import Meeting
    from peerready.meeting.pace import Pace

FINISH = "__finish__"
LIST = "__list__"


class Review:
    def __init__(self, run: Meeting, pace: Pace) -> None:
        self.run = run
        self.pace = pace
        self.lang = run.lang

    def ask(self, notice: str | None) -> tuple[int, bool] | None:
        """The item picked (and whether to step back from the end), or None when the group finishes."""
        session = self.run.session
        items = self.run.items
        open_ids = {i.id for i in items if not is_done(session, i.id)}
        pending = {i.id for i in items if is_pending(session, i.id)}
        flagged = set(session.flagged) & {i.id for i in items}
        self.run.show(
            review_view(
                len(open_ids),
                len(flagged),
                len(pending),
                self.pace.domains(session),
                self.lang,
                notice=notice,
            )
        )
        choices = [
            self._choice(number, item.id)
            for number, item in enumerate(items)
            if item.id in open_ids | pending | flagged
        ]
        finish = (
            counted("finish_anyway", len(open_ids), self.lang, unanswered=len(open_ids)) if open_ids else None
        )
        choices.append(Choice(FINISH, finish or text("finish", self.lang)))
        prompt = ChoicePrompt(
            text("review_pick", self.lang),
            tuple(choices),
            default=choices[0].value,
            hint=keys(self.lang, "move", "confirm", "back_to_last", "jump", "pause"),
            actions=frozenset({Action.BACK, Action.JUMP}),
        )
        chosen = self.run.asker.choose(prompt)
        if chosen is Action.BACK:
            return len(items) - 1, True
        if chosen is Action.JUMP:
            target = self.jump()
            return (target, False) if target is not None else self.ask(None)
        if chosen == FINISH or isinstance(chosen, Action):
            return None
        return next(i for i, item in enumerate(items) if item.id == chosen), False

    def jump(self) -> int | None:
        """The item the group wants to go to: typed by number, or picked from every item."""
        total = len(self.run.items)

        def check(value: str) -> str | None:
            value = value.strip()
            if not value or (value.isdigit() and 1 <= int(value) <= total):
                return None
            return text("jump_invalid", self.lang, total=total)

        typed = self.run.asker.text(
            TextPrompt(
                text("jump_prompt", self.lang, total=total), hint=text("jump_hint", self.lang), check=check
            )
        )
        if isinstance(typed, Action):
            return None
        if typed.strip():
            return int(typed.strip()) - 1
        choices = tuple(self._choice(number, item.id) for number, item in enumerate(self.run.items))
        position = self.run.session.position
        prompt = ChoicePrompt(
            text("jump_pick", self.lang),
            choices,
            default=position if position in {c.value for c in choices} else choices[0].value,
            hint=keys(self.lang, "move", "confirm", "back"),
            actions=frozenset({Action.BACK}),
        )
        chosen = self.run.asker.choose(prompt)
        if isinstance(chosen, Action):
            return None
        return next(i for i, item in enumerate(self.run.items) if item.id == chosen)

    def _choice(self, number: int, item_id: str) -> Choice:
        item = self.run.questionnaire.item_by_id[item_id]
        status = self.run.cards.status(self.run.session, item)
        return Choice(item_id, f"{number + 1}. {item.text.get(self.lang)} – {status}")
