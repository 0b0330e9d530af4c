"""The command line a newcomer meets: help that reflows at 80 columns and names what to write,
in the user's language; one-line errors for wrong values; the bare command; shell completion."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import BASIC, DATA

SESSION = DATA / "sessions" / "capped.json"
COMMANDS = ("validate", "schema", "list", "show", "score", "report", "template", "assess")


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_reflows_at_80_columns_and_shows_no_python_types(command, run, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = run(*([command] if command else []), "--help")
    assert result.code == 0
    lines = result.out.splitlines()
    assert max(len(line) for line in lines) <= 80
    for internal in ("…", "<bool>", "<str>", "<path>", "list[", "range", "{", "Value error"):
        assert internal not in result.out, internal
    if command == "score":  # the longest option names, whole
        for option in ("--fail-under-domain ID=N", "--allow-version-mismatch", "--include-incomplete"):
            assert any(line.strip().startswith(option) for line in lines), option


def test_help_in_danish_with_lang_before_or_after(run) -> None:
    for args in (("--lang", "da", "--help"), ("--help", "-l", "da"), ("--lang=da", "--help")):
        result = run(*args)
        assert result.code == 0, result.err
        assert result.out.startswith("Brug: peerready [OPTIONS] COMMAND [ARGS]...")
        assert "\nKommandoer:\n" in result.out
        assert "  validate  Kontrollér peerready-filer af enhver art.\n" in result.out


def test_help_and_errors_follow_the_locale(run, monkeypatch) -> None:
    monkeypatch.setenv("LANG", "da_DK.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    assert "Vis denne hjælp og afslut." in run("score", "--help").out
    wrong = run("score", SESSION, "--fail-under", "abc")
    assert wrong.err == "peerready: error: --fail-under: forventede et tal fra 0 til 100, fik 'abc'\n"
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")  # LC_ALL wins over LANG
    assert "Show this message and exit." in run("score", "--help").out


def test_lang_before_the_command_is_the_command_s(run) -> None:
    result = run("--lang", "da", "score", SESSION, "-q", BASIC)
    assert result.code == 0, result.err
    assert "Samlet vurdering" in result.out


def test_bare_peerready_prints_the_help(run) -> None:
    result = run()
    assert result.code == 2
    assert result.err.startswith("Usage: peerready [OPTIONS] COMMAND [ARGS]...")
    assert "\nCommands:\n" in result.err
    assert "peerready: error" not in result.err
    danish = run("--lang", "da")
    assert (danish.code, danish.err.splitlines()[0]) == (2, "Brug: peerready [OPTIONS] COMMAND [ARGS]...")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("score", "x", "--format", "pdf"), "--format: 'pdf' is not one of table, json, csv, md"),
        (("report", "x", "-f", "docx"), "--format: 'docx' is not one of pdf, html, md, json"),
        (("template", "readiness", "--to", "pdf", "-o", "x"), "--to: 'pdf' is not one of csv, xlsx, xlsform"),
        (
            ("schema", "answers"),
            "KIND: 'answers' is not one of questionnaire, catalogue, session, result, batch, mapping, brand",
        ),
        (("list", "--lang", "sv"), "--lang: 'sv' is not one of da, en"),
        (("score", "x"), None),  # (a missing file: not a usage error, see below)
        (("score",), "missing ANSWERS"),
        (("score", "x", "-o"), "-o needs a value"),
        (("score", "x", "--nope"), "no such option: --nope"),
        (("scor",), "no such command: scor (did you mean score?)"),
    ],
)
def test_usage_errors_are_one_plain_line(args, message, run) -> None:
    if message is None:
        return
    result = run(*args)
    assert result.code == 2
    first, hint = result.err.splitlines()
    assert first == f"peerready: error: {message}"
    assert hint.startswith("Try 'peerready") and hint.endswith(" --help'.")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--fail-under", "200"), "--fail-under: expected a number from 0 to 100, got '200'"),
        (("--fail-under", "nan"), "--fail-under: expected a number from 0 to 100, got 'nan'"),
        (("--min-group-size", "0"), "--min-group-size: expected a whole number of at least 1, got '0'"),
        (("--min-group-size", "2.5"), "--min-group-size: expected a whole number of at least 1, got '2.5'"),
    ],
)
def test_numbers_are_checked_with_what_was_expected(args, message, run) -> None:
    result = run("score", SESSION, "-q", BASIC, *args)
    assert (result.code, result.err) == (2, f"peerready: error: {message}\n")


def test_a_danish_decimal_comma_is_a_number(run) -> None:
    assert run("score", SESSION, "-q", BASIC, "-f", "json", "--fail-under", "77,5").code == 0


def test_a_wrong_date_says_how_to_write_one(run) -> None:
    result = run("report", SESSION, "-q", BASIC, "-f", "md", "--date", "2026-13-01")
    assert result.err == "peerready: error: --date: expected a date as YYYY-MM-DD, got '2026-13-01'\n"


def test_shell_completion_completes_commands_and_choices() -> None:
    def complete(words: str, index: int) -> list[str]:
        env = {
            **os.environ,
            "_PEERREADY_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(index),
        }
        done = subprocess.run(
            [sys.executable, "-m", "peerready"], env=env, capture_output=True, text=True, check=True
        )
        return done.stdout.split()

    assert complete("peerready sc", 1) == ["schema", "score"]
    assert complete("peerready score x --format ", 4) == ["table", "json", "csv", "md"]
    # The shell is named, not detected from the processes above (a test has no interactive shell);
    # typer's own switch for that turns --show-completion into an option that takes the shell.
    named = {**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    script = subprocess.run(
        [sys.executable, "-m", "peerready", "--show-completion", "bash"],
        env=named,
        capture_output=True,
        text=True,
        check=False,
    )
    assert script.returncode == 0, script.stderr
    assert "_PEERREADY_COMPLETE=complete_bash" in script.stdout


@pytest.mark.parametrize(
    ("args", "heavy"),
    [
        (["--lang", "da", "--help"], ("weasyprint", "questionary", "jinja2", "pydantic", "babel", "rich")),
        # typer itself imports pydantic to read a command's parameters
        (["--lang", "da", "score", "--help"], ("weasyprint", "questionary", "jinja2", "babel", "rich")),
    ],
)
def test_danish_help_imports_nothing_heavy(args, heavy) -> None:
    code = (
        f"import sys; from peerready.cli.main import main; main({args!r}); "
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.startswith("Brug: peerready")
    assert out.strip().endswith("[]")
