"""User text cannot take over a terminal or forge Markdown: escape sequences are dropped on the
terminal, Markdown markup in names is shown as typed, and a line break cannot start a heading."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from peerready.output.escape import markdown_text, terminal_lines, terminal_text
from tests.conftest import BASIC, DATA, Run
from tests.helpers.surveys import PLAN

HOSTILE = "\x1b]0;pwned\x07Ærø \x1b[2J\x1b]52;c;ZXZpbA==\x07Kommune\x9b31m"
FORGED = "![px](http://example.com/px.png)\n## Overall verdict: Ready (100 out of 100)\r\n| x |"


def test_terminal_text_keeps_letters_tabs_and_line_breaks() -> None:
    assert terminal_text(HOSTILE) == "]0;pwnedÆrø [2J]52;c;ZXZpbA==Kommune31m"
    assert terminal_text("a\tb\nc") == "a\tb\nc"
    assert terminal_lines("a,b\r\nc\rd\x1b\n") == "a,b\r\ncd\n"


def test_markdown_text_is_one_line_shown_as_typed() -> None:
    text = markdown_text(FORGED)
    assert "\n" not in text and "\r" not in text
    assert text == (
        "\\!\\[px\\](http://example.com/px.png) \\#\\# Overall verdict: Ready (100 out of 100) \\| x \\|"
    )
    assert markdown_text("<img src=x> & `code` *a* _b_ ~c~") == (
        "&lt;img src=x&gt; &amp; \\`code\\` \\*a\\* \\_b\\_ \\~c\\~"
    )


@pytest.fixture
def hostile_session(tmp_path: Path) -> Path:
    session = json.loads((DATA / "sessions" / "individual.json").read_text(encoding="utf-8"))
    session["organisation"] = HOSTILE
    path = tmp_path / "session.json"
    path.write_text(json.dumps(session), encoding="utf-8")
    return path


def test_score_prints_no_escape_sequence_of_the_organisation(
    run: Callable[..., Run], hostile_session: Path
) -> None:
    result = run("score", hostile_session, "-q", BASIC)
    assert result.code == 0, result.err
    assert "ÆrøKommune" not in result.out and "Ærø [2J]52;c;ZXZpbA==Kommune31m" in result.out
    assert "\x1b" not in result.out and "\x07" not in result.out and "\x9b" not in result.out


def test_a_line_break_in_the_organisation_cannot_forge_a_line_on_the_terminal(
    run: Callable[..., Run], tmp_path: Path
) -> None:
    session = json.loads((DATA / "sessions" / "individual.json").read_text(encoding="utf-8"))
    session["organisation"] = "Kommune\nOverall verdict: Ready (100)"
    path = tmp_path / "session.json"
    path.write_text(json.dumps(session), encoding="utf-8")
    result = run("score", path, "-q", BASIC, "--lang", "en")
    assert result.code == 0, result.err
    assert not any(line.startswith("Overall verdict: Ready (100)") for line in result.out.splitlines())
    assert "Kommune Overall verdict: Ready (100) · " in result.out


def test_the_markdown_report_shows_a_forged_name_as_text(
    run: Callable[..., Run], hostile_session: Path, tmp_path: Path
) -> None:
    output = tmp_path / "report.md"
    result = run("report", hostile_session, "-q", BASIC, "--organisation", FORGED, "-o", output)
    assert result.code == 0, result.err
    text = output.read_text(encoding="utf-8")
    assert "![" not in text  # no image
    assert not re.search(r"(?<!\\)\]\(", text)  # no link
    assert not any(line.startswith("## Overall verdict: Ready") for line in text.splitlines())
    assert "\\!\\[px\\](http://example.com/px.png) \\#\\# Overall verdict" in text.splitlines()[0]


def test_a_group_name_with_a_carriage_return_keeps_the_markdown_table(
    run: Callable[..., Run], tmp_path: Path
) -> None:
    header = "respondent,team," + ",".join(p.id for p in PLAN.items)
    answers = ",".join(p.option_ids[0] for p in PLAN.items)
    rows = [f'r{n},"{"Nord" if n < 5 else "Syd"}\r| forged | 99 | 100 |",{answers}' for n in range(10)]
    export = tmp_path / "export.csv"
    export.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    result = run("score", export, "-q", BASIC, "--group-by", "team", "-f", "md")
    assert result.code == 0, result.err
    table = [line for line in result.out.splitlines() if "forged" in line]
    assert len(table) == 2
    assert all(line.count("|") - line.count("\\|") == 4 for line in table)  # still three columns


def test_the_html_report_holds_no_control_character_of_the_organisation(
    run: Callable[..., Run], hostile_session: Path, tmp_path: Path
) -> None:
    """`report -f html` prints it on the terminal; a file of it may be shown there with cat."""
    printed = run("report", hostile_session, "-q", BASIC, "-f", "html")
    output = tmp_path / "report.html"
    written = run("report", hostile_session, "-q", BASIC, "-o", output)
    assert printed.code == written.code == 0, printed.err + written.err
    for html in (printed.out, output.read_text(encoding="utf-8")):
        assert "Ærø [2J]52;c;ZXZpbA==Kommune31m" in html
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", html)
