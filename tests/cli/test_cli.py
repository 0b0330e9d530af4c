"""The command line in-process: exact exit codes and messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from peerready import __version__
from tests.conftest import BASIC, DATA

SESSIONS = DATA / "sessions"


def test_version(run) -> None:
    assert run("--version").out == f"peerready {__version__}\n"


def test_help_lists_every_command(run) -> None:
    result = run("--help")
    assert result.code == 0
    for command in ("validate", "schema", "list", "show", "score", "template"):
        assert command in result.out


def test_unknown_option_is_a_usage_error(run) -> None:
    result = run("score", "--no-such-option")
    assert result.code == 2
    assert result.err.startswith("peerready: error: no such option: --no-such-option")
    assert "Try 'peerready score --help'." in result.err


def test_list_shows_the_bundled_default(run) -> None:
    result = run("list", "--lang", "en")
    assert result.code == 0
    assert "readiness (default)" in result.out


def test_show_json_is_the_full_model_and_validates_again(run, tmp_path) -> None:
    result = run("show", BASIC, "--format", "json")
    assert result.code == 0
    model = json.loads(result.out)
    assert model["id"] == "basic"
    options = model["scales"][0]["options"]
    assert options[0] == {"id": "1", "points": 1.0, "label": {"da": "Helt uenig", "en": "Disagree"}}
    copy = tmp_path / "copy.json"
    copy.write_text(result.out, encoding="utf-8")
    (tmp_path / "basic-catalogue.yaml").write_bytes((BASIC.parent / "basic-catalogue.yaml").read_bytes())
    assert run("validate", copy).code == 0


def test_show_text_in_danish(run) -> None:
    result = run("show", BASIC, "--lang", "da")
    assert "Der er en arbejdsgruppe." in result.out
    assert "[Ja / Delvist / Nej]" in result.out


def test_unknown_questionnaire_names_the_bundled_ones(run) -> None:
    result = run("show", "nonesuch")
    assert result.code == 2
    assert result.err.startswith("peerready: error: unknown questionnaire 'nonesuch' (bundled: ")


@pytest.mark.parametrize("kind", ["questionnaire", "catalogue", "session", "result", "batch", "mapping"])
def test_schema_is_json_schema(run, kind) -> None:
    result = run("schema", kind)
    schema = json.loads(result.out)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["title"] == f"peerready {kind}"
    assert "properties" in schema


def test_score_table_shows_the_verdict_and_why(run) -> None:
    result = run("score", SESSIONS / "capped.json", "-q", BASIC)
    assert result.code == 0, result.err
    assert "Samlet vurdering: Ikke parat" in result.out
    assert "»Ledelse« er et kritisk område og ligger i det laveste bånd" in result.out
    english = run("score", SESSIONS / "capped.json", "-q", BASIC, "--lang", "en")
    assert "Overall verdict: Not ready" in english.out


def test_score_json_to_a_file(run, tmp_path) -> None:
    target = tmp_path / "result.json"
    result = run("score", SESSIONS / "individual.json", "-q", BASIC, "-f", "json", "-o", target)
    assert result.code == 0
    assert result.out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["respondents"] == 12


def test_fail_under_exits_1_and_says_why(run) -> None:
    result = run("score", SESSIONS / "capped.json", "-q", BASIC, "--fail-under", "80", "-f", "json")
    assert result.code == 1
    assert result.err == "peerready: error: the overall score is 78, below the --fail-under threshold of 80\n"
    assert run("score", SESSIONS / "capped.json", "-q", BASIC, "--fail-under", "70", "-f", "json").code == 0


def test_fail_under_domain(run) -> None:
    args = ("score", SESSIONS / "capped.json", "-q", BASIC, "-f", "json")
    result = run(*args, "--fail-under-domain", "leadership=50")
    assert result.code == 1
    assert result.err == "peerready: error: domain 'leadership' scores 33, below its threshold of 50\n"
    assert run(*args, "--fail-under-domain", "motivation=90").code == 0
    bad = run(*args, "--fail-under-domain", "leadership")
    assert bad.code == 2
    assert "expected DOMAIN=N" in bad.err
    unknown = run(*args, "--fail-under-domain", "vision=10")
    assert unknown.code == 2
    assert "there is no scored domain 'vision'" in unknown.err


def test_insufficient_data_fails_a_threshold(run) -> None:
    args = ("score", SESSIONS / "insufficient.json", "-q", BASIC, "-f", "json")
    result = run(*args, "--fail-under-domain", "team=10")
    assert result.code == 1
    assert result.err == (
        "peerready: error: domain 'team' has no score (too few answers), "
        "so it cannot pass its threshold of 10\n"
    )


def _edited(tmp_path: Path, name: str, change) -> Path:
    data = json.loads((SESSIONS / name).read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_session_from_another_version_is_refused_then_allowed(run, tmp_path) -> None:
    def older(data):
        data["questionnaire"]["version"] = "1.1.0"
        data["questionnaire"]["items"]["mot_a"] = "000000000000"
        data["questionnaire"]["items"]["gone"] = "111111111111"

    path = _edited(tmp_path, "consensus.json", older)
    refused = run("score", path, "-q", BASIC)
    assert refused.code == 2
    assert refused.err == (
        "peerready: error: the session was answered on 'basic' 1.1.0, but this is 1.2.0 "
        "(removed items: gone; items whose text or options changed: mot_a); "
        "use --allow-version-mismatch to score it anyway\n"
    )
    allowed = run("score", path, "-q", BASIC, "--allow-version-mismatch", "-f", "json")
    assert allowed.code == 0
    assert "warning: questionnaire changed since the session: removed items: gone" in allowed.err


def test_session_for_another_questionnaire_is_refused(run, tmp_path) -> None:
    path = _edited(tmp_path, "consensus.json", lambda d: d["questionnaire"].update(id="other"))
    result = run("score", path, "-q", BASIC, "--allow-version-mismatch")
    assert result.code == 2
    assert result.err == "peerready: error: the session is for questionnaire 'other', not 'basic'\n"


def test_answers_that_do_not_fit_are_located(run, tmp_path) -> None:
    def wrong(data):
        data["answers"]["r2"]["mot_a"] = "9"
        data["answers"]["r3"]["made_up"] = "1"

    path = _edited(tmp_path, "individual.json", wrong)
    result = run("score", path, "-q", BASIC)
    assert result.code == 2
    lines = result.err.splitlines()
    assert lines[0].startswith(f"peerready: error: {path}:")
    assert "answers.r2.mot_a: '9' is not an answer to this item (expected one of 1, 2, 3, 4, 5," in lines[0]
    assert lines[1].endswith("answers.r3.made_up: no such item in the questionnaire")


def test_session_structure_errors_are_located(run, tmp_path) -> None:
    path = _edited(tmp_path, "consensus.json", lambda d: d.update(mode="solo", language="fr"))
    result = run("score", path)
    assert result.code == 2
    assert f"{path}:" in result.err
    assert "language: input should be 'da' or 'en'" in result.err
    assert "mode: input should be 'consensus', 'individual' or 'anonymous'" in result.err


def test_internal_errors_exit_3_without_traceback_unless_debug(run, monkeypatch) -> None:
    import peerready.commands.browse as browse

    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(browse, "list_questionnaires", broken)
    result = run("list")
    assert result.code == 3
    assert result.err.startswith("peerready: error: internal error: RuntimeError: boom\n")
    assert "Traceback" not in result.err
    debug = run("--debug", "list")
    assert debug.code == 3
    assert "Traceback (most recent call last)" in debug.err


def test_ctrl_c_exits_130(run, monkeypatch) -> None:
    import peerready.commands.browse as browse

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(browse, "list_questionnaires", interrupted)
    result = run("list")
    assert result.code == 130
    assert result.err == "peerready: error: interrupted\n"


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys; from peerready.cli.main import main; main(['--help']); "
        "print(sorted(m for m in ('weasyprint', 'questionary', 'jinja2', 'pydantic') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("[]")


def test_python_dash_m_runs_the_cli() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "peerready", "--version"], capture_output=True, text=True, check=False
    )
    assert out.returncode == 0
    assert out.stdout == f"peerready {__version__}\n"


def test_the_command_exits_with_its_code_and_every_line_written(tmp_path) -> None:
    """The command leaves with os._exit (no slow teardown): what it printed must still arrive."""
    out = subprocess.run(
        [sys.executable, "-m", "peerready", "score", str(tmp_path / "missing.csv"), "-q", "readiness"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 2
    assert "missing.csv" in out.stderr
    schema = subprocess.run(
        [sys.executable, "-m", "peerready", "schema", "batch"], capture_output=True, text=True, check=False
    )
    assert schema.returncode == 0
    assert json.loads(schema.stdout)["title"]  # all of a long output, not a cut one


def test_a_score_just_below_its_threshold_shows_the_decimals_that_tell(run) -> None:
    """57.99 against 58 is never shown as a puzzling '58.0 is below 58'."""
    from peerready.commands.thresholds import shown

    assert shown(57.99, 58) == "57.99"
    assert shown(57.9, 58) == "57.9"
    assert shown(40.4, 58) == "40"
    result = run("score", SESSIONS / "capped.json", "-q", BASIC, "-f", "json", "--fail-under", "77.8")
    assert (
        result.err
        == "peerready: error: the overall score is 77.78, below the --fail-under threshold of 77.8\n"
    )
