"""What the assessment asks, as data, and the one interface that asks it.

The question loop (`flow`) builds prompts and gets back an answer or an action; the terminal
implementation (`terminal`, the only questionary module) and the scripted one in the tests both
satisfy `Asker`. Prompt libraries have no "go back", so going back, skipping, notes, marks,
jumps and guidance are actions the loop handles itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol

# The same keys in both languages, so a facilitator's habits carry over.
KEY_GUIDANCE = "?"
KEY_NOTE = "n"
KEY_SKIP = "s"
KEY_MARK = "m"
KEY_JUMP = "g"


class Action(Enum):
    """Something other than an answer that the group asked for at a prompt."""

    BACK = "back"  # ← : the previous item (or voter)
    SKIP = "skip"  # s : leave the item for later
    NOTE = "note"  # n : write or edit the item's note
    GUIDANCE = "guidance"  # ? : show or hide the item's guidance
    MARK = "mark"  # m : mark the item for discussion, or take the mark away
    JUMP = "jump"  # g : go to another item


class Paused(KeyboardInterrupt):
    """Ctrl-C at a text prompt, carrying what had been typed so it can be kept."""

    def __init__(self, typed: str) -> None:
        super().__init__()
        self.typed = typed


@dataclass(frozen=True)
class Choice:
    """One line of a choice list: what it returns, what it shows, and the key that picks it."""

    value: str
    label: str
    key: str | None = None
    detail: str | None = None  # e.g. an anchor text, shown under the label


@dataclass(frozen=True)
class ChoicePrompt:
    message: str
    choices: tuple[Choice, ...]
    # The current answer: marked, and where the pointer starts. Without one no choice is
    # pre-selected: Enter does nothing until a key or an arrow picks one.
    default: str | None = None
    hint: str = ""  # the key hints, always visible under the choices
    actions: frozenset[Action] = frozenset()
    gap_before: int | None = None  # index of the first choice set apart (e.g. "don't know")
    # A line kept up to date while the prompt waits (the discussion timer), above the hints.
    status: Callable[[], str] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class TextPrompt:
    message: str
    default: str = ""  # the text to edit
    hint: str = ""
    can_go_back: bool = False
    placeholder: str = ""  # shown while nothing is typed; Enter on nothing gives ""
    # Returns an error message for text that cannot be accepted, or None.
    check: Callable[[str], str | None] | None = field(default=None, compare=False)
    guidance: bool = False  # ? before anything is typed (or Ctrl-G at any time) asks for guidance


class Asker(Protocol):
    def choose(self, prompt: ChoicePrompt) -> str | Action:
        """The chosen choice's value, or an action from `prompt.actions`."""
        ...

    def text(self, prompt: TextPrompt) -> str | Action:
        """The text as entered (possibly several lines), `Action.BACK` or `Action.GUIDANCE`.

        Ctrl-C raises `Paused` with the text typed so far."""
        ...
