"""The session (answers) format: one JSON document per assessment.

Version 2 keeps every round of votes on an item and what the group decided about each, where
the group paused, and half-written open answers; version 1 files load as version 2 without them.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from peerready import __version__
from peerready.i18n import Lang, LText, tr
from peerready.model.ids import RoleKey
from peerready.model.questionnaire import Questionnaire

SESSION_FORMAT = "peerready-session/2"
OLD_FORMATS = ("peerready-session/1",)
SESSION_FORMATS = (SESSION_FORMAT, *OLD_FORMATS)  # every version a session file may say it is
GROUP = "group"  # whose answers they are in consensus mode: the group's, agreed together
BALLOT = "b"  # anonymous mode: answers are kept as ballots b1 … bN per item, never linked to a person

Role = Literal["leader", "staff", "hr", "union_rep", "peer_worker", "other"]  # the built-in roles
Mode = Literal["consensus", "individual", "anonymous"]
VOTING_MODES: tuple[Mode, ...] = ("individual", "anonymous")
Decision = Literal["accept", "revote", "flag", "stands"]

# Built-in roles; a questionnaire or the set-up may add more (Session.roles).
ROLE_LABELS: dict[str, LText] = {
    "leader": tr("Leader"),
    "staff": tr("Staff"),
    "hr": tr("HR"),
    "union_rep": tr("Union representative"),
    "peer_worker": tr("Peer worker"),
    "other": tr("Other"),
}

PlainText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
MAX_TEXT = 10_000  # characters in a note or an open answer: pages of text, still laid out in seconds
LongText = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
RespondentId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Respondent(_Model):
    id: RespondentId
    name: PlainText | None = None
    role: RoleKey | None = None


class QuestionnaireRef(_Model):
    """Which questionnaire the answers belong to, to refuse scoring them against another."""

    id: str
    version: str
    hash: str
    items: dict[str, str] = Field(default_factory=dict, description="Fingerprint per item")


class Round(_Model):
    """One round of votes on one item, and what the group made of it."""

    votes: dict[str, str] = Field(
        default_factory=dict, description="Named voting: respondent id → answer (none: left out)"
    )
    ballots: list[str] = Field(
        default_factory=list, description="Anonymous voting: the answers only, in option order"
    )
    voted: list[str] = Field(default_factory=list, description="Who has had their turn (never what)")
    decision: Decision | None = Field(
        default=None,
        description="accept: agreed, moved on; stands: moved on, the disagreement stands; "
        "flag: marked for later; revote: discussed and voted again (the next round)",
    )
    opened: dt.datetime | None = None
    closed: dt.datetime | None = Field(default=None, description="When the last vote came in")


class Session(_Model):
    format: Literal["peerready-session/2"] = "peerready-session/2"
    tool_version: str = __version__
    questionnaire: QuestionnaireRef
    organisation: PlainText
    date: dt.date
    language: Lang
    mode: Mode
    respondents: list[Respondent] = Field(min_length=1)
    roles: dict[RoleKey, LText] = Field(
        default_factory=dict,
        description="Roles beyond the built-in ones, added by the questionnaire or set-up",
    )
    rotate: bool = Field(default=True, description="The voting order rotates from item to item")
    answers: dict[str, dict[str, LongText]] = Field(
        default_factory=dict,
        description="Per respondent id ('group' in consensus mode, ballots b1…bN in anonymous mode): "
        "item id → option id, 'dont_know', 'not_applicable', or the text of an open answer. "
        "With rounds, an item's answers are those of its settled round.",
    )
    rounds: dict[str, list[Round]] = Field(
        default_factory=dict, description="Per item, every round of votes in order (voting modes)"
    )
    notes: dict[str, LongText] = Field(default_factory=dict, description="Per item: the group's note")
    flagged: list[str] = Field(default_factory=list, description="Items marked for discussion")
    position: str | None = Field(default=None, description="The item the group was at when it paused")
    drafts: dict[str, dict[str, str]] = Field(
        default_factory=dict, description="Per item and person: an open answer being written at a pause"
    )
    complete: bool = False
    created: dt.datetime | None = None
    updated: dt.datetime | None = None

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, data: Any) -> Any:
        # A version 1 session is a version 2 session without rounds, position or drafts.
        if isinstance(data, dict) and data.get("format") in OLD_FORMATS:
            return {**data, "format": SESSION_FORMAT}
        return data

    @model_validator(mode="after")
    def _answers_belong_to_respondents(self) -> Session:
        ids = [r.id for r in self.respondents]
        if len(set(ids)) != len(ids):
            raise ValueError("respondent ids must be unique")
        allowed = set(answer_keys(self))
        strangers = sorted(set(self.answers) - allowed)
        if strangers:
            expected = {"consensus": "'group'", "individual": "a respondent id"}.get(
                self.mode, f"a ballot {BALLOT}1…{BALLOT}{len(ids)}"
            )
            raise ValueError(f"answers for unknown respondent(s) {strangers}: expected {expected}")
        unknown_roles = sorted(
            {r.role for r in self.respondents if r.role} - set(ROLE_LABELS) - set(self.roles)
        )
        if unknown_roles:
            raise ValueError(f"unknown role(s) {unknown_roles}: add them to 'roles' with their labels")
        for item_id, rounds in self.rounds.items():
            for round_ in rounds:
                strangers = sorted((set(round_.votes) | set(round_.voted)) - set(ids))
                if strangers:
                    raise ValueError(f"rounds.{item_id}: votes from unknown respondent(s) {strangers}")
        return self

    def answer_sets(self) -> list[tuple[Respondent | None, dict[str, str]]]:
        """Whose answers are whose: the group once in consensus mode, each respondent in individual
        mode, and in anonymous mode each ballot, linked to nobody."""
        if self.mode == "consensus":
            return [(None, self.answers.get(GROUP, {}))]
        if self.mode == "anonymous":
            return [(None, self.answers.get(key, {})) for key in answer_keys(self)]
        return [(r, self.answers.get(r.id, {})) for r in self.respondents]

    def role_labels(self) -> dict[str, LText]:
        return {**ROLE_LABELS, **self.roles}


def answer_keys(session: Session) -> list[str]:
    """Under which keys `answers` holds answers: 'group', the respondent ids, or the ballots."""
    if session.mode == "consensus":
        return [GROUP]
    if session.mode == "anonymous":
        return [f"{BALLOT}{n}" for n in range(1, len(session.respondents) + 1)]
    return [r.id for r in session.respondents]


def reference_to(questionnaire: Questionnaire) -> QuestionnaireRef:
    return QuestionnaireRef(
        id=questionnaire.id,
        version=questionnaire.version,
        hash=questionnaire.content_hash(),
        items=questionnaire.item_fingerprints(),
    )
