"""`peerready score` on exports and `peerready template`, as an analyst uses them in a pipeline."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from peerready.documents.loader import load_instrument
from tests.conftest import BASIC, DATA
from tests.helpers.surveys import HEADER as SURVEY_HEADER
from tests.helpers.surveys import LABELS

AGREE = ["1", "2", "3", "4", "5"]


def rows_for(n: int, group=lambda i: "Team A", first: int = 0) -> list[list[str]]:
    """Answers to basic's scored items, varied but deterministic."""
    return [
        [
            f"r{i}",
            group(i),
            ["leader", "staff", "Medarbejder", "peer_worker"][i % 4],
            AGREE[i % 5],
            AGREE[(i * 2) % 5],
            AGREE[(i + 3) % 5],
            ["low", "mid", "high"][i % 3],
            ["Ingen.", "mid", "high"][(i + 1) % 3],
            ["yes", "Delvist", "no"][i % 3],
            ["never", "sometimes", "Tit"][i % 3],
            AGREE[(i + 1) % 5],
            "",
            "",
        ]
        for i in range(first, first + n)
    ]


HEADER = ["respondent", "group", "role", "mot_a", "mot_b", "mot_c", "lead_group", "lead_champion"]
HEADER += ["lead_budget", "team_meetings", "team_ready", "inspired", "statement"]


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER, delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([header, *rows])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def test_csv_template_round_trip(run, tmp_path) -> None:
    sheet = tmp_path / "sheet.csv"
    made = run("template", BASIC, "--to", "csv", "-o", sheet, "--lang", "da")
    assert made.code == 0
    lines = sheet.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == ",".join(HEADER)
    assert lines[1].startswith("# peerready-template/1 basic 1.2.0 ")
    assert "1 Helt uenig | 2 Delvist uenig" in lines[1]
    with sheet.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows_for(12))
    result = run("score", sheet, "-q", BASIC, "-f", "json")
    assert result.code == 0, result.err
    summary = json.loads(result.out)
    assert summary["format"] == "peerready-batch/1"
    assert summary["counts"]["scored"] == 12
    assert summary["source"]["platform"] == "peerready-template"


def test_template_names_its_questionnaire_so_score_needs_no_q(run, tmp_path) -> None:
    q = load_instrument("readiness").questionnaire
    sheet = tmp_path / "readiness.csv"
    assert run("template", "readiness", "--to", "csv", "-o", sheet, "--no-group", "--no-role").code == 0
    items = [i for d in q.domains for i in d.scored_items]
    with sheet.open("a", encoding="utf-8", newline="") as handle:
        for n in range(3):
            answers = [q.options_of(i)[n % len(q.options_of(i))].id for i in items]
            row = {"respondent": f"p{n}"} | dict(zip([i.id for i in items], answers, strict=True))
            header = sheet.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
            csv.writer(handle).writerow([row.get(h, "") for h in header])
    result = run("score", sheet, "-f", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["questionnaire"]["id"] == "readiness"


def test_template_from_another_version_is_refused_then_allowed(run, tmp_path) -> None:
    sheet = tmp_path / "sheet.csv"
    run("template", BASIC, "--to", "csv", "-o", sheet)
    text = sheet.read_text(encoding="utf-8-sig").replace("basic 1.2.0", "basic 1.1.0")
    sheet.write_text(text, encoding="utf-8")
    with sheet.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows_for(3))
    unknown = run("score", sheet)
    assert unknown.code == 2
    assert f"{sheet} names questionnaire 'basic': unknown questionnaire 'basic'" in unknown.err
    refused = run("score", sheet, "-q", BASIC)
    assert refused.code == 2
    assert "the template was made from 'basic' 1.1.0, but this is 1.2.0" in refused.err
    allowed = run("score", sheet, "-q", BASIC, "--allow-version-mismatch", "-f", "json")
    assert allowed.code == 0
    assert "questionnaire changed since the template was made: version 1.1.0 → 1.2.0" in allowed.err


