"""The join address as a QR code the projector shows in the terminal: two rows of modules per
line of half blocks, dark on light whatever the terminal's colours, with the address beside it."""

from __future__ import annotations

from functools import cache

import segno
from rich.text import Text

BORDER = 2  # modules of quiet zone; scanners need some


@cache
def qr_text(url: str) -> Text:
    rows = [list(row) for row in segno.make(url, error="m").matrix_iter(border=BORDER)]
    if len(rows) % 2:
        rows.append([0] * len(rows[0]))
    lines: list[str] = []
    for top, bottom in zip(rows[::2], rows[1::2], strict=True):
        # Foreground black on a white background: the upper module is the glyph, the lower one
        # the background, so each cell shows both.
        lines.append(
            "".join(_cell(bool(upper), bool(lower)) for upper, lower in zip(top, bottom, strict=True))
        )
    return Text("\n".join(lines), style="black on white", no_wrap=True, overflow="crop")


def _cell(upper_dark: bool, lower_dark: bool) -> str:
    if upper_dark and lower_dark:
        return "█"
    if upper_dark:
        return "▀"
    if lower_dark:
        return "▄"
    return " "
