"""The session (answers) format: one JSON document per assessment."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from peerready import __version__
from peerready.i18n import Lang, LText, both
from peerready.model.questionnaire import Questionnaire

SESSION_FORMAT = "peerready-session/1"
GROUP = "group"  # whose answers they are in consensus mode: the group's, agreed together

Role = Literal["leader", "staff", "hr", "peer_worker", "other"]
Mode = Literal["consensus", "individual"]

ROLE_LABELS: dict[str, LText] = {
    "leader": both("Leder", "Leader"),
    "staff": both("Medarbejder", "Staff"),
    "hr": both("HR", "HR"),
    "peer_worker": both("Peer-medarbejder", "Peer worker"),
    "other": both("Andet", "Other"),
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
    role: Role | None = None


class QuestionnaireRef(_Model):
    """Which questionnaire the answers belong to, to refuse scoring them against another."""

    id: str
    version: str
    hash: str
    items: dict[str, str] = Field(default_factory=dict, description="Fingerprint per item")


class Session(_Model):
    format: Literal["peerready-session/1"] = "peerready-session/1"
    tool_version: str = __version__
    questionnaire: QuestionnaireRef
    organisation: PlainText
    date: dt.date
    language: Lang
    mode: Mode
    respondents: list[Respondent] = Field(min_length=1)
    answers: dict[str, dict[str, LongText]] = Field(
        default_factory=dict,
        description="Per respondent id ('group' in consensus mode): item id → option id, "
        "'dont_know', 'not_applicable', or the text of an open answer",
    )
    notes: dict[str, LongText] = Field(default_factory=dict, description="Per item: the group's note")
    flagged: list[str] = Field(default_factory=list, description="Items marked for discussion")
    complete: bool = False
    created: dt.datetime | None = None
    updated: dt.datetime | None = None

    @model_validator(mode="after")
    def _answers_belong_to_respondents(self) -> Session:
        ids = [r.id for r in self.respondents]
        if len(set(ids)) != len(ids):
            raise ValueError("respondent ids must be unique")
        allowed = {GROUP} if self.mode == "consensus" else set(ids)
        strangers = sorted(set(self.answers) - allowed)
        if strangers:
            expected = "'group'" if self.mode == "consensus" else "a respondent id"
            raise ValueError(f"answers for unknown respondent(s) {strangers}: expected {expected}")
        return self

    def answer_sets(self) -> list[tuple[Respondent | None, dict[str, str]]]:
        """Whose answers are whose: the group once in consensus mode, else each respondent."""
        if self.mode == "consensus":
            return [(None, self.answers.get(GROUP, {}))]
        return [(r, self.answers.get(r.id, {})) for r in self.respondents]


def reference_to(questionnaire: Questionnaire) -> QuestionnaireRef:
    return QuestionnaireRef(
        id=questionnaire.id,
        version=questionnaire.version,
        hash=questionnaire.content_hash(),
        items=questionnaire.item_fingerprints(),
    )
