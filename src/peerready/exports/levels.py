"""Numbers in an export are read as an item's points only where they fit its scale. A survey
whose scale had another number of levels (or other codes: 0–4, or 6 for "don't know") would
otherwise be scored silently wrong (a 4-point scale read as 5 points: 0.129 favourable for 0.548).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from peerready.errors import InputError
from peerready.exports.answers import normal, number_text, unmask
from peerready.exports.identity import describe_column
from peerready.exports.layout import Layout
from peerready.exports.platforms import TEMPLATE
from peerready.model.result import ScoreResult

_NUMBER = re.compile(r"^[+-]?\d+([.,]0+)?$")
MIN_ANSWERS = 30  # answers on a scale before a never-used top level is worth a warning
TYPOS = 3  # fewer numbers beside the scale (in a large sample, under 5 %) are typing errors: bad rows


def check_codebook(layout: Layout) -> None:
    """Every code a column's codebook lists must be read by its label (or a mapping): a code whose
    label is no answer would otherwise be read as points, and a scale with another number of
    levels scored as if it were the questionnaire's."""
    for column, unread in layout.unread_codes.items():
        plan = layout.resolvers[column].plan
        shown = ", ".join(f"{code} '{label}'" for code, label in list(unread.items())[:4])
        raise InputError(
            f"column {describe_column(layout.header, column)}: the codebook's labels for {shown} are not "
            f"answers to item '{plan.id}' (options: {', '.join(plan.option_ids)}); say what each code "
            "means in a mapping file (scales: once per scale, or answers: per column)"
        )


def numeric_columns(layout: Layout, sample: Sequence[Sequence[str]]) -> set[int]:
    """Item columns answered with whole numbers (in the sample) and read as points: no codes
    declared for them. A number beside the scale's points is an error, not a bad row."""
    found = set()
    for column, resolver in layout.resolvers.items():
        if column in layout.by_codebook or column >= len(layout.header):
            continue
        cells = [normal(unmask(row[column])) for row in sample if column < len(row)]
        numbers = [c for c in cells if _NUMBER.match(c)]
        if not numbers or 2 * len(numbers) < len([c for c in cells if c and c not in layout.no_answer]):
            continue
        found.add(column)
        low, high = min(resolver.plan.points), max(resolver.plan.points)
        off = [
            c for c in numbers if resolver.code(c) is None and _beside(float(c.replace(",", ".")), low, high)
        ]
        beside = sorted(set(off))
        if layout.platform is not TEMPLATE and (len(off) >= TYPOS or 20 * len(off) >= len(numbers) > 20):
            raise InputError(
                f"column {describe_column(layout.header, column)}: the numbers {', '.join(beside)} lie just "
                f"outside the points of item '{resolver.plan.id}' ({number_text(low)}–{number_text(high)}), "
                "so the survey's scale had another number of levels or other codes; say what each code "
                "means in a mapping file (scales: once per scale, or answers: per column), or give its "
                "codebook (labels:)"
            )
    return found


def _beside(value: float, low: float, high: float) -> bool:
    """A number a scale with another number of levels, or 0-based codes, would give: 0 under a
    scale from 1, or one or two above the top. Negative numbers are missing-value codes."""
    return value == low - 1 >= 0 or high < value <= high + 2


def top_never_used(layout: Layout, numeric: set[int], result: ScoreResult) -> list[str]:
    """Warnings for scales read from numbers whose top level nobody chose although many answered:
    the sign of a survey scale with fewer levels than the questionnaire's."""
    stats = {i.item: i for d in result.domains for i in d.items}
    scales: dict[tuple[str, ...], list[str]] = {}
    for column in sorted(numeric):
        plan = layout.resolvers[column].plan
        scales.setdefault(plan.option_ids, []).append(plan.id)
    warnings = []
    for options, items in scales.items():
        answered = sum(stats[i].answered for i in items)
        if answered >= MIN_ANSWERS and not any(stats[i].distribution.get(options[-1]) for i in items):
            warnings.append(
                f"no one chose the top answer '{options[-1]}' of items {', '.join(items)} in {answered} "
                "numeric answers: if the survey's scale had fewer levels, its numbers are not points; "
                "say what each code means in a mapping file (scales:)"
            )
    return warnings
