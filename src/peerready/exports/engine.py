"""The streaming scorer: chunks of rows in, tallies per group out, in constant memory.

Rows are counted as answer patterns, never cell by cell; a chunk with a problem is checked
row by row. The design is in docs/architecture.md ("The batch engine").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from operator import attrgetter, itemgetter
from typing import cast

from peerready.errors import InputError
from peerready.exports.answers import NOT_STATED, normal, unmask
from peerready.exports.checker import RowProblem, cells_fit, fit, problems_in, role_of
from peerready.exports.counts import MAX_PROBLEMS, Key, RespondentRows, RowCounts
from peerready.exports.lanes import coders
from peerready.exports.layout import Layout
from peerready.exports.patterns import Block, Bucket, combine, make_blocks, tally_of
from peerready.scoring.groups import OTHER
from peerready.scoring.tally import Tally


@dataclass
class BatchScorer:
    layout: Layout
    min_coverage: float
    by_group: bool = False
    by_role: bool = False
    include_incomplete: bool = False
    respondents: RespondentRows | None = None  # receives per-respondent scores, chunk by chunk
    counts: RowCounts = field(default_factory=RowCounts)
    problems: list[RowProblem] = field(default_factory=list)
    buckets: dict[Key, Bucket] = field(default_factory=dict)
    texts: dict[str, list[str]] = field(default_factory=dict)
    group_labels: dict[str, str] = field(default_factory=dict)
    roles: Counter[str] = field(default_factory=Counter)
    seen: set[str] = field(default_factory=set)  # respondent ids: the one thing that grows

    def __post_init__(self) -> None:
        self.coders = coders(self.layout.plan, self.min_coverage)
        self.blocks = make_blocks(self.layout, self.coders)
        self.by_domain = {d: [b for b in self.blocks if b.domain == d] for d in self.coders}
        present = set(self.layout.items.values())
        self.absent = {
            d: sum(coder.value(p, -3) for p in coder.items if p not in present)
            for d, coder in self.coders.items()
        }
        self.groups: dict[str, str] = {}  # raw group text → group key

    def feed(self, rows: list[list[str]], positions: Callable[[], list[int]]) -> None:
        self.counts.rows += len(rows)
        listed = len(self.problems)
        where: list[int] = []

        def position(index: int) -> int:
            if not where:
                where.extend(positions())
            return where[index]

        order = list(range(len(rows)))
        rows, order = self._fitted(rows, order, position)
        rows, order = self._finished(rows, order)
        if self.layout.checkboxes:
            rows = list(map(self.layout.extend, rows))
        keys = self._keys(rows, order, position) if self.by_group or self.by_role else None
        if keys is not None:
            ranked = sorted(range(len(rows)), key=keys.__getitem__)
            rows, order, keys = [rows[i] for i in ranked], [order[i] for i in ranked], sorted(keys)
        direct = self._bucket((None, None)) if keys is None else None
        counted = self._good(rows, direct)
        if not counted:
            good = self._checked(rows, order, position)
            rows, order = [rows[i] for i in good], [order[i] for i in good]
            keys = [keys[i] for i in good] if keys is not None else None
        if rows:
            self.counts.scored += len(rows)
            self._count(rows, order, keys, counted and direct is not None)
        if len(self.problems) > MAX_PROBLEMS:  # ragged rows are found first: keep the first by line
            self.problems[listed:] = sorted(self.problems[listed:], key=attrgetter("position"))
            del self.problems[MAX_PROBLEMS:]

    def _fitted(
        self, rows: list[list[str]], order: list[int], position: Callable[[int], int]
    ) -> tuple[list[list[str]], list[int]]:
        width = len(self.layout.header)
        if set(map(len, rows)) <= {width}:
            return rows, order
        kept, kept_order = [], []
        for index, row in zip(order, rows, strict=True):
            fitted = fit(row, width)
            if fitted is None:
                message = f"ragged row: {len(row)} fields, but the header has {width}"
                self._reject([RowProblem(position(index), None, message)])
            else:
                kept.append(fitted)
                kept_order.append(index)
        return kept, kept_order

    def _finished(self, rows: list[list[str]], order: list[int]) -> tuple[list[list[str]], list[int]]:
        for rule in self.layout.completion:
            done = list(map(rule.finished, map(itemgetter(rule.column), rows)))
            unfinished = done.count(False)
            if not unfinished:
                continue
            if self.include_incomplete:
                self.counts.incomplete_scored += unfinished
                continue
            self.counts.incomplete += unfinished
            self.counts.reasons[rule.reason()] += unfinished
            rows = [row for row, ok in zip(rows, done, strict=True) if ok]
            order = [index for index, ok in zip(order, done, strict=True) if ok]
        return rows, order

    def _keys(self, rows: list[list[str]], order: list[int], position: Callable[[int], int]) -> list[Key]:
        layout = self.layout
        groups: list[str | None] = [None] * len(rows)
        roles: list[str | None] = [None] * len(rows)
        if self.by_group and layout.group is not None:
            column = list(map(itemgetter(layout.group), rows))
            for index, raw in zip(order, column, strict=True):
                if raw not in self.groups:
                    self.groups[raw] = self._group(raw, position(index))
            groups = list(map(self.groups.__getitem__, column))
        if self.by_role and layout.role is not None:
            roles = [role_of(row[layout.role], layout) or "" for row in rows]
        return list(zip(groups, roles, strict=True))

    def _group(self, raw: str, line: int) -> str:
        if normal(raw) in (OTHER, NOT_STATED):
            raise InputError(
                f"line {line}: group '{raw.strip()}' in column '{self.layout.name(self.layout.group or 0)}' "
                "is a name peerready gives groups itself; rename it in the file"
            )
        key = self.layout.group_of(raw)
        self.group_labels.setdefault(key, raw.strip())
        return key

    def _good(self, rows: list[list[str]], direct: Bucket | None) -> bool:
        """Whether every row is good, judged column by column and pattern by pattern. With
        `direct`, the patterns are counted into it on the way (and taken out again if not)."""
        layout = self.layout
        ids: list[str] = []
        if layout.respondent is not None:
            ids = list(map(str.strip, map(itemgetter(layout.respondent), rows)))
            if "" in ids or len(set(ids)) != len(ids) or not self.seen.isdisjoint(ids):
                return False
        roles = set(map(itemgetter(layout.role), rows)) if layout.role is not None else set()
        if any(role_of(r, layout) is None for r in roles) or not cells_fit(rows, layout, ids):
            return False
        for index, block in enumerate(self.blocks):
            if direct is None:
                new = set(map(block.get, rows)).difference(block.codes)
            else:
                counter = direct.blocks[index]
                before = len(counter)  # every pattern in it is learnt: only a larger one has new ones
                counter.update(map(block.get, rows))  # C-level counting
                new = counter.keys() - block.codes.keys() if len(counter) > before else set()
            if not all(self._learn(block, key) for key in new):
                if direct is not None:
                    self._uncount(direct, rows, index + 1)
                return False
        self.seen.update(ids)
        return True

    def _uncount(self, bucket: Bucket, rows: list[list[str]], blocks: int) -> None:
        for counter, block in zip(bucket.blocks[:blocks], self.blocks, strict=False):
            counter.subtract(map(block.get, rows))
            for key in [k for k, n in counter.items() if n <= 0]:
                del counter[key]

    def _bucket(self, key: Key) -> Bucket:
        bucket = self.buckets.get(key)
        if bucket is None:
            bucket = self.buckets[key] = Bucket(blocks=[Counter() for _ in self.blocks])
        return bucket

    def _learn(self, block: Block, key: Hashable) -> bool:
        raws = block.pattern(key)
        codes = tuple(map(dict.get, block.known, raws))  # spellings seen before: no call per cell
        if None in codes:
            codes = tuple([resolve(raw) for resolve, raw in zip(block.resolve, raws, strict=True)])
            if None in codes:
                return False
        known = cast(tuple[int, ...], codes)
        block.codes[key] = known
        block.partial[key] = sum(map(dict.__getitem__, block.lanes, known))
        return True

    def _checked(self, rows: list[list[str]], order: list[int], position: Callable[[int], int]) -> list[int]:
        """Indices of the good rows, checked in the file's order (the first of a duplicate id wins)."""
        good = []
        layout = self.layout
        for index in sorted(range(len(rows)), key=order.__getitem__):
            row = rows[index]
            found = problems_in(row, position(order[index]), layout, self.seen)
            if found:
                self._reject(found)
                continue
            good.append(index)
            if layout.respondent is not None:
                self.seen.add(row[layout.respondent].strip())
            for block in self.blocks:
                key = block.get(row)
                if key not in block.codes:
                    self._learn(block, key)
        return sorted(good)

    def _reject(self, found: list[RowProblem]) -> None:
        self.counts.rejected += 1
        self.counts.problems += len(found)
        self.problems.extend(found)  # cut to MAX_PROBLEMS at the end of the chunk

    def _count(self, rows: list[list[str]], order: list[int], keys: list[Key] | None, counted: bool) -> None:
        layout = self.layout
        if layout.role is not None:
            self.roles.update(map(itemgetter(layout.role), rows))
        if layout.texts:
            in_file_order = [rows[i] for i in sorted(range(len(rows)), key=order.__getitem__)]
            for column, item_id in layout.texts.items():
                found = [t for t in map(unmask, map(itemgetter(column), in_file_order)) if t]
                if found:
                    self.texts.setdefault(item_id, []).extend(found)
        segments = (
            [((None, None), len(rows))] if keys is None else [(k, len(list(g))) for k, g in groupby(keys)]
        )
        start, per_respondent = 0, []
        for key, size in segments:
            part = rows[start : start + size] if keys is not None else rows
            codes = self._count_segment(key, part, counted)
            if self.respondents is not None:
                per_respondent += self._respondent_rows(part, codes)
            start += size
        if self.respondents is not None:
            ranked = sorted(range(len(rows)), key=order.__getitem__)
            self.respondents([per_respondent[i] for i in ranked])

    def _count_segment(self, key: Key, rows: list[list[str]], counted: bool) -> dict[str, list[int]]:
        """Count a segment of good rows (if `_good` has not counted them already)."""
        bucket = self._bucket(key)
        bucket.respondents += len(rows)
        if not counted:
            for counter, block in zip(bucket.blocks, self.blocks, strict=True):
                counter.update(map(block.get, rows))
        codes = {}
        for domain, blocks in self.by_domain.items():
            if len(blocks) > 1 or self.respondents is not None:
                codes[domain] = self._domain_codes(domain, blocks, rows)
            if len(blocks) > 1:
                bucket.codes.setdefault(domain, Counter()).update(codes[domain])
        return codes

    def _domain_codes(self, domain: str, blocks: list[Block], rows: list[list[str]]) -> list[int]:
        parts = [list(map(b.partial.__getitem__, map(b.get, rows))) for b in blocks]
        constant = self.absent[domain]
        if not parts:
            return [constant] * len(rows)
        summed = list(map(sum, zip(*parts, strict=True))) if len(parts) > 1 else parts[0]
        return [code + constant for code in summed] if constant else summed

    def _respondent_rows(
        self, rows: list[list[str]], codes: dict[str, list[int]]
    ) -> list[tuple[str, str, str, list[float | None]]]:
        layout = self.layout
        scores = [list(map(self.coders[d].score, codes[d])) for d in self.coders]
        found = []
        for index, row in enumerate(rows):
            respondent = row[layout.respondent].strip() if layout.respondent is not None else ""
            group = row[layout.group].strip() if layout.group is not None else ""
            role = (role_of(row[layout.role], layout) or "") if layout.role is not None else ""
            found.append((respondent, group, role, [s[index] for s in scores]))
        return found

    def tally(self, keys: Sequence[Key]) -> Tally:
        """The tally of some buckets together, from their pattern counts (exact, in any order)."""
        bucket = combine([self.buckets[key] for key in keys], len(self.blocks))
        return tally_of(bucket, self.blocks, self.coders, self.absent, self.layout.plan, self.min_coverage)

    def overall(self) -> Tally:
        total = self.tally(list(self.buckets))
        total.texts = {k: list(v) for k, v in self.texts.items()}
        return total

    def breakdown(self, index: int) -> dict[str, Tally]:
        """Tallies per group (index 0) or per role (index 1)."""
        members: dict[str, list[Key]] = {}
        for key in self.buckets:
            if key[index] is not None:
                members.setdefault(key[index] or "", []).append(key)
        return {name: self.tally(keys) for name, keys in sorted(members.items())}

    def role_counts(self) -> dict[str, int]:
        found: Counter[str] = Counter()
        for raw, n in self.roles.items():
            found[role_of(raw, self.layout) or "other"] += n
        return dict(sorted(found.items()))
