"""`peerready report` on the command line: formats, files, errors, and what it never does."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.abc import MetaPathFinder

import pytest

from peerready.commands.report import write_report
from peerready.documents.loader import load_instrument
from peerready.errors import PeerreadyError
from peerready.report import pdf
from tests.conftest import BASIC, DATA
from tests.helpers.reporting import (
    BRAND,
    SAMPLE,
    SAMPLE_BASELINE,
    SAMPLE_SESSION,
    made_up_session,
    write_session,
)

SESSIONS = DATA / "sessions"
CONSENSUS = SESSIONS / "consensus.json"


def test_html_by_suffix(run, tmp_path) -> None:
    target = tmp_path / "rapport [endelig].html"  # brackets are not terminal markup
    result = run(
        "report", SAMPLE_SESSION, "-q", SAMPLE, "--baseline", SAMPLE_BASELINE, "--brand", BRAND, "-o", target
    )
    assert result.code == 0, result.err
    assert result.out == f"✓ wrote {target}\n"
    html = target.read_text(encoding="utf-8")
    assert "<h1>Bostedet Søbakken – Socialpsykiatrien på Ærø</h1>" in html
    assert "Mette Ærø, Peer-Rådgivning ApS" in html
    assert "▲ +17" in html


def test_markdown_and_json_go_to_the_terminal_without_o(run) -> None:
    markdown = run("report", CONSENSUS, "-q", BASIC, "--format", "md", "--lang", "en")
    assert markdown.code == 0
    assert markdown.out.startswith("# Readiness report: Afdeling Øst – Århus\n")
    as_json = run("report", CONSENSUS, "-q", BASIC, "-f", "json")
    scored = run("score", CONSENSUS, "-q", BASIC, "-f", "json")
    assert json.loads(as_json.out) == json.loads(scored.out)  # the documented result model


def test_the_session_language_is_the_default(run) -> None:
    assert "## Kort fortalt" in run("report", CONSENSUS, "-q", BASIC, "-f", "md").out
    assert "## At a glance" in run("report", CONSENSUS, "-q", BASIC, "-f", "md", "-l", "en").out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("-o", "x.txt"),
            "cannot tell the format from the file name x.txt; use a .pdf, .html, .md or .json suffix",
        ),
        (("-o", "x.pdf", "-f", "html"), "--format html does not match the file name x.pdf"),
        (("--baseline", BASIC, "-f", "md"), "a baseline must be a session file"),
        (
            ("--baseline", SAMPLE_BASELINE, "-f", "md"),
            "the baseline is an assessment of questionnaire 'sample-readiness'",
        ),
        (("--brand", DATA / "nonesuch.yaml", "-f", "md"), "nonesuch.yaml: no such file"),
    ],
    ids=[
        "unknown-suffix",
        "format-mismatch",
        "baseline-not-a-session",
        "baseline-other-questionnaire",
        "no-brand",
    ],
)
def test_bad_requests_are_one_line_errors_with_exit_2(run, tmp_path, monkeypatch, args, message) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("report", CONSENSUS, "-q", BASIC, *args)
    assert result.code == 2
    assert result.err.startswith("peerready: error: ")
    assert message in result.err
    assert len(result.err.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []  # nothing written, not even a temporary file


def test_the_report_never_overwrites_its_input(run, tmp_path) -> None:
    session = tmp_path / "session.json"
    session.write_bytes(CONSENSUS.read_bytes())
    result = run("report", session, "-q", BASIC, "-o", session, "-f", "json")
    assert result.code == 2
    assert "is the input file" in result.err
    assert session.read_bytes() == CONSENSUS.read_bytes()


def test_a_failure_leaves_the_old_report_as_it_was(run, tmp_path) -> None:
    target = tmp_path / "report.html"
    target.write_text("the report from last week", encoding="utf-8")
    bad_brand = tmp_path / "brand.yaml"
    bad_brand.write_text("name: Firma\nlogo: missing.svg\n", encoding="utf-8")
    result = run("report", CONSENSUS, "-q", BASIC, "--brand", bad_brand, "-o", target)
    assert result.code == 2
    assert target.read_text(encoding="utf-8") == "the report from last week"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brand.yaml", "report.html"]


def test_a_version_mismatch_is_refused_then_reported_with_a_warning(run, tmp_path) -> None:
    data = json.loads(CONSENSUS.read_text(encoding="utf-8"))
    data["questionnaire"]["version"] = "1.1.0"
    older = tmp_path / "older.json"
    older.write_text(json.dumps(data), encoding="utf-8")
    refused = run("report", older, "-q", BASIC, "-f", "md")
    assert refused.code == 2
    assert "use --allow-version-mismatch" in refused.err
    allowed = run("report", older, "-q", BASIC, "-f", "md", "--allow-version-mismatch")
    assert allowed.code == 0
    assert "peerready: warning: questionnaire changed since the session: " in allowed.err


def test_write_report_for_the_assess_command(tmp_path) -> None:
    instrument = load_instrument("readiness")  # what assess writes: a session of a bundled questionnaire
    session = write_session(made_up_session(instrument, mode="consensus"), tmp_path)
    write_report(session, tmp_path / "r.md", "en")
    assert (
        (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# Readiness report: Afdeling Øst – Århus")
    )
    write_report(session, tmp_path / "r.html", "da")
    assert '<html lang="da">' in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_write_report_raises_peerready_errors(tmp_path) -> None:
    with pytest.raises(PeerreadyError, match="cannot tell the format"):
        write_report(SAMPLE_SESSION, tmp_path / "r.docx", "da")
    with pytest.raises(PeerreadyError, match="unknown questionnaire 'sample-readiness'"):
        write_report(SAMPLE_SESSION, tmp_path / "r.md", "da")  # its questionnaire is not bundled
    write_report(SAMPLE_SESSION, tmp_path / "r.md", "da", questionnaire=str(SAMPLE))
    assert "Bostedet Søbakken" in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_brand_files_have_a_schema(run) -> None:
    schema = json.loads(run("schema", "brand").out)
    assert schema["title"] == "peerready brand"
    assert set(schema["properties"]) == {"format", "name", "contact", "colour", "logo"}


def test_html_markdown_and_json_never_import_weasyprint(tmp_path) -> None:
    code = (
        "import sys\n"
        "from peerready.cli.main import main\n"
        f"for fmt in ('html', 'md', 'json'):\n"
        f"    assert main(['report', {str(CONSENSUS)!r}, '-q', {str(BASIC)!r}, '-f', fmt,"
        f" '-o', {str(tmp_path)!r} + '/r.' + fmt]) == 0\n"
        "print('weasyprint' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "False"


class _NoPango(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "weasyprint":
            raise OSError(
                "cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file"
            )
        return None


@pytest.fixture
def no_pango(monkeypatch):
    pdf.weasyprint.cache_clear()
    pdf._fetcher_class.cache_clear()
    for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(sys, "meta_path", [_NoPango(), *sys.meta_path])
    yield
    pdf.weasyprint.cache_clear()
    pdf._fetcher_class.cache_clear()


def test_without_pango_pdf_says_how_to_fix_it_and_other_formats_work(run, tmp_path, no_pango) -> None:
    result = run("report", CONSENSUS, "-q", BASIC, "-o", tmp_path / "r.pdf")
    assert result.code == 3
    assert result.err.startswith("peerready: error: PDF output needs the Pango library, missing here (")
    assert "apt-get install libpango-1.0-0" in result.err and "brew install pango" in result.err
    assert len(result.err.splitlines()) == 1
    assert not (tmp_path / "r.pdf").exists()
    assert run("report", CONSENSUS, "-q", BASIC, "-o", tmp_path / "r.html").code == 0


def test_without_weasyprint_installed_the_fix_is_named(run, tmp_path, no_pango, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    result = run("report", CONSENSUS, "-q", BASIC, "-o", tmp_path / "r.pdf")
    assert result.code == 3
    assert "PDF output needs weasyprint" in result.err


def test_a_survey_export_makes_the_same_report_with_group_statistics(run, tmp_path) -> None:
    export = DATA / "exports" / "golden" / "excel-cp1252"
    target = tmp_path / "survey.html"
    result = run(
        "report", export / "answers.csv", "-q", BASIC, "--group-by", "afdeling",
        "--min-group-size", "5", "-o", target, "--lang", "da",
    )  # fmt: skip
    assert result.code == 0, result.err
    html = target.read_text(encoding="utf-8")
    assert "Grundlæggende parathed" in html
    for department in ("Afdeling Øst – Århus", "Afdeling Vest", "Ærø Skole"):  # read from Windows-1252
        assert department in html


def test_small_departments_in_an_export_are_never_shown_alone(run, tmp_path) -> None:
    export = DATA / "exports" / "golden" / "excel-cp1252"
    target = tmp_path / "survey.md"
    args = ("report", export / "answers.csv", "-q", BASIC, "--group-by", "afdeling", "-o", target)
    assert run(*args, "--min-group-size", "7").code == 0
    text = target.read_text(encoding="utf-8")
    assert "Afdeling Vest" not in text  # every department has six: all too small, none shown


def test_export_options_are_refused_for_a_session(run, tmp_path) -> None:
    result = run(
        "report", DATA / "sessions" / "individual.json", "-q", BASIC, "--by-role", "-o", tmp_path / "r.md"
    )
    assert result.code == 2
    assert (
        result.err
        == "peerready: error: --by-role: only for exported survey answers, not for a session file\n"
    )
    assert not (tmp_path / "r.md").exists()


def test_an_export_report_can_name_its_organisation_and_date(run, tmp_path) -> None:
    export = DATA / "exports" / "golden" / "excel-cp1252" / "answers.csv"
    target = tmp_path / "survey.html"
    args = ("report", export, "-q", BASIC, "-o", target, "--lang", "da")
    assert run(*args, "--organisation", "Ærø Kommune <Socialpsykiatrien>", "--date", "2026-10-01").code == 0
    html = target.read_text(encoding="utf-8")
    assert "Ærø Kommune &lt;Socialpsykiatrien&gt;" in html
    assert "1. oktober 2026" in html
    bad = run(*args, "--date", "1/10/2026")
    assert bad.code == 2
    assert "--date" in bad.err
