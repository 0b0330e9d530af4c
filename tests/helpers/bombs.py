"""Large hostile inputs, made at test time (too large, or too silly, to keep in the repository):
each function writes one into a folder and returns its path; CASES pairs it with what the
command must say (see tests/test_malformed.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.conftest import DATA

Make = Callable[[Path], Path]
CASES: dict[str, tuple[Make, dict[str, Any]]] = {}


def case(command: str, message: str, exit: int = 2, **extra: Any) -> Callable[[Make], Make]:
    def register(make: Make) -> Make:
        CASES[make.__name__] = (make, {"command": command, "message": message, "exit": exit, **extra})
        return make

    return register


def _session() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "sessions" / "individual.json").read_text(encoding="utf-8"))
    return data


@case("validate {file}", "{file}:1:34: the document expands to too many values through its aliases (*name)")
def yaml_alias_bomb_of_a_billion(folder: Path) -> Path:
    """Ten levels of ten: 10¹⁰ values from 500 bytes."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 10)]
    path = folder / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@case(
    "score {file} -q {basic} -f json -o /dev/null",
    "{file}:2: an answer object larger than 4 MB; one respondent's answers are never that large",
)
def json_export_object_of_5_mb(folder: Path) -> Path:
    """Valid JSON: it is the size that is wrong, and the message must say so."""
    first = {"_id": 1, "motivation/mot_a": "4"}
    large = {"_id": 2, "vision/inspired": "ord " * (5 << 18)}
    path = folder / "large.jsonl"
    path.write_text(json.dumps(first) + "\n" + json.dumps(large) + "\n", encoding="utf-8")
    return path


@case(
    "report {file} -q {basic} -o report.pdf",
    "{file}:54:19: notes.team_ready: string should have at most 10000 characters",
)
def session_note_of_84_kb(folder: Path) -> Path:
    """A note that took 27 seconds to lay out in the PDF: refused as the session is read."""
    session = json.loads((DATA / "sessions" / "consensus.json").read_text(encoding="utf-8"))
    session["notes"]["team_ready"] = "Vi har talt længe om det. " * 3300
    path = folder / "long-note.json"
    path.write_text(json.dumps(session, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


@case(
    "score {file} -q {basic} -f json -o /dev/null",
    exit=0,
    message="",
    warnings=[
        "{file}:3: column 'inspired': an open answer of 100,000 characters; at most 10,000",
        "1 of 2 rows were left out because of problems; --strict fails the run instead",
        "no column for items mot_b, mot_c, lead_group, lead_champion, lead_budget, team_meetings, "
        "team_ready: counted as not answered",
    ],
)
def csv_open_answer_of_100_kb(folder: Path) -> Path:
    path = folder / "long-answer.csv"
    path.write_text(f"respondent,mot_a,inspired\nr1,4,kort\nr2,3,{'x' * 100_000}\n", encoding="utf-8")
    return path