def test_xlsx_template_round_trip(run, tmp_path) -> None:
    sheet = tmp_path / "sheet.xlsx"
    assert run("template", BASIC, "--to", "xlsx", "-o", sheet, "--lang", "en").code == 0
    book = load_workbook(sheet)
    assert book.sheetnames == ["answers", "README"]
    answers = book["answers"]
    assert [c.value for c in answers[1]] == HEADER
    assert any(
        "1,2,3,4,5,dont_know,not_applicable" in v.formula1 for v in answers.data_validations.dataValidation
    )
    readme = [[c.value for c in row] for row in book["README"].iter_rows()]
    assert readme[0][0].startswith("peerready-template/1 basic 1.2.0 ")
    for row in rows_for(6):
        answers.append(row)
    answers.append([None] * len(HEADER))  # an empty row Excel keeps is not a respondent
    answers.append(["bad", None, "staff", "7"])
    book.save(sheet)
    result = run("score", sheet, "-q", BASIC, "-f", "json")
    assert result.code == 0, result.err
    summary = json.loads(result.out)
    assert (summary["counts"]["scored"], summary["counts"]["rejected"]) == (6, 1)
    assert summary["rejected"][0] == {
        "line": 9,
        "column": "cell D9 ('mot_a')",
        "message": "'7' is out of range: expected points from 1 to 5, or one of the options 1, 2, 3, 4, 5",
    }
    assert f"{sheet}:9: cell D9 ('mot_a'): '7' is out of range" in result.err


def test_xlsform_for_kobo_and_its_export(run, tmp_path) -> None:
    form = tmp_path / "form.xlsx"
    assert run("template", BASIC, "--to", "xlsform", "-o", form, "--lang", "da").code == 0
    book = load_workbook(form)
    assert book.sheetnames == ["survey", "choices", "settings"]
    survey = [[c.value for c in row] for row in book["survey"].iter_rows()]
    assert survey[0][:4] == ["type", "name", "label::Dansk (da)", "label::English (en)"]
    names = {row[1]: row[0] for row in survey[1:]}
    assert names["mot_a"] == "select_one agree5"
    assert names["lead_group"] == "select_one lead_group_options"  # anchored: the item's own texts
    assert names["inspired"] == "text"
    assert names["peerready_questionnaire"] == "calculate"
    settings = [c.value for c in book["settings"][2]]
    assert settings[1:3] == ["basic", "1.2.0"]
    choices = [[c.value for c in row] for row in book["choices"].iter_rows()]
    assert ["lead_group_options", "high", "En bred gruppe.", "A broad group."] in choices
    assert ["agree5", "dont_know", "Ved ikke", "Don't know"] in choices
    ref = next(row[4] for row in survey if row[1] == "peerready_questionnaire").strip("'")
    # What KoboToolbox exports from it: group paths, its own metadata, ';' by default
    header = ["start", "motivation/mot_a", "motivation/mot_b", "motivation/mot_c", "leadership/lead_group"]
    header += ["peerready_questionnaire", "_id", "_uuid", "_submission_time"]
    rows = [
        ["2026-11-20", "4", "5", "dont_know", "high", ref, str(n), f"u{n}", "2026-11-20"] for n in range(5)
    ]
    export = write_csv(tmp_path / "kobo.csv", rows, header, ";")
    result = run("score", export, "-q", BASIC, "-f", "json")
    assert result.code == 0, result.err
    summary = json.loads(result.out)
    assert summary["source"]["columns"]["motivation/mot_a"] == "mot_a"
    assert summary["source"]["columns"]["_id"] == "respondent"
    assert summary["domains"][0]["score"] == pytest.approx(87.5)


def test_exit_codes_for_pipelines(run, tmp_path) -> None:
    good = write_csv(tmp_path / "good.csv", rows_for(10))
    passed = run("score", good, "-q", BASIC, "-f", "json", "--fail-under", "10")
    assert passed.code == 0
    failed = run("score", good, "-q", BASIC, "-f", "json", "--fail-under", "99")
    assert failed.code == 1
    assert "the overall score is " in failed.err and "below the --fail-under threshold of 99" in failed.err
    domain = run("score", good, "-q", BASIC, "-f", "json", "--fail-under-domain", "team=99")
    assert domain.code == 1
    bad = write_csv(tmp_path / "bad.csv", [*rows_for(10), ["r99", "", "", "9"]])
    lenient = run("score", bad, "-q", BASIC, "-f", "json")
    assert lenient.code == 0
    assert "1 of 11 rows were left out because of problems" in lenient.err
    strict = run("score", bad, "-q", BASIC, "-f", "json", "--strict")
    assert strict.code == 2
    assert strict.out == ""
    assert f"{bad}:12: ragged row: 4 fields, but the header has 13" in strict.err
    assert "--strict: 1 of 11 rows have problems; nothing was scored" in strict.err


