"""Quotation marks: Danish text quotes »…« wherever it is shown (terminal, CSV, report), English
text “…” (and '…' around a literal value such as a column name or a command). Nothing turns the
marks round at output time, so the catalogue and the bundled content must already be right."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

import peerready
from peerready import resources
from peerready.documents.loader import load_instrument
from tests.helpers.texts import bilingual, strings

PO = Path(peerready.__file__).parent / "locale" / "da" / "LC_MESSAGES" / "peerready.po"

DANISH_QUOTE = re.compile(r"»[^«»]*«")
ENGLISH_QUOTE = re.compile(r"“[^“”]*”")


def danish_problem(text: str) -> str | None:
    """What is wrong with a Danish text's quotation marks, if anything."""
    rest = DANISH_QUOTE.sub("", text)
    if "«" in rest or "»" in rest:
        return "a quotation mark that is not part of »…«"
    if re.search(r"[“”\"]", text):
        return "English-style double quotation marks"
    return None


def english_problem(text: str) -> str | None:
    """What is wrong with an English text's quotation marks, if anything."""
    if re.search(r"[«»‹›\"]", text):
        return "guillemets or straight double quotes"
    rest = ENGLISH_QUOTE.sub("", text)
    if "“" in rest or "”" in rest:
        return "a “ without its ” (or the other way round)"
    return None


def catalogue_texts() -> Iterator[tuple[str, str]]:
    """(English msgid, Danish msgstr) for every message, plural forms included."""
    with PO.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if not message.id:
            continue
        ids = [str(i) for i in message.id] if isinstance(message.id, (tuple, list)) else [str(message.id)]
        strings = message.string if isinstance(message.string, (tuple, list)) else [message.string]
        for index, danish in enumerate(strings):
            yield ids[min(index, len(ids) - 1)], str(danish or "")


def bundled_documents() -> list[Any]:
    instruments = [load_instrument(name) for name in resources.bundled_questionnaire_ids()]
    catalogues = {i.catalogue.model_dump_json(): i.catalogue for i in instruments}.values()
    return [i.questionnaire.model_dump(mode="json") for i in instruments] + [
        c.model_dump(mode="json") for c in catalogues
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("»Ledelse« ligger i »På vej«", None),
        ("Prøv '{command} --help'.", None),  # a literal value keeps its plain quotes
        ("«Ledelse» ligger i «På vej»", "a quotation mark that is not part of »…«"),
        ("»Ledelse« og «Kultur»", "a quotation mark that is not part of »…«"),
        ("»Ledelse« ligger i »På vej", "a quotation mark that is not part of »…«"),
        ("“Ledelse” ligger i “På vej”", "English-style double quotation marks"),
    ],
)
def test_the_danish_rule_tells_guillemets_that_point_outwards(text: str, problem: str | None) -> None:
    assert danish_problem(text) == problem


def test_the_catalogue_quotes_danish_with_guillemets_pointing_inwards() -> None:
    danish = [text for _, text in catalogue_texts()]
    assert {text: danish_problem(text) for text in danish if danish_problem(text)} == {}


def test_the_catalogue_quotes_english_with_curly_or_single_quotes() -> None:
    english = [text for text, _ in catalogue_texts()]
    assert {text: english_problem(text) for text in english if english_problem(text)} == {}


def test_the_bundled_content_quotes_each_language_its_own_way() -> None:
    pairs = [(en, da) for document in bundled_documents() for da, en in bilingual(document)]
    assert len(pairs) > 500  # the questionnaires and the catalogue, not an empty walk
    assert {da: danish_problem(da) for _, da in pairs if danish_problem(da)} == {}
    assert {en: english_problem(en) for en, _ in pairs if english_problem(en)} == {}


def test_no_bundled_text_quotes_with_guillemets_pointing_outwards() -> None:
    # verbatim source passages and section names too, which are not bilingual pairs
    texts = [text for document in bundled_documents() for text in strings(document)]
    assert [t for t in texts if re.search("[«»]", DANISH_QUOTE.sub("", t))] == []
