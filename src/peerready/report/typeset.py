"""Typesetting rules for the report's own prose, applied as text becomes HTML.

Danish takes »…« quotation marks (the questionnaires and some interface texts write «…», the
way the terminal shows them; the reasons a criterion gives are written »…« already); a compound
with a hyphen ("peer-medarbejdere") may break at its hyphen but is never hyphenated again after
it; a short word never stands alone on the last line; a URL is a link that is never hyphenated.
Every function escapes what it is given first.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from peerready.i18n import Lang

# A Danish quote already written »…« is kept; a «…» one is turned round.
_DANISH_QUOTES = re.compile(r"»[^«»]*«|«([^«»]*)»")
_COMPOUND = re.compile(r"\w+(?:-\w+)+")
_LAST_WORD = re.compile(r" (\S{1,4})$")  # a short last word, with its punctuation
_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:)]")
NO_BREAK_SPACE = "\u00a0"


def quotes(text: str, lang: Lang) -> str:
    """«…» as the language writes it: »…« in Danish, “…” in English."""
    if lang == "da":
        return _DANISH_QUOTES.sub(lambda m: m[0] if m[1] is None else f"»{m[1]}«", text)
    return re.sub(r"«([^«»]*)»", r"“\1”", text)


def keep_last_word(text: str) -> str:
    """Bind a short last word to the one before it, so that it never ends up alone on a line."""
    return _LAST_WORD.sub(NO_BREAK_SPACE + r"\1", text.rstrip())


def _compounds(escaped: str) -> str:
    return _COMPOUND.sub(lambda m: f'<span class="compound">{m[0]}</span>', escaped)


def prose(text: object, lang: Lang) -> Markup:
    """The report's own text (and the questionnaire's) as HTML, typeset for its language."""
    plain = keep_last_word(quotes(str(text), lang))
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
