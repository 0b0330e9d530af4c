"""--baseline takes the JSON `score` writes for a survey export (peerready-batch/1) too."""

from __future__ import annotations

import json

import pytest

from peerready.commands.inputs import load_scored
from peerready.report.baseline import compare, load_baseline
from tests.conftest import BASIC, DATA

SESSION = DATA / "sessions" / "consensus.json"
EXPORT = DATA / "exports" / "golden" / "limesurvey" / "answers.csv"


def test_a_survey_s_batch_result_is_a_baseline(run, tmp_path) -> None:
    batch = tmp_path / "survey.json"
    assert run("score", EXPORT, "-q", BASIC, "-f", "json", "-o", batch).code == 0
    earlier = json.loads(batch.read_text(encoding="utf-8"))
    assert earlier["format"] == "peerready-batch/1"
    instrument, result = load_scored(SESSION, str(BASIC))

    comparison = compare(result, instrument, *load_baseline(batch, instrument))

    before = {d["domain"]: d["score"] for d in earlier["domains"] if d["status"] != "unscored"}
    assert {k: c.before for k, c in comparison.domains.items()} == pytest.approx(before)
    assert comparison.overall.before == pytest.approx(earlier["verdict"]["score"])
    assert comparison.version == "1.2.0" and comparison.date is None  # an export carries no date

    report = run("report", SESSION, "-q", BASIC, "--baseline", batch, "-f", "md")
    assert report.code == 0, report.err
    assert "| Change |" in report.out or "| Ændring |" in report.out


def test_a_result_handed_to_score_is_named_as_one(run, tmp_path) -> None:
    made = tmp_path / "result.json"
    assert run("score", SESSION, "-q", BASIC, "-f", "json", "-o", made).code == 0
    again = run("score", made)
    assert again.code == 2
    assert again.err == (
        f"peerready: error: {made}: a result (peerready-result/1), not answers; score what it was made from\n"
    )
