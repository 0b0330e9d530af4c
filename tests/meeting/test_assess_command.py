"""`peerready assess` as a command: setting up, where it saves, pausing, resuming, refusing,
the summary and the offer to write the report."""

from __future__ import annotations

import datetime as dt
import json
import sys
import types
from pathlib import Path

import pytest

from peerready.commands.assess import assess
from peerready.documents.sessions import load_session
from peerready.errors import EnvironmentProblem, InputError, UsageError
from peerready.meeting.flow import FINISH
from peerready.meeting.prompts import Action, ChoicePrompt
from peerready.meeting.setup import session_file_name
from tests.conftest import BASIC
from tests.helpers.scripted import ScriptedAsker
from tests.meeting.test_assess_flow import SCORED

NOW = dt.datetime(2026, 11, 23, 10, 30, tzinfo=dt.UTC)
SETUP = ["Afdeling Øst – Århus", "", "consensus", "4", "no"]  # "": the date is today
FILE = "afdeling-oest-aarhus-2026-11-23.json"


@pytest.fixture(autouse=True)
def here(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "basic.yaml").write_bytes(BASIC.read_bytes())
    (tmp_path / "basic-catalogue.yaml").write_bytes((BASIC.parent / "basic-catalogue.yaml").read_bytes())
    return tmp_path


@pytest.fixture
def no_report(monkeypatch) -> None:
    """The report module cannot be imported (a broken installation): the offer prints the command."""
    monkeypatch.setitem(sys.modules, "peerready.commands.report", None)


def go(script: list, *, resume: Path | None = None, session_file: Path | None = None, lang="da") -> int:
    asker = ScriptedAsker(list(script))
    try:
        code = assess(
            questionnaire="basic.yaml",
            lang=lang,
            session_file=session_file,
            resume=resume,
            asker=asker,
            clock=lambda: NOW,
        )
    finally:
        # Every list of choices, from the set-up to the report offer, says which keys work.
        assert all(p.hint for p in asker.asked if isinstance(p, ChoicePrompt))
    assert not asker.script, f"steps left over: {asker.script}"
    return code


def test_a_whole_assessment_from_setup_to_summary(here, capsys, no_report) -> None:
    code = go([*SETUP, *SCORED, "Et besøg", "Vores vision", FINISH])
    assert code == 0
    session = load_session(here / FILE)
    assert session.organisation == "Afdeling Øst – Århus"
    assert session.mode == "consensus"
    assert [r.id for r in session.respondents] == ["1", "2", "3", "4"]
    assert session.complete
    assert session.created == NOW and session.updated == NOW
    assert session.answers["group"]["lead_group"] == "mid"
    out = capsys.readouterr().out
    assert "✓ Organisationens navn: Afdeling Øst – Århus" in out
    assert f"Svarene gemmes i {FILE} efter hvert svar" in out
    assert "Samlet vurdering: " in out  # the summary: verdict and why, domains, strengths, gaps
    assert "Styrker" in out
    assert f"Vurderingen er afsluttet og gemt i {FILE}." in out
    assert f"peerready report {FILE} -o afdeling-oest-aarhus-2026-11-23.pdf" in out


def test_names_and_roles_in_individual_mode(here, no_report) -> None:
    setup = ["Team Nord", "2026-11-24", "individual", "4", "yes", "Anna", "leader", "", "-"]
    setup += ["Bo", "union_rep", "Cai", "+", "Social- og sundhedsassistent"]
    votes: list = []
    for value in SCORED:
        votes += [value] * 4 + ["move_on"]
    go([*setup, *votes, "a", "b", "c", "d", "e", "f", "g", "h", FINISH])
    session = load_session(here / "team-nord-2026-11-24.json")
    assert [(r.id, r.name, r.role) for r in session.respondents] == [
        ("1", "Anna", "leader"),
        ("2", None, None),
        ("3", "Bo", "union_rep"),
        ("4", "Cai", "social_og_sundhedsassistent"),
    ]
    # A role typed at the set-up is kept with its name, for the report's groups.
    assert session.roles["social_og_sundhedsassistent"].da == "Social- og sundhedsassistent"
    assert session.answers["1"]["inspired"] == "a"


def test_ctrl_c_saves_and_prints_the_command_to_carry_on(here, capsys) -> None:
    assert go([*SETUP, "4", "5", KeyboardInterrupt]) == 130
    out = capsys.readouterr().out
    assert f"Sat på pause. Alle svar er gemt i {FILE}." in out
    assert f"peerready assess --resume {FILE} --questionnaire basic.yaml" in out
    assert load_session(here / FILE).answers["group"] == {"mot_a": "4", "mot_b": "5"}


def test_end_of_input_is_a_pause_too(here, capsys) -> None:
    assert go([*SETUP, "4", EOFError]) == 130
    assert load_session(here / FILE).answers["group"] == {"mot_a": "4"}


def test_ctrl_c_during_setup_has_nothing_to_save(here, capsys) -> None:
    assert go(["Afdeling Øst", KeyboardInterrupt]) == 130
    assert "Stoppet, før sessionen blev oprettet" in capsys.readouterr().out
    assert not list(here.glob("*.json"))


