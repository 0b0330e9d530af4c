"""Exports as survey platforms and Excel write them, scored through the CLI: golden results, and
broken files that must give one clear error (exit 2), never a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from peerready.exports.load import load_export_result
from peerready.exports.options import ExportOptions
from tests.conftest import BASIC, DATA
from tests.helpers.simple_path import simple_result

EXPORTS = DATA / "exports"
GOLDEN = sorted(p for p in (EXPORTS / "golden").iterdir() if p.is_dir())
HELPERS = (".expected", ".args", ".yaml")  # what a broken file is run with, and the mapping it uses
BROKEN = sorted(p for p in (EXPORTS / "broken").iterdir() if p.suffix not in HELPERS)
REGENERATE = os.environ.get("PEERREADY_REGENERATE") == "1"  # to write expected.json after a deliberate change


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def project(summary: dict[str, Any]) -> dict[str, Any]:
    """The parts of a batch result that the expected file pins down."""
    source, provenance = summary["source"], summary["provenance"]
    return {
        "source": {k: source[k] for k in ("kind", "encoding", "delimiter", "platform", "missing_items")},
        "columns": source["columns"],
        "provenance": {
            "platform": provenance["platform"],
            "header_rows": provenance["header_rows"],
            "respondent_column": provenance["respondent_column"],
            "not_asked": provenance["not_asked"],
            "conventions": [c["en"] for c in provenance["conventions"]],
        },
        "counts": summary["counts"],
        "exclusions": summary["exclusions"],
        "verdict": {"band": summary["verdict"]["band"], "score": _r(summary["verdict"]["score"])},
        "domains": {
            d["domain"]: {
                "status": d["status"],
                "score": _r(d["score"]),
                "band": d["band"],
                "coverage": _r(d["coverage"]),
                "respondents": {k: _r(v) for k, v in d["respondents"].items()},
            }
            for d in summary["domains"]
        },
        "recommendations": summary["recommendations"],
        "roles": summary["roles"],
        "groups": [
            {"dimension": g["dimension"], "key": g["key"], "n": g["respondents"], "score": _r(g["score"])}
            for g in summary["groups"]
        ],
        "rejected": summary["rejected"],
    }


def _args(folder: Path) -> list[str]:
    text = (folder / "args").read_text(encoding="utf-8") if (folder / "args").exists() else ""
    return [line for line in text.splitlines() if line]


def _answers(folder: Path) -> Path:
    return next(p for p in folder.iterdir() if p.stem == "answers")


@pytest.mark.parametrize("folder", GOLDEN, ids=lambda p: p.name)
def test_golden_export(folder: Path, run, monkeypatch) -> None:
    monkeypatch.chdir(folder)
    result = run("score", _answers(folder).name, "-q", BASIC, "-f", "json", *_args(folder))
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    projected = project(json.loads(result.out))
    expected_file = folder / "expected.json"
    if REGENERATE:
        expected_file.write_text(json.dumps(projected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert projected == json.loads(expected_file.read_text(encoding="utf-8"))


def _options(folder: Path) -> ExportOptions:
    args = _args(folder)
    value = {args[i]: args[i + 1] for i in range(len(args) - 1) if args[i].startswith("--")}
    return ExportOptions(
        mapping=folder / value["--map"] if "--map" in value else None,
        group_by=value.get("--group-by"),
        by_role="--by-role" in args,
        min_group_size=int(value["--min-group-size"]) if "--min-group-size" in value else None,
        language="en",
    )


@pytest.mark.parametrize("folder", GOLDEN, ids=lambda p: p.name)
def test_fast_path_equals_the_simple_path(folder: Path) -> None:
    """The batch scorer's pattern counting gives exactly what Tally.add gives row by row."""
    options = _options(folder)
    _, fast, _ = load_export_result(_answers(folder), str(BASIC), options)
    slow = simple_result(_answers(folder), str(BASIC), options)
    assert fast.model_dump() == slow.model_dump()


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.name)
def test_broken_file_is_one_clear_error(path: Path, run, monkeypatch) -> None:
    monkeypatch.chdir(path.parent)
    args_file = path.with_suffix(".args")
    extra = args_file.read_text(encoding="utf-8").split() if args_file.exists() else []
    result = run("score", path.name, "-q", BASIC, *extra)
    assert result.code == 2, result.err
    assert result.out == ""
    assert "Traceback" not in result.err
    assert "internal error" not in result.err
    for line in path.with_suffix(".expected").read_text(encoding="utf-8").splitlines():
        assert line in result.err, f"{line!r} not in:\n{result.err}"


def test_limesurvey_conventions(tmp_path) -> None:
    folder = EXPORTS / "golden" / "limesurvey"
    _, result, summary = load_export_result(folder / "answers.csv", str(BASIC), _options(folder))
    assert summary.source.platform == "limesurvey"
    assert summary.source.columns["MOT[mota]"] == "mot_a"
    assert summary.counts.incomplete_excluded == 2
    # a quoted newline in a comment, and LimeSurvey's formula mask taken off again
    assert result.texts["inspired"] == ['Vi så "Recovery" i praksis,\nog det rørte os.', '=HYPERLINK("x")']
    included = load_export_result(folder / "answers.csv", str(BASIC), ExportOptions(include_incomplete=True))[
        2
    ]
    assert (included.counts.scored, included.counts.incomplete_included) == (14, 2)


def test_windows_1252_is_detected_and_danish_names_survive() -> None:
    folder = EXPORTS / "golden" / "excel-cp1252"
    _, result, summary = load_export_result(folder / "answers.csv", str(BASIC), _options(folder))
    assert (summary.source.encoding, summary.source.delimiter) == ("cp1252", ";")
    assert {g.label.da for g in result.groups} == {"Afdeling Øst – Århus", "Afdeling Vest", "Ærø Skole"}
    assert result.texts["statement"] == ["Vi vil have peer-medarbejdere i\nalle teams – også på Ærø."]
