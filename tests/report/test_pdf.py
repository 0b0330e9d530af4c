"""PDF reports, read back as a reader's PDF viewer and a screen reader would.

Each full render takes a second or more, so each module-scoped fixture renders once and
several tests read the result.
"""

from __future__ import annotations

import importlib
import io
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from peerready import resources
from peerready.commands.report import Options, make
from peerready.documents.loader import load_instrument
from peerready.report import pdf
from tests.conftest import BASIC, DATA
from tests.helpers.reporting import (
    BRAND,
    HTML_NOTE,
    SAMPLE,
    SAMPLE_BASELINE,
    SAMPLE_SESSION,
    made_up_session,
    write_session,
)

pytestmark = pytest.mark.pdf

BUNDLED = resources.bundled_questionnaire_ids()
CONSENSUS = DATA / "sessions" / "consensus.json"
HIDE_LIBRARIES = DATA / "report" / "hide-libraries"


def _text(reader: PdfReader) -> str:
    """All the text, with line breaks as spaces and words hyphenated at a line end made whole."""
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    return text.replace("\u2010 ", "")


def _fonts(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for font in fonts.values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


def _alt_texts(node: object, found: list[str]) -> list[str]:
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, DictionaryObject):
        if "/Alt" in node:
            found.append(str(node["/Alt"]))
        if "/K" in node:
            _alt_texts(node["/K"], found)
    elif isinstance(node, ArrayObject):
        for child in node:
            _alt_texts(child, found)
    return found


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[PdfReader, str, str]:
    """The README's sample report: made by the command line, with a baseline and a brand."""
    from peerready.cli.main import main

    target = tmp_path_factory.mktemp("sample") / "rapport.pdf"
    args = [
        "report",
        SAMPLE_SESSION,
        "-q",
        SAMPLE,
        "--baseline",
        SAMPLE_BASELINE,
        "--brand",
        BRAND,
        "-o",
        target,
    ]
    assert main([str(a) for a in args]) == 0
    reader = PdfReader(target)
    return reader, _text(reader), target.read_bytes().decode("latin-1")


@pytest.fixture(scope="module")
def bundled(tmp_path_factory) -> dict[tuple[str, str], tuple[PdfReader, str]]:
    """Every bundled questionnaire's report in both languages, from made-up answers."""
    folder = tmp_path_factory.mktemp("bundled")
    reports = {}
    for questionnaire in BUNDLED:
        instrument = load_instrument(questionnaire)
        session = write_session(made_up_session(instrument), folder, f"{questionnaire}.json")
        for lang in ("da", "en"):
            made = make(session, "pdf", lang, Options())
            assert made.warnings == []
            reader = PdfReader(io.BytesIO(made.content))  # type: ignore[arg-type]
            reports[questionnaire, lang] = (reader, _text(reader))
    return reports


@pytest.fixture(scope="module")
def consensus(tmp_path_factory) -> tuple[str, str, Path]:
    """A consensus session with an HTML note, made as a user would: no -o, so NAME.pdf here."""
    from peerready.cli.main import main

    folder = tmp_path_factory.mktemp("consensus")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        assert main(["report", str(DATA / "sessions" / "consensus.json"), "-q", str(BASIC), "-l", "en"]) == 0
    target = folder / "consensus.pdf"
    return _text(PdfReader(target)), target.read_bytes().decode("latin-1"), target


@pytest.mark.parametrize("questionnaire", BUNDLED)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_bundled_questionnaire_reports_in_both_languages(bundled, questionnaire, lang) -> None:
    reader, text = bundled[questionnaire, lang]
    instrument = load_instrument(questionnaire)
    for domain in instrument.questionnaire.domains:
        assert domain.title.get(lang) in text
    verdict_labels = [b.label.get(lang) for b in instrument.questionnaire.overall_bands]
    assert any(label in text for label in verdict_labels)
    assert "Afdeling Øst – Århus" in text
    if any(item.kind == "text" for item in instrument.questionnaire.all_items):
        assert "Svar 1 med æ, ø og å" in text  # open answers
    assert HTML_NOTE in text  # a note with markup is text, and its image is never loaded
    assert 4 <= len(reader.pages) <= 40
    assert reader.metadata.title == ("Parathedsrapport" if lang == "da" else "Readiness report") + (
        " – Afdeling Øst – Århus"
    )


def test_sample_report_has_every_part(sample) -> None:
    reader, text, _ = sample
    for title in (
        "Motivation og formål", "Ledelsesopbakning", "Forståelse af peer-rollen", "Ansættelse og vilkår",
        "Supervision og støtte", "Kolleger og kultur",
    ):  # fmt: skip
        assert title in text
    for heading in (
        "Kort fortalt",
        "Sammenfatning",
        "Udvikling siden sidst",
        "Motivation og vision",
        "Handlingsplan",
    ):
        assert heading in text
    assert "Ikke parat endnu" in text
    assert "1 af 3 kritiske områder ligger på laveste niveau: »Supervision og støtte«." in text
    assert "Vi blev inspireret af besøget i Nordjylland." in text
    assert "Udarbejdet af Mette Ærø, Peer-Rådgivning ApS" in text
    assert 6 <= len(reader.pages) <= 12


