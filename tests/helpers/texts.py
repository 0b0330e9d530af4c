"""The texts in a dumped document (questionnaire, catalogue): its bilingual pairs, and every string."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def bilingual(value: Any) -> Iterator[tuple[str, str]]:
    """Every bilingual text (a mapping with exactly 'da' and 'en') as (Danish, English)."""
    if isinstance(value, dict):
        if set(value) == {"da", "en"} and all(isinstance(v, str) for v in value.values()):
            yield value["da"], value["en"]
            return
        for child in value.values():
            yield from bilingual(child)
    elif isinstance(value, list):
        for child in value:
            yield from bilingual(child)


def strings(value: Any) -> Iterator[str]:
    """Every string in it, bilingual or not (ids, verbatim quotations, section names)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for child in value.values():
            yield from strings(child)
    elif isinstance(value, list):
        for child in value:
            yield from strings(child)
