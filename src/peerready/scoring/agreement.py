"""Within-group agreement from answer counts: rwg, rwg(j) and the average deviation (AD).

Answers are placed on their option's rank (0 … A−1, options ordered by points) so that the
uniform null distribution has variance (A² − 1) / 12 (James, Demaree & Wolf 1984).
Everything is computed from counts, so a million answers cost no more than ten.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def null_variance(options: int) -> float:
    """Variance of answers spread evenly over A options: (A² − 1) / 12."""
    return (options * options - 1) / 12


def moments(counts: Sequence[int]) -> tuple[int, float, float]:
    """(n, mean, sample variance) of ranks 0 … len(counts)−1 given how often each occurred."""
    n = sum(counts)
    if n == 0:
        return 0, math.nan, math.nan
    mean = math.fsum(rank * c for rank, c in enumerate(counts)) / n
    if n < 2:
        return n, mean, math.nan
    squares = math.fsum(c * (rank - mean) ** 2 for rank, c in enumerate(counts))
    return n, mean, squares / (n - 1)


def rwg(counts: Sequence[int]) -> float | None:
    """Single-item agreement, 1 − s²/σ²EU truncated to 0–1; None with fewer than two answers."""
    n, _, variance = moments(counts)
    if n < 2 or len(counts) < 2:
        return None
    return min(1.0, max(0.0, 1.0 - variance / null_variance(len(counts))))


def rwg_j(item_counts: Sequence[Sequence[int]]) -> float | None:
    """Multi-item agreement rwg(j) over the items with at least two answers.

    Items may sit on scales of different lengths, so each item's variance is taken relative to
    its own null variance before averaging. A mean ratio of 1 or more (answers as spread as
    chance, or more) means no agreement: 0.
    """
    ratios = []
    for counts in item_counts:
        n, _, variance = moments(counts)
        if n >= 2 and len(counts) >= 2:
            ratios.append(variance / null_variance(len(counts)))
    if not ratios:
        return None
    j = len(ratios)
    mean_ratio = math.fsum(ratios) / j
    if mean_ratio >= 1:
        return 0.0
    agreement = j * (1 - mean_ratio)
    return min(1.0, agreement / (agreement + mean_ratio))


def average_deviation(counts: Sequence[int]) -> float | None:
    """AD: mean absolute distance of the answers from their mean, in scale points."""
    n, mean, _ = moments(counts)
    if n < 2:
        return None
    return math.fsum(c * abs(rank - mean) for rank, c in enumerate(counts)) / n


def ad_cutoff(options: int) -> float:
    """Burke & Dunlap (2002): agreement is acceptable while AD ≤ c/6 for c options."""
    return options / 6
