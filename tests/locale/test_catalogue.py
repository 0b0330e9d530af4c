"""The message catalogue: every interface text in the code has its Danish translation, the
compiled .mo that ships is the .po as it stands, and placeholders survive translation."""

from __future__ import annotations

import gettext
import re
from pathlib import Path
from typing import Any

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import peerready
from peerready.i18n import LText, both, number_text, tr
from peerready.locale import LANGUAGES, N_, SOURCE, _, catalogue, language, set_language, translate

PACKAGE = Path(peerready.__file__).parent
LOCALES = PACKAGE / "locale"
# The calls whose first argument is a message id (README: adding interface text).
KEYWORDS: dict[str, Any] = {"tr": {1: (1,), 2: (1, (2, "c"))}, "_": None, "N_": None}
PLACEHOLDER = re.compile(r"\{[^{}]*\}")

Key = tuple[str, str | None]  # (msgid, context)


def po(lang: str) -> Catalog:
    with (LOCALES / lang / "LC_MESSAGES" / "peerready.po").open("rb") as handle:
        return read_po(handle)


def messages(catalog: Catalog) -> dict[Key, str]:
    found = {}
    for message in catalog:
        if message.id and isinstance(message.id, str) and isinstance(message.string, str):
            found[message.id, message.context] = message.string
    return found


def in_the_code() -> dict[Key, str]:
    """Every message id the code marks, with the first place it is used."""
    found: dict[Key, str] = {}
    for filename, line, message, _comments, context in extract_from_dir(PACKAGE, keywords=KEYWORDS):
        if isinstance(message, str):
            found.setdefault((message, context), f"{filename}:{line}")
    return found


TRANSLATED = [lang for lang in LANGUAGES if lang != SOURCE]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_text_in_the_code_has_a_translation(lang: str) -> None:
    have = messages(po(lang))
    missing = [
        f"{where}: {msgid!r}" for (msgid, ctx), where in in_the_code().items() if not have.get((msgid, ctx))
    ]
    assert missing == [], f"add these to locale/{lang}/LC_MESSAGES/peerready.po and compile it"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_catalogue_holds_no_text_the_code_no_longer_uses(lang: str) -> None:
    unused = sorted(set(messages(po(lang))) - set(in_the_code()), key=str)
    assert unused == [], "remove these from the .po (or use them again)"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_translation_is_fuzzy_or_empty(lang: str) -> None:
    doubtful = [m.id for m in po(lang) if m.id and (m.fuzzy or not m.string)]
    assert doubtful == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_shipped_mo_is_the_po_compiled(lang: str) -> None:
    with (LOCALES / lang / "LC_MESSAGES" / "peerready.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    table: dict[str, str] = compiled._catalog  # type: ignore[attr-defined]
    shipped = {k: v for k, v in table.items() if k}
    written = {
        (f"{ctx}\x04{msgid}" if ctx else msgid): text for (msgid, ctx), text in messages(po(lang)).items()
    }
    assert shipped == written, "compile the .po again: pybabel compile -d src/peerready/locale -D peerready"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_every_placeholder(lang: str) -> None:
    changed = [
        f"{msgid!r} → {text!r}"
        for (msgid, _ctx), text in messages(po(lang)).items()
        if sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(text))
    ]
    assert changed == []


def test_bilingual_text_from_the_english() -> None:
    overall = tr("Overall")
    assert (overall.da, overall.en) == ("Samlet", "Overall")


def test_an_unknown_text_stays_english() -> None:
    assert translate("A text no catalogue has", "da") == "A text no catalogue has"


def test_messages_follow_the_chosen_language() -> None:
    before = language()
    try:
        set_language("da")
        assert _("Overall") == "Samlet"
        set_language("en")
        assert _("Overall") == "Overall"
    finally:
        set_language(before)
    assert N_("Overall") == "Overall"  # marked for the catalogue, translated when shown


def test_the_catalogue_is_read_through_the_package() -> None:
    assert catalogue("da").gettext("Overall") == "Samlet"


def test_a_template_is_filled_in_each_language() -> None:
    # an LText value goes in per language, a str (a column name) as it is in both
    filled = tr("“{title}” is in “{label}”").fill(title=both("Ledelse", "Leadership"), label="x_1")
    assert (filled.da, filled.en) == ("»Ledelse« ligger i »x_1«", "“Leadership” is in “x_1”")
    assert number_text(1234.5, 1) == both("1.234,5", "1,234.5")


def test_a_value_from_the_data_is_the_same_in_every_language() -> None:
    assert LText.same("Afd. A") == both("Afd. A", "Afd. A")
