"""The installed `peerready assess` in a real terminal at 80×24 and 120×40, read back as the screen
the room sees: blind votes, nothing recorded by Enter on a fresh item, a note kept through Ctrl-C,
resuming on the paused item, and a summary that cuts no word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from peerready.documents.sessions import load_session
from tests.conftest import BASIC
from tests.helpers.tmux import Terminal, terminal

pytestmark = pytest.mark.terminal

SIZES = [(80, 24), (120, 40)]
HEADER = re.compile(r"^\d+/10 · \w+ \d/\d")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "basic.yaml").write_bytes(BASIC.read_bytes())
    (tmp_path / "basic-catalogue.yaml").write_bytes((BASIC.parent / "basic-catalogue.yaml").read_bytes())
    return tmp_path


def start(term: Terminal, *args: str) -> None:
    term.start("assess", "--questionnaire", "basic.yaml", "--lang", "en", *args)


def set_up(term: Terminal, mode: str, names: tuple[str, ...] = ()) -> None:
    term.wait_for("Name of the organisation")
    term.type("Team Vest")
    term.keys("Enter")
    term.wait_for("Date (YYYY-MM-DD)")
    term.keys("Enter")
    term.wait_for("How will you answer?")
    term.keys(mode)
    term.wait_for("How many people are taking part?")
    term.type(str(max(1, len(names))))
    term.keys("Enter")
    term.wait_for("Add the participants' names and roles?")
    if not names:
        term.keys("n")
        return
    term.keys("y")
    for number, name in enumerate(names, start=1):
        term.wait_for(f"Participant {number} – name")
        term.type(name)
        term.keys("Enter")
        term.wait_for(f"{name} – role")
        term.keys("2")  # staff


def header_on_top(screen: str) -> None:
    """The position and domain are the first line, however much is below."""
    assert HEADER.match(screen.splitlines()[0]), screen


def summary_pages(term: Terminal) -> list[str]:
    """Each page of the summary at the end, Enter after each, and last the screen that offers the
    report (a prompt, or the command to write it later)."""

    def summary(screen: str) -> bool:
        return "Page 1 of" in screen or "Write the report" in screen

    found = re.search(r"Page 1 of (\d+)", term.wait_until(summary, "the summary", prompt=False))
    total = int(found.group(1)) if found else 0
    pages = []
    for number in range(1, total + 1):
        hint = "Enter: go on" if number == total else "Enter: next page"
        pages.append(term.wait_for(f"Page {number} of {total}", hint))
        term.keys("Enter")
    last = term.wait_for("Write the report", prompt=False)
    if "Write the report now?" in last:
        last = term.wait_for("Write the report now?")  # once its prompt reads keys
    return [*pages, last]


def exited(term: Terminal) -> int:
    screen = term.wait_for("EXIT=", prompt=False)
    found = re.search(r"EXIT=(\d+)", screen)
    assert found
    return int(found.group(1))


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_votes_stay_hidden_until_the_last_one(folder: Path, width: int, height: int) -> None:
    with terminal(folder, width, height) as term:
        start(term, "--session", "s.json")
        set_up(term, "2", ("Anna", "Bo", "Cai"))
        term.wait_for("Anna (Staff) · 1/3")
        term.keys("4")
        screen = term.wait_for("Bo (Staff) · 2/3")
        header_on_top(screen)
        assert "✓ Anna has voted" in screen
        assert "Anna: ✓" in screen and "Anna: 4" not in screen
        term.keys("2")
        screen = term.wait_for("Cai (Staff) · 3/3")
        assert "Anna: ✓   Bo: ✓   › Cai: …" in screen
        assert not re.search(r"(Anna|Bo): \d", screen)
        term.keys("5")
        screen = term.wait_for("What would you like to do?")
        header_on_top(screen)
        assert re.search(r"4  Somewhat agree +█+ +1 +Anna", screen)  # revealed all at once
        assert re.search(r"2  Somewhat disagree +█+ +1 +Bo", screen)
        assert "Enter move on · d discuss, vote again · m mark for later" in screen
        term.keys("C-c")
        assert exited(term) == 130
    session = load_session(folder / "s.json")
    assert session.rounds["mot_a"][0].votes == {"1": "4", "2": "2", "3": "5"}
    assert session.rounds["mot_a"][0].decision is None  # pending: asked again on resuming
    with terminal(folder, width, height) as term:
        start(term, "--resume", "s.json")
        screen = term.wait_for("What would you like to do?")
        assert re.search(r"5  Agree +█+ +1 +Cai", screen)
        term.keys("C-c")
        assert exited(term) == 130


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_enter_on_a_fresh_item_records_nothing(folder: Path, width: int, height: int) -> None:
    with terminal(folder, width, height) as term:
        start(term, "--session", "s.json")
        set_up(term, "1")
        term.wait_for("1/10 · Motivation 1/3")
        # Enter, then 4: the prompt takes keys in order, so had Enter answered or skipped item 1,
        # the 4 would be item 2's answer and the screen would be item 3's.
        term.keys("Enter")
        term.keys("4")
        screen = term.wait_for("2/10 · Motivation 2/3")
        header_on_top(screen)
        assert "✓ Answer to 1: 4 Somewhat agree" in screen  # every answer confirmed on screen
        term.keys("C-c")
        assert exited(term) == 130
    assert load_session(folder / "s.json").answers["group"] == {"mot_a": "4"}


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_ctrl_c_while_writing_a_note_keeps_it(folder: Path, width: int, height: int) -> None:
    with terminal(folder, width, height) as term:
        start(term, "--session", "s.json")
        set_up(term, "1")
        term.wait_for("1/10 · Motivation 1/3")
        term.keys("n")
        term.wait_for("Note on this item")
        term.type("HR is not on board yet, and")
        term.wait_for("HR is not on board yet, and")
        term.keys("C-c")
        assert exited(term) == 130
    assert load_session(folder / "s.json").notes == {"mot_a": "HR is not on board yet, and"}


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_resume_lands_on_the_paused_item(folder: Path, width: int, height: int) -> None:
    with terminal(folder, width, height) as term:
        start(term, "--session", "s.json")
        set_up(term, "1")
        for position, key in [(1, "4"), (2, "s"), (3, "3"), (4, "2")]:
            term.wait_for(f"{position}/10 ·")
            term.keys(key)
        term.wait_for("5/10 · Leadership 2/3")
        term.keys("C-c")
        assert exited(term) == 130
    with terminal(folder, width, height) as term:
        start(term, "--resume", "s.json")
        screen = term.wait_for("Carrying on with Team Vest")
        header_on_top(screen)
        assert screen.splitlines()[0].startswith("5/10 · Leadership 2/3")  # not the skipped item 2
        term.keys("C-c")
        assert exited(term) == 130


@pytest.mark.parametrize(("width", "height"), [(80, 24), (60, 24)])
def test_the_summary_cuts_no_word(folder: Path, width: int, height: int) -> None:
    with terminal(folder, width, height) as term:
        start(term, "--session", "s.json")
        set_up(term, "1")
        for position, key in enumerate(["4", "5", "3", "2", "3", "1", "3", "4"], start=1):
            term.wait_for(f"{position}/10 ·")
            term.keys(key)
        for position in (9, 10):
            term.wait_for(f"{position}/10 ·")
            term.type("An answer of our own")
            term.keys("Enter")
        term.wait_for("Finish the assessment")
        term.keys("Enter")
        pages = summary_pages(term)
        assert "Overall verdict" in pages[0]  # the verdict first
        assert "Overall verdict" in pages[-1]  # and on screen when the report is offered
        for screen in pages:
            assert not re.search(r"\w…", screen), screen  # nothing cut short
            assert all(len(line) <= width for line in screen.splitlines())
        summary = "\n".join(pages)
        assert "Motivation" in summary and "(critical)" in summary  # whole, on one line or two
        if "Write the report now?" in pages[-1]:
            term.keys("n")
        assert exited(term) == 0
