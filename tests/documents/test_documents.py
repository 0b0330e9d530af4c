"""Golden folders: every valid questionnaire loads; every invalid one fails with exactly its
expected messages (file, line, column, path in the document and what was expected)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA

QUESTIONNAIRES = DATA / "questionnaires"
VALID = sorted((QUESTIONNAIRES / "valid").glob("*.yaml"))
INVALID = sorted((QUESTIONNAIRES / "invalid").glob("*.yaml"))


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_files_validate(path: Path, run, monkeypatch) -> None:
    monkeypatch.chdir(QUESTIONNAIRES)
    result = run("validate", path.relative_to(QUESTIONNAIRES))
    assert result.code == 0, result.err
    assert result.out.startswith("✓ valid/")
    assert result.err == ""


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_files_report_every_problem(path: Path, run, monkeypatch) -> None:
    monkeypatch.chdir(QUESTIONNAIRES)
    expected = path.with_suffix(".expected").read_text(encoding="utf-8")
    result = run("validate", path.relative_to(QUESTIONNAIRES))
    assert result.code == 2
    assert result.out == ""
    assert result.err == expected


def test_every_invalid_case_has_its_expected_message() -> None:
    assert INVALID, "no invalid examples found"
    for path in INVALID:
        assert path.with_suffix(".expected").is_file(), f"{path.name} has no .expected file"


def test_validate_reports_all_files_and_fails_if_any_is_bad(run, monkeypatch) -> None:
    monkeypatch.chdir(QUESTIONNAIRES)
    result = run("validate", "valid/basic.yaml", "invalid/band_gap.yaml", "valid/basic-catalogue.yaml")
    assert result.code == 2
    assert result.out.count("✓") == 2
    assert "band_gap.yaml:15:5: bands[1]: gap between bands 'low' and 'high'" in result.err


def test_missing_file_is_one_clear_line(run, tmp_path) -> None:
    result = run("validate", tmp_path / "nope.yaml")
    assert result.code == 2
    assert result.err == f"peerready: error: {tmp_path / 'nope.yaml'}: no such file\n"


def test_catalogue_of_a_questionnaire_is_checked_with_it(run, tmp_path) -> None:
    questionnaire = (QUESTIONNAIRES / "valid" / "basic.yaml").read_text(encoding="utf-8")
    catalogue = (QUESTIONNAIRES / "valid" / "basic-catalogue.yaml").read_text(encoding="utf-8")
    (tmp_path / "q.yaml").write_text(questionnaire, encoding="utf-8")
    (tmp_path / "basic-catalogue.yaml").write_text(
        catalogue.replace("bands: [needs_work, emerging]", "bands: [needs_work, middling]"), encoding="utf-8"
    )
    result = run("validate", tmp_path / "q.yaml")
    assert result.code == 2
    assert "basic-catalogue.yaml:12:12: " in result.err
    assert "recommendations[0].when[0]: domain 'motivation' has no band 'middling'" in result.err


def test_json_documents_validate_with_lines(run, tmp_path) -> None:
    path = tmp_path / "q.json"
    path.write_text('{\n  "id": "x",\n  "id": "y"\n}\n', encoding="utf-8")
    result = run("validate", path)
    assert result.err == f"peerready: error: {path}:3:3: id: duplicate key 'id'\n"


def test_norway_problem_is_avoided(tmp_path, basic) -> None:
    """Unquoted yes/no/on/off stay text (YAML 1.2), so they can be option ids."""
    from peerready.documents.yamldoc import parse

    data, _ = parse("a: no\nb: yes\nc: off\nd: true\ne: 1.5\nf: '3'\ng: ~\n")
    assert data == {"a": "no", "b": "yes", "c": "off", "d": True, "e": 1.5, "f": "3", "g": None}
