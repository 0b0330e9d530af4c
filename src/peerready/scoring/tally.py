"""Counting answers: a scoring plan precomputed from a questionnaire, and tallies that
accumulate answers so that any number of respondents scores in constant memory.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from peerready.errors import Problem
from peerready.model.ids import DONT_KNOW, NOT_APPLICABLE
from peerready.model.questionnaire import Questionnaire, ScoredItem, TextItem


@dataclass(frozen=True)
class ItemPlan:
    id: str
    domain: str
    kind: str
    weight: float
    option_ids: tuple[str, ...]
    points: tuple[float, ...]
    rank: tuple[int, ...] = field(repr=False)  # option index → rank by points
    ranks: int  # distinct point values: the A in rwg's null variance
    rescaled: tuple[float, ...] = field(repr=False)  # option index → 0–100
    favourable: tuple[bool, ...] = field(repr=False)
    index_of: Mapping[str, int] = field(repr=False)


@dataclass(frozen=True)
class ScoringPlan:
    items: tuple[ItemPlan, ...]
    text_items: tuple[str, ...]
    domain_items: Mapping[str, tuple[int, ...]]  # domain id → positions in `items`
    not_asked: frozenset[str] = frozenset()  # items an export has no column for: not counted as missing

    @classmethod
    def build(cls, questionnaire: Questionnaire) -> ScoringPlan:
        items: list[ItemPlan] = []
        domain_items: dict[str, tuple[int, ...]] = {}
        for domain in questionnaire.domains:
            start = len(items)
            items.extend(_item_plan(questionnaire, item, domain.id) for item in domain.scored_items)
            domain_items[domain.id] = tuple(range(start, len(items)))
        texts = tuple(i.id for i in questionnaire.all_items if isinstance(i, TextItem))
        return cls(tuple(items), texts, domain_items)

    def asking_only(self, asked: set[str]) -> ScoringPlan:
        """The plan for answers that ask only these items (an export without some columns)."""
        return replace(self, not_asked=frozenset(p.id for p in self.items if p.id not in asked))

    def check(self, answers: Mapping[str, str], path: str) -> list[Problem]:
        """Problems with one respondent's answers: unknown items or options."""
        by_id = {plan.id: plan for plan in self.items}
        problems = []
        for item_id, value in answers.items():
            plan = by_id.get(item_id)
            if plan is None:
                if item_id not in self.text_items:
                    problems.append(Problem(f"{path}.{item_id}", "no such item in the questionnaire"))
            elif value not in plan.index_of and value not in (DONT_KNOW, NOT_APPLICABLE):
                allowed = ", ".join(plan.option_ids)
                problems.append(
                    Problem(
                        f"{path}.{item_id}",
                        f"'{value}' is not an answer to this item "
                        f"(expected one of {allowed}, {DONT_KNOW}, {NOT_APPLICABLE})",
                    )
                )
        return problems


def _item_plan(q: Questionnaire, item: ScoredItem, domain: str) -> ItemPlan:
    options = q.options_of(item)
    points = tuple(float(o.points) for o in options)
    distinct = sorted(set(points))
    low, high = distinct[0], distinct[-1]
    threshold = q.favourable_from(item)
    rescaled = tuple((p - low) / (high - low) * 100 for p in points)
    if threshold is None:  # favourable by the bands' own cut: the answer alone reaches the top band
        cut = max(b.min for b in q.bands_for(q.domain_by_id[domain]))
        favourable = tuple(r >= cut for r in rescaled)
    else:
        favourable = tuple(p >= threshold for p in points)
    return ItemPlan(
        id=item.id,
        domain=domain,
        kind=item.kind,
        weight=item.weight,
        option_ids=tuple(o.id for o in options),
        points=points,
        rank=tuple(distinct.index(p) for p in points),
        ranks=len(distinct),
        rescaled=rescaled,
        favourable=favourable,
        index_of={o.id: i for i, o in enumerate(options)},
    )