def test_groups_are_protected_and_csv_output_is_formula_safe(run, tmp_path) -> None:
    names = ["=SUM(A1:A9)", "+45 11 22 33", "@HR", "-Lille"]
    export = write_csv(
        tmp_path / "groups.csv", rows_for(21, group=lambda i: names[i % 4] if i < 20 else "Solo")
    )
    result = run("score", export, "-q", BASIC, "-f", "csv", "--group-by", "group")
    assert result.code == 0, result.err
    table = list(csv.reader(io.StringIO(result.out)))
    assert table[0][:5] == ["dimension", "group", "respondents", "score", "band"]
    assert not [cell for row in table for cell in row if cell.startswith(("=", "+", "-", "@"))]
    groups = {row[1]: int(row[2]) for row in table[1:] if row[0] == "group"}
    # "Solo" (1) alone is too small for "Others", so the smallest other group joins it
    assert groups.pop("Others (small groups)") == 6
    assert len(groups) == 3
    assert set(groups) <= {"'=SUM(A1:A9)", "'+45 11 22 33", "'@HR", "'-Lille"}
    assert "Solo" not in result.out  # a group of one is never shown on its own


def test_small_groups_merge_into_others(run, tmp_path) -> None:
    export = write_csv(tmp_path / "g.csv", rows_for(14, group=lambda i: "Big" if i < 10 else f"S{i % 2}"))
    result = run("score", export, "-q", BASIC, "-f", "json", "--group-by", "group", "--min-group-size", "4")
    summary = json.loads(result.out)
    shown = {g["key"]: g["respondents"] for g in summary["groups"]}
    assert shown == {"big": 10, "_others": 4}
    assert summary["suppressed_respondents"] == 4


def test_markdown_summary_escapes_user_text(run, tmp_path) -> None:
    export = write_csv(tmp_path / "md.csv", rows_for(10, group=lambda i: "<img src=x>|*A*" if i < 5 else "B"))
    result = run("score", export, "-q", BASIC, "-f", "md", "--group-by", "group", "--lang", "en")
    assert result.code == 0
    assert result.out.startswith("### Basic readiness: ")
    assert "10 scored · 10 rows · 0 rejected" in result.out
    assert "&lt;img src=x&gt;\\|\\*A\\*" in result.out
    assert "<img" not in result.out


def test_respondent_scores_stream_to_a_file_in_file_order(run, tmp_path) -> None:
    export = write_csv(tmp_path / "r.csv", rows_for(9, group=lambda i: "AB"[i % 2]))
    out = tmp_path / "respondents.csv"
    result = run("score", export, "-q", BASIC, "-f", "json", "--group-by", "group", "--respondents", out)
    assert result.code == 0, result.err
    table = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert table[0] == ["respondent", "group", "role", "motivation", "leadership", "team", "overall"]
    assert [row[0] for row in table[1:]] == [f"r{i}" for i in range(9)]
    # r0: motivation 1, 1, 4 (weight 2) → (0 + 0 + 2 × 75) / 4 = 37.5
    assert table[1][3] == "37.50"


def test_respondent_file_is_not_left_behind_when_nothing_scores(run, tmp_path) -> None:
    export = write_csv(tmp_path / "bad.csv", [["r1", "", "", "9", "", "", "", "", "", "", "", "", ""]])
    out = tmp_path / "respondents.csv"
    assert run("score", export, "-q", BASIC, "--respondents", out).code == 2
    assert not out.exists()
    assert list(tmp_path.glob(".respondents.csv.*")) == []


def test_suggest_map_drafts_a_mapping_that_scores(run, tmp_path) -> None:
    forms = DATA / "exports" / "golden" / "forms-xlsx" / "answers.xlsx"
    draft = tmp_path / "map.yaml"
    made = run("score", forms, "-q", BASIC, "--suggest-map", draft)
    assert made.code == 0, made.err
    text = draft.read_text(encoding="utf-8")
    assert 'respondent: "ID"' in text
    assert '"Vi ved hvorfor vi vil ansætte peer-medarbejdere": mot_a  # ' in text
    assert '"Teamet er klar": team_ready' in text
    assert '#   "Start time"' in text
    assert '      "Meget ofte": ' in text  # an answer text peerready cannot read is listed to check
    scored = run("score", forms, "-q", BASIC, "--map", draft, "-f", "json")
    assert scored.code == 0, scored.err
    assert json.loads(scored.out)["counts"]["scored"] == 8


def test_json_array_and_tab_separated_exports(run, tmp_path) -> None:
    objects = [dict(zip(HEADER, row, strict=True)) | {"mot_a": int(row[3])} for row in rows_for(6)]
    array = tmp_path / "answers.json"
    array.write_text(json.dumps(objects, indent=1), encoding="utf-8")
    tsv = write_csv(tmp_path / "answers.tsv", rows_for(6), delimiter="\t")
    results = [json.loads(run("score", p, "-q", BASIC, "-f", "json").out) for p in (array, tsv)]
    assert results[0]["domains"] == results[1]["domains"]
    assert results[1]["source"]["delimiter"] == "\t"


