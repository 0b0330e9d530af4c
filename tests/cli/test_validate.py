"""`peerready validate` knows every peerready file by its `format` and checks it as that kind:
golden folders of valid files (with the summary line each gives) and invalid ones (with exactly
the errors expected), and the results `score` itself writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import BASIC, DATA

KINDS = DATA / "kinds"
VALID = sorted((KINDS / "valid").glob("*.yaml"))
INVALID = sorted((KINDS / "invalid").glob("*.yaml"))
SESSION = DATA / "sessions" / "consensus.json"
EXPORT = DATA / "exports" / "golden" / "limesurvey" / "answers.csv"


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_every_kind_is_checked_as_itself(path: Path, run, monkeypatch) -> None:
    monkeypatch.chdir(KINDS)
    result = run("validate", path.relative_to(KINDS))
    assert (result.code, result.err) == (0, "")
    assert result.out == path.with_suffix(".expected").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_a_wrong_file_gets_its_kind_s_errors_only(path: Path, run, monkeypatch) -> None:
    monkeypatch.chdir(KINDS)
    result = run("validate", path.relative_to(KINDS))
    assert (result.code, result.out) == (2, "")
    assert result.err == path.with_suffix(".expected").read_text(encoding="utf-8")


def test_the_json_score_writes_validates(run, tmp_path) -> None:
    result_file, batch_file = tmp_path / "result.json", tmp_path / "batch.json"
    assert run("score", SESSION, "-q", BASIC, "-f", "json", "-o", result_file).code == 0
    assert run("score", EXPORT, "-q", BASIC, "-f", "json", "-o", batch_file).code == 0

    checked = run("validate", result_file, batch_file, SESSION)

    assert (checked.code, checked.err) == (0, "")
    lines = checked.out.splitlines()
    assert lines[0] == f"✓ {result_file}: valid result for basic 1.2.0: overall score 66.0, 4 domains"
    assert lines[1] == f"✓ {batch_file}: valid batch result for basic 1.2.0: 12 of 14 rows scored"
    assert lines[2].startswith(f"✓ {SESSION}: valid session for basic 1.2.0, ")


def test_a_broken_result_is_told_what_a_result_lacks(run, tmp_path) -> None:
    """Not 130 'unknown field' lines of a questionnaire: the one field the result misses."""
    made = tmp_path / "result.json"
    assert run("score", SESSION, "-q", BASIC, "-f", "json", "-o", made).code == 0
    data = json.loads(made.read_text(encoding="utf-8"))
    del data["verdict"]
    made.write_text(json.dumps(data, indent=2), encoding="utf-8")

    checked = run("validate", made)

    assert checked.code == 2
    assert checked.err == f"peerready: error: {made}:1:1: verdict: required field is missing\n"


def test_a_file_without_a_format_line_is_checked_as_a_questionnaire(run, tmp_path) -> None:
    written = tmp_path / "mine.yaml"
    written.write_text("id: mine\ntitel: {da: Mit, en: Mine}\n", encoding="utf-8")

    checked = run("validate", written)

    assert checked.code == 2
    assert f"{written}:2:8: titel: unknown field 'titel' (did you mean 'title'?)" in checked.err
