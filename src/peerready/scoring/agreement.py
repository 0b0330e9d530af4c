"""Within-group agreement from answer counts.

An item is flagged only where the group's disagreement could change what the report concludes:
the answers lie on both sides of the favourable cut, and they are spread, measured by the
average deviation around the median (AD_Md; Burke, Finkelstein & Dusig 1999) in answer levels,
reaching Burke & Dunlap's (2002) c/6 for c levels. AD_Md suits 4–12 people on 3–5 levels: one
dissenter among six moves it by at most (c − 1)/6, below c/6, while rwg against a uniform null
drops to 0 when one of six answers at the far end of a three-level scale.

rwg and rwg(j) (James, Demaree & Wolf 1984) are still computed, as descriptive numbers only.
Answers are placed on their option's rank (0 … A−1, options ordered by points); everything is
computed from counts, so a million answers cost no more than ten.
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


def _median_rank(counts: Sequence[int], n: int) -> int:
    """The lower median: any median minimises the summed distance equally."""
    seen = 0
    for rank, count in enumerate(counts):
        seen += count
        if 2 * seen >= n:
            return rank
    return len(counts) - 1  # pragma: no cover - unreachable with n > 0


def _distance_sum(counts: Sequence[int], n: int) -> int:
    median = _median_rank(counts, n)
    return sum(c * abs(rank - median) for rank, c in enumerate(counts))


def median_deviation(counts: Sequence[int]) -> float | None:
    """AD_Md: the mean distance of the answers from their median, in answer levels."""
    n = sum(counts)
    if n < 2:
        return None
    return _distance_sum(counts, n) / n


def spread_cutoff(levels: int) -> float:
    """Burke & Dunlap (2002): c/6 for c answer levels (0.5 on three levels, 0.83 on five)."""
    return levels / 6


def splits_decision(counts: Sequence[int], favourable: Sequence[bool]) -> bool:
    """Whether the answers disagree in a way that could change the conclusion: some are
    favourable and some not, and their AD_Md reaches c/6.

    At exactly c/6 the item is flagged: on three levels, a group split evenly between "partly"
    and "in place" sits there, and that split decides whether the item is in place. The test is
    made on whole numbers (6 · Σ|x − median| ≥ c · n), so no rounding decides a flag.
    """
    n = sum(counts)
    good = sum(c for c, favoured in zip(counts, favourable, strict=True) if favoured)
    if n < 2 or good in (0, n):
        return False
    return 6 * _distance_sum(counts, n) >= len(counts) * n
