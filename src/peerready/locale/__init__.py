"""The interface's message catalogues (gettext, managed with Babel), and the lookup in them.

The English text is the message id; `<lang>/LC_MESSAGES/peerready.mo` beside this file holds each
other language, compiled from the `.po` next to it (README: adding a language). Free of pydantic and
rich on purpose: `peerready --help` is translated through it and must start fast.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import Literal, get_args

from peerready.errors import EnvironmentProblem

Lang = Literal["da", "en"]
LANGUAGES: tuple[Lang, ...] = get_args(Lang)
DOMAIN = "peerready"
SOURCE: Lang = "en"  # the language the message ids are written in

_interface: list[Lang] = [SOURCE]  # the language of this run's messages, help and errors


@cache
def catalogue(lang: Lang) -> gettext.NullTranslations:
    """The compiled catalogue of one language; the source language needs none."""
    if lang == SOURCE:
        return gettext.NullTranslations()
    compiled = files(__name__).joinpath(lang, "LC_MESSAGES", f"{DOMAIN}.mo")
    try:
        with compiled.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except FileNotFoundError:
        raise EnvironmentProblem(
            f"the message catalogue for '{lang}' is missing from the installation; reinstall peerready"
        ) from None


def translate(msgid: str, lang: Lang, context: str | None = None) -> str:
    """The text in `lang`; the English itself where the catalogue has no translation."""
    table = catalogue(lang)
    return table.gettext(msgid) if context is None else table.pgettext(context, msgid)


def set_language(lang: Lang) -> None:
    """Chosen once per run by the command line: --lang, else the locale."""
    _interface[0] = lang


def language() -> Lang:
    return _interface[0]


def _(msgid: str) -> str:
    """The message in this run's language: errors, help and progress lines."""
    return translate(msgid, _interface[0])


def N_(msgid: str) -> str:
    """Marks a text for the catalogue where it must stay English until it is shown (help texts,
    declared before the language is known)."""
    return msgid


def locale_language(environ: Mapping[str, str]) -> Lang:
    """The language the locale names (LC_ALL, LC_MESSAGES, LANG, LANGUAGE: the first one set),
    when peerready speaks it; otherwise English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = environ.get(name, "")
        if value:
            code = value.split(":", 1)[0][:2].lower()
            return next((lang for lang in LANGUAGES if lang == code), SOURCE)
    return SOURCE