def test_resume_carries_on_where_the_group_paused(here, capsys, no_report) -> None:
    go([*SETUP, "4", Action.SKIP, "3", KeyboardInterrupt])
    capsys.readouterr()

    def paused_here(prompt) -> str:
        assert prompt.default is None
        assert [c.value for c in prompt.choices][:3] == ["low", "mid", "high"]  # lead_group, item 4
        return "mid"

    review = lambda prompt: "mot_b"  # noqa: E731 - the skipped item waits at the review
    code = go([paused_here, *SCORED[4:], "x", "y", review, "5", FINISH], resume=Path(FILE))
    assert code == 0
    session = load_session(here / FILE)
    assert session.answers["group"]["mot_a"] == "4"
    assert session.answers["group"]["mot_b"] == "5"
    assert "Fortsætter Afdeling Øst – Århus · 23. november 2026: 2 af 10 spørgsmål er besvaret" in (
        capsys.readouterr().out
    )


def test_starting_again_with_the_same_organisation_and_date_offers_to_carry_on(here, capsys) -> None:
    go([*SETUP, "4", KeyboardInterrupt])

    def offer(prompt) -> str:
        assert isinstance(prompt, ChoicePrompt)
        assert prompt.message.startswith("Der er allerede en session for Afdeling Øst – Århus")
        return "yes"

    # Offered as soon as the organisation and the date are known, before the rest of the set-up.
    go([*SETUP[:2], offer, "5", KeyboardInterrupt])
    assert load_session(here / FILE).answers["group"] == {"mot_a": "4", "mot_b": "5"}
    capsys.readouterr()
    go([*SETUP[:2], "no", *SETUP[2:], "1", KeyboardInterrupt])  # or a new file beside it, named
    new = FILE.replace(".json", "-2.json")
    assert load_session(here / new).answers["group"] == {"mot_a": "1"}
    assert f"✓ Gemmes i: {new}" in capsys.readouterr().out


def test_session_file_of_ones_own_choosing(here) -> None:
    go([*SETUP, "4", KeyboardInterrupt], session_file=Path("møde.json"))
    assert load_session(here / "møde.json").answers["group"] == {"mot_a": "4"}
    with pytest.raises(
        UsageError, match=r"møde.json already exists; carry on with it with 'peerready assess"
    ):
        go([], session_file=Path("møde.json"))
    with pytest.raises(UsageError, match="leave out --session"):
        go([], session_file=Path("other.json"), resume=Path("møde.json"))


def test_resuming_on_another_questionnaire_version_is_refused(here) -> None:
    go([*SETUP, "4", KeyboardInterrupt])
    data = json.loads((here / FILE).read_text(encoding="utf-8"))
    data["questionnaire"]["version"] = "1.1.0"
    data["questionnaire"]["items"]["mot_a"] = "000000000000"
    (here / FILE).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError) as refused:
        go([], resume=Path(FILE))
    assert str(refused.value) == (
        f"{FILE}: cannot carry on with this session: it was started on 'basic' 1.1.0 and this is "
        "'basic' 1.2.0 (version 1.1.0 → 1.2.0; items whose text or options changed: mot_a). "
        f"Score what was answered with 'peerready score {FILE} --allow-version-mismatch', "
        "or start a new assessment"
    )


def test_resuming_a_session_of_an_unbundled_questionnaire_needs_its_file(here) -> None:
    go([*SETUP, "4", KeyboardInterrupt])
    with pytest.raises(InputError, match="which is not bundled; give its file with --questionnaire FILE"):
        assess(questionnaire=None, lang="da", session_file=None, resume=Path(FILE), asker=ScriptedAsker([]))


def test_no_terminal_points_to_score(run) -> None:
    result = run("assess")
    assert result.code == 2
    assert result.err.startswith("peerready: error: peerready assess needs an interactive terminal")
    assert "'peerready score FILE'" in result.err
    assert len(result.err.splitlines()) == 1


# The offer to write the report: peerready.commands.report.write_report, faked where its
# failures are the point, and for real once.


def fake_report(monkeypatch, calls: list, error: Exception | None = None) -> None:
    module = types.ModuleType("peerready.commands.report")

    def write_report(
        session_path: Path, output: Path, lang: str, *, questionnaire: str | None = None
    ) -> None:
        calls.append((session_path, output, lang, questionnaire))
        if error is not None:
            raise error
        output.write_bytes(b"%PDF-1.7")

    module.write_report = write_report  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "peerready.commands.report", module)


def test_the_report_is_written_right_away(here, monkeypatch, capsys) -> None:
    calls: list = []
    fake_report(monkeypatch, calls)
    pdf = FILE.replace(".json", ".pdf")

    def file_name(prompt) -> str:
        assert prompt.default == pdf
        return "rapport.pdf"

    assert go([*SETUP, *SCORED, "a", "b", FINISH, "yes", file_name], lang="en") == 0
    assert calls == [(Path(FILE), Path("rapport.pdf"), "en", "basic.yaml")]
    assert (here / "rapport.pdf").read_bytes() == b"%PDF-1.7"
    assert "The report is written: rapport.pdf" in capsys.readouterr().out


