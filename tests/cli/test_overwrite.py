"""No command writes over one of its own inputs: refused with exit 2 before any work, the input
left as it was (also when the output names it through a link or a hard link)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import BASIC, DATA, Run

GOLDEN = DATA / "exports" / "golden"
REPORT = DATA / "report"


@pytest.fixture
def files(tmp_path: Path) -> Path:
    """Copies of every kind of input, side by side, so that overwriting one would show."""
    shutil.copy(DATA / "sessions" / "individual.json", tmp_path / "session.json")
    shutil.copy(GOLDEN / "limesurvey" / "answers.csv", tmp_path / "export.csv")
    shutil.copy(GOLDEN / "forms-xlsx" / "answers.xlsx", tmp_path / "export.xlsx")
    shutil.copy(GOLDEN / "forms-xlsx" / "map.yaml", tmp_path / "map.yaml")
    shutil.copy(BASIC, tmp_path / "basic.yaml")
    shutil.copy(BASIC.parent / "basic-catalogue.yaml", tmp_path / "basic-catalogue.yaml")
    for name in ("brand.yaml", "logo.svg", "sample-baseline.json"):
        shutil.copy(REPORT / name, tmp_path / name)
    (tmp_path / "session-link.json").symlink_to(tmp_path / "session.json")
    os.link(tmp_path / "export.csv", tmp_path / "export-hardlink.csv")
    return tmp_path


CASES = [
    ("score session.json -q basic.yaml -f json -o session.json", "session.json"),
    ("score session.json -q basic.yaml -f json -o session-link.json", "session.json"),
    ("score session.json -q basic.yaml -f json -o basic.yaml", "basic.yaml"),
    ("score session.json -q basic.yaml -f json -o basic-catalogue.yaml", "basic-catalogue.yaml"),
    ("score export.csv -q basic.yaml --respondents export.csv", "export.csv"),
    ("score export.csv -q basic.yaml --respondents export-hardlink.csv", "export.csv"),
    ("score export.csv -q basic.yaml -f csv -o export.csv", "export.csv"),
    ("score export.csv -q basic.yaml --suggest-map export.csv", "export.csv"),
    ("score export.xlsx -q readiness --map map.yaml -f md -o map.yaml", "map.yaml"),
    ("report session.json -q basic.yaml -o basic.yaml -f md", "basic.yaml"),
    ("report session.json -q basic.yaml -o basic-catalogue.yaml -f md", "basic-catalogue.yaml"),
    ("report session.json -q basic.yaml -o brand.yaml -f md --brand brand.yaml", "brand.yaml"),
    ("report session.json -q basic.yaml -o logo.svg -f md --brand brand.yaml", "logo.svg"),
    (
        "report session.json -q basic.yaml -o sample-baseline.json --baseline sample-baseline.json",
        "sample-baseline.json",
    ),
    ("report export.xlsx -q readiness --map map.yaml -o map.yaml -f md", "map.yaml"),
    ("template basic.yaml --to csv -o basic.yaml", "basic.yaml"),
    ("template basic.yaml --to csv -o basic-catalogue.yaml", "basic-catalogue.yaml"),
]


@pytest.mark.parametrize(("command", "victim"), CASES, ids=[c for c, _ in CASES])
def test_an_output_over_an_input_is_refused_and_the_input_kept(
    run: Callable[..., Run], files: Path, monkeypatch: pytest.MonkeyPatch, command: str, victim: str
) -> None:
    monkeypatch.chdir(files)
    before = {p.name: p.read_bytes() for p in files.iterdir() if p.is_file()}
    result = run(*command.split())
    assert result.code == 2, result.err
    assert "is the input file" in result.err and victim in result.err
    assert len(result.err.strip().splitlines()) == 1
    after = {p.name: p.read_bytes() for p in files.iterdir() if p.is_file()}
    assert after == before  # nothing written, nothing left behind


def test_two_outputs_on_one_file_are_refused(run: Callable[..., Run], files: Path, monkeypatch) -> None:
    monkeypatch.chdir(files)
    result = run(
        "score", "export.csv", "-q", "basic.yaml", "-f", "csv", "-o", "r.csv", "--respondents", "r.csv"
    )
    assert result.code == 2 and "name the same file" in result.err
    assert not (files / "r.csv").exists()


def test_outputs_to_a_device_and_to_standard_output(
    run: Callable[..., Run], files: Path, monkeypatch
) -> None:
    monkeypatch.chdir(files)
    null = Path("/dev/null").stat()
    assert run("score", "session.json", "-q", "basic.yaml", "-f", "json", "-o", "/dev/null").code == 0
    assert Path("/dev/null").stat().st_rdev == null.st_rdev and Path("/dev/null").is_char_device()
    result = run("score", "session.json", "-q", "basic.yaml", "-f", "md", "-o", "-")
    assert result.code == 0 and result.out.startswith("### ")
