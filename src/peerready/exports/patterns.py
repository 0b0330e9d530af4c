"""Answer patterns: the items of a domain in blocks of up to four, whose raw answers are counted
together as one tuple, and the tallies that follow from such counts.

A block of four five-point items has at most 8^4 patterns (with "don't know", "not applicable"
and no answer), so the counts stay small however many respondents there are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from peerready.exports.answers import DK, NA
from peerready.exports.lanes import DomainCoder, moments
from peerready.exports.layout import Layout
from peerready.scoring.tally import ScoringPlan, Tally

BLOCK = 4  # items counted together


@dataclass
class Block:
    """Up to four items of one domain whose answers are counted as patterns."""

    domain: str
    columns: tuple[int, ...]
    positions: tuple[int, ...]
    get: Callable[[Sequence[str]], Any]
    resolve: tuple[Callable[[str], int | None], ...]  # per column: raw text → answer code
    known: tuple[dict[str, int], ...]  # per column: the texts resolved so far (the resolvers' own)
    lanes: tuple[dict[int, int], ...]  # per column: answer code → its part of the domain code
    codes: dict[Hashable, tuple[int, ...]] = field(default_factory=dict)  # pattern → answer codes
    partial: dict[Hashable, int] = field(default_factory=dict)  # pattern → its part of the domain code

    def pattern(self, key: Hashable) -> tuple[str, ...]:
        return key if isinstance(key, tuple) else (str(key),)


@dataclass
class Bucket:
    respondents: int = 0
    blocks: list[Counter[Hashable]] = field(default_factory=list)
    codes: dict[str, Counter[int]] = field(default_factory=dict)  # domains of several blocks


def make_blocks(layout: Layout, domain_coders: dict[str, DomainCoder]) -> list[Block]:
    found = []
    for domain, coder in domain_coders.items():
        columns = [c for p in coder.items for c, q in layout.items.items() if q == p]
        for start in range(0, len(columns), BLOCK):
            part = tuple(columns[start : start + BLOCK])
            positions = tuple(layout.items[c] for c in part)
            resolve = tuple(layout.resolvers[c].code for c in part)
            lanes = tuple(coder.lanes(p, len(layout.plan.items[p].rescaled)) for p in positions)
            known = tuple(layout.resolvers[c].known for c in part)
            found.append(Block(domain, part, positions, itemgetter(*part), resolve, known, lanes))
    return found


def combine(buckets: Sequence[Bucket], blocks: int) -> Bucket:
    total = Bucket(blocks=[Counter() for _ in range(blocks)])
    for part in buckets:
        total.respondents += part.respondents
        for mine, theirs in zip(total.blocks, part.blocks, strict=True):
            mine.update(theirs)
        for domain, codes in part.codes.items():
            total.codes.setdefault(domain, Counter()).update(codes)
    return total


def tally_of(
    bucket: Bucket,
    blocks: list[Block],
    domain_coders: dict[str, DomainCoder],
    absent: dict[str, int],
    plan: ScoringPlan,
    min_coverage: float,
) -> Tally:
    """A tally from pattern counts: each distinct pattern is decoded once."""
    tally = Tally(plan, min_coverage)
    tally.respondents = bucket.respondents
    for counter, block in zip(bucket.blocks, blocks, strict=True):
        for pattern, n in counter.items():
            for position, code in zip(block.positions, block.codes[pattern], strict=True):
                if code >= 0:
                    tally.counts[position][code] += n
                elif code == DK:
                    tally.dont_know[position] += n
                elif code == NA:
                    tally.not_applicable[position] += n
    for domain, coder in domain_coders.items():
        own = [b for b in blocks if b.domain == domain]
        codes = _codes(bucket, blocks, own, absent[domain])
        tally.domain_scores[domain] = moments([(coder.score(code), n) for code, n in codes])
        tally.reach[domain] = sum(n for code, n in codes if coder.answered(code))
    return tally


def _codes(bucket: Bucket, blocks: list[Block], own: list[Block], constant: int) -> list[tuple[int, int]]:
    """(a respondent's domain code, how many had it) for a domain."""
    if not own:
        return [(constant, bucket.respondents)]
    if len(own) > 1:
        return list(bucket.codes.get(own[0].domain, Counter()).items())
    counter = bucket.blocks[blocks.index(own[0])]
    return [(own[0].partial[p] + constant, n) for p, n in counter.items()]
