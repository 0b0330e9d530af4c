"""The bundled catalogue in the report: the inspiration appendix (the Danish projects and knowledge
organisations the guides name, as text only) and the method text with its settings filled in."""

from __future__ import annotations

from peerready.documents.loader import load_instrument
from peerready.report.build import build_report
from peerready.report.render import render_html
from peerready.scoring.score import score_session
from tests.helpers.reporting import made_up_session


def test_the_report_lists_danish_projects_and_knowledge_organisations() -> None:
    instrument = load_instrument("readiness")
    report = build_report(instrument, score_session(instrument, made_up_session(instrument)), "da")
    projects = [p.name for p in report.appendix.projects]
    organisations = [p.name for p in report.appendix.organisations]
    assert "Ligestillet Støtte, Region Midtjylland" in projects
    assert "Peer-Netværket Danmark" in organisations and "SIND" in organisations
    html = render_html(report, paged=False)
    assert "<h4>Danske projekter</h4>" in html
    assert "<h4>Organisationer med viden på området</h4>" in html
    assert "https://www.peermidt.dk/" in html
    assert 'href="https://www.peermidt.dk/' not in html  # shown, never a link the renderer could follow


def test_an_english_report_describes_them_in_english() -> None:
    instrument = load_instrument("readiness")
    report = build_report(instrument, score_session(instrument, made_up_session(instrument)), "en")
    described = {p.name: p.description for p in report.appendix.projects}
    assert described["Udskrevet.dk"].startswith("A collaboration between associations")


def test_the_bundled_method_text_has_every_setting_filled_in() -> None:
    """The method text names the plan's limits and the group threshold from the settings."""
    instrument = load_instrument("readiness")
    report = build_report(instrument, score_session(instrument, made_up_session(instrument)), "en")
    method = " ".join(report.appendix.method)
    assert "{" not in method and "}" not in method
    assert "at most 7 actions" in method and "at most 10 of high priority" in method
    assert "at least 0.14" in method
