"""The simple path, to check the batch scorer against: every row read on its own, checked, turned
into a session-style answers dict and counted with `Tally.add`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from peerready.documents.loader import load_instrument
from peerready.exports.answers import NOT_STATED, NOT_STATED_LABEL
from peerready.exports.checker import answers, fit, problems_in, role_of
from peerready.exports.layout import Layout
from peerready.exports.levels import top_never_used
from peerready.exports.mapping import load_mapping
from peerready.exports.opener import find_template, open_export
from peerready.exports.options import ExportOptions
from peerready.exports.prepare import prepare
from peerready.exports.provenance import reading_warnings
from peerready.exports.source import ExportReader
from peerready.i18n import both
from peerready.model.result import ScoreResult
from peerready.model.session import ROLE_LABELS
from peerready.scoring.groups import OTHER, OTHER_LABEL
from peerready.scoring.score import Breakdown, Context, effective_settings, score
from peerready.scoring.tally import ScoringPlan, Tally


def _good_rows(source: ExportReader, layout: Layout, options: ExportOptions) -> Iterator[list[str]]:
    seen: set[str] = set()
    for chunk in source.chunks:
        for row, line in zip(chunk.rows, chunk.positions(), strict=True):
            fitted = fit(row, len(layout.header))
            if fitted is None:
                continue
            if not options.include_incomplete and not all(
                rule.finished(fitted[rule.column]) for rule in layout.completion
            ):
                continue
            fitted = layout.extend(fitted)
            if problems_in(fitted, line, layout, seen):
                continue
            if layout.respondent is not None:
                seen.add(fitted[layout.respondent].strip())
            yield fitted


def simple_result(path: Path, questionnaire: str, options: ExportOptions) -> ScoreResult:
    instrument = load_instrument(questionnaire)
    q = instrument.questionnaire
    settings = effective_settings(instrument, min_group_size=options.min_group_size)
    plan = ScoringPlan.build(q)
    source = open_export(path, options.encoding, options.delimiter, options.sheet)
    find_template(source)
    mapping = load_mapping(options.mapping, q) if options.mapping else None
    prepared = prepare(source, q, plan, mapping, options.group_by)
    layout = prepared.layout
    plan = layout.plan  # without the items the export does not ask
    overall = Tally(plan, settings.min_coverage)
    groups: dict[str, Tally] = {}
    roles: dict[str, Tally] = {}
    labels: dict[str, str] = {}
    counted: dict[str, int] = {}
    crossed: dict[tuple[str, ...], int] = {}
    atoms: dict[tuple[str, ...], Tally] = {}  # one per combination of keys: who answered which domains
    for fitted in _good_rows(source, layout, options):
        given = answers(fitted, layout)
        overall.add(given)
        combination: tuple[str, ...] = ()
        if layout.role is not None:
            role = role_of(fitted[layout.role], layout) or "other"
            counted[role] = counted.get(role, 0) + 1
            if options.by_role:
                roles.setdefault(role, Tally(plan, settings.min_coverage)).add(given)
                combination += (role,)
        if layout.group is not None and options.group_by is not None:
            key = layout.group_of(fitted[layout.group])
            labels.setdefault(key, fitted[layout.group].strip())
            groups.setdefault(key, Tally(plan, settings.min_coverage)).add(given)
            combination += (key,)
        crossed[combination] = crossed.get(combination, 0) + 1
        atoms.setdefault(combination, Tally(plan, settings.min_coverage)).add(given)
    breakdowns = []
    if options.by_role:
        breakdowns.append(Breakdown("role", roles, ROLE_LABELS))
    if options.group_by is not None:
        group_labels = {k: both(v, v) for k, v in labels.items() if v}
        group_labels[NOT_STATED] = NOT_STATED_LABEL
        group_labels[OTHER] = OTHER_LABEL
        breakdowns.append(Breakdown(options.group_by, groups, group_labels))
    context = Context(
        language=options.language,
        mode="individual",
        roles=dict(sorted(counted.items())),
        warnings=(*source.warnings, *reading_warnings(layout)),  # file-level ones first, as load does
    )
    reach = {combination: tally.reach for combination, tally in atoms.items()}
    result = score(instrument, overall, context, settings, breakdowns, crossed, reach)
    late = top_never_used(layout, prepared.numeric, result)
    return result.model_copy(update={"warnings": [*result.warnings, *late]}) if late else result
