"""The real prompts, driven in-process through a pipe: the keys a facilitator presses."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.input.base import PipeInput
from prompt_toolkit.output import DummyOutput

from peerready.meeting.prompts import Action, Choice, ChoicePrompt, Paused, TextPrompt
from peerready.meeting.terminal import TerminalAsker, _lines

UP, DOWN, LEFT, ENTER, ALT_ENTER, CTRL_C, CTRL_D = (
    "\x1b[A",
    "\x1b[B",
    "\x1b[D",
    "\r",
    "\x1b\r",
    "\x03",
    "\x04",
)

ITEM = ChoicePrompt(
    "Jeres svar",
    (
        Choice("low", "Skal udvikles", "1", "Der er ingen arbejdsgruppe."),
        Choice("mid", "Tilstrækkeligt", "2"),
        Choice("high", "Forbilledligt", "3"),
        Choice("dont_know", "Ved ikke", "v"),
    ),
    default="mid",
    hint="↑↓/1–3 vælg",
    actions=frozenset({Action.BACK, Action.SKIP, Action.NOTE, Action.GUIDANCE}),
    gap_before=3,
)


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe:
        yield pipe


def choose(pipe: PipeInput, keys: str, prompt: ChoicePrompt = ITEM) -> str | Action:
    pipe.send_text(keys)
    return TerminalAsker(input=pipe, output=DummyOutput()).choose(prompt)


def type_text(pipe: PipeInput, keys: str, prompt: TextPrompt) -> str | Action:
    pipe.send_text(keys)
    return TerminalAsker(input=pipe, output=DummyOutput()).text(prompt)


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ("1", "low"),  # a digit answers at once
        ("3", "high"),
        ("v", "dont_know"),
        (ENTER, "mid"),  # Enter keeps the current answer
        (DOWN + ENTER, "high"),
        (DOWN + DOWN + ENTER, "dont_know"),  # over the gap before "don't know"
        (UP + UP + ENTER, "dont_know"),  # round from the top
        ("x7" + ENTER, "mid"),  # other keys do nothing
        (LEFT, Action.BACK),
        ("s", Action.SKIP),
        ("n", Action.NOTE),
        ("?", Action.GUIDANCE),
    ],
)
def test_choice_keys(pipe, keys, expected) -> None:
    assert choose(pipe, keys) == expected


def test_actions_not_offered_are_ordinary_keys(pipe) -> None:
    plain = ChoicePrompt("Ja eller nej?", (Choice("yes", "Ja", "j"), Choice("no", "Nej", "n")), default="no")
    assert choose(pipe, "s" + LEFT + "?" + "j", plain) == "yes"


def test_ctrl_c_is_an_interrupt_not_an_answer(pipe) -> None:
    with pytest.raises(KeyboardInterrupt):
        choose(pipe, CTRL_C)


def test_text_with_several_lines(pipe) -> None:
    prompt = TextPrompt("Hvad inspirerede jer?")
    assert type_text(pipe, "Et besøg" + ALT_ENTER + "på Ærø" + ENTER, prompt) == "Et besøg\npå Ærø"


def test_text_starts_from_its_default(pipe) -> None:
    prompt = TextPrompt("Note", default="Vi mangler HR")
    assert type_text(pipe, " og budget" + ENTER, prompt) == "Vi mangler HR og budget"


def test_left_at_the_start_of_an_unchanged_text_goes_back(pipe) -> None:
    prompt = TextPrompt("Vision", default="Vi vil", can_go_back=True)
    assert type_text(pipe, "\x01" + LEFT, prompt) is Action.BACK  # Ctrl-A, then ←


def test_left_in_edited_text_moves_the_cursor(pipe) -> None:
    prompt = TextPrompt("Vision", default="", can_go_back=True)
    assert type_text(pipe, "ab" + LEFT + LEFT + LEFT + "x" + ENTER, prompt) == "xab"


def test_text_is_checked_before_it_is_accepted(pipe) -> None:
    prompt = TextPrompt("Antal", check=lambda t: None if t.isdigit() else "Skriv et tal")
    assert type_text(pipe, "otte" + ENTER + "\x15" + "8" + ENTER, prompt) == "8"  # Ctrl-U clears


@pytest.mark.parametrize(("keys", "error"), [(CTRL_C, KeyboardInterrupt), (CTRL_D, EOFError)])
def test_text_interrupts(pipe, keys, error) -> None:
    with pytest.raises(error):
        type_text(pipe, keys, TextPrompt("Navn"))


def test_anchor_texts_are_wrapped_under_their_label() -> None:
    choice = Choice(
        "3", "Forbilledligt", "3", "Arbejdsgruppen har ledelse, medarbejdere, HR og en peer-medarbejder med."
    )
    assert _lines(choice, 40) == [
        "3  Forbilledligt",
        "Arbejdsgruppen har ledelse,",
        "medarbejdere, HR og en",
        "peer-medarbejder med.",
    ]


def test_one_asker_asks_prompt_after_prompt_afresh(pipe) -> None:
    asker = TerminalAsker(input=pipe, output=DummyOutput())
    pipe.send_text(DOWN + ENTER)
    assert asker.choose(ITEM) == "high"
    pipe.send_text(ENTER)  # the pointer starts at the current answer again
    assert asker.choose(ITEM) == "mid"
    yes_no = ChoicePrompt("Skriv rapporten nu?", (Choice("yes", "Ja", "j"), Choice("no", "Nej", "n")))
    pipe.send_text("n")  # n is "no" here, not the note key
    assert asker.choose(yes_no) == "no"


def test_hints_and_long_labels_wrap_between_words_never_inside_one() -> None:
    from peerready.meeting.terminal import wrap_hint

    hint = "↑↓/1–5 vælg · Enter bekræft · ← tilbage · s spring over · n note · m markér · g gå til · Ctrl-C"
    lines = wrap_hint(hint, 60).split("\n")
    assert all(len(line) < 60 for line in lines)
    assert " · ".join(lines).split(" · ") == hint.split(" · ")  # broken only between hints
    label = (
        "12. Ledelsen ser ansættelsen af peer-medarbejdere som en sag for hele organisationen. – ubesvaret"
    )
    wrapped = _lines(Choice("x", label), 60)
    assert " ".join(part.strip() for part in wrapped) == label
    assert all(len(part) <= 60 for part in wrapped)


def test_enter_on_a_fresh_item_does_nothing_until_an_answer_is_picked(pipe) -> None:
    fresh = ChoicePrompt(ITEM.message, ITEM.choices, actions=ITEM.actions)  # no current answer
    assert choose(pipe, ENTER + ENTER + "3", fresh) == "high"
    assert choose(pipe, ENTER + DOWN + ENTER, fresh) == "low"  # the first arrow picks the first


def test_mark_and_go_to_are_actions(pipe) -> None:
    prompt = ChoicePrompt(ITEM.message, ITEM.choices, actions=frozenset({Action.MARK, Action.JUMP}))
    assert choose(pipe, "m", prompt) == Action.MARK
    assert choose(pipe, "g", prompt) == Action.JUMP


def test_ctrl_c_in_text_keeps_what_was_typed(pipe) -> None:
    with pytest.raises(Paused) as paused:
        type_text(pipe, "Vi mangler" + CTRL_C, TextPrompt("Note"))
    assert paused.value.typed == "Vi mangler"


def test_question_mark_asks_for_guidance_before_typing_and_is_a_character_after(pipe) -> None:
    prompt = TextPrompt("Hvad inspirerede jer?", guidance=True)
    assert type_text(pipe, "?", prompt) == Action.GUIDANCE
    assert type_text(pipe, "Hvorfor?" + ENTER, prompt) == "Hvorfor?"