def test_sample_report_cites_its_sources(sample) -> None:
    _, text, _ = sample
    assert "[1, »Ledelse og organisatorisk parathed«]" in text
    assert "»Nedsæt en arbejdsgruppe med repræsentanter fra ledelsen og medarbejdergruppen«" in text
    assert "Socialstyrelsen 2016. Peer-støtte på det psykosociale og psykiatriske område" in text
    assert "James, L. R., Demaree, R. G. & Wolf, G. (1984)" in text


def test_sample_report_marks_the_changes(sample) -> None:
    _, text, _ = sample
    assert "▲ +17" in text
    assert "▼ −5" in text
    assert "Ændringer mindre end det, ét ændret svar eller tilfældig variation kan give, vises som =." in text
    assert "Sammenlignet med vurderingen 12. maj 2026" in text


def test_sample_report_uses_danish_typography(sample) -> None:
    reader, text, _ = sample
    assert "23. november 2026" in text
    assert "Positive svar: 62 %" in text
    assert "højst 0,5 point" in text  # a reason's number, with the Danish decimal comma
    assert re.search(r"Side 3 af \d+", text)
    assert _fonts(reader) == {"Inter", "Inter-Bold", "Inter-Italic"}  # ours, embedded: never the system's


def test_sample_report_is_tagged_for_screen_readers(sample) -> None:
    reader, _, _ = sample
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "da"
    assert root["/MarkInfo"]["/Marked"]
    assert b'pdfuaid:part="1"' in root["/Metadata"].get_object().get_data()  # PDF/UA-1
    alts = _alt_texts(root["/StructTreeRoot"], [])
    assert any(alt.startswith("Områdernes score (0–100) og niveau, højeste først: Motiv") for alt in alts)
    assert any(alt == "Mette Ærø, Peer-Rådgivning ApS" for alt in alts)  # the logo


def test_the_default_file_is_named_after_the_session(consensus) -> None:
    _, _, target = consensus
    assert target.name == "consensus.pdf"
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # a report to share: as the umask says


def test_a_note_with_html_is_text_in_the_pdf(consensus) -> None:
    text, raw, _ = consensus
    assert "<script>alert(1)</script> teamet er usikkert" in text
    assert "/JavaScript" not in raw and "/JS" not in raw


@pytest.mark.parametrize(
    "markup",
    [
        '<img src="file:///etc/hostname">',
        '<a rel="attachment" href="file:///etc/hostname">x</a>',
        '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">',
        '<style>@import url("https://example.com/x.css");</style>',
    ],
    ids=["image-file", "attachment-file", "stylesheet-http", "import-https"],
)
def test_the_renderer_loads_nothing_from_outside(markup) -> None:
    with pytest.raises(pdf.RenderError, match="which peerready never loads"):
        pdf.html_to_pdf(f"<html><body><p>x</p>{markup}</body></html>")


def test_data_uris_are_allowed(tmp_path) -> None:
    pixel = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    rendered = pdf.html_to_pdf(
        f'<html lang="en"><body><img alt="dot" src="data:image/png;base64,{pixel}"></body></html>'
    )
    assert rendered.pages == 1 and rendered.warnings == []


def test_without_harfbuzz_subset_fonts_are_subset_quietly(monkeypatch, capsys, caplog) -> None:
    pdf.weasyprint()  # imported our way first: quiet about the missing library
    fonts = importlib.import_module("weasyprint.pdf.fonts")
    monkeypatch.setattr(fonts, "harfbuzz_subset", None)  # as on a machine without libharfbuzz-subset0
    from peerready.report.render import stylesheet

    head = f"<head><style>{stylesheet()}</style></head>"
    html = f'<html lang="da">{head}<body><p>Æblegrød på Ærø</p></body></html>'
    with caplog.at_level(logging.WARNING):
        rendered = pdf.html_to_pdf(html)
    assert rendered.warnings == []
    assert capsys.readouterr().err == ""
    assert "Æblegrød på Ærø" in _text(PdfReader(io.BytesIO(rendered.pdf)))


def test_weasyprint_warnings_come_back_as_ours() -> None:
    rendered = pdf.html_to_pdf(
        "<html><head><style>p { colour: red }</style></head><body><p>x</p></body></html>"
    )
    assert any("colour" in warning for warning in rendered.warnings)


def _without(libraries: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`peerready report` in a fresh process on a machine that lacks these shared libraries."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(HIDE_LIBRARIES), os.environ.get("PYTHONPATH", "")]),
        "PEERREADY_TEST_HIDE_LIBS": libraries,
    }
    command = [sys.executable, "-W", "error::DeprecationWarning", "-m", "peerready", "report", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path, check=False)


def test_a_machine_without_harfbuzz_subset_still_makes_the_pdf_quietly(tmp_path) -> None:
    done = _without("harfbuzz-subset", tmp_path, str(CONSENSUS), "-q", str(BASIC), "-o", "r.pdf")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "<script>alert(1)</script>" in _text(PdfReader(tmp_path / "r.pdf"))


def test_a_machine_without_pango_gets_one_line_and_no_noise(tmp_path) -> None:
    done = _without("pango", tmp_path, str(CONSENSUS), "-q", str(BASIC), "-o", "r.pdf")
    assert done.returncode == 3
    assert done.stdout == ""  # weasyprint's own paragraph about it is not shown
    (line,) = done.stderr.splitlines()
    assert line.startswith("peerready: error: PDF output needs the Pango library, missing here")
    assert not (tmp_path / "r.pdf").exists()
