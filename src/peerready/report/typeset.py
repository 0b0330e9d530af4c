"""Typesetting rules for the report's own prose, applied as text becomes HTML.

A compound with a hyphen ("peer-medarbejdere") may break at its hyphen but is never hyphenated
again after it; a short word never stands alone on the last line; a URL is a link that is never
hyphenated. Every function escapes what it is given first. Quotation marks are left as they are:
the texts are written with their language's own (»…« in Danish, “…” in English; `i18n.quoted`),
the same in the report as in the terminal and the CSV.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_COMPOUND = re.compile(r"\w+(?:-\w+)+")
_LAST_WORD = re.compile(r" (\S{1,4})$")  # a short last word, with its punctuation
_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:)]")
NO_BREAK_SPACE = "\u00a0"


def keep_last_word(text: str) -> str:
    """Bind a short last word to the one before it, so that it never ends up alone on a line."""
    return _LAST_WORD.sub(NO_BREAK_SPACE + r"\1", text.rstrip())


def _compounds(escaped: str) -> str:
    return _COMPOUND.sub(lambda m: f'<span class="compound">{m[0]}</span>', escaped)


def prose(text: object) -> Markup:
    """The report's own text (and the questionnaire's) as HTML, typeset."""
    plain = keep_last_word(str(text))
    return Markup(_compounds(str(escape(plain))))  # escaped before any markup is added


def link(url: str) -> Markup:
    """A web address as a clickable link that is never hyphenated; anything else as plain text."""
    if not _URL.fullmatch(url):
        return escape(url)
    safe = escape(url)
    return Markup(f'<a class="url" href="{safe}">{safe}</a>')  # both parts escaped


def with_links(text: str) -> Markup:
    """Text whose web addresses become links (a source line)."""
    parts: list[str] = []
    last = 0
    for found in _URL.finditer(text):
        parts.append(str(escape(text[last : found.start()])))
        parts.append(str(link(found[0])))
        last = found.end()
    parts.append(str(escape(text[last:])))
    return Markup("".join(parts))  # every piece escaped above


def css_string(text: str) -> str:
    """Text as a CSS string literal, e.g. for a page footer's `content`."""
    escaped = "".join(ch if ch.isalnum() or ch in " .,:;@+()/–-'&·" else f"\\{ord(ch):x} " for ch in text)
    return f'"{escaped}"'
