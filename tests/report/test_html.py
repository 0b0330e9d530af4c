"""The HTML and Markdown reports: snapshots of what a reader gets, and user text kept as text.

Snapshots live in tests/snapshots/report/. After a deliberate change, look at the diff and
update them with PEERREADY_UPDATE_SNAPSHOTS=1 pytest tests/report/test_html.py.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from peerready import __version__
from peerready.commands.inputs import load_scored
from peerready.documents.sessions import load_session, save_session
from peerready.report.baseline import compare, load_baseline
from peerready.report.brand import load_brand
from peerready.report.build import build_report
from peerready.report.render import environment, render_html, render_markdown
from tests.conftest import BASIC, DATA
from tests.helpers.reporting import BRAND, SAMPLE, SAMPLE_BASELINE, SAMPLE_SESSION

SNAPSHOTS = Path(__file__).parent.parent / "snapshots" / "report"
SESSIONS = DATA / "sessions"


def _body(html: str) -> str:
    """The document's body, with the tool's version out of it: what a change to the report shows."""
    body = html[html.index("<body") :]
    return body.replace(f"peerready {__version__}", "peerready VERSION")


def _matches_snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("PEERREADY_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no snapshot {path}; run with PEERREADY_UPDATE_SNAPSHOTS=1 to create it"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its snapshot"


def _sample_report(lang):
    instrument, result = load_scored(SAMPLE_SESSION, str(SAMPLE))
    comparison = compare(result, instrument, *load_baseline(SAMPLE_BASELINE, instrument))
    return build_report(instrument, result, lang, comparison=comparison, brand=load_brand(BRAND))


CASES = {
    "consensus-en": lambda: build_report(*load_scored(SESSIONS / "consensus.json", str(BASIC)), "en"),
    "individual-da": lambda: build_report(*load_scored(SESSIONS / "individual.json", str(BASIC)), "da"),
    "insufficient-en": lambda: build_report(*load_scored(SESSIONS / "insufficient.json", str(BASIC)), "en"),
    "sample-da": lambda: _sample_report("da"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_html_report_matches_its_snapshot(name) -> None:
    _matches_snapshot(f"{name}.html", _body(render_html(CASES[name](), paged=False)))


@pytest.mark.parametrize("name", ["consensus-en", "sample-da"])
def test_markdown_report_matches_its_snapshot(name) -> None:
    text = render_markdown(CASES[name]()).replace(f"peerready {__version__}", "peerready VERSION")
    _matches_snapshot(f"{name}.md", text)


def test_a_note_with_html_is_shown_as_text() -> None:
    html = render_html(CASES["consensus-en"](), paged=False)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; teamet er usikkert" in html
    assert "<script" not in html


def test_every_user_text_is_escaped_in_every_format(tmp_path) -> None:
    hostile = '<img src="file:///etc/passwd"> & Co | *fed*'
    session = load_session(SESSIONS / "consensus.json")
    answers = {**session.answers["group"], "inspired": hostile}
    session = session.model_copy(
        update={"organisation": hostile, "answers": {"group": answers}, "notes": {"mot_a": hostile}}
    )
    save_session(session, tmp_path / "hostile.json")
    report = build_report(*load_scored(tmp_path / "hostile.json", str(BASIC)), "da")
    for paged in (False, True):
        html = render_html(report, paged=paged)
        assert "<img src=" not in html
        assert html.count("&lt;img src=&#34;file:///etc/passwd&#34;&gt; &amp; Co | *fed*") >= 4
    markdown = render_markdown(report)
    assert "<img" not in markdown
    assert '# Parathedsrapport: &lt;img src="file:///etc/passwd"&gt; &amp; Co \\| \\*fed\\*' in markdown


def test_markdown_table_cells_stay_in_their_cells(tmp_path) -> None:
    text = BASIC.read_text(encoding="utf-8").replace(
        "{da: Teamet, en: The team}", '{da: "Team | A *og* B", en: T}'
    )
    (tmp_path / "q.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "basic-catalogue.yaml").write_bytes((BASIC.parent / "basic-catalogue.yaml").read_bytes())
    session = load_session(SESSIONS / "individual.json")
    from peerready.documents.loader import load_instrument
    from peerready.model.session import reference_to

    instrument = load_instrument(str(tmp_path / "q.yaml"))
    save_session(
        session.model_copy(update={"questionnaire": reference_to(instrument.questionnaire)}),
        tmp_path / "s.json",
    )
    markdown = render_markdown(
        build_report(*load_scored(tmp_path / "s.json", str(tmp_path / "q.yaml")), "da")
    )
    assert "| Team \\| A \\*og\\* B | 50 |" in markdown


def test_the_browser_html_is_self_contained() -> None:
    html = render_html(CASES["sample-da"](), paged=False)
    assert not re.search(r"""(src|href)=["'](?!#|data:)""", html)
    style = html.split("</style>")[0]
    assert not re.search(r"""url\((?!["']?(#|data:))""", style)  # nothing but what it carries
    assert style.count("@font-face") == 3  # our fonts, embedded: it looks the same on any machine
    assert "@media print" in style  # and prints as pages from a browser
    assert 'src="data:image/svg+xml;base64,' in html  # the brand logo
    assert '<html lang="da">' in html


def test_the_chart_carries_its_text_alternative() -> None:
    html = render_html(CASES["sample-da"](), paged=True)
    title = re.search(r'<title id="chart-title">(.*?)</title>', html).group(1)
    assert title.startswith("Områdernes score (0–100) og niveau, højeste først: Motivation og formål 67")
    assert "Supervision og støtte 19 (Skal udvikles), kritisk område, spænd i deltagernes egne" in title
    assert title.index("Motivation og formål 67") < title.index("Supervision og støtte 19")  # by score


def test_every_template_is_autoescaped_whatever_its_suffix() -> None:
    for markdown in (False, True):
        env = environment(markdown=markdown)
        for name in ("report.html.j2", "bars.svg.j2", "report.md.j2"):
            template = env.get_template(name)
            assert env.autoescape is True and template.environment is env
    assert environment(markdown=True).from_string("{{ x }}").render(x="<b>'") == "&lt;b&gt;'"
    assert environment().from_string("{{ x }}").render(x="<b>'") == "&lt;b&gt;&#39;"
