"""Which band a score falls in."""

from __future__ import annotations

from peerready.model.questionnaire import Band


def ascending(bands: list[Band]) -> list[Band]:
    """Bands from the lowest scores up (a file may list them in any order)."""
    return sorted(bands, key=lambda b: b.min)


def band_for(score: float | None, bands: list[Band]) -> Band | None:
    """The band containing the score; bands are [min, max) and the top one includes its max."""
    if score is None:
        return None
    ordered = ascending(bands)
    for band in ordered:
        if band.min <= score < band.max:
            return band
    top = ordered[-1]
    return top if score == top.max else None


def band_rank(band_id: str | None, bands: list[Band]) -> int | None:
    """0 for the lowest band, rising with the score."""
    ordered = [b.id for b in ascending(bands)]
    return ordered.index(band_id) if band_id in ordered else None


def lowest(bands: list[Band]) -> Band:
    return min(bands, key=lambda b: b.min)
