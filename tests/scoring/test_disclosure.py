"""No single respondent's scores can be worked out from any two cells of one output: the totals,
every group of every breakdown (role and --group-by together) and each breakdown's "others"."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from itertools import combinations
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from peerready.scoring.disclosure import OTHER, Cut, plan_cuts
from peerready.scoring.tally import ScoringPlan
from tests.conftest import BASIC, Run
from tests.helpers.surveys import INSTRUMENT

Atom = tuple[str, ...]


def cells(crossed: Mapping[Atom, int], cuts: list[Cut]) -> list[frozenset[int]]:
    """Each cell shown, as the set of its respondents (numbered one by one)."""
    people = [atom for atom, n in crossed.items() for _ in range(n)]
    found = [frozenset(range(len(people)))]
    for index, shown in enumerate(cuts):
        if shown.hidden:
            continue
        members = [{key} for key in shown.shown] + ([set(shown.merged)] if shown.others else [])
        found += [frozenset(p for p, atom in enumerate(people) if atom[index] in keys) for keys in members]
    return found


def single_out(first: frozenset[int], second: frozenset[int]) -> bool:
    """Whether a·first + b·second is one respondent's scores for some numbers a, b: one cell of
    one, or two cells one inside the other that differ by one respondent."""
    if len(first) == 1 or len(second) == 1:
        return True
    inner, outer = sorted((first, second), key=len)
    return inner < outer and len(outer - inner) == 1


roles = st.sampled_from(["leader", "staff", "hr", "peer_worker", "other"])
departments = st.sampled_from(["care", "hr", "kitchen", "night", ""])
structures = st.dictionaries(st.tuples(roles, departments), st.integers(0, 14), max_size=25)


@settings(max_examples=500, deadline=None)
@given(structures, st.integers(1, 2), st.integers(2, 8))
def test_no_two_cells_of_one_output_single_anyone_out(
    structure: dict[Atom, int], breakdowns: int, minimum: int
) -> None:
    crossed: dict[Atom, int] = {}
    for atom, n in structure.items():
        crossed[atom[:breakdowns]] = crossed.get(atom[:breakdowns], 0) + n
    shown = cells(crossed, plan_cuts(crossed, breakdowns, minimum))
    for cell in shown[1:]:
        assert len(cell) >= minimum  # no group below the minimum
    for first, second in combinations(shown, 2):
        assert not single_out(first, second)
        if first < second or second < first:  # nor a small group as a difference
            assert len(first ^ second) >= minimum


def test_the_issue_example_keeps_both_breakdowns_without_the_leader() -> None:
    """Care: 10 staff and 1 leader; HR department: 5 HR. 11 × Care − 10 × Staff was the leader."""
    crossed: dict[Atom, int] = {("staff", "care"): 10, ("leader", "care"): 1, ("hr", "hrdept"): 5}
    roles_cut, groups_cut = plan_cuts(crossed, 2, 5)
    assert roles_cut == Cut(shown=("hr",), merged=("leader", "staff"), others=True)
    assert groups_cut == Cut(shown=("care", "hrdept"), merged=(), others=False)


def test_one_breakdown_is_protected_as_before() -> None:
    (only,) = plan_cuts({("a",): 7, ("b",): 6, ("c",): 2}, 1, 5)
    assert only == Cut(shown=("a",), merged=("c", "b"), others=True)
    (hidden,) = plan_cuts({("a",): 7, ("b",): 2}, 1, 5)
    assert hidden.hidden


def test_score_by_role_and_group_never_singles_out_the_leader(
    run: Callable[..., Run], tmp_path: Path
) -> None:
    plan = ScoringPlan.build(INSTRUMENT.questionnaire)
    people = [("care", "staff")] * 10 + [("care", "leader")] + [("hrdept", "hr")] * 5
    lines = ["respondent,department,role," + ",".join(p.id for p in plan.items)]
    for n, (department, role) in enumerate(people):
        answers = [p.option_ids[(n + i) % len(p.option_ids)] for i, p in enumerate(plan.items)]
        lines.append(f"r{n},{department},{role}," + ",".join(answers))
    export = tmp_path / "export.csv"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("score", export, "-q", BASIC, "--by-role", "--group-by", "department", "-f", "json")
    assert result.code == 0, result.err
    groups = json.loads(result.out)["groups"]
    members = [frozenset(range(len(people)))]
    for group in groups:
        column = 1 if group["dimension"] == "role" else 0
        keys = {g["key"] for g in groups if g["dimension"] == group["dimension"] and g["key"] != OTHER}
        others = group["key"] == OTHER
        cell = frozenset(
            n
            for n, person in enumerate(people)
            if (person[column] not in keys if others else person[column] == group["key"])
        )
        assert len(cell) == group["respondents"]
        members.append(cell)
    assert {g["dimension"] for g in groups} == {"role", "department"}  # both still shown
    for first, second in combinations(members, 2):
        assert not single_out(first, second)