def test_declining_the_report_says_how_to_write_it_later(here, monkeypatch, capsys) -> None:
    calls: list = []
    fake_report(monkeypatch, calls)
    assert go([*SETUP, *SCORED, "a", "b", FINISH, "no"]) == 0
    assert calls == []
    later = f"peerready report {FILE} -o {FILE.replace('.json', '.pdf')} --questionnaire basic.yaml"
    assert later in capsys.readouterr().out


def test_a_failing_report_keeps_the_session_and_says_why(here, monkeypatch, capsys) -> None:
    calls: list = []
    fake_report(
        monkeypatch, calls, EnvironmentProblem("PDF output needs Pango: apt-get install libpango-1.0-0")
    )
    assert go([*SETUP, *SCORED, "a", "b", FINISH, "yes", ""]) == 3
    captured = capsys.readouterr()
    assert "peerready: error: PDF output needs Pango" in captured.err
    assert (
        f"peerready report {FILE} -o {FILE.replace('.json', '.pdf')} --questionnaire basic.yaml"
        in captured.out
    )
    assert load_session(here / FILE).complete


def test_ctrl_c_at_the_report_offer_keeps_the_finished_session(here, monkeypatch, capsys) -> None:
    calls: list = []
    fake_report(monkeypatch, calls)
    assert go([*SETUP, *SCORED, "a", "b", FINISH, KeyboardInterrupt]) == 130
    assert calls == []
    assert load_session(here / FILE).complete
    assert f"peerready report {FILE} -o" in capsys.readouterr().out


def test_the_real_report_is_written_from_the_finished_session(here, capsys) -> None:
    assert go([*SETUP, *SCORED, "a", "b", FINISH, "yes", "rapport.html"], lang="en") == 0
    html = (here / "rapport.html").read_text(encoding="utf-8")
    assert "Afdeling Øst – Århus" in html
    assert "Basic readiness" in html
    assert "The report is written: rapport.html" in capsys.readouterr().out


def test_session_file_names_are_plain() -> None:
    day = dt.date(2026, 11, 23)
    assert session_file_name("Afdeling Øst – Århus", day) == "afdeling-oest-aarhus-2026-11-23.json"
    assert session_file_name("St. Olav's Team", day) == "st-olavs-team-2026-11-23.json"
    assert session_file_name("Ærø Kommune · Café Ü", day) == "aeroe-kommune-cafe-u-2026-11-23.json"
    assert session_file_name("???", day) == "session-2026-11-23.json"


def test_set_up_answers_are_checked_before_they_are_taken(here, no_report) -> None:
    def refused(*bad: str, then: str):
        def step(prompt) -> str:
            for value in bad:
                assert prompt.check(value), f"{value!r} should be refused at {prompt.message!r}"
            return then

        return step

    setup = [
        refused("", "   ", "x" * 201, then="Team Nord"),
        refused("23/11/2026", "2026-02-30", then="2026-11-24"),
        "consensus",
        refused("0", "100", "otte", "", then="2"),
        "no",
    ]
    assert go([*setup, KeyboardInterrupt]) == 130
    session = load_session(here / "team-nord-2026-11-24.json")
    assert session.date == dt.date(2026, 11, 24)
    assert len(session.respondents) == 2


def test_a_questionnaire_can_add_roles_to_the_set_up(here, no_report) -> None:
    text = (here / "basic.yaml").read_text(encoding="utf-8")
    (here / "basic.yaml").write_text(
        text.replace(
            "\ndomains:", "\nroles:\n  coordinator: {da: Koordinator, en: Coordinator}\ndomains:", 1
        ),
        encoding="utf-8",
    )

    def offered(prompt) -> str:
        assert [c.label for c in prompt.choices][5:8] == ["Andet", "Koordinator", "Anden rolle – skriv den"]
        return "coordinator"

    go(["Team Syd", "", "individual", "1", "yes", "Eva", offered, KeyboardInterrupt])
    session = load_session(here / "team-syd-2026-11-23.json")
    assert session.respondents[0].role == "coordinator"
    assert session.roles["coordinator"].en == "Coordinator"


def test_a_new_session_file_is_created_exclusively_also_without_hard_links(here, monkeypatch) -> None:
    import errno
    import os

    from peerready.documents.sessions import create_session

    session = load_session(BASIC.parent.parent.parent / "sessions" / "consensus.json")

    def no_links(source: object, target: object) -> None:  # a FAT-formatted USB stick
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    create_session(session, here / "new.json")
    assert load_session(here / "new.json") == session
    with pytest.raises(InputError, match="another assessment created this file meanwhile"):
        create_session(session, here / "new.json")
    assert [p.name for p in here.iterdir() if p.name.startswith(".")] == []


def test_a_file_system_without_locks_is_refused_clearly(here, monkeypatch) -> None:
    import errno
    import fcntl

    def no_locks(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    with pytest.raises(InputError, match=r"cannot lock the session here \(No locks available\)"):
        go([], session_file=Path("s.json"))
