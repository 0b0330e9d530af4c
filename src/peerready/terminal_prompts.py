"""Prompts on a real terminal. The only module that imports questionary (and prompt_toolkit).

questionary gives the choice list and the line editor; the keys a meeting needs on top of
that (a digit answers at once, ← goes back, s skips, n opens the note, ? the guidance) are
extra key bindings that end the prompt with an `Action` for the question loop to handle.
`unsafe_ask` lets Ctrl-C through as KeyboardInterrupt: a paused meeting is not an answer.
"""

from __future__ import annotations

import shutil
import textwrap
from typing import Any

import questionary
from prompt_toolkit.application import Application, get_app
from prompt_toolkit.filters import Condition, to_filter
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import BufferControl, Container, FormattedTextControl, HSplit, Layout, Window
from questionary.prompts.common import InquirerControl

from peerready.prompting import KEY_GUIDANCE, KEY_NOTE, KEY_SKIP, Action, Choice, ChoicePrompt, TextPrompt

STYLE = questionary.Style(
    [
        *questionary.constants.DEFAULT_STYLE.style_rules,
        ("qmark", "bold"),
        ("question", "bold"),
        ("answer", "bold"),
        ("pointer", "bold"),
        ("highlighted", "bold reverse"),
        ("selected", "bold underline"),
        ("instruction", ""),
        ("hint", ""),
        ("bottom-toolbar", "noreverse"),
    ]
)
ACTION_KEYS: dict[Action, str | Keys] = {
    Action.BACK: Keys.Left,
    Action.SKIP: KEY_SKIP,
    Action.NOTE: KEY_NOTE,
    Action.GUIDANCE: KEY_GUIDANCE,
}
POINTER = "»"
INDENT = 6  # where a choice's label starts: " » " and "1  "


class TerminalAsker:
    """Asks on the terminal; `input`/`output` let tests drive it through a pipe."""

    def __init__(self, *, input: Any = None, output: Any = None) -> None:
        self._io = {k: v for k, v in (("input", input), ("output", output)) if v is not None}

    def choose(self, prompt: ChoicePrompt) -> str | Action:
        # One Application with our own key bindings instead of questionary.select, which
        # builds three (two of them unused PromptSessions): 23 ms less between two answers.
        width = shutil.get_terminal_size().columns
        entries: list[questionary.Choice] = []
        for index, choice in enumerate(prompt.choices):
            if index == prompt.gap_before:
                entries.append(questionary.Separator(" "))
            entries.append(questionary.Choice(_title(choice, width), value=choice.value))
        control = InquirerControl(
            entries,
            default=prompt.default,
            pointer=POINTER,
            use_indicator=False,
            show_description=False,
            initial_choice=prompt.default,
        )
        rows: list[Container] = [
            Window(
                FormattedTextControl([("class:qmark", "› "), ("class:question", prompt.message)]), height=1
            ),
            Window(control, dont_extend_height=True),
        ]
        if prompt.hint:
            rows.append(Window(height=1))  # a blank line between the choices and the keys
            rows.append(
                Window(
                    FormattedTextControl([("class:hint", prompt.hint)]),
                    wrap_lines=True,
                    dont_extend_height=True,
                )
            )
        app: Application[str | Action] = Application(
            layout=Layout(HSplit(rows)),
            key_bindings=_choice_keys(prompt, control),
            style=STYLE,
            erase_when_done=True,
            **self._io,
        )
        result: str | Action = questionary.Question(app).unsafe_ask()
        return result

    def text(self, prompt: TextPrompt) -> str | Action:
        check = prompt.check

        def validate(value: str) -> bool | str:
            problem = check(value) if check else None
            return problem or True

        # The answer goes on the lines under the question, each indented like the first.
        question = questionary.text(
            f"{prompt.message}\n",
            default=prompt.default,
            validate=validate,
            qmark="›",
            style=STYLE,
            key_bindings=_text_keys(prompt),
            prompt_continuation=" ",
            bottom_toolbar=[("class:hint", prompt.hint)] if prompt.hint else None,
            erase_when_done=True,
            **self._io,
        )
        for window in question.application.layout.find_all_windows():
            if isinstance(window.content, BufferControl):  # no blank screen between text and hint
                window.dont_extend_height = to_filter(True)
        result: str | Action = question.unsafe_ask()
        return result


def _title(choice: Choice, width: int) -> str:
    """'1  Label', with the detail (an anchor text) wrapped on the lines below, indented."""
    key = choice.key or " "
    title = f"{key}  {choice.label}"
    if choice.detail:
        lines = textwrap.wrap(choice.detail, max(20, width - INDENT - 1), break_on_hyphens=False)
        title += "".join(f"\n{' ' * INDENT}{line}" for line in lines)
    return title


def _choice_keys(prompt: ChoicePrompt, control: InquirerControl) -> KeyBindings:
    """Arrows move, Enter takes the pointed choice, a choice's key takes it at once."""
    bindings = _list_keys(control)
    targets: list[tuple[str | Keys, str | Action]] = [(c.key, c.value) for c in prompt.choices if c.key]
    targets += [(ACTION_KEYS[action], action) for action in prompt.actions]
    for key, value in targets:
        bindings.add(key, eager=True)(_finish_with(value))
    return bindings


def _finish_with(value: str | Action) -> Any:
    def handler(event: KeyPressEvent) -> None:
        event.app.exit(result=value)

    return handler


def _list_keys(control: InquirerControl) -> KeyBindings:
    bindings = KeyBindings()

    def move(step: int) -> Any:
        def handler(_: KeyPressEvent) -> None:
            control.pointed_at = (control.pointed_at + step) % control.choice_count
            while not control.is_selection_valid():  # over the gap before "don't know"
                control.pointed_at = (control.pointed_at + step) % control.choice_count

        return handler

    for key, step in ((Keys.Down, 1), (Keys.Up, -1), (Keys.ControlN, 1), (Keys.ControlP, -1)):
        bindings.add(key, eager=True)(move(step))

    @bindings.add(Keys.ControlC, eager=True)
    def _(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    @bindings.add(Keys.ControlM, eager=True)
    def _(event: KeyPressEvent) -> None:
        event.app.exit(result=control.get_pointed_at().value)

    @bindings.add(Keys.Any)
    def _(_: KeyPressEvent) -> None:
        """Other keys do nothing (and are not typed onto the screen)."""

    return bindings


def _text_keys(prompt: TextPrompt) -> KeyBindings:
    bindings = KeyBindings()

    @bindings.add(Keys.Escape, Keys.ControlM)  # Alt+Enter: terminals send Esc, then Enter
    def _(event: KeyPressEvent) -> None:
        event.current_buffer.insert_text("\n")

    @Condition
    def at_start_unchanged() -> bool:
        buffer = get_app().current_buffer
        return buffer.cursor_position == 0 and buffer.text in ("", prompt.default)

    if prompt.can_go_back:

        @bindings.add(Keys.Left, filter=at_start_unchanged)
        def _(event: KeyPressEvent) -> None:
            event.app.exit(result=Action.BACK)

    return bindings
