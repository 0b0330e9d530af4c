"""The session format's own rules."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from peerready.documents.sessions import load_session, save_session
from peerready.model.session import Session, reference_to
from tests.conftest import DATA


def _data() -> dict:
    return json.loads((DATA / "sessions" / "individual.json").read_text(encoding="utf-8"))


def test_answers_must_belong_to_respondents() -> None:
    data = _data()
    data["answers"]["stranger"] = {}
    with pytest.raises(ValidationError, match=r"answers for unknown respondent\(s\) \['stranger'\]"):
        Session.model_validate(data)


def test_consensus_answers_are_the_groups() -> None:
    data = _data() | {"mode": "consensus"}
    with pytest.raises(ValidationError, match="expected 'group'"):
        Session.model_validate(data)


def test_respondent_ids_are_unique() -> None:
    data = _data()
    data["respondents"][1]["id"] = "r1"
    with pytest.raises(ValidationError, match="respondent ids must be unique"):
        Session.model_validate(data)


def test_save_and_load_round_trip(tmp_path, basic) -> None:
    session = Session.model_validate(_data())
    path = tmp_path / "s.json"
    save_session(session, path)
    assert load_session(path) == session
    assert json.loads(path.read_text(encoding="utf-8"))["organisation"] == "Afdeling Øst – Århus"


def test_reference_fingerprints_every_item(basic) -> None:
    ref = reference_to(basic.questionnaire)
    assert set(ref.items) == set(basic.questionnaire.item_by_id)
    assert ref.hash.startswith("sha256:")
