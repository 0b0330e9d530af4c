"""Notes and open answers no longer than a session file takes back (MAX_TEXT characters): the
prompt refuses a longer text and stays open with it, and a text cut short by a pause (Ctrl-C, or
SIGTERM/SIGHUP, which the terminal turns into the same pause) is saved cut to the limit, so the
session can always be carried on."""

from __future__ import annotations

from pathlib import Path

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from peerready.documents.sessions import load_session, save_session
from peerready.meeting.prompts import Action, Paused, TextPrompt
from peerready.meeting.review import FINISH
from peerready.meeting.terminal import TerminalAsker
from peerready.model.instrument import Instrument
from peerready.model.session import GROUP, MAX_TEXT, Session
from tests.helpers.scripted import Prompt
from tests.meeting.test_assess_flow import SCORED, Run

LONG = ("Vi mangler en plan for introduktionen. " * 300).strip()  # 11,699 characters
REFUSED = {
    "da": "Højst 10.000 tegn (teksten her har 11.699): gør den kortere for at gemme den",
    "en": "At most 10,000 characters (this text has 11,699): shorten it to save it",
}
OPEN = len(SCORED)  # the first open question, 'inspired', comes after the scored items


def resumed(session: Session, folder: Path) -> Session:
    """The session as `assess` reads it back from its file to carry on."""
    save_session(session, folder / "session.json")
    return load_session(folder / "session.json")


def refusing(into: list[TextPrompt], answer: str):
    """A step that checks the prompt refuses LONG and takes the longest text, then answers."""

    def step(prompt: Prompt) -> str:
        assert isinstance(prompt, TextPrompt) and prompt.check is not None
        assert prompt.check(LONG[:MAX_TEXT]) is None
        assert prompt.check(f"\n  {LONG[:MAX_TEXT]}  \n") is None  # saved without the spaces
        into.append(prompt)
        return answer

    return step


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_note_longer_than_a_session_takes_is_refused(basic: Instrument, lang: str) -> None:
    prompts: list[TextPrompt] = []
    script = ["4", Action.NOTE, refusing(prompts, "Kort note"), "5", *SCORED[2:], "", "", FINISH]
    final = Run(basic, script, lang=lang).run()
    check = prompts[0].check
    assert check is not None and check(LONG) == REFUSED[lang]
    assert final.notes == {"mot_b": "Kort note"}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_an_open_answer_longer_than_a_session_takes_is_refused(basic: Instrument, lang: str) -> None:
    prompts: list[TextPrompt] = []
    final = Run(basic, [*SCORED, refusing(prompts, "Et besøg"), "", FINISH], lang=lang).run()
    check = prompts[0].check
    assert check is not None and check(LONG) == REFUSED[lang]
    assert final.answers[GROUP]["inspired"] == "Et besøg"


def test_the_longest_note_is_saved_and_read_back(basic: Instrument, tmp_path: Path) -> None:
    note = LONG[:MAX_TEXT]
    final = Run(basic, ["4", Action.NOTE, note, "5", *SCORED[2:], "", "", FINISH]).run()
    assert resumed(final, tmp_path).notes == {"mot_b": note.strip()}


def test_a_note_paused_over_the_limit_is_saved_cut_and_the_session_resumes(
    basic: Instrument, tmp_path: Path
) -> None:
    def typing(prompt: Prompt) -> str:
        raise Paused(f"  {LONG}")

    run = Run(basic, ["4", Action.NOTE, typing])
    with pytest.raises(KeyboardInterrupt):
        run.assessment.run()
    kept = LONG[:MAX_TEXT].strip()
    paused = resumed(run.saved[-1], tmp_path)  # before: the file was refused as too long
    assert paused.notes == {"mot_b": kept}

    def edit(prompt: Prompt) -> str:
        assert isinstance(prompt, TextPrompt) and prompt.default == kept
        return prompt.default  # accepted as it is: the scripted asker checks it

    final = Run(basic, [Action.NOTE, edit, "5", *SCORED[2:], "", "", FINISH], paused).run()
    assert final.notes == {"mot_b": kept}


def test_an_open_answer_paused_over_the_limit_is_kept_cut_to_carry_on(
    basic: Instrument, tmp_path: Path
) -> None:
    def typing(prompt: Prompt) -> str:
        raise Paused(LONG)

    run = Run(basic, [*SCORED, typing])
    with pytest.raises(KeyboardInterrupt):
        run.assessment.run()
    paused = resumed(run.saved[-1], tmp_path)
    assert paused.drafts == {"inspired": {GROUP: LONG[:MAX_TEXT]}}

    def carry_on(prompt: Prompt) -> str:
        assert isinstance(prompt, TextPrompt) and prompt.default == LONG[:MAX_TEXT]
        return prompt.default  # accepted as it is: the scripted asker checks it

    final = Run(basic, [carry_on, "", FINISH], paused).run()
    assert final.answers[GROUP]["inspired"] == LONG[:MAX_TEXT].strip()
    assert resumed(final, tmp_path).answers == final.answers


def test_at_the_terminal_a_refused_text_stays_in_the_prompt(basic: Instrument) -> None:
    prompts: list[TextPrompt] = []
    Run(basic, ["4", Action.NOTE, refusing(prompts, ""), "5", *SCORED[2:], "", "", FINISH]).run()
    paste = f"\x1b[200~{LONG}\x1b[201~"  # pasted, as a long text usually is
    with create_pipe_input() as pipe:
        pipe.send_text(paste + "\r" + "\x03")  # Enter is refused; Ctrl-C pauses with the text
        with pytest.raises(Paused) as stopped:
            TerminalAsker(input=pipe, output=DummyOutput()).text(prompts[0])
    assert stopped.value.typed == LONG
