"""Which groups one output may show, so that no two of its cells single anyone out.

A cell is a set of respondents whose scores are shown together: the totals, each group of each
breakdown (role, department …) and each breakdown's "others". Two cells, one inside the other,
give away the respondents in the difference (11 × Care − 10 × Staff is Care's one leader). So in
one output every cell holds at least the minimum, and of any two nested cells the larger holds
either the same respondents or at least the minimum more. Cells that break this are merged into
their breakdown's "others", again and again, until it holds; a breakdown left with fewer than
two cells is not shown.

Respondents are known here only by their combination of keys, one per breakdown (an "atom"),
and how many share it: that is all that decides which cells nest.

A cell's score on a domain rests only on those of its respondents who answered one of the
domain's statements ("don't know" and blanks count for nothing). Two cells that differ by enough
respondents may differ by a single one who answered that domain, so the same two rules are then
applied per domain to the people who answered it; where they fail, the smaller cell's score on
that domain is withheld (`withhold`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

OTHER = "_others"  # no role has this key; a batch group of that name is refused

Atom = tuple[str, ...]  # one key per breakdown


@dataclass(frozen=True)
class Cut:
    """How one breakdown is shown: its groups on their own, and those merged into 'others'."""

    shown: tuple[str, ...]
    merged: tuple[str, ...]
    others: bool  # the merged groups are shown together (they are at least the minimum)

    @property
    def hidden(self) -> bool:
        """A breakdown of one cell would only repeat the totals."""
        return len(self.shown) + self.others < 2


def protect(
    sizes: Mapping[str, int], minimum: int, forced: frozenset[str] = frozenset()
) -> tuple[list[str], list[str]]:
    """(groups shown on their own, groups merged into 'others') for one breakdown: the small
    ones and the `forced` merged; while 'others' is still too small the next smallest joins it,
    or it could be worked out by subtracting the shown groups from the total."""
    shown = sorted(
        (k for k, n in sizes.items() if n >= minimum and k not in forced), key=lambda k: (sizes[k], k)
    )
    merged = [k for k in sizes if k not in shown]
    while merged and sum(sizes[k] for k in merged) < minimum and shown:
        merged.append(shown.pop(0))
    return sorted(shown), merged


def cut(sizes: Mapping[str, int], minimum: int, forced: frozenset[str] = frozenset()) -> Cut:
    shown, merged = protect(sizes, minimum, forced)
    others = bool(merged) and sum(sizes[k] for k in merged) >= minimum
    return Cut(tuple(shown), tuple(merged), others)


def plan_cuts(crossed: Mapping[Atom, int], breakdowns: int, minimum: int) -> list[Cut]:
    """How to show each of `breakdowns` breakdowns of the respondents counted in `crossed`
    (how many respondents share each combination of keys) so that no two cells of the
    output, the totals included, give anyone away."""
    atoms = {atom: n for atom, n in crossed.items() if n > 0}
    sizes = [_sizes(atoms, index) for index in range(breakdowns)]
    forced: list[set[str]] = [set() for _ in range(breakdowns)]
    while True:
        cuts = [cut(sizes[i], minimum, frozenset(forced[i])) for i in range(breakdowns)]
        leak = _leak(_cells(cuts, atoms), minimum)
        if leak is None:
            return cuts
        index, key = leak  # one at a time: merging one cell may mend other pairs too
        if key == OTHER:  # 'others' grows by the smallest group still shown on its own
            key = min(cuts[index].shown, key=lambda k: (sizes[index][k], k))
        forced[index].add(key)


def _sizes(atoms: Mapping[Atom, int], index: int) -> dict[str, int]:
    found: dict[str, int] = {}
    for atom, n in atoms.items():
        found[atom[index]] = found.get(atom[index], 0) + n
    return dict(sorted(found.items()))


@dataclass(frozen=True)
class _Cell:
    index: int  # breakdown; -1 for the totals
    key: str
    atoms: frozenset[Atom]
    size: int


def _cells(cuts: Sequence[Cut], atoms: Mapping[Atom, int]) -> list[_Cell]:
    cells = [_Cell(-1, "", frozenset(atoms), sum(atoms.values()))]
    for index, plan in enumerate(cuts):
        if plan.hidden:
            continue
        groups = [(key, {key}) for key in plan.shown]
        if plan.others:
            groups.append((OTHER, set(plan.merged)))
        for key, members in groups:
            inside = frozenset(a for a in atoms if a[index] in members)
            cells.append(_Cell(index, key, inside, sum(atoms[a] for a in inside)))
    return cells


def _leak(cells: list[_Cell], minimum: int) -> tuple[int, str] | None:
    """The largest cell inside another that holds fewer than `minimum` respondents more
    (but not none more: two cells of the same respondents tell nothing new)."""
    for inner in sorted(cells[1:], key=lambda c: (-c.size, c.index, c.key)):  # the totals are inside none
        for outer in cells:
            if outer.index == inner.index or not 0 < outer.size - inner.size < minimum:
                continue  # the cells of one breakdown never overlap
            if inner.atoms <= outer.atoms:
                return inner.index, inner.key
    return None


Reach = Mapping[str, int]  # domain id → how many respondents answered one of its statements


def withhold(
    cuts: Sequence[Cut], crossed: Mapping[Atom, int], reach: Mapping[Atom, Reach], minimum: int
) -> list[dict[str, frozenset[str]]]:
    """Per breakdown, the domains each shown group's score is withheld on (by key; OTHER for
    'others'): where fewer than `minimum` of the group answered the domain, or where the group
    lies inside another cell, the totals included, that holds fewer than `minimum` more of the
    people who answered it (but not none more)."""
    atoms = {atom: n for atom, n in crossed.items() if n > 0}
    cells = _cells(cuts, atoms)
    domains = sorted({domain for counts in reach.values() for domain in counts})
    withheld: list[dict[str, set[str]]] = [{} for _ in cuts]
    for domain in domains:
        for cell in _withheld_on(cells, {a: reach.get(a, {}).get(domain, 0) for a in atoms}, minimum):
            withheld[cell.index].setdefault(cell.key, set()).add(domain)
    return [{key: frozenset(found) for key, found in plan.items()} for plan in withheld]


def _withheld_on(cells: list[_Cell], answered: Mapping[Atom, int], minimum: int) -> list[_Cell]:
    """The cells whose score on one domain must not be shown, given how many of each atom answered it."""
    answering = [
        _Cell(
            c.index,
            c.key,
            frozenset(a for a in c.atoms if answered[a] > 0),
            sum(answered[a] for a in c.atoms),
        )
        for c in cells
    ]
    hidden = [c for c in answering[1:] if 0 < c.size < minimum]
    while True:
        shown = [answering[0]] + [c for c in answering[1:] if c not in hidden and c.size > 0]
        leak = _leak(shown, minimum)
        if leak is None:
            return [cells[answering.index(c)] for c in hidden]
        hidden += [c for c in shown[1:] if (c.index, c.key) == leak]
