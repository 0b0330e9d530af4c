"""What a phone shows for a ballot: the statement, its answers with their anchor texts, and
"don't know" / "not applicable", in the session's language. Built once per ballot."""

from __future__ import annotations

from dataclasses import dataclass

from peerready.i18n import Lang
from peerready.model.ids import DONT_KNOW, NOT_APPLICABLE
from peerready.model.questionnaire import Questionnaire, RatedItem, ScoredItem
from peerready.room.state import Ballot
from peerready.room.texts import text


@dataclass(frozen=True)
class Answer:
    value: str
    label: str
    detail: str = ""  # the anchor text, where the scale has one


@dataclass(frozen=True)
class Card:
    """One ballot as the phone and projector pages show it."""

    item_id: str
    round: int
    position: str
    domain: str
    statement: str
    answers: tuple[Answer, ...]
    aside: tuple[Answer, ...]  # "don't know" and "not applicable", set apart

    @property
    def labels(self) -> dict[str, str]:
        return {a.value: a.label for a in (*self.answers, *self.aside)}


def ballot_for(questionnaire: Questionnaire, item: ScoredItem, round_: int) -> Ballot:
    values = {o.id for o in questionnaire.options_of(item)} | {DONT_KNOW, NOT_APPLICABLE}
    return Ballot(item.id, round_, frozenset(values))


def card_for(questionnaire: Questionnaire, item: ScoredItem, round_: int, lang: Lang) -> Card:
    anchors = item.anchors if isinstance(item, RatedItem) and item.anchors else {}
    answers = tuple(
        Answer(o.id, f"{n} {o.label.get(lang)}", anchors[o.id].get(lang) if o.id in anchors else "")
        for n, o in enumerate(questionnaire.options_of(item), start=1)
    )
    items = questionnaire.all_items
    domain = questionnaire.domain_of_item[item.id]
    return Card(
        item_id=item.id,
        round=round_,
        position=f"{items.index(item) + 1}/{len(items)}",
        domain=domain.title.get(lang),
        statement=item.text.get(lang),
        answers=answers,
        aside=(
            Answer(DONT_KNOW, text("dont_know", lang)),
            Answer(NOT_APPLICABLE, text("not_applicable", lang)),
        ),
    )
