"""The pure steps of an assessment: a session with one more answer, note or flag; what is
still open; the spread of one item's votes; an open item's draft filled in.

Sessions are frozen; each step returns a new one, so the session that was last saved is
always a complete, valid document.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from peerready.documents.references import PLACEHOLDER
from peerready.i18n import LText
from peerready.meeting.state import is_done
from peerready.model.questionnaire import Questionnaire, Settings
from peerready.model.result import ItemStats
from peerready.model.session import Mode, Respondent, Session, reference_to
from peerready.scoring.stats import item_stats
from peerready.scoring.tally import ScoringPlan, Tally


def new_session(
    questionnaire: Questionnaire,
    *,
    organisation: str,
    date: dt.date,
    language: str,
    mode: Mode,
    respondents: Sequence[Respondent],
    now: dt.datetime,
    roles: Mapping[str, LText] | None = None,
) -> Session:
    return Session.model_validate(
        {
            "questionnaire": reference_to(questionnaire),
            "organisation": organisation,
            "date": date,
            "language": language,
            "mode": mode,
            "respondents": list(respondents),
            "roles": dict(roles or {}),
            "created": now,
            "updated": now,
        }
    )


def answer_of(session: Session, who: str, item_id: str) -> str | None:
    return session.answers.get(who, {}).get(item_id)


def with_answer(session: Session, who: str, item_id: str, value: str | None) -> Session:
    """The session with `who`'s answer to the item set (or removed, for None)."""
    own = dict(session.answers.get(who, {}))
    if value is None:
        own.pop(item_id, None)
    else:
        own[item_id] = value
    # model_copy skips validation: the flow only records answers it offered as choices.
    return session.model_copy(update={"answers": {**session.answers, who: own}})


def with_note(session: Session, item_id: str, note: str) -> Session:
    """The session with the item's note set; an empty note removes it."""
    notes = dict(session.notes)
    if note.strip():
        notes[item_id] = note.strip()
    else:
        notes.pop(item_id, None)
    return session.model_copy(update={"notes": notes})


def with_flag(session: Session, item_id: str, flagged: bool) -> Session:
    rest = [i for i in session.flagged if i != item_id]
    return session.model_copy(update={"flagged": [*rest, item_id] if flagged else rest})


def stamped(session: Session, now: dt.datetime) -> Session:
    return session.model_copy(update={"updated": now})


def completed(session: Session) -> Session:
    return session.model_copy(update={"complete": True})


def open_items(session: Session, questionnaire: Questionnaire) -> list[str]:
    """Items still missing an answer, in questionnaire order."""
    return [item.id for item in questionnaire.all_items if not is_done(session, item.id)]


def fill_draft(draft: str, session: Session) -> str:
    """An open item's draft with each {item_id} replaced by the group's answers to that item.

    With several respondents their different answers are joined, for the group to edit; an
    item nobody has answered yet leaves '…' for the group to fill in.
    """

    def answers(match: re.Match[str]) -> str:
        item_id = match.group(1)
        texts: list[str] = []
        for _, given in session.answer_sets():
            text = given.get(item_id, "").strip()
            if text and text not in texts:
                texts.append(text)
        return " / ".join(texts) or "…"

    return PLACEHOLDER.sub(answers, draft)


def item_spread(plan: ScoringPlan, item_id: str, votes: Sequence[str], settings: Settings) -> ItemStats:
    """How one item's votes spread, with the same agreement statistics the final result uses."""
    position = next(i for i, p in enumerate(plan.items) if p.id == item_id)
    tally = Tally(plan, settings.min_coverage)
    for vote in votes:
        tally.add({item_id: vote})
    return item_stats(plan.items[position], tally, position)
