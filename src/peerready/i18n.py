"""Two languages, Danish and English: bilingual text, and numbers and dates as each writes them."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from peerready.locale import LANGUAGES, Lang, translate

__all__ = [
    "LANGUAGES",
    "LText",
    "Lang",
    "both",
    "format_date",
    "format_number",
    "format_optional",
    "format_percent",
    "number_text",
    "tr",
]

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class LText(BaseModel):
    """A text in both Danish and English; neither may be missing."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    da: NonEmpty
    en: NonEmpty

    def get(self, lang: Lang) -> str:
        if lang == "da":  # the two languages first: views call this for every cell they show
            return self.da
        if lang == "en":
            return self.en
        text: str = getattr(self, lang)  # a language added later (README: adding a language)
        return text

    @classmethod
    def same(cls, text: str) -> LText:
        """A name or value from the data (a group key, an id), shown as it is in every language:
        not interface text, so nothing to translate."""
        return cls(**{lang: text for lang in LANGUAGES})

    def fill(self, **values: LText | str) -> LText:
        """This text as a template with its {placeholders} filled in each language: an LText
        value in that language, a str as it is in all of them."""
        return LText(
            **{
                lang: self.get(lang).format(
                    **{k: v.get(lang) if isinstance(v, LText) else v for k, v in values.items()}
                )
                for lang in LANGUAGES
            }
        )


def both(da: str, en: str) -> LText:
    """Text made at run time in both languages (names, numbers, quoted content). Interface
    text written in the code is `tr("English")`, translated in the message catalogue."""
    return LText(da=da, en=en)


def tr(en: str, context: str | None = None) -> LText:
    """An interface text in every language, from its English (the catalogue's message id). A
    context tells two uses of one English text apart that other languages word differently."""
    return LText(**{lang: translate(en, lang, context) for lang in LANGUAGES})


# Babel's locale data writes numbers and dates as each language does; it is imported when first
# needed (its data loads on first use, about 30 ms), never for `--help`.
BABEL_LOCALES: dict[Lang, str] = {"da": "da_DK", "en": "en_GB"}


def format_date(day: dt.date, lang: Lang) -> str:
    """'23. november 2026' in Danish, '23 November 2026' in English."""
    from babel.dates import format_date as babel_date

    return babel_date(day, format="long", locale=BABEL_LOCALES[lang])


def format_number(value: float, lang: Lang, decimals: int = 0) -> str:
    """A number with the language's decimal mark (Danish uses a comma) and thousands mark."""
    from babel.numbers import format_decimal

    pattern = "#,##0." + "0" * decimals if decimals else "#,##0"
    return format_decimal(value, format=pattern, locale=BABEL_LOCALES[lang])


def format_percent(share: float, lang: Lang) -> str:
    """A share in 0–1 as a whole percentage: '67 %' in Danish, '67%' in English."""
    from babel.numbers import format_percent as babel_percent

    # Babel puts a no-break space before a Danish '%'; a plain one keeps CSV cells and the text
    # people copy from the terminal the same as before.
    return babel_percent(share, locale=BABEL_LOCALES[lang]).replace("\xa0", " ")


def number_text(value: float, decimals: int = 0) -> LText:
    """A number as each language writes it, for filling a template (`LText.fill`)."""
    return LText(**{lang: format_number(value, lang, decimals) for lang in LANGUAGES})


QUOTES: dict[Lang, tuple[str, str]] = {"da": ("»", "«"), "en": ("“", "”")}


def quoted(text: str, lang: Lang) -> str:
    """Text in the language's quotation marks: »…« in Danish, “…” in English."""
    opening, closing = QUOTES[lang]
    return f"{opening}{text}{closing}"


def format_optional(value: float | None, lang: Lang, decimals: int = 0) -> str:
    return "–" if value is None else format_number(value, lang, decimals)
