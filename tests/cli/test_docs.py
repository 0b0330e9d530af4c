"""The README stays honest: every command documented, the exit codes listed, and CI running
exactly the test command the README gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from peerready.cli.app import app

ROOT = Path(__file__).parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(typer.main.get_command(app).commands.items())  # type: ignore[attr-defined]


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_every_command_is_documented_and_has_help(name, command) -> None:
    assert command.help, f"'{name}' has no help text"
    assert re.search(rf"^### `peerready {name}\b", README, re.MULTILINE), (
        f"README has no section for '{name}'"
    )


def test_exit_codes_are_documented() -> None:
    table = README.split("## Exit codes", 1)[1]
    for code in ("0", "1", "2", "3", "130"):
        assert f"\n| {code} |" in table


def test_ci_runs_the_readme_test_command() -> None:
    commands = re.findall(r"```sh\n(.+?)\n```", README)
    assert len(commands) == 2, "the README gives exactly two set-up commands"
    install_and_run, test = commands
    assert "peerready" in install_and_run
    assert "pytest" in test
    assert test in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_example_questionnaire_validates_and_names_its_schema(run) -> None:
    example = ROOT / "examples" / "questionnaire.yaml"
    first = example.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=peerready-questionnaire.schema.json"
    assert "peerready schema questionnaire > peerready-questionnaire.schema.json" in README
    result = run("validate", example)
    assert result.code == 0, result.err
    assert "valid questionnaire our-readiness 1.0.0" in result.out


def test_the_readme_s_sample_output_is_what_score_prints(run, monkeypatch) -> None:
    """The sample in the README is the sample session's score view at 100 columns, as it is."""
    from peerready.output import console
    from tests.helpers.reporting import SAMPLE, SAMPLE_SESSION

    monkeypatch.setenv("COLUMNS", "100")
    console.out.cache_clear()
    try:
        printed = run("score", SAMPLE_SESSION, "-q", SAMPLE, "--lang", "en").out
    finally:
        console.out.cache_clear()
    shown = "\n".join(line.rstrip() for line in printed.splitlines())
    assert shown in README, (
        "the README's sample of `peerready score` is out of date; paste in what this prints: COLUMNS=100 "
        "NO_COLOR=1 peerready score tests/data/report/sample-session.json -q tests/data/report/sample.yaml "
        "--lang en | sed 's/[[:space:]]*$//'"
    )
