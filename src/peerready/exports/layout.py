"""Which column of an export is what: items, respondent id, group, role, completion status.

Resolved once from the header row (the mapping file, if any, and the platform's conventions),
before any answer is read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from peerready.errors import InputError
from peerready.exports import identity
from peerready.exports.answers import NOT_STATED, Resolver, group_key, normal, resolver_for, spellings
from peerready.exports.columns import address, checkbox, name_candidates, squash
from peerready.exports.mapping import ColumnMap, MappingFile, scale_of
from peerready.exports.platforms import UNKNOWN, CompletionColumn, Platform
from peerready.i18n import LText
from peerready.model.questionnaire import Questionnaire, RatedItem, TextItem
from peerready.scoring.tally import ScoringPlan

Codebook = Mapping[str, Mapping[str, str]]  # normalised column name → code → label


@dataclass(frozen=True)
class Checkboxes:
    """REDCap checkbox columns that together answer one item: at most one may be ticked."""

    position: int  # in the scoring plan
    columns: tuple[tuple[int, str], ...]  # (column index, option id or code)


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
    platform: Platform = UNKNOWN
    no_answer: frozenset[str] = frozenset()  # normalised values that mean an empty cell
    conventions: list[LText] = field(default_factory=list)  # what was applied, beyond the platform's own
    by_codebook: set[int] = field(default_factory=set)  # item columns read through a codebook or codes
    unread_codes: dict[int, dict[str, str]] = field(default_factory=dict)  # codebook codes no label explains

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

    def group_of(self, raw: str) -> str:
        return NOT_STATED if normal(raw) in self.no_answer else group_key(raw)

    @property
    def missing_items(self) -> list[str]:
        present = set(self.items.values()) | {c.position for c in self.checkboxes}
        return [p.id for i, p in enumerate(self.plan.items) if i not in present]


def build_layout(
    header: Sequence[str],
    questionnaire: Questionnaire,
    plan: ScoringPlan,
    mapping: MappingFile | None,
    group_by: str | None,
    *,
    platform: Platform = UNKNOWN,
    sample: Sequence[Sequence[str]] = (),
    codebook: Codebook | None = None,
) -> Layout:
    layout = Layout(list(header), plan, platform=platform)
    extra = mapping.mapping.no_answer if mapping else []
    layout.no_answer = platform.no_answer | {normal(v) for v in extra}
    taken = _special_columns(layout, mapping, group_by, sample)
    mapped = _mapped_columns(header, mapping)
    by_name = item_names(questionnaire)
    first_use: dict[str, int] = {}
    checkbox_columns: dict[str, list[tuple[int, str]]] = {}
    explicit = {column_map.item for column_map, _ in mapped.values()}
    for index, name in enumerate(header):
        if index in taken:
            continue
        column_map, group = mapped.get(index, (None, None))
        item_id = column_map.item if column_map else match_item(name, by_name)
        if group is not None or (item_id is None and column_map is None):
            box = checkbox(name)
            target = column_map.item if column_map else by_name.get(squash(box[0])) if box else None
            if box and target in plan_ids(plan) and (column_map or target not in explicit):
                checkbox_columns.setdefault(target, []).append((index, box[1]))
            continue
        if item_id is None or (column_map is None and item_id in explicit):
            continue  # an item the mapping gives another column
        if item_id in first_use:
            raise InputError(
                f"columns {identity.describe_column(header, first_use[item_id])} and "
                f"{identity.describe_column(header, index)} both answer item '{item_id}'; keep one, or "
                "name the one to use in a mapping file (as its header, or 'column E' for its letter)"
            )
        first_use[item_id] = index
        _assign(layout, questionnaire, index, item_id, mapping, column_map, codebook)
    positions = {p.id: i for i, p in enumerate(plan.items)}
    for item_id, columns in checkbox_columns.items():
        if item_id not in first_use:
            virtual = len(header) + len(layout.checkboxes)
            layout.checkboxes.append(Checkboxes(positions[item_id], tuple(columns)))
            own = next((m for m, _ in mapped.values() if m.item == item_id), None)
            _assign(layout, questionnaire, virtual, item_id, mapping, own, None)
    used = set(layout.items) | {c for box in layout.checkboxes for c, _ in box.columns}
    layout.completion = identity.completion_columns(
        header, platform, mapping, taken | used | set(layout.texts), used, layout.no_answer
    )
    layout.plan = plan.asking_only({plan.items[p].id for p in layout.items.values()})
    if not layout.items and not layout.checkboxes:
        hint = (
            f"the mapping {mapping.path} names none: list them under its columns"
            if mapping is not None
            else "write a mapping file (peerready score FILE --suggest-map MAP.yaml drafts one)"
        )
        raise InputError(
            f"no column matches an item of '{questionnaire.id}' (columns: {identity.preview(header)}); {hint}"
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


def _special_columns(
    layout: Layout, mapping: MappingFile | None, group_by: str | None, sample: Sequence[Sequence[str]]
) -> set[int]:
    header = layout.header
    layout.respondent = identity.respondent_column(
        header, layout.platform, mapping, sample, layout.conventions
    )
    if group_by is not None:
        layout.group = identity.group_column(header, group_by)
    taken = {c for c in (layout.respondent, layout.group) if c is not None}
    layout.role, layout.roles = identity.role_column(header, mapping, taken)
    layout.template_ref = identity.template_column(header, taken)
    special = (layout.respondent, layout.group, layout.role, layout.template_ref)
    taken = {c for c in special if c is not None}
    by_text = {c for c in taken if not _by_letter(mapping, group_by, header, c)}
    identity.refuse_duplicate_headers(header, by_text)
    return taken


def _by_letter(mapping: MappingFile | None, group_by: str | None, header: Sequence[str], column: int) -> bool:
    """Whether a special column was named by letter or position (so a repeated header is no matter)."""
    names = [group_by] + ([mapping.mapping.respondent, mapping.mapping.role] if mapping else [])
    return any(n and normal(n) != normal(header[column]) and address(header, n) == column for n in names)


def _mapped_columns(
    header: Sequence[str], mapping: MappingFile | None
) -> dict[int, tuple[ColumnMap, str | None]]:
    """Column index → (its map, the checkbox field it belongs to or None) for every mapped column;
    a name that is no column (nor a REDCap checkbox field) is an error at the mapping's line."""
    found: dict[int, tuple[ColumnMap, str | None]] = {}
    if mapping is None:
        return found
    for key, column_map in mapping.mapping.column_maps().items():
        index = address(header, key)
        if index is not None:
            found[index] = (column_map, None)
            continue
        boxes = [i for i, h in enumerate(header) if (box := checkbox(h)) and squash(box[0]) == squash(key)]
        if not boxes:
            raise mapping.problem(("columns", key), identity.missing_column(header, key))
        for index in boxes:
            found[index] = (column_map, key)
    return found


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
    mapping: MappingFile | None,
    column_map: ColumnMap | None,
    codebook: Codebook | None,
) -> None:
    item = questionnaire.item_by_id[item_id]
    if isinstance(item, TextItem):
        layout.texts[column] = item_id
        return
    position = next(i for i, p in enumerate(layout.plan.items) if p.id == item_id)
    plan = layout.plan.items[position]
    allowed = set(plan.option_ids) | {"dont_know", "not_applicable"}
    given = mapping.mapping if mapping else None
    extra = {text: target for text, target in (given.answers if given else {}).items() if target in allowed}
    scale = scale_of(questionnaire, item_id)
    extra.update(given.scales.get(scale, {}) if given and scale else {})
    extra.update(column_map.answers if column_map else {})
    codes = (codebook or {}).get(normal(layout.name(column)))
    if extra or codes:
        layout.by_codebook.add(column)
    anchors = item.anchors if isinstance(item, RatedItem) else None
    labels = [o.label for o in questionnaire.options_of(item)]
    layout.items[column] = position
    layout.resolvers[column] = resolver_for(plan, labels, anchors, extra, layout.no_answer, codes)
    if codes:
        readable = spellings(plan, labels, anchors).keys()
        declared = {normal(text) for text in extra}
        unread = {
            c: lb for c, lb in codes.items() if normal(lb) not in readable and normal(c) not in declared
        }
        if unread:
            layout.unread_codes[column] = unread
