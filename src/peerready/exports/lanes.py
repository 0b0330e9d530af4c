"""A respondent's domain score from one integer: each answer adds 1 << (8 × slot), with a slot
per option per kind of item (same values and weight), and one each for "don't know", "not
applicable" and no answer. The sum says how many of each a respondent gave, which is all
their domain score depends on, and there are few distinct sums (a few hundred for eight
five-point items), so each is worked out once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from math import fsum

from peerready.exports.answers import DK, EMPTY, NA
from peerready.scoring.tally import Moments, ScoringPlan, own_score

LANE = 8  # bits: room for domains of up to 255 items
MASK = (1 << LANE) - 1


@dataclass
class DomainCoder:
    items: tuple[int, ...]  # positions in the plan
    classes: list[tuple[tuple[float, ...], float]]  # (option values × weight, weight)
    base: dict[int, int]  # position → its first option slot
    dk: int
    na: int
    empty: int
    min_coverage: float
    scores: dict[int, float | None] = field(default_factory=dict)

    def value(self, position: int, code: int) -> int:
        slot = self.base[position] + code if code >= 0 else self.special[code]
        return 1 << (LANE * slot)

    def lanes(self, position: int, options: int) -> dict[int, int]:
        """Every answer code an item of `options` options can have → what it adds to the domain code."""
        return {code: self.value(position, code) for code in (*range(options), DK, NA, EMPTY)}

    @property
    def special(self) -> dict[int, int]:
        return {DK: self.dk, NA: self.na, EMPTY: self.empty}

    def answered(self, code: int) -> bool:
        """Whether a respondent with this code chose an option of any of the domain's items."""
        return bool(code & ((1 << (LANE * self.dk)) - 1))  # the option slots come first

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
    for domain, all_positions in plan.domain_items.items():
        # An item the export did not ask is no part of a respondent's domain score (nor its coverage).
        positions = tuple(p for p in all_positions if plan.items[p].id not in plan.not_asked)
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


def moments(scored: Iterable[tuple[float | None, int]]) -> Moments:
    """Moments of respondents' scores given as (score, how many had it); None scores left out."""
    pairs = [(s, n) for s, n in scored if s is not None and n]
    if not pairs:
        return Moments()
    n = sum(c for _, c in pairs)
    mean = fsum(s * c for s, c in pairs) / n
    m2 = fsum(c * (s - mean) ** 2 for s, c in pairs)
    return Moments(n, mean, m2, min(s for s, _ in pairs), max(s for s, _ in pairs))
