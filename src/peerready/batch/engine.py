"""The streaming scorer: chunks of rows in, tallies per group out, in constant memory.

The fast path transposes a chunk, maps each column's raw texts to lane numbers through a
per-column dict (learnt once per distinct spelling) and counts with C-level sums. Only a
chunk with a problem is checked row by row; its good rows are then counted the fast way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter

from peerready.batch.answers import normal, unmask
from peerready.batch.checker import RowProblem, fit, problems_in, role_of
from peerready.batch.lanes import LANE, DomainCoder, add_scores, coders, lane
from peerready.batch.layout import Layout
from peerready.errors import InputError
from peerready.groups import OTHER
from peerready.tally import Tally

MAX_PROBLEMS = 1000  # kept for the report; all are counted
Key = tuple[str | None, str | None]  # (group, role) a respondent is counted under
RespondentRows = Callable[[list[tuple[str, str, str, list[float | None]]]], None]


@dataclass
class Counts:
    rows: int = 0
    scored: int = 0
    rejected: int = 0
    incomplete: int = 0  # left out as unfinished
    incomplete_scored: int = 0  # unfinished but scored (--include-incomplete)
    reasons: Counter[str] = field(default_factory=Counter)


@dataclass
class BatchScorer:
    layout: Layout
    min_coverage: float
    by_group: bool = False
    by_role: bool = False
    include_incomplete: bool = False
    respondents: RespondentRows | None = None  # receives per-respondent scores, chunk by chunk
    counts: Counts = field(default_factory=Counts)
    problems: list[RowProblem] = field(default_factory=list)
    tallies: dict[Key, Tally] = field(default_factory=dict)
    texts: dict[str, list[str]] = field(default_factory=dict)
    group_labels: dict[str, str] = field(default_factory=dict)
    roles: Counter[str] = field(default_factory=Counter)
    seen: set[str] = field(default_factory=set)  # respondent ids: the one thing that grows

    def __post_init__(self) -> None:
        self.coders = coders(self.layout.plan, self.min_coverage)
        self.values: dict[int, dict[str, int]] = {c: {} for c in self.layout.resolvers}
        self.groups: dict[str, str] = {}  # raw group text → group key
        self.domain_columns = {
            domain: [c for c, p in self.layout.items.items() if p in coder.items]
            for domain, coder in self.coders.items()
        }
        present = set(self.layout.items.values())
        self.absent = {
            domain: sum(1 for p in coder.items if p not in present) << (LANE * coder.empty)
            for domain, coder in self.coders.items()
        }

    def feed(self, rows: list[list[str]], positions: Callable[[], list[int]]) -> None:
        self.counts.rows += len(rows)
        where: list[int] | None = None

        def position(index: int) -> int:
            nonlocal where
            where = where or positions()
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
        mapped = self._quick(rows)
        if mapped is None:
            good = self._checked(rows, order, position)
            rows, order = [rows[i] for i in good], [order[i] for i in good]
            keys = [keys[i] for i in good] if keys is not None else None
            mapped = self._map_all(list(zip(*rows, strict=True))) if rows else {}
        if not rows or mapped is None:
            return
        self.counts.scored += len(rows)
        self._count(rows, order, keys, mapped)

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
        groups: Iterable[str | None] = [None] * len(rows)
        roles: Iterable[str | None] = [None] * len(rows)
        if self.by_group and layout.group is not None:
            column = list(map(itemgetter(layout.group), rows))
            for index, raw in zip(order, column, strict=True):
                if raw not in self.groups:
                    self.groups[raw] = self._group(raw, position(index))
            groups = map(self.groups.__getitem__, column)
        if self.by_role and layout.role is not None:
            roles = [role_of(row[layout.role], layout) or "" for row in rows]
        return list(zip(groups, roles, strict=True))

    def _group(self, raw: str, line: int) -> str:
        key = normal(raw)
        if key == OTHER:
            raise InputError(
                f"line {line}: group '{raw.strip()}' in column '{self.layout.name(self.layout.group or 0)}' "
                f"is the name peerready gives merged small groups; rename it in the file"
            )
        self.group_labels.setdefault(key, raw.strip())
        return key

    def _quick(self, rows: list[list[str]]) -> dict[int, list[int]] | None:
        """Lane numbers per item column if every row is good; None to check row by row."""
        if not rows:
            return {}
        layout = self.layout
        columns = list(zip(*rows, strict=True))
        if layout.respondent is not None:
            ids = list(map(str.strip, columns[layout.respondent]))
            if "" in ids or len(set(ids)) != len(ids) or not self.seen.isdisjoint(ids):
                return None
        if layout.role is not None and any(role_of(r, layout) is None for r in set(columns[layout.role])):
            return None
        mapped = self._map_all(columns)
        if mapped is not None and layout.respondent is not None:
            self.seen.update(ids)
        return mapped

    def _map_all(self, columns: list[tuple[str, ...]]) -> dict[int, list[int]] | None:
        mapped = {}
        for column in self.layout.resolvers:
            values = self._map(column, columns[column])
            if values is None:
                return None
            mapped[column] = values
        return mapped

    def _map(self, column: int, cells: tuple[str, ...]) -> list[int] | None:
        table = self.values[column]
        try:
            return list(map(table.__getitem__, cells))
        except KeyError:
            resolver = self.layout.resolvers[column]
            position = self.layout.items[column]
            coder = self._coder(position)
            unknown = False
            for raw in set(cells).difference(table):
                code = resolver.code(raw)
                if code is None:
                    unknown = True
                else:
                    table[raw] = coder.value(position, code)
            return None if unknown else list(map(table.__getitem__, cells))

    def _coder(self, position: int) -> DomainCoder:
        return self.coders[self.layout.plan.items[position].domain]

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
        return sorted(good)

    def _reject(self, found: list[RowProblem]) -> None:
        self.counts.rejected += 1
        room = MAX_PROBLEMS - len(self.problems)
        self.problems.extend(found[: max(room, 0)])
        self.counts.reasons["problem"] += len(found)

    def _count(
        self, rows: list[list[str]], order: list[int], keys: list[Key] | None, mapped: dict[int, list[int]]
    ) -> None:
        layout = self.layout
        if layout.role is not None:
            self.roles.update(role_of(row[layout.role], layout) or "" for row in rows)
        if layout.texts:
            in_file_order = [rows[i] for i in sorted(range(len(rows)), key=order.__getitem__)]
            for column, item_id in layout.texts.items():
                found = [t for t in map(unmask, map(itemgetter(column), in_file_order)) if t]
                if found:
                    self.texts.setdefault(item_id, []).extend(found)
        start = 0
        segments = groupby(keys) if keys is not None else [((None, None), iter(rows))]
        per_respondent = []
        for key, members in segments:
            size = sum(1 for _ in members)
            end = start + size
            scores = self._count_segment(key, mapped, start, end)
            if self.respondents is not None:
                per_respondent += self._respondent_rows(rows[start:end], scores)
            start = end
        if self.respondents is not None:
            ranked = sorted(range(len(rows)), key=order.__getitem__)
            self.respondents([per_respondent[i] for i in ranked])

    def _count_segment(
        self, key: Key, mapped: dict[int, list[int]], start: int, end: int
    ) -> dict[str, list[int]]:
        tally = self.tallies.get(key)
        if tally is None:
            tally = self.tallies[key] = Tally(self.layout.plan, self.min_coverage)
        tally.respondents += end - start
        for column, position in self.layout.items.items():
            total = sum(mapped[column][start:end])
            coder = self._coder(position)
            counts = tally.counts[position]
            base = coder.base[position]
            for option in range(len(counts)):
                counts[option] += lane(total, base + option)
            tally.dont_know[position] += lane(total, coder.dk)
            tally.not_applicable[position] += lane(total, coder.na)
        codes_by_domain = {}
        for domain, columns in self.domain_columns.items():
            constant = self.absent[domain]
            if columns:
                parts = [mapped[c][start:end] for c in columns]
                codes = list(map(sum, zip(*parts, strict=True))) if len(parts) > 1 else parts[0]
                if constant:
                    codes = [code + constant for code in codes]
            else:
                codes = [constant] * (end - start)
            add_scores(tally.domain_scores[domain], self.coders[domain], codes)
            codes_by_domain[domain] = codes
        return codes_by_domain

    def _respondent_rows(
        self, rows: list[list[str]], codes: dict[str, list[int]]
    ) -> list[tuple[str, str, str, list[float | None]]]:
        layout = self.layout
        scores = [list(map(self.coders[d].score, codes[d])) for d in self.coders]
        found = []
        for index, row in enumerate(rows):
            respondent = row[layout.respondent].strip() if layout.respondent is not None else ""
            group = row[layout.group].strip() if layout.group is not None else ""
            role = role_of(row[layout.role], layout) or "" if layout.role is not None else ""
            found.append((respondent, group, role, [s[index] for s in scores]))
        return found

    def overall(self) -> Tally:
        total = Tally(self.layout.plan, self.min_coverage)
        for key in sorted(self.tallies, key=lambda k: (k[0] or "", k[1] or "")):
            total.merge(self.tallies[key])
        total.texts = {k: list(v) for k, v in self.texts.items()}
        return total

    def breakdown(self, index: int) -> dict[str, Tally]:
        """Tallies per group (index 0) or per role (index 1)."""
        found: dict[str, Tally] = {}
        for key in sorted(self.tallies, key=lambda k: (k[0] or "", k[1] or "")):
            name = key[index]
            if name is None:
                continue
            if name not in found:
                found[name] = Tally(self.layout.plan, self.min_coverage)
            found[name].merge(self.tallies[key])
        return found
