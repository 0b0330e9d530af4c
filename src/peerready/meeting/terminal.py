"""Prompts on a real terminal. The only module that imports questionary (and prompt_toolkit).

Choice lists are one prompt_toolkit Application, built once and run for every prompt: the
group sees the next item about 15 ms sooner than with a new questionary.select each time
(which builds three Applications and loads all of prompt_toolkit's key bindings for each).
Open text uses questionary.text. The keys a meeting needs (a digit answers at once, ← goes
back, s skips, n opens the note, ? the guidance) end a prompt with an `Action` for the
question loop to handle, and both kinds of prompt are run with questionary's `unsafe_ask`,
which lets Ctrl-C through as KeyboardInterrupt: a paused meeting is not an answer.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from typing import Any

import questionary
from prompt_toolkit.application import Application, get_app
from prompt_toolkit.filters import Condition, to_filter
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import (
    BufferControl,
    ConditionalContainer,
    Dimension,
    FormattedTextControl,
    HSplit,
    Layout,
    Window,
)

from peerready.meeting.prompts import (
    KEY_GUIDANCE,
    KEY_JUMP,
    KEY_MARK,
    KEY_NOTE,
    KEY_SKIP,
    Action,
    Choice,
    ChoicePrompt,
    Paused,
    TextPrompt,
)

STYLE = questionary.Style(
    [
        *questionary.constants.DEFAULT_STYLE.style_rules,
        ("qmark", "bold"),
        ("question", "bold"),
        ("answer", "bold"),
        ("highlighted", "bold reverse"),
        ("selected", "bold underline"),
        ("hint", ""),
        ("placeholder", "fg:ansibrightblack"),
        ("bottom-toolbar", "noreverse"),
    ]
)
ACTION_KEYS = {
    KEY_SKIP: Action.SKIP,
    KEY_NOTE: Action.NOTE,
    KEY_GUIDANCE: Action.GUIDANCE,
    KEY_MARK: Action.MARK,
    KEY_JUMP: Action.JUMP,
}
POINTER = " » "
INDENT = 6  # where a choice's label starts: the pointer and "1  "


class TerminalAsker:
    """Asks on the terminal; `input`/`output` let tests drive it through a pipe."""

    def __init__(
        self, *, input: Any = None, output: Any = None, rows_used: Callable[[], int] | None = None
    ) -> None:
        self._io = {k: v for k, v in (("input", input), ("output", output)) if v is not None}
        self._list = ChoiceList(self._io, rows_used)

    def choose(self, prompt: ChoicePrompt) -> str | Action:
        return self._list.ask(prompt)

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
            placeholder=[("class:placeholder", prompt.placeholder)] if prompt.placeholder else None,
            bottom_toolbar=[
                ("", "\n"),
                ("class:hint", wrap_hint(prompt.hint, shutil.get_terminal_size().columns)),
            ]
            if prompt.hint
            else None,
            erase_when_done=True,
            **self._io,
        )
        for window in question.application.layout.find_all_windows():
            if isinstance(window.content, BufferControl):  # no blank screen between text and hint
                window.dont_extend_height = to_filter(True)
        try:
            result: str | Action = question.unsafe_ask()
        except KeyboardInterrupt as stop:
            if isinstance(stop, Paused):
                raise
            # A pause from outside (the terminal closed): what was typed goes with it all the same.
            raise Paused(question.application.current_buffer.text) from None
        return result


class ChoiceList:
    """One choice list on the screen at a time: the prompt being asked and where the pointer is."""

    def __init__(self, io: dict[str, Any], rows_used: Callable[[], int] | None = None) -> None:
        self.rows_used = rows_used
        self.prompt = ChoicePrompt("", ())
        self.pointer: int | None = None  # no choice pre-selected on a fresh item
        rows = [
            Window(FormattedTextControl(self._message), dont_extend_height=True),
            Window(
                FormattedTextControl(self._choices, show_cursor=False),
                height=self._room,
                dont_extend_height=True,
            ),
            ConditionalContainer(
                Window(FormattedTextControl(self._status), dont_extend_height=True),
                filter=Condition(lambda: self.prompt.status is not None),
            ),
            ConditionalContainer(
                Window(FormattedTextControl(self._hint), wrap_lines=True, dont_extend_height=True),
                filter=Condition(lambda: bool(self.prompt.hint)),
            ),
        ]
        self.app: Application[str | Action] = Application(
            layout=Layout(HSplit(rows)), key_bindings=self._keys(), style=STYLE, erase_when_done=True, **io
        )

    def ask(self, prompt: ChoicePrompt) -> str | Action:
        self.prompt = prompt
        values = [c.value for c in prompt.choices]
        self.pointer = values.index(prompt.default) if prompt.default in values else None
        self.app.refresh_interval = 1.0 if prompt.status is not None else None  # a ticking timer
        result: str | Action = questionary.Question(self.app).unsafe_ask()
        return result

    def _status(self) -> StyleAndTextTuples:
        status = self.prompt.status
        return [("", "\n"), ("class:hint", status())] if status is not None else []

    def _message(self) -> StyleAndTextTuples:
        return [("class:qmark", "› "), ("class:question", self.prompt.message)]

    def _hint(self) -> StyleAndTextTuples:
        width = shutil.get_terminal_size().columns
        return [("", "\n"), ("class:hint", wrap_hint(self.prompt.hint, width))]

    def _room(self) -> Dimension:
        """The rows the choices may take: what the screen has left under the card, so that the
        card's position and statement are never scrolled off; the choices scroll instead."""
        if self.rows_used is None:
            return Dimension()
        height = shutil.get_terminal_size().lines
        hint = wrap_hint(self.prompt.hint, shutil.get_terminal_size().columns).count("\n") + 2
        return Dimension(max=max(3, height - self.rows_used() - hint - 2))

    def _choices(self) -> StyleAndTextTuples:
        width = shutil.get_terminal_size().columns
        tokens: StyleAndTextTuples = []
        for index, choice in enumerate(self.prompt.choices):
            if index == self.prompt.gap_before:
                tokens.append(("", "\n"))
            style = "class:text"
            if choice.value == self.prompt.default:
                style = "class:selected"  # the current answer
            if index == self.pointer:
                style = "class:highlighted"
                tokens.append(("class:pointer", POINTER))
                tokens.append(("[SetCursorPosition]", ""))
            else:
                tokens.append(("", " " * len(POINTER)))
            label, *details = _lines(choice, width)
            tokens.append((style, label))
            for line in details:
                tokens += [("", "\n" + " " * INDENT), (style, line)]
            tokens.append(("", "\n"))
        return tokens[:-1]

    def _keys(self) -> KeyBindings:
        bindings = KeyBindings()

        def move(step: int) -> Any:
            def handler(_: KeyPressEvent) -> None:
                count = len(self.prompt.choices)
                if self.pointer is None:  # the first arrow picks the first (or last) choice
                    self.pointer = 0 if step > 0 else count - 1
                else:
                    self.pointer = (self.pointer + step) % count

            return handler

        for key, step in ((Keys.Down, 1), (Keys.Up, -1), (Keys.ControlN, 1), (Keys.ControlP, -1)):
            bindings.add(key, eager=True)(move(step))

        @bindings.add(Keys.ControlC, eager=True)
        def _(event: KeyPressEvent) -> None:
            event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

        @bindings.add(Keys.ControlM, eager=True)
        def _(event: KeyPressEvent) -> None:
            if self.pointer is not None:  # Enter on a fresh item records nothing
                event.app.exit(result=self.prompt.choices[self.pointer].value)

        @bindings.add(Keys.Left, filter=Condition(lambda: Action.BACK in self.prompt.actions))
        def _(event: KeyPressEvent) -> None:
            event.app.exit(result=Action.BACK)

        @bindings.add(Keys.Any)
        def _(event: KeyPressEvent) -> None:
            # One binding for every other key, looked up in the prompt being asked, so that
            # the bindings (and prompt_toolkit's cache of them) stay the same from prompt to prompt.
            key = event.data
            chosen = next((c.value for c in self.prompt.choices if c.key == key), None)
            if chosen is not None:
                event.app.exit(result=chosen)
            elif ACTION_KEYS.get(key) in self.prompt.actions:
                event.app.exit(result=ACTION_KEYS[key])

        return bindings


