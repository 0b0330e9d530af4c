"""Agreement per group: a group split within itself on a statement is marked in its own cells,
so a reader can tell disagreement inside a department from differences between departments."""

from __future__ import annotations

from pathlib import Path

from peerready.exports.load import load_export_result
from peerready.exports.options import ExportOptions
from peerready.report.build import build_report
from tests.conftest import BASIC


def _survey(folder: Path) -> Path:
    """Two departments of six: Øst answers mot_a half 'disagree', half 'agree' (split across the
    favourable cut); Vest all answer 'agree'. Every other statement is answered alike by all."""
    rows = ["respondent,afdeling,mot_a,mot_b,mot_c,lead_group,lead_champion,team_meetings,team_ready"]
    for n in range(12):
        department = "Øst" if n < 6 else "Vest"
        mot_a = ("1" if n % 2 else "5") if department == "Øst" else "5"
        rows.append(f"r{n},{department},{mot_a},4,4,mid,mid,often,4")
    path = folder / "survey.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_a_split_group_is_marked_in_its_own_cell_only(tmp_path: Path) -> None:
    options = ExportOptions(group_by="afdeling", min_group_size=5, language="en")
    instrument, result = load_export_result(_survey(tmp_path), str(BASIC), options)[:2]
    by_key = {g.label.en: g for g in result.groups}
    assert by_key["Øst"].split == {"motivation": 1}
    assert by_key["Vest"].split == {}

    groups = build_report(instrument, result, "en").groups
    assert groups is not None
    motivation = next(row for row in groups.rows if row.label == "Motivation")
    cells = dict(zip(groups.columns, motivation.cells, strict=True))
    east, west = cells["Øst (6)"], cells["Vest (6)"]
    assert east.value.endswith("≠") and not west.value.endswith("≠")
    assert groups.split == "≠ the group itself is split on at least one of the domain's statements"


def test_no_note_when_no_group_is_split(tmp_path: Path) -> None:
    survey = _survey(tmp_path)
    survey.write_text(survey.read_text(encoding="utf-8").replace(",1,4,4,", ",5,4,4,"), encoding="utf-8")
    options = ExportOptions(group_by="afdeling", min_group_size=5, language="en")
    instrument, result = load_export_result(survey, str(BASIC), options)[:2]
    assert all(g.split == {} for g in result.groups)
    groups = build_report(instrument, result, "en").groups
    assert groups is not None and groups.split is None
    assert not any(cell.value.endswith("≠") for row in groups.rows for cell in row.cells)


def test_a_hidden_score_is_marked_and_explained_in_the_report(tmp_path: Path) -> None:
    """Of Vest, only one answers on motivation (the rest: don't know), so the totals less Øst
    would be that one person: both departments' motivation and overall scores are hidden."""
    survey = _survey(tmp_path)
    lines = survey.read_text(encoding="utf-8").splitlines()
    for n in range(8, 13):  # r7–r11; r6 still answers
        lines[n] = lines[n].replace(",5,4,4,", ",dont_know,dont_know,dont_know,")
    survey.write_text("\n".join(lines) + "\n", encoding="utf-8")
    options = ExportOptions(group_by="afdeling", min_group_size=5, language="da")
    instrument, result = load_export_result(survey, str(BASIC), options)[:2]
    assert [g.withheld for g in result.groups] == [["motivation"], ["motivation"]]

    groups = build_report(instrument, result, "da").groups
    assert groups is not None
    by_label = {row.label: [cell.value for cell in row.cells] for row in groups.rows}
    assert by_label["Motivation"] == ["skjult", "skjult"] and by_label["Samlet"] == ["skjult", "skjult"]
    assert "skjult" not in by_label["Ledelse"]
    assert groups.hidden is not None and "En score markeret skjult bygger på færre end 5" in groups.hidden
