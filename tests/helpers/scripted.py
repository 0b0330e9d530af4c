"""A scripted stand-in for the terminal: the answers a group would give, in order."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast

from rich.console import Console, RenderableType

from peerready.meeting.prompts import Action, ChoicePrompt, TextPrompt

Prompt = ChoicePrompt | TextPrompt
Step = str | Action | type[BaseException] | Callable[[Prompt], "str | Action"]


@dataclass
class ScriptedAsker:
    """Answers each prompt with the next step of the script and remembers what it was asked.

    A step is an answer (a choice's value or a text), an Action, an exception to raise
    (KeyboardInterrupt: the facilitator pressed Ctrl-C), or a function of the prompt.
    """

    script: list[Step]
    asked: list[Prompt] = field(default_factory=list)

    def choose(self, prompt: ChoicePrompt) -> str | Action:
        answer = self._next(prompt)
        if isinstance(answer, str):
            values = [c.value for c in prompt.choices]
            assert answer in values, f"{answer!r} is not offered at {prompt.message!r}: {values}"
        else:
            assert answer in prompt.actions, f"{answer} is not offered at {prompt.message!r}"
        return answer

    def text(self, prompt: TextPrompt) -> str | Action:
        answer = self._next(prompt)
        if isinstance(answer, str) and prompt.check is not None:
            assert prompt.check(answer) is None, f"{answer!r} refused at {prompt.message!r}"
        return answer

    def _next(self, prompt: Prompt) -> str | Action:
        self.asked.append(prompt)
        assert self.script, f"the script ran out at {prompt.message!r}"
        step = self.script.pop(0)
        if isinstance(step, type) and issubclass(step, BaseException):
            raise step
        if isinstance(step, str | Action):
            return step
        ask = cast("Callable[[Prompt], str | Action]", step)  # what is left of Step
        return ask(prompt)


@dataclass
class Screen:
    """What the group saw, one rendered screen per step."""

    screens: list[str] = field(default_factory=list)

    def show(self, renderable: RenderableType) -> None:
        self.screens.append(render(renderable))

    @property
    def last(self) -> str:
        return self.screens[-1]


def render(renderable: RenderableType, width: int = 100) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False)
    console.print(renderable)
    output = console.file
    assert isinstance(output, io.StringIO)
    return output.getvalue()
