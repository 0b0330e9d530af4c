"""User text made safe for where it is shown: a terminal, or Markdown.

User text (an organisation's name, group names from an export, notes, a questionnaire file's
titles) may hold control characters: on a terminal an escape sequence can retitle the window,
clear the screen or write to the clipboard (OSC 52). In Markdown it may hold markup: an image
that loads from a server, a heading that forges a verdict, a `|` that breaks a table.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, and C1 (U+0080–U+009F: 0x9B alone starts a sequence
# on some terminals). Carriage return goes too: it lets text overwrite what was printed.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")
_MARKDOWN = re.compile(r"([\\`*_\[\]|#!~<>&])")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def has_control(text: str) -> bool:
    return _CONTROL.search(text) is not None


def terminal_text(text: str) -> str:
    """Text without control characters (tab and newline stay)."""
    return _CONTROL.sub("", text)


def terminal_lines(text: str) -> str:
    """Machine-readable output (CSV's \\r\\n line ends) on a terminal: without control characters
    but the line ends."""
    return _LINE_CONTROL.sub("", text)


def one_line(text: str) -> str:
    """A single-line field (a name, a group) as one line: line breaks and runs of space collapsed."""
    return " ".join(terminal_text(text).split())


def markdown_text(value: object) -> str:
    """One line of Markdown that shows the text as typed: markup characters escaped (<, > and
    & as entities, since Markdown readers pass HTML through), line breaks and runs of space
    collapsed into one space (a line break could start a heading), control characters dropped."""
    text = one_line(str(value))
    return _MARKDOWN.sub(lambda m: _ENTITIES.get(m[1], "\\" + m[1]), text)
