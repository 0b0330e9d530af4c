"""Two languages, Danish and English: bilingual text, and numbers and dates as each writes them."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

Lang = Literal["da", "en"]
LANGUAGES: tuple[Lang, ...] = ("da", "en")

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class LText(BaseModel):
    """A text in both Danish and English; neither may be missing."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    da: NonEmpty
    en: NonEmpty

    def get(self, lang: Lang) -> str:
        return self.da if lang == "da" else self.en


def both(da: str, en: str) -> LText:
    return LText(da=da, en=en)


_DA_MONTHS = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]
_EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def format_date(day: dt.date, lang: Lang) -> str:
    """'23. november 2026' in Danish, '23 November 2026' in English."""
    if lang == "da":
        return f"{day.day}. {_DA_MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}"


def format_number(value: float, lang: Lang, decimals: int = 0) -> str:
    """A number with the language's decimal mark (Danish uses a comma) and thousands mark."""
    text = f"{value:,.{decimals}f}"
    if lang == "da":
        return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def format_percent(share: float, lang: Lang) -> str:
    """A share in 0–1 as a whole percentage: '67 %' in Danish, '67%' in English."""
    number = format_number(share * 100, lang)
    return f"{number} %" if lang == "da" else f"{number}%"


def format_optional(value: float | None, lang: Lang, decimals: int = 0) -> str:
    return "–" if value is None else format_number(value, lang, decimals)
