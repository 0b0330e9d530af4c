"""No single respondent's scores can be worked out from any two cells of one output: the totals,
every group of every breakdown (role and --group-by together) and each breakdown's "others"."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from itertools import combinations
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from peerready.scoring.disclosure import OTHER, Cut, plan_cuts, withhold
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


def keyed_cells(crossed: Mapping[Atom, int], cuts: list[Cut]) -> list[tuple[int, str, frozenset[int]]]:
    """As `cells`, each with its breakdown and key (-1 and "" for the totals)."""
    people = [atom for atom, n in crossed.items() for _ in range(n)]
    found = [(-1, "", frozenset(range(len(people))))]
    for index, shown in enumerate(cuts):
        if shown.hidden:
            continue
        members = [(key, {key}) for key in shown.shown] + (
            [(OTHER, set(shown.merged))] if shown.others else []
        )
        found += [
            (index, key, frozenset(p for p, atom in enumerate(people) if atom[index] in keys))
            for key, keys in members
        ]
    return found


DOMAINS = ("culture", "budget")
answering = st.lists(st.tuples(st.booleans(), st.booleans()), max_size=14)  # per person: answered each domain


@settings(max_examples=500, deadline=None)
@given(
    st.dictionaries(st.tuples(roles, departments), answering, max_size=25),
    st.integers(1, 2),
    st.integers(2, 8),
)
def test_no_two_cells_single_anyone_out_among_those_who_answered_a_domain(
    structure: dict[Atom, list[tuple[bool, bool]]], breakdowns: int, minimum: int
) -> None:
    """A domain's score rests on those who answered it: of the cells that show it, none rests
    on fewer than the minimum, and two nested ones differ by none of them or at least the minimum."""
    people: dict[Atom, list[tuple[bool, bool]]] = {}
    for atom, answered in structure.items():
        people.setdefault(atom[:breakdowns], []).extend(answered)
    crossed = {atom: len(answered) for atom, answered in people.items()}
    reach = {
        atom: {d: sum(person[i] for person in answered) for i, d in enumerate(DOMAINS)}
        for atom, answered in people.items()
    }
    cuts = plan_cuts(crossed, breakdowns, minimum)
    withheld = withhold(cuts, crossed, reach, minimum)
    flags = [
        flag for answered in people.values() for flag in answered
    ]  # in the order `keyed_cells` numbers people
    for i, domain in enumerate(DOMAINS):
        shown = [
            frozenset(p for p in members if flags[p][i])
            for index, key, members in keyed_cells(crossed, cuts)
            if index < 0 or domain not in withheld[index].get(key, frozenset())
        ]
        for cell in shown[1:]:
            assert len(cell) == 0 or len(cell) >= minimum
        for first, second in combinations([c for c in shown if c], 2):
            if first <= second or second <= first:
                assert len(first ^ second) == 0 or len(first ^ second) >= minimum


def test_a_group_that_differs_from_the_totals_by_one_who_answered_is_withheld() -> None:
    """Ten in A, six others of whom only one answered the budget: the totals less A is that one."""
    crossed: dict[Atom, int] = {("a",): 10, ("b",): 6}
    reach: dict[Atom, dict[str, int]] = {
        ("a",): {"budget": 10, "culture": 10},
        ("b",): {"budget": 1, "culture": 6},
    }
    cuts = plan_cuts(crossed, 1, 5)
    assert cuts == [Cut(shown=("a", "b"), merged=(), others=False)]
    assert withhold(cuts, crossed, reach, 5) == [{"a": frozenset({"budget"}), "b": frozenset({"budget"})}]


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


def _export_with_one_answering_outsider(tmp_path: Path) -> Path:
    """Department A: ten who answer everything. B: six, of whom only one answers on motivation
    (the others say "don't know"), so the totals less A would be that one person's motivation."""
    plan = ScoringPlan.build(INSTRUMENT.questionnaire)
    lines = ["respondent,department," + ",".join(p.id for p in plan.items)]
    for n in range(16):
        department = "A" if n < 10 else "B"
        answers = [
            "dont_know"
            if department == "B" and n > 10 and p.domain == "motivation"
            else p.option_ids[n % len(p.option_ids)]
            for p in plan.items
        ]
        lines.append(f"r{n},{department}," + ",".join(answers))
    export = tmp_path / "export.csv"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return export


def test_a_domain_that_would_single_out_one_who_answered_is_hidden_in_every_output(
    run: Callable[..., Run], tmp_path: Path
) -> None:
    export = _export_with_one_answering_outsider(tmp_path)
    found = run("score", export, "-q", BASIC, "--group-by", "department", "-f", "json")
    assert found.code == 0, found.err
    result = json.loads(found.out)
    assert result["domains"][0]["domain"] == "motivation" and result["domains"][0]["score"] is not None
    for group in result["groups"]:
        assert group["withheld"] == ["motivation"]
        assert group["domains"]["motivation"] is None and group["score"] is None and group["band"] is None
        assert group["domains"]["leadership"] is not None  # the other domains are still shown

    table = run("score", export, "-q", BASIC, "--group-by", "department")
    assert table.code == 0, table.err
    assert "hidden: too few people answered the domain" in " ".join(table.out.split())
    (motivation,) = [line for line in table.out.splitlines() if line.lstrip().startswith("Motivation │")]
    assert [cell.strip() for cell in motivation.split("│")] == ["Motivation", "hidden", "hidden", ""]  # no η²
    rows = run("score", export, "-q", BASIC, "--group-by", "department", "-f", "csv")
    header, _overall, *groups = rows.out.splitlines()
    assert header.endswith(",withheld") and all(g.endswith(",motivation") for g in groups)


def test_a_domain_answered_by_enough_in_every_difference_is_shown(
    run: Callable[..., Run], tmp_path: Path
) -> None:
    """The same survey where all six of B answer on motivation: nothing is hidden."""
    export = _export_with_one_answering_outsider(tmp_path)
    export.write_text(export.read_text(encoding="utf-8").replace("dont_know", "3"), encoding="utf-8")
    found = run("score", export, "-q", BASIC, "--group-by", "department", "-f", "json")
    assert found.code == 0, found.err
    assert all(g["withheld"] == [] and g["score"] is not None for g in json.loads(found.out)["groups"])