def test_session_files_still_score_and_refuse_export_options(run) -> None:
    session = DATA / "sessions" / "individual.json"
    md = run("score", session, "-q", BASIC, "-f", "md", "--lang", "en")
    assert md.code == 0
    assert md.out.startswith("### Basic readiness")
    refused = run("score", session, "-q", BASIC, "--group-by", "team")
    assert refused.code == 2
    assert "--group-by: only for exported survey answers, not for a session file" in refused.err


def test_by_role_needs_a_role_column(run, tmp_path) -> None:
    export = write_csv(tmp_path / "x.csv", [r[3:6] for r in rows_for(5)], ["mot_a", "mot_b", "mot_c"])
    result = run("score", export, "-q", BASIC, "--by-role")
    assert result.code == 2
    assert "--by-role: " in result.err and "has no role column" in result.err


def test_no_questionnaire_named_anywhere(run, tmp_path) -> None:
    export = write_csv(tmp_path / "x.csv", [r[3:6] for r in rows_for(5)], ["mot_a", "mot_b", "mot_c"])
    result = run("score", export)
    assert result.code == 2
    assert "the file does not say which questionnaire it answers; give --questionnaire" in result.err


def test_a_missing_file_is_an_input_error(run, tmp_path) -> None:
    result = run("score", tmp_path / "missing.csv", "-q", "readiness")
    assert result.code == 2
    assert "missing.csv: no such file" in result.err
    assert "internal error" not in result.err


def test_the_first_thousand_problems_are_listed_in_line_order(tmp_path) -> None:
    """A chunk rejects ragged rows before checking the others; the list must still be the first
    1,000 problems by line, whatever order they were found in."""
    from peerready.exports.load import load_export_result
    from peerready.exports.options import ExportOptions

    good = [next(iter(options)) for options in LABELS.values()]
    bad = ",".join(["9", *good[1:]])
    lines = [",".join(SURVEY_HEADER)] + [f"r{n},Øst,staff,{bad}" for n in range(1000)] + ["r1000,Øst,staff,1"]
    lines += [f"r{n},Øst,staff,{','.join(good)}" for n in range(1001, 1010)]
    path = tmp_path / "export.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = load_export_result(path, str(BASIC), ExportOptions())[2]
    assert summary.rejected_problems == 1001
    assert [r.line for r in summary.rejected] == list(range(2, 1002))


def _late_cp1252(tmp_path: Path, rows: int, tail: bytes) -> Path:
    """An export whose first 64 KB are plain ASCII, with `tail` (non-UTF-8 bytes) far down."""
    good = ",".join(next(iter(options)) for options in LABELS.values())
    lines = [",".join(SURVEY_HEADER)] + [f"r{n},Vest,staff,{good}" for n in range(rows)]
    path = tmp_path / "late.csv"
    last = b"r-last," + tail + b",staff," + good.encode() + b"\r\n"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("ascii") + last)
    return path


@pytest.mark.parametrize("respondents", [False, True], ids=["guessed", "checked first"])
def test_windows_1252_far_down_a_file_is_found(run, tmp_path, respondents) -> None:
    path = _late_cp1252(tmp_path, 3000, "Afdeling Øst – Århus".encode("cp1252"))
    extra = ["--respondents", tmp_path / "per.csv"] if respondents else []
    by_group = ["--group-by", "afdeling", "--min-group-size", "1"]
    result = run("score", path, "-q", BASIC, "-f", "json", *by_group, *extra)
    assert result.code == 0, result.err
    summary = json.loads(result.out)
    assert summary["source"]["encoding"] == "cp1252"
    assert "Afdeling Øst – Århus" in {g["label"]["da"] for g in summary["groups"]}
    assert summary["counts"]["scored"] == 3001


def test_a_byte_neither_encoding_has_far_down_a_file_is_one_error(run, tmp_path) -> None:
    result = run("score", _late_cp1252(tmp_path, 3000, b"\x81"), "-q", BASIC)
    assert result.code == 2
    assert "neither UTF-8 nor Windows-1252 text" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_a_wrong_encoding_is_an_input_error(run, tmp_path, suffix) -> None:
    path = tmp_path / f"answers{suffix}"
    text = '[{"respondent": "r1", "afdeling": "Øst", "mot_a": "4"}]\n'
    if suffix == ".csv":
        text = "respondent,afdeling,mot_a\nr1,Øst,4\n"
    path.write_text(text, encoding="utf-8")
    result = run("score", path, "-q", BASIC, "--encoding", "ascii")
    assert result.code == 2
    assert "cannot be read as ascii" in result.err
    assert "internal error" not in result.err
