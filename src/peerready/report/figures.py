"""How the report writes its figures: scores, percentages, changes and level places."""

from __future__ import annotations

from peerready.i18n import Lang, format_number, format_percent
from peerready.model.bands import band_rank
from peerready.model.questionnaire import Band
from peerready.report.baseline import Change
from peerready.report.view import Delta

MARKS = {"up": "▲", "down": "▼", "same": "="}
MINUS = "−"  # a real minus sign, not a hyphen


def score_text(score: float | None, lang: Lang) -> str:
    return "–" if score is None else format_number(score, lang)


def percent_text(share: float | None, lang: Lang) -> str:
    return "–" if share is None else format_percent(share, lang)


def delta_view(change: Change | None, lang: Lang) -> Delta | None:
    """'▲ +12' from 41 to 53 (whole points, as the scores are shown); '=' within the noise."""
    if change is None or change.direction is None:
        return None
    moved = round(change.after or 0) - round(change.before or 0)
    # within the noise threshold the mark alone says "no change", whatever the decimals did
    text = "" if change.direction == "same" else f"+{moved}" if moved > 0 else f"{MINUS}{-moved}"
    return Delta(change.direction, MARKS[change.direction], text, score_text(change.before, lang))


def rank_name(band: str | None, bands: list[Band]) -> str:
    """low / mid / top / none: a band's place among its bands, for styling only."""
    rank = band_rank(band, bands)
    if rank is None:
        return "none"
    return "low" if rank == 0 else "top" if rank == len(bands) - 1 else "mid"
