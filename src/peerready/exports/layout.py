"""Which column of an export is what: items, respondent id, group, role, completion status.

Resolved once from the header row (and the mapping file, if any), before any answer is read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from peerready.errors import InputError
from peerready.exports.answers import Resolver, normal, resolver_for, role_table
from peerready.exports.mapping import ColumnMapping
from peerready.exports.platforms import (
    RESPONDENT_COLUMNS,
    ROLE_COLUMNS,
    TEMPLATE_REF_COLUMN,
    CompletionColumn,
    checkbox,
    completions,
    find_column,
    name_candidates,
    squash,
)
from peerready.model.questionnaire import Questionnaire, RatedItem, TextItem
from peerready.scoring.tally import ScoringPlan


@dataclass(frozen=True)
class Checkboxes:
    """REDCap checkbox columns that together answer one item: at most one may be ticked."""

    position: int  # in the scoring plan
    columns: tuple[tuple[int, str], ...]  # (column index, option id)


@dataclass
class Layout:
    header: list[str]
    plan: ScoringPlan
    items: dict[int, int] = field(default_factory=dict)  # column → position in the plan
    resolvers: dict[int, Resolver] = field(default_factory=dict)  # column → its resolver
    texts: dict[int, str] = field(default_factory=dict)  # column → open-text item id
    checkboxes: list[Checkboxes] = field(default_factory=list)
    respondent: int | None = None
    group: int | None = None
    role: int | None = None
    roles: dict[str, str] = field(default_factory=dict)
    completion: list[CompletionColumn] = field(default_factory=list)
    template_ref: int | None = None

    def name(self, column: int) -> str:
        if column < len(self.header):
            return self.header[column]
        virtual = column - len(self.header)
        if virtual < len(self.checkboxes):
            return f"{self.plan.items[self.checkboxes[virtual].position].id}___*"
        return f"#{column + 1}"

    def extend(self, row: list[str]) -> list[str]:
        """The row with one more value per item answered by checkboxes: the ticked option."""
        return row + [_ticked(row, boxes) for boxes in self.checkboxes]

    @property
    def missing_items(self) -> list[str]:
        present = set(self.items.values()) | {c.position for c in self.checkboxes}
        return [p.id for i, p in enumerate(self.plan.items) if i not in present]


def build_layout(
    header: Sequence[str],
    questionnaire: Questionnaire,
    plan: ScoringPlan,
    mapping: ColumnMapping | None,
    group_by: str | None,
) -> Layout:
    layout = Layout(list(header), plan)
    mapping = mapping or ColumnMapping()
    taken: set[int] = set()
    _special_columns(layout, mapping, group_by, taken)
    by_name = item_names(questionnaire)
    mapped = {normal(h): c for h, c in mapping.column_maps().items()}
    first_use: dict[str, int] = {}
    checkbox_columns: dict[str, list[tuple[int, str]]] = {}
    for index, name in enumerate(header):
        if index in taken:
            continue
        column_map = mapped.get(normal(name))
        item_id = column_map.item if column_map else match_item(name, by_name)
        if item_id is None:
            box = checkbox(name)
            if box and squash(box[0]) in by_name and by_name[squash(box[0])] in plan_ids(plan):
                checkbox_columns.setdefault(by_name[squash(box[0])], []).append((index, box[1]))
            continue
        if item_id in first_use:
            raise InputError(
                f"columns '{layout.name(first_use[item_id])}' and '{name}' both answer item '{item_id}'; "
                "keep one, or map them in a mapping file"
            )
        first_use[item_id] = index
        _assign(layout, questionnaire, index, item_id, mapping, column_map.answers if column_map else {})
    positions = {p.id: i for i, p in enumerate(plan.items)}
    for item_id, columns in checkbox_columns.items():
        if item_id not in first_use:
            virtual = len(header) + len(layout.checkboxes)
            layout.checkboxes.append(Checkboxes(positions[item_id], tuple(columns)))
            _assign(layout, questionnaire, virtual, item_id, mapping, {})
    layout.completion = completions(header, taken | set(layout.items) | set(layout.texts))
    if mapping.complete is not None:
        column = _required(header, mapping.complete.column, "the mapping's 'complete' column")
        done = frozenset(normal(v) for v in mapping.complete.values)
        layout.completion = [CompletionColumn(column, header[column], None, done)]
    layout.plan = plan.asking_only({plan.items[p].id for p in layout.items.values()})
    if not layout.items and not layout.checkboxes:
        raise InputError(
            f"no column matches an item of '{questionnaire.id}' (columns: {_preview(header)}); "
            "write a mapping file (peerready score FILE --suggest-map MAP.yaml drafts one)"
        )
    return layout


TICKED = {"1", "checked", "true", "yes", "x"}
SEVERAL = "\x01"  # marks several ticked boxes: never an answer


def _ticked(row: list[str], boxes: Checkboxes) -> str:
    ticked = [code for column, code in boxes.columns if normal(row[column]) in TICKED]
    if len(ticked) > 1:
        return SEVERAL + ", ".join(ticked)
    return ticked[0] if ticked else ""


def plan_ids(plan: ScoringPlan) -> set[str]:
    return {p.id for p in plan.items}


def _special_columns(layout: Layout, mapping: ColumnMapping, group_by: str | None, taken: set[int]) -> None:
    header = layout.header
    if mapping.respondent:
        layout.respondent = _required(header, mapping.respondent, "the mapping's respondent column")
    else:
        layout.respondent = find_column(header, RESPONDENT_COLUMNS, taken)
    if group_by is not None:
        layout.group = _required(header, group_by, "--group-by")
    if mapping.role:
        layout.role = _required(header, mapping.role, "the mapping's role column")
    else:
        layout.role = find_column(header, ROLE_COLUMNS, taken)
    layout.roles = role_table(mapping.roles)
    layout.template_ref = find_column(header, [TEMPLATE_REF_COLUMN], taken)
    for column in (layout.respondent, layout.group, layout.role, layout.template_ref):
        if column is not None:
            taken.add(column)
    _refuse_duplicate_headers(header, taken)


def _refuse_duplicate_headers(header: Sequence[str], used: set[int]) -> None:
    seen: dict[str, int] = {}
    for index, name in enumerate(header):
        key = normal(name)
        if key in seen and (index in used or seen[key] in used) and key:
            raise InputError(
                f"two columns are both headed '{name}' (columns {seen[key] + 1} and {index + 1})"
            )
        seen.setdefault(key, index)


def _required(header: Sequence[str], name: str, what: str) -> int:
    keys = [normal(h) for h in header]
    if normal(name) in keys:
        return keys.index(normal(name))
    raise InputError(f"{what}: no column '{name}' (columns: {_preview(header)})")


def _preview(header: Sequence[str], limit: int = 12) -> str:
    shown = ", ".join(repr(h) for h in header[:limit])
    return shown + (f" and {len(header) - limit} more" if len(header) > limit else "")


def item_names(questionnaire: Questionnaire) -> dict[str, str]:
    return {squash(item.id): item.id for item in questionnaire.all_items}


def match_item(header: str, by_name: dict[str, str]) -> str | None:
    for candidate in name_candidates(header):
        found = by_name.get(squash(candidate))
        if found is not None:
            return found
    return None


def _assign(
    layout: Layout,
    questionnaire: Questionnaire,
    column: int,
    item_id: str,
    mapping: ColumnMapping,
    own_answers: dict[str, str],
) -> None:
    item = questionnaire.item_by_id[item_id]
    if isinstance(item, TextItem):
        layout.texts[column] = item_id
        return
    position = next(i for i, p in enumerate(layout.plan.items) if p.id == item_id)
    plan = layout.plan.items[position]
    allowed = set(plan.option_ids) | {"dont_know", "not_applicable"}
    extra = {text: target for text, target in mapping.answers.items() if target in allowed}
    extra.update(own_answers)
    anchors = item.anchors if isinstance(item, RatedItem) else None
    labels = [o.label for o in questionnaire.options_of(item)]
    layout.items[column] = position
    layout.resolvers[column] = resolver_for(plan, labels, anchors, extra)
