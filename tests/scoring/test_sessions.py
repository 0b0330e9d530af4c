"""Golden sessions scored on the basic questionnaire, with their expected scores worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from peerready.documents.sessions import load_session
from peerready.model.result import ScoreResult
from peerready.scoring.score import score_session
from tests.conftest import BASIC, DATA

SESSIONS = sorted((DATA / "sessions").glob("*.json"))
SESSIONS = [p for p in SESSIONS if not p.name.endswith(".expected.json")]


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def project(result: ScoreResult, expected: dict[str, Any]) -> dict[str, Any]:
    """The parts of a result that the expected file pins down."""
    items = {i.item: i for d in result.domains for i in d.items}
    projected: dict[str, Any] = {
        "verdict": {
            "band": result.verdict.band,
            "uncapped_band": result.verdict.uncapped_band,
            "score": _r(result.verdict.score),
            "provisional": result.verdict.provisional,
        },
        "domains": {
            d.domain: {
                "status": d.status,
                "score": _r(d.score),
                "band": d.band,
                "coverage": _r(d.coverage),
                "rwg_j": _r(d.agreement.rwg_j) if d.agreement else None,
            }
            for d in result.domains
        },
        "recommendations": [r.id for r in result.recommendations],
        "strengths": result.strengths,
        "gaps": result.gaps,
        "low_agreement": result.low_agreement,
        "groups": [{"key": g.key, "respondents": g.respondents, "score": _r(g.score)} for g in result.groups],
        "suppressed_respondents": result.suppressed_respondents,
    }
    if "items" in expected:
        projected["items"] = {
            key: {
                "score": _r(items[key].score),
                "rwg": _r(items[key].rwg),
                "ad": _r(items[key].ad),
                "low_agreement": items[key].low_agreement,
            }
            for key in expected["items"]
        }
    if "respondents" in expected:
        projected["respondents"] = {
            key: {
                "n": result.domain(key).respondents.n,
                "mean": _r(result.domain(key).respondents.mean),
                "min": _r(result.domain(key).respondents.min),
                "max": _r(result.domain(key).respondents.max),
            }
            for key in expected["respondents"]
        }
    return projected


@pytest.mark.parametrize("path", SESSIONS, ids=lambda p: p.stem)
def test_golden_session_scores(path: Path, basic) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    result = score_session(basic, load_session(path))
    assert project(result, expected) == expected


@pytest.mark.parametrize("path", SESSIONS, ids=lambda p: p.stem)
def test_golden_session_scores_through_the_cli(path: Path, run) -> None:
    result = run("score", path, "--questionnaire", BASIC, "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    assert data["format"] == "peerready-result/1"
    assert data["verdict"]["band"] == expected["verdict"]["band"]
    assert [r["id"] for r in data["recommendations"]] == expected["recommendations"]
