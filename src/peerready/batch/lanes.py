"""Counting many answers at C speed: each answer becomes a power of two in an integer's "lane".

An answer to option j of an item becomes 1 << (16 × slot). Summing a column of such numbers
counts every option at once (one lane per option); summing a respondent's answers across a
domain's items gives a code from which that respondent's domain score follows. There are few
distinct codes (a few hundred for eight five-point items), so each is worked out once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from math import fsum

from peerready.batch.answers import DK, EMPTY, NA
from peerready.tally import Moments, ScoringPlan, own_score

LANE = 16  # bits: room for counts up to 65,535 (chunks are smaller)
MASK = (1 << LANE) - 1


@dataclass
class DomainCoder:
    """Slots for one domain: one per option per kind of item (same values and weight), then
    one each for don't know, not applicable and no answer."""

    items: tuple[int, ...]  # positions in the plan
    classes: list[tuple[tuple[float, ...], float]]  # (option values × weight, weight)
    base: dict[int, int]  # position → its first option slot
    dk: int
    na: int
    empty: int
    min_coverage: float
    scores: dict[int, float | None] = field(default_factory=dict)

    def value(self, position: int, code: int) -> int:
        slot = {DK: self.dk, NA: self.na, EMPTY: self.empty}.get(code, self.base[position] + code)
        return 1 << (LANE * slot)

    def score(self, code: int) -> float | None:
        """One respondent's domain score from their code (None: too few answers)."""
        if code in self.scores:
            return self.scores[code]
        values: list[float] = []
        weights: list[float] = []
        slot = 0
        for option_values, weight in self.classes:
            for value in option_values:
                count = (code >> (LANE * slot)) & MASK
                values += [value] * count
                weights += [weight] * count
                slot += 1
        applicable = len(self.items) - ((code >> (LANE * self.na)) & MASK)
        found = own_score(values, weights, applicable, self.min_coverage)
        self.scores[code] = found
        return found


def coders(plan: ScoringPlan, min_coverage: float) -> dict[str, DomainCoder]:
    found = {}
    for domain, positions in plan.domain_items.items():
        classes: list[tuple[tuple[float, ...], float]] = []
        base: dict[int, int] = {}
        starts: dict[tuple[tuple[float, ...], float], int] = {}
        slot = 0
        for position in positions:
            item = plan.items[position]
            key = (tuple(r * item.weight for r in item.rescaled), item.weight)
            if key not in starts:
                starts[key] = slot
                classes.append(key)
                slot += len(key[0])
            base[position] = starts[key]
        found[domain] = DomainCoder(positions, classes, base, slot, slot + 1, slot + 2, min_coverage)
    return found


def lane(total: int, slot: int) -> int:
    return (total >> (LANE * slot)) & MASK


def add_scores(moments: Moments, coder: DomainCoder, codes: Sequence[int]) -> None:
    """Fold a chunk of respondents' domain scores into running moments, from code counts."""
    pairs = [(score, n) for code, n in Counter(codes).items() if (score := coder.score(code)) is not None]
    if not pairs:
        return

    n = sum(c for _, c in pairs)
    mean = fsum(s * c for s, c in pairs) / n
    m2 = fsum(c * (s - mean) ** 2 for s, c in pairs)
    low = min(s for s, _ in pairs)
    high = max(s for s, _ in pairs)
    moments.merge(Moments(n, mean, m2, low, high))
