"""A session the group has not finished, with items still unanswered, says so: in the result
JSON, on the terminal and on the report's cover. A finished one, or one with every answer, does not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import BASIC, DATA

CONSENSUS = DATA / "sessions" / "consensus.json"  # finished, every item answered


def _variant(tmp_path: Path, complete: bool, drop: int) -> Path:
    data = json.loads(CONSENSUS.read_text(encoding="utf-8"))
    data["complete"] = complete
    answers = data["answers"]["group"]
    for item in list(answers)[:drop]:
        del answers[item]
    path = tmp_path / f"session-{complete}-{drop}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("complete", "drop", "unfinished"),
    [(False, 2, True), (True, 2, False), (False, 0, False), (True, 0, False)],
)
def test_only_an_unfinished_session_with_gaps_is_unfinished(
    tmp_path, run, complete, drop, unfinished
) -> None:
    session = _variant(tmp_path, complete, drop)

    result = json.loads(run("score", session, "-q", BASIC, "-f", "json").out)
    table = run("score", session, "-q", BASIC, "--lang", "en").out
    danish = run("score", session, "-q", BASIC, "--lang", "da").out

    assert result["unfinished"] is unfinished
    assert ("Unfinished: the group has not finished this assessment" in table) is unfinished
    assert ("Ikke afsluttet: gruppen har ikke gjort vurderingen færdig" in danish) is unfinished


def test_the_report_cover_says_unfinished(tmp_path, run) -> None:
    report = run("report", _variant(tmp_path, False, 2), "-q", BASIC, "-f", "md", "--lang", "en").out
    assert "Unfinished: the group has not finished the assessment" in report
    finished = run("report", CONSENSUS, "-q", BASIC, "-f", "md", "--lang", "en").out
    assert "Unfinished" not in finished
