"""Platform conventions and mappings that cope with real headers (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook

from peerready.exports.platforms import PLATFORMS, UNKNOWN, detect
from tests.conftest import BASIC, DATA

AGREE = ["Helt uenig", "Delvist uenig", "Hverken eller", "Delvist enig", "Helt enig"]


def _csv(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _summary(run, *args: object) -> dict:
    result = run("score", *args, "-q", BASIC, "-f", "json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_each_platform_is_recognised_by_its_own_markers() -> None:
    headers = {
        "qualtrics": ["StartDate", "Finished", "ResponseId", "Q1_1"],
        "surveymonkey": ["Respondent ID", "Collector ID", "Start Date", "Q1"],
        "surveyxact": ["respondentid", "s_1", "statoverall_4"],
        "limesurvey": ["id", "submitdate", "lastpage", "Q1[SQ001]"],
        "redcap": ["record_id", "q1", "readiness_complete"],
        "kobotoolbox": ["start", "group/q1", "_uuid", "_submission_time"],
        "microsoft-forms": ["ID", "Start time", "Completion time", "Email"],
        "google-forms": ["Tidsstempel", "Spørgsmål 1"],
    }
    assert {p.id for p in PLATFORMS} == set(headers)
    for platform, header in headers.items():
        assert detect(header).id == platform
    assert detect(["respondent", "mot_a"]) is UNKNOWN


def test_a_kobo_version_column_does_not_make_an_export_redcap() -> None:
    assert detect(["group/q1", "_submission___version__", "_index"]).id == "kobotoolbox"
    assert detect(["q1", "_submission___version__"]).id == "kobotoolbox"


def test_an_unknown_platform_says_which_conventions_were_applied(run, tmp_path) -> None:
    export = _csv(tmp_path / "x.csv", ["navn,mot_a,mot_b", "a,4,5", "b,3,3"])
    result = run("score", export, "-q", BASIC, "-f", "json")
    said = "the export's platform is not recognised; read with these conventions: The first row names"
    assert said in result.err
    provenance = json.loads(result.out)["provenance"]
    assert provenance["platform"] == "unknown"
    assert provenance["platform_name"] == {"da": "ukendt platform", "en": "unknown platform"}
    assert provenance["conventions"][-1]["en"].startswith("No column gives each response an id")


def test_limesurvey_with_localised_full_headings(run, tmp_path) -> None:
    lines = ['"Respons ID";"Dato sendt";"Sidste side";"mot_a";"mot_b"']
    lines += [f'"{n}";"{"NA" if n == 3 else "2026-11-02"}";"2";"{n % 5 + 1}";"NA"' for n in range(1, 7)]
    summary = _summary(run, _csv(tmp_path / "lime.csv", lines))
    assert summary["provenance"]["platform"] == "limesurvey"
    assert summary["provenance"]["respondent_column"] == "Respons ID"
    assert (summary["counts"]["scored"], summary["counts"]["incomplete_excluded"]) == (5, 1)


def test_a_workbook_of_codebooks_only_says_which_sheets_it_has(run, tmp_path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Labels"
    sheet.append(["s_1", 1, "Helt uenig"])
    book.save(tmp_path / "only-labels.xlsx")
    result = run("score", tmp_path / "only-labels.xlsx", "-q", BASIC)
    assert result.code == 2
    assert "no sheet looks like answers (sheets: Labels); name one with --sheet" in result.err


def test_columns_named_by_letter_where_headers_repeat(run, tmp_path) -> None:
    export = _csv(
        tmp_path / "dup.csv", ["id,Spørgsmål,Spørgsmål", *(f"p{n},{n % 5 + 1},{5 - n % 5}" for n in range(6))]
    )
    refused = run("score", export, "-q", BASIC)
    assert refused.code == 2  # a header that is no item's name is not guessed at
    assert "write a mapping file" in refused.err
    mapping = tmp_path / "map.yaml"
    mapping.write_text(
        "questionnaire: basic\ncolumns:\n  column B: mot_a\n  column 3: mot_b\n", encoding="utf-8"
    )
    summary = _summary(run, export, "--map", mapping)
    assert summary["source"]["columns"]["Spørgsmål"] in ("mot_a", "mot_b")
    assert summary["provenance"]["not_asked"][:1] == ["mot_c"]
    motivation = next(d for d in summary["domains"] if d["domain"] == "motivation")
    assert motivation["coverage"] == 1.0  # mot_c is not asked: out of the coverage


def test_a_merged_two_row_header_in_a_workbook(run, tmp_path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Svar-id", "Motivation", None, None])
    sheet.append([None, "Vi ved hvorfor.", "Vi ved hvad.", "Vi ved hvordan."])
    sheet.merge_cells("B1:D1")
    for n in range(5):
        sheet.append([f"p{n}", AGREE[n], AGREE[(n + 1) % 5], AGREE[(n + 2) % 5]])
    book.save(tmp_path / "merged.xlsx")
    mapping = tmp_path / "map.yaml"
    mapping.write_text(
        "questionnaire: basic\nheader_rows: 2\nrespondent: Svar-id\ncolumns:\n"
        '  "Motivation - Vi ved hvorfor.": mot_a\n  "Motivation - Vi ved hvad.": mot_b\n'
        '  "Motivation - Vi ved hvordan.": mot_c\n',
        encoding="utf-8",
    )
    summary = _summary(run, tmp_path / "merged.xlsx", "--map", mapping)
    assert summary["counts"] == summary["counts"] | {"rows": 5, "scored": 5, "rejected": 0}
    assert summary["provenance"]["header_rows"] == 2
    chosen = mapping.read_text(encoding="utf-8").replace("header_rows: 2", "header_rows: 2\nheader_row: 2")
    mapping.write_text(chosen.replace("Motivation - ", "").replace("Svar-id", "column A"), encoding="utf-8")
    again = _summary(run, tmp_path / "merged.xlsx", "--map", mapping)
    assert again["domains"] == summary["domains"]


def test_no_answer_values_and_codes_declared_once_per_scale(run, tmp_path) -> None:
    rows = [
        f"p{n},{n % 5},{(n + 1) % 5},{'999' if n == 2 else (n + 2) % 5},{'-' if n == 3 else 'Ja'}"
        for n in range(10)
    ]
    export = _csv(tmp_path / "codes.csv", ["id,a,b,c,budget", *rows])
    mapping = tmp_path / "map.yaml"
    mapping.write_text(
        "questionnaire: basic\nno_answer: ['-', '999']\n"
        "scales:\n  agree5: {'0': '1', '1': '2', '2': '3', '3': '4', '4': '5'}\n"
        "columns: {a: mot_a, b: mot_b, c: mot_c, budget: lead_budget}\n",
        encoding="utf-8",
    )
    coded = _summary(run, export, "--map", mapping)
    assert coded["counts"]["rejected"] == 0
    plain = _csv(tmp_path / "plain.csv", ["id,mot_a,mot_b,mot_c,lead_budget"])
    text = plain.read_text(encoding="utf-8")
    for n in range(10):
        cells = [
            str(n % 5 + 1),
            str((n + 1) % 5 + 1),
            "" if n == 2 else str((n + 2) % 5 + 1),
            "" if n == 3 else "yes",
        ]
        text += f"p{n},{','.join(cells)}\n"
    plain.write_text(text, encoding="utf-8")
    assert _summary(run, plain)["domains"] == coded["domains"]


def test_codes_read_by_their_labels_in_a_codebook_file(run, tmp_path) -> None:
    export = _csv(
        tmp_path / "x.csv",
        ["respondentid,s_1,s_2", *(f"{n},{n % 5 + 1},{6 if n == 1 else 2}" for n in range(8))],
    )
    codes = ["variable;value;label", *(f"s_1;{v};{AGREE[v - 1]}" for v in range(1, 6))]
    codes += [f"s_2;{v};{AGREE[v - 1]}" for v in range(1, 6)] + ["s_2;6;Ved ikke"]
    (tmp_path / "codes.csv").write_text("\n".join(codes) + "\n", encoding="utf-8")
    mapping = tmp_path / "map.yaml"
    mapping.write_text(
        "questionnaire: basic\nlabels: {file: codes.csv}\ncolumns: {s_1: mot_a, s_2: mot_b}\n",
        encoding="utf-8",
    )
    result = run("report", export, "-q", BASIC, "--map", mapping, "-f", "json")
    assert result.code == 0, result.err
    items = {i["item"]: i for d in json.loads(result.out)["domains"] for i in d["items"]}
    assert items["mot_b"]["dont_know"] == 1
    assert items["mot_b"]["distribution"]["2"] == 7


def test_a_scale_whose_top_nobody_chose_is_warned_about(run, tmp_path) -> None:
    rows = [f"p{n},{n % 4 + 1},{(n + 1) % 4 + 1},{(n + 2) % 4 + 1}" for n in range(40)]
    result = run(
        "score", _csv(tmp_path / "four.csv", ["id,mot_a,mot_b,mot_c", *rows]), "-q", BASIC, "-f", "json"
    )
    assert result.code == 0
    assert "no one chose the top answer '5' of items mot_a, mot_b, mot_c in 120 numeric answers" in result.err


def test_an_id_column_that_identifies_no_one_is_not_used(run, tmp_path) -> None:
    rows = [f"{'T1' if n == 0 else ''},{n % 5 + 1}" for n in range(30)]
    summary = _summary(run, _csv(tmp_path / "ids.csv", ["id,mot_a", *rows]))
    assert (summary["counts"]["scored"], summary["counts"]["rejected"]) == (30, 0)
    assert summary["provenance"]["respondent_column"] is None
    assert "'id' is mostly empty or repeats itself" in summary["provenance"]["conventions"][-1]["en"]
    few = _summary(run, _csv(tmp_path / "few.csv", ["id,mot_a", "a,1", ",2", "b,3"]))
    assert few["counts"]["rejected"] == 1  # in a handful of rows, a missing id is a bad row


def test_suggest_map_drafts_codes_once_per_scale_and_the_draft_scores(run, tmp_path) -> None:
    folder = DATA / "exports" / "golden" / "qualtrics"
    draft = tmp_path / "draft.yaml"
    made = run("score", folder / "answers.csv", "-q", BASIC, "--suggest-map", draft)
    assert made.code == 0, made.err
    text = draft.read_text(encoding="utf-8")
    assert '"Q1_1": mot_a  # 100% like the Danish text' in text  # matched by the question-text row
    assert 'scales:\n  checklist:  # the codes found in Q4\n    "1": "yes"' in text
    assert (
        '  "Q5":  # 100% like the Danish text\n    item: team_meetings\n    answers:\n      "1": "never"'
        in text
    )
    drafted = _summary(run, folder / "answers.csv", "--map", draft)
    given = _summary(run, folder / "answers.csv", "--map", folder / "map.yaml")
    assert drafted["domains"] == given["domains"]


def test_suggest_map_warns_about_a_reversed_statement(run, tmp_path) -> None:
    export = _csv(tmp_path / "neg.csv", ["id,Vi ved ikke hvorfor.,Vi ved hvad.", "1,Helt enig,Helt uenig"])
    draft = tmp_path / "draft.yaml"
    made = run("score", export, "-q", BASIC, "--suggest-map", draft)
    assert made.code == 0, made.err
    assert "column 'Vi ved ikke hvorfor.' looks like item 'mot_a' but one of them says 'not'" in made.err
    text = draft.read_text(encoding="utf-8")
    assert "  # WARNING: column 'Vi ved ikke hvorfor.' looks like item 'mot_a'" in text
    assert "WARNING" not in text.split('"Vi ved hvad."')[1]


def test_a_mapping_with_unknown_scales_or_options_names_its_lines(run, tmp_path) -> None:
    export = _csv(tmp_path / "x.csv", ["id,a", "1,2"])
    mapping = tmp_path / "map.yaml"
    mapping.write_text(
        "questionnaire: basic\nscales:\n  agree7: {'1': '1'}\n  agree5: {'1': nine}\n"
        "labels: {sheet: Labels, file: codes.csv}\ncolumns: {a: mot_a}\n",
        encoding="utf-8",
    )
    result = run("score", export, "-q", BASIC, "--map", mapping)
    assert result.code == 2
    assert "map.yaml:5:9: labels: value error, name either 'sheet' or 'file'" in result.err
    mapping.write_text(
        "questionnaire: basic\nscales:\n  agree7: {'1': '1'}\n  agree5: {'1': nine}\ncolumns: {a: mot_a}\n",
        encoding="utf-8",
    )
    result = run("score", export, "-q", BASIC, "--map", mapping)
    assert "map.yaml:3:11: scales.agree7: no scale 'agree7' (scales: agree5, checklist, level3)" in result.err
    assert (
        "map.yaml:4:17: scales.agree5.1: expected one of 1, 2, 3, 4, 5, dont_know, not_applicable"
        in result.err
    )


def test_surveyxact_with_one_status_column(run, tmp_path) -> None:
    rows = [f"{n},{n % 5 + 1},{4 if n % 4 else 3}" for n in range(8)]
    summary = _summary(run, _csv(tmp_path / "sx.csv", ["respondentid,mot_a,statoverall", *rows]))
    assert summary["provenance"]["platform"] == "surveyxact"
    assert (summary["counts"]["scored"], summary["counts"]["incomplete_excluded"]) == (6, 2)


def test_a_codebook_with_other_levels_is_an_error_not_points(run, tmp_path) -> None:
    four = ["Meget uenig", "Uenig", "Enig", "Meget enig"]
    export = _csv(tmp_path / "x.csv", ["respondentid,s_1", *(f"{n},{n % 4 + 1}" for n in range(8))])
    (tmp_path / "codes.csv").write_text("\n".join(f"s_1;{v};{four[v - 1]}" for v in range(1, 5)) + "\n")
    mapping = tmp_path / "map.yaml"
    mapping.write_text(
        "questionnaire: basic\nlabels: {file: codes.csv}\ncolumns: {s_1: mot_a}\n", encoding="utf-8"
    )
    result = run("score", export, "-q", BASIC, "--map", mapping)
    assert result.code == 2
    assert "column 's_1' (B): the codebook's labels for 1 'Meget uenig', 2 'Uenig'" in result.err
    declared = (
        mapping.read_text(encoding="utf-8") + "scales:\n  agree5: {'1': '1', '2': '2', '3': '4', '4': '5'}\n"
    )
    mapping.write_text(declared, encoding="utf-8")
    assert run("score", export, "-q", BASIC, "--map", mapping).code == 0


def test_a_header_row_beyond_the_header_rows_names_the_mapping_line(run, tmp_path) -> None:
    export = _csv(tmp_path / "x.csv", ["id,mot_a", "1,2"])
    mapping = tmp_path / "map.yaml"
    mapping.write_text("questionnaire: basic\nheader_rows: 1\nheader_row: 2\n", encoding="utf-8")
    result = run("score", export, "-q", BASIC, "--map", mapping)
    assert result.code == 2
    assert "map.yaml:3:13: header_row: row 2 of 1 header rows" in result.err


def test_a_no_answer_value_in_the_group_column_is_not_stated(run, tmp_path) -> None:
    rows = [f'"{n}";"2026-11-0{n % 9 + 1}";"{"NA" if n < 3 else "Vest"}";"{n % 5 + 1}"' for n in range(6)]
    export = _csv(tmp_path / "lime.csv", ['"id";"submitdate";"afdeling";"mota"', *rows])
    summary = _summary(run, export, "--group-by", "afdeling", "--min-group-size", "3")
    assert {g["key"]: g["respondents"] for g in summary["groups"]} == {"_not_stated": 3, "vest": 3}


def test_a_surveymonkey_workbook_whose_last_question_is_a_matrix(run, tmp_path) -> None:
    """Row 1 ends at the matrix's first column (the blanks after it are trimmed): the statements
    of row 2 widen the header again, and --suggest-map's draft scores the rows."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Respondent ID", "Collector ID", "Hvor enig er du?", None, None])
    sheet.append([None, None, "Vi ved hvorfor.", "Vi ved hvad.", "Vi ved hvordan."])
    for n in range(6):
        sheet.append([str(100 + n), "9", AGREE[n % 5], AGREE[(n + 1) % 5], AGREE[(n + 2) % 5]])
    book.save(tmp_path / "monkey.xlsx")
    draft = tmp_path / "map.yaml"
    assert run("score", tmp_path / "monkey.xlsx", "-q", BASIC, "--suggest-map", draft).code == 0
    assert '  "Hvor enig er du? - Vi ved hvordan.": mot_c  # 100% like the Danish text' in draft.read_text()
    summary = _summary(run, tmp_path / "monkey.xlsx", "--map", draft)
    assert (summary["counts"]["scored"], summary["provenance"]["header_rows"]) == (6, 2)


def test_surveyxact_status_dummies_under_their_short_name(run, tmp_path) -> None:
    rows = [f"{n},{n % 5 + 1},{0 if n == 2 else 1},{1 if n == 2 else 0}" for n in range(6)]
    summary = _summary(run, _csv(tmp_path / "sx.csv", ["respondentid,mot_a,stato_4,stato_3", *rows]))
    assert summary["provenance"]["platform"] == "surveyxact"
    assert summary["exclusions"] == [
        {"reason": "'stato_4' is not 1 (the response was not completed)", "count": 1}
    ]
