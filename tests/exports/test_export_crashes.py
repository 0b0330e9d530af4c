"""Real exports that used to crash or give a silently wrong result (issue 13)."""

from __future__ import annotations

import json

from tests.conftest import BASIC, DATA

GOLDEN = DATA / "exports" / "golden"
NOT_STATED = GOLDEN / "group-not-stated" / "answers.csv"
BY_AFDELING = ("-q", BASIC, "--group-by", "afdeling", "--min-group-size")


def test_empty_group_cells_are_a_group_of_their_own(run) -> None:
    result = run("score", NOT_STATED, "-f", "json", *BY_AFDELING, "4")
    assert result.code == 0, result.err
    groups = {g["key"]: (g["label"]["en"], g["respondents"]) for g in json.loads(result.out)["groups"]}
    assert groups["_not_stated"] == ("(not stated)", 5)
    assert groups["vest"] == ("Vest", 5)


def test_the_not_stated_group_is_protected_like_any_other(run) -> None:
    result = run("score", NOT_STATED, "-f", "json", *BY_AFDELING, "6")
    summary = json.loads(result.out)
    assert summary["groups"] == []  # every group, "not stated" too, is below six
    assert summary["suppressed_respondents"] == 15


def test_a_report_from_an_export_with_empty_group_cells(run, tmp_path) -> None:
    out = tmp_path / "r.json"
    result = run("report", NOT_STATED, *BY_AFDELING, "4", "-o", out)
    assert result.code == 0, result.err
    groups = json.loads(out.read_text(encoding="utf-8"))["groups"]
    assert [g["label"]["da"] for g in groups] == ["(ikke oplyst)", "Vest", "Øst"]


def test_a_group_named_like_the_not_stated_group_is_refused(run, tmp_path) -> None:
    export = tmp_path / "x.csv"
    export.write_text("respondent,afdeling,mot_a\nr1,_not_stated,4\n", encoding="utf-8")
    result = run("score", export, "-q", BASIC, "--group-by", "afdeling")
    assert result.code == 2
    assert "is a name peerready gives groups itself" in result.err


def test_markdown_says_the_verdict_is_provisional(run) -> None:
    folder = GOLDEN / "forms-xlsx"
    forms = (folder / "answers.xlsx", "-q", BASIC, "--map", folder / "map.yaml", "-f", "md")
    result = run("score", *forms, "--lang", "en")
    assert result.code == 0, result.err
    assert result.out.startswith("### Basic readiness: Not ready (provisional) (45/100)")
    danish = run("score", *forms, "--lang", "da")
    assert "Ikke parat (foreløbig)" in danish.out.splitlines()[0]