def _lines(choice: Choice, width: int) -> list[str]:
    """'1  Label', then the detail (an anchor text), wrapped between words to go under the label."""
    room = max(20, width - INDENT - 1)
    label = f"{choice.key}  {choice.label}" if choice.key else choice.label
    first, *rest = textwrap.wrap(label, room + INDENT - len(POINTER), break_on_hyphens=False) or [""]
    details = textwrap.wrap(choice.detail or "", room, break_on_hyphens=False)
    return [first, *(textwrap.wrap(" ".join(rest), room, break_on_hyphens=False) if rest else []), *details]


def wrap_hint(hint: str, width: int) -> str:
    """Key hints on as many lines as needed, broken only between hints (and words)."""
    lines: list[str] = []
    for part in hint.split(" · "):
        if lines and len(lines[-1]) + 3 + len(part) < width:
            lines[-1] += " · " + part
        else:
            lines += textwrap.wrap(part, max(20, width - 1), break_on_hyphens=False) or [""]
    return "\n".join(lines)


def _text_keys(prompt: TextPrompt) -> KeyBindings:
    bindings = KeyBindings()

    @bindings.add(Keys.Escape, Keys.ControlM)  # Alt+Enter: terminals send Esc, then Enter
    def _(event: KeyPressEvent) -> None:
        event.current_buffer.insert_text("\n")

    @Condition
    def at_start_unchanged() -> bool:
        buffer = get_app().current_buffer
        return buffer.cursor_position == 0 and buffer.text in ("", prompt.default)

    @Condition
    def unchanged() -> bool:
        return get_app().current_buffer.text in ("", prompt.default)

    if prompt.can_go_back:

        @bindings.add(Keys.Left, filter=at_start_unchanged)
        def _(event: KeyPressEvent) -> None:
            event.app.exit(result=Action.BACK)

    @bindings.add(Keys.ControlC, eager=True)
    def pause(event: KeyPressEvent) -> None:  # what was typed goes with the pause, to be kept
        event.app.exit(exception=Paused(event.current_buffer.text), style="class:aborting")

    if prompt.guidance:

        def guidance(event: KeyPressEvent) -> None:
            event.app.exit(result=Action.GUIDANCE)

        bindings.add(KEY_GUIDANCE, filter=unchanged)(guidance)
        bindings.add(Keys.ControlG)(guidance)

    return bindings
