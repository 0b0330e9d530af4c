"""Numbers, dates and quotation marks as each language writes them (Babel's locale data)."""

from __future__ import annotations

import datetime as dt

from peerready.i18n import format_date, format_number, format_optional, format_percent, quoted


def test_dates() -> None:
    day = dt.date(2026, 11, 23)
    assert format_date(day, "da") == "23. november 2026"
    assert format_date(day, "en") == "23 November 2026"
    assert format_date(dt.date(2026, 3, 1), "da") == "1. marts 2026"


def test_numbers_with_each_language_s_marks() -> None:
    assert format_number(1234.5, "da", 1) == "1.234,5"
    assert format_number(1234.5, "en", 1) == "1,234.5"
    assert format_number(-0.25, "da", 2) == "-0,25"
    assert format_number(66.0, "en") == "66"
    # rounded as written, not as the float is stored: 2.675 is 2.67499… in binary
    assert format_number(2.675, "da", 2) == "2,68"


def test_percentages_and_missing_values() -> None:
    assert format_percent(0.67, "da") == "67 %"  # a plain space: the same in a CSV cell as on screen
    assert format_percent(0.67, "en") == "67%"
    assert format_optional(None, "da") == "–"
    assert format_optional(3.14159, "en", 2) == "3.14"


def test_quotation_marks_as_each_language_writes_them() -> None:
    assert quoted("Kultur", "da") == "»Kultur«"  # Danish: pointing inwards
    assert quoted("Culture", "en") == "“Culture”"
