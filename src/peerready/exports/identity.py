"""The columns that say who answered and how far: respondent id, group, role, template reference
and completion status. Resolved once from the header (the mapping file and the platform's
conventions), with a sample of the first rows to tell whether an id column really identifies them.
"""

from __future__ import annotations

from collections.abc import Sequence

from peerready.errors import InputError
from peerready.exports.answers import normal, role_table
from peerready.exports.columns import ROLE_COLUMNS, TEMPLATE_REF_COLUMN, address, closest, find_column, letter
from peerready.exports.mapping import MappingFile
from peerready.exports.platforms import CompletionColumn, Platform
from peerready.i18n import LText, tr

SURE = 10  # rows before an id column is judged by its values (fewer: missing ids are bad rows)
NOT_AN_ID = tr(
    "The column '{column}' is mostly empty or repeats itself, so it is not used as an id; rows are "
    "counted without a duplicate check"
)
NO_ID = tr("No column gives each response an id; rows are counted without a duplicate check")


def identifies(values: Sequence[str]) -> bool:
    """Whether an id column's values (a sample) tell the rows apart: mostly filled, mostly distinct.
    A few missing or repeated ids are problems to report; a mostly empty column is no id at all."""
    given = [v.strip() for v in values if v.strip()]
    if len(values) < SURE:
        return True
    return 2 * len(given) > len(values) and (len(given) < SURE or 2 * len(set(given)) > len(given))


def respondent_column(
    header: Sequence[str],
    platform: Platform,
    mapping: MappingFile | None,
    sample: Sequence[Sequence[str]],
    conventions: list[LText],
) -> int | None:
    """The mapping's respondent column, or the first of the platform's id columns that identifies
    the rows of the sample."""
    if mapping is not None and mapping.mapping.respondent:
        return mapped_column(header, mapping, ("respondent",), mapping.mapping.respondent)
    for name in platform.respondent_columns:
        index = find_column(header, [name], set())
        if index is None:
            continue
        if identifies([row[index] if index < len(row) else "" for row in sample]):
            return index
        conventions.append(NOT_AN_ID.fill(column=header[index]))
        return None
    conventions.append(NO_ID)
    return None


def mapped_column(header: Sequence[str], mapping: MappingFile, where: tuple[str, ...], name: str) -> int:
    """The column a mapping names, or an error at the mapping's line saying which header is closest."""
    index = address(header, name)
    if index is None:
        raise mapping.problem(where, missing_column(header, name))
    return index


def missing_column(header: Sequence[str], name: str) -> str:
    near = closest(header, name)
    hint = f"the closest is '{near}'" if near else f"columns: {preview(header)}"
    return f"no column '{name}' in the export ({hint}; a blank or repeated header can be named 'column E')"


def group_column(header: Sequence[str], group_by: str) -> int:
    index = address(header, group_by)
    if index is None:
        raise InputError(f"--group-by: {missing_column(header, group_by)}")
    return index


def role_column(
    header: Sequence[str], mapping: MappingFile | None, taken: set[int]
) -> tuple[int | None, dict[str, str]]:
    if mapping is not None and mapping.mapping.role:
        column = mapped_column(header, mapping, ("role",), mapping.mapping.role)
        return column, role_table(mapping.mapping.roles)
    return find_column(header, ROLE_COLUMNS, taken), role_table(mapping.mapping.roles if mapping else {})


def template_column(header: Sequence[str], taken: set[int]) -> int | None:
    return find_column(header, [TEMPLATE_REF_COLUMN], taken)


def completion_columns(
    header: Sequence[str],
    platform: Platform,
    mapping: MappingFile | None,
    taken: set[int],
    used: set[int],
    blank: frozenset[str],
) -> list[CompletionColumn]:
    """The mapping's completion rule, or the platform's columns that say a response is finished."""
    if mapping is not None and mapping.mapping.complete is not None:
        rule = mapping.mapping.complete
        column = mapped_column(header, mapping, ("complete", "column"), rule.column)
        done = frozenset(normal(v) for v in rule.values)
        return [CompletionColumn(column, header[column], None, done)]
    found = platform.completions(header, taken, used)
    return [
        CompletionColumn(c.column, c.header, c.incomplete, c.complete, c.blank | blank, c.why) for c in found
    ]


def refuse_duplicate_headers(header: Sequence[str], used: set[int]) -> None:
    seen: dict[str, int] = {}
    for index, name in enumerate(header):
        key = normal(name)
        if key in seen and (index in used or seen[key] in used) and key:
            raise InputError(
                f"two columns are both headed '{name}' (columns {seen[key] + 1} and {index + 1}); "
                "name the one you mean in a mapping file as 'column E' (its letter) or 'column 5'"
            )
        seen.setdefault(key, index)


def preview(header: Sequence[str], limit: int = 12) -> str:
    shown = ", ".join(repr(h) for h in header[:limit])
    return shown + (f" and {len(header) - limit} more" if len(header) > limit else "")


def describe_column(header: Sequence[str], index: int) -> str:
    name = header[index].strip() if index < len(header) else ""
    return f"'{name}' ({letter(index)})" if name else f"column {letter(index)}"
