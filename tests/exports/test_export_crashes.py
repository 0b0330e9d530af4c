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


def _readiness_export(path, columns_of_policies: bool) -> None:
    from peerready.documents.loader import load_instrument

    q = load_instrument("readiness").questionnaire
    items = [i for d in q.domains for i in d.scored_items if columns_of_policies or d.id != "policies"]
    rows = [["respondent", *(i.id for i in items)]]
    for n in range(6):
        answered = [q.options_of(i)[-1].id if not i.id.startswith("pol_") else "" for i in items]
        rows.append([f"p{n}", *answered])
    path.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")


def test_items_without_a_column_are_not_asked_and_recommend_nothing(run, tmp_path) -> None:
    export = tmp_path / "no-hr.csv"
    _readiness_export(export, columns_of_policies=False)
    summary = json.loads(run("score", export, "-q", "readiness", "-f", "json").out)
    policies = next(d for d in summary["domains"] if d["domain"] == "policies")
    assert (policies["status"], policies["coverage"]) == ("not_asked", 0.0)
    assert "policies-too-few-answers" not in summary["recommendations"]
    warned = "not asked: the export has no column for pol_hr_involved"
    assert any(w.startswith(warned) for w in summary["warnings"])
    full = json.loads(run("report", export, "-q", "readiness", "-f", "json").out)
    stats = [i for d in full["domains"] for i in d["items"] if i["item"].startswith("pol_")]
    assert stats and all(not i["asked"] and i["missing"] == 0 for i in stats)
    assert all(i["asked"] for d in full["domains"] for i in d["items"] if not i["item"].startswith("pol_"))
    assert any("was not asked in these answers" in r["text"]["en"] for r in full["verdict"]["reasons"])


def test_empty_columns_are_asked_but_not_answered(run, tmp_path) -> None:
    export = tmp_path / "hr-empty.csv"
    _readiness_export(export, columns_of_policies=True)
    summary = json.loads(run("score", export, "-q", "readiness", "-f", "json").out)
    policies = next(d for d in summary["domains"] if d["domain"] == "policies")
    assert policies["status"] == "insufficient_data"
    assert "policies-too-few-answers" in summary["recommendations"]