def own_score(
    values: list[float], weights: list[float], applicable: int, min_coverage: float
) -> float | None:
    """One respondent's score on a domain: the weighted mean of the answered items' 0–100 values.

    math.fsum is exact and independent of order, so the batch scorer, which adds the same
    values grouped differently, gets bit-for-bit the same score.
    """
    answered = len(values)
    if not answered or answered < min_coverage * applicable:
        return None
    return math.fsum(values) / math.fsum(weights)


@dataclass
class Moments:
    """Running n, mean, variance (Welford), min and max."""

    n: int = 0
    mean: float = 0.0
    m2: float = 0.0
    low: float = math.inf
    high: float = -math.inf

    def add(self, value: float) -> None:
        self.n += 1
        delta = value - self.mean
        self.mean += delta / self.n
        self.m2 += delta * (value - self.mean)
        self.low = min(self.low, value)
        self.high = max(self.high, value)

    def merge(self, other: Moments) -> None:
        if other.n == 0:
            return
        n = self.n + other.n
        delta = other.mean - self.mean
        self.mean += delta * other.n / n
        self.m2 += other.m2 + delta * delta * self.n * other.n / n
        self.n = n
        self.low = min(self.low, other.low)
        self.high = max(self.high, other.high)


@dataclass
class Tally:
    """Answers counted per item and option for one group of respondents."""

    plan: ScoringPlan
    min_coverage: float = 0.6
    respondents: int = 0
    counts: list[list[int]] = field(default_factory=list)
    dont_know: list[int] = field(default_factory=list)
    not_applicable: list[int] = field(default_factory=list)
    domain_scores: dict[str, Moments] = field(default_factory=dict)
    reach: dict[str, int] = field(default_factory=dict)  # domain → respondents who answered one of its items
    texts: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.counts:
            self.counts = [[0] * len(p.option_ids) for p in self.plan.items]
            self.dont_know = [0] * len(self.plan.items)
            self.not_applicable = [0] * len(self.plan.items)
            self.domain_scores = {d: Moments() for d in self.plan.domain_items}
        if not self.reach:
            self.reach = dict.fromkeys(self.plan.domain_items, 0)

    def add(self, answers: Mapping[str, str]) -> None:
        """Count one respondent's answers (already checked with `ScoringPlan.check`)."""
        self.respondents += 1
        chosen: list[int | None] = []
        for position, plan in enumerate(self.plan.items):
            value = answers.get(plan.id)
            index = plan.index_of.get(value) if value is not None else None
            chosen.append(index)
            if index is not None:
                self.counts[position][index] += 1
            elif value == DONT_KNOW:
                self.dont_know[position] += 1
            elif value == NOT_APPLICABLE:
                self.not_applicable[position] += 1
        for domain, positions in self.plan.domain_items.items():
            if any(chosen[p] is not None for p in positions):
                self.reach[domain] += 1
            own = self._own_domain_score(positions, chosen, answers)
            if own is not None:
                self.domain_scores[domain].add(own)
        for item_id in self.plan.text_items:
            text = answers.get(item_id, "").strip()
            if text:
                self.texts.setdefault(item_id, []).append(text)

    def _own_domain_score(
        self, positions: tuple[int, ...], chosen: list[int | None], answers: Mapping[str, str]
    ) -> float | None:
        values: list[float] = []
        weights: list[float] = []
        applicable = 0
        for position in positions:
            plan = self.plan.items[position]
            if answers.get(plan.id) != NOT_APPLICABLE and plan.id not in self.plan.not_asked:
                applicable += 1
            index = chosen[position]
            if index is not None:
                values.append(plan.rescaled[index] * plan.weight)
                weights.append(plan.weight)
        return own_score(values, weights, applicable, self.min_coverage)

    def merge(self, other: Tally) -> None:
        self.respondents += other.respondents
        for mine, theirs in zip(self.counts, other.counts, strict=True):
            for index, count in enumerate(theirs):
                mine[index] += count
        for position in range(len(self.plan.items)):
            self.dont_know[position] += other.dont_know[position]
            self.not_applicable[position] += other.not_applicable[position]
        for domain, stats in other.domain_scores.items():
            self.domain_scores[domain].merge(stats)
        for domain, n in other.reach.items():
            self.reach[domain] += n
        for item_id, texts in other.texts.items():
            self.texts.setdefault(item_id, []).extend(texts)
