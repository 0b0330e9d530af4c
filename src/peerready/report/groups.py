"""The scores of each group (roles, or the column a survey was grouped by) as a heat map: a column
per group, a row per domain, each cell shaded by its level, and the largest difference in words.
Groups below the minimum size never reach the result, so they never reach the report."""

from __future__ import annotations

from peerready.i18n import Lang, format_number
from peerready.model.bands import band_for
from peerready.model.instrument import Instrument
from peerready.model.questionnaire import Band
from peerready.model.result import GroupResult, ScoreResult
from peerready.report.figures import rank_name, score_text
from peerready.report.view import GroupCell, GroupRow, Groups
from peerready.report.words import ROLE_GROUPS, word


def group_label(group: GroupResult, lang: Lang) -> str:
    label = ROLE_GROUPS.get(group.key, group.label) if group.dimension == "role" else group.label
    return label.get(lang)


def dimension_name(groups: list[GroupResult], lang: Lang) -> str:
    """'rolle' for roles, else the column the survey was grouped by, as its export names it."""
    dimension = groups[0].dimension
    return word("role_dimension", lang) if dimension == "role" else dimension


def groups_view(instrument: Instrument, result: ScoreResult, lang: Lang) -> Groups | None:
    if not result.groups:
        return None
    q = instrument.questionnaire
    columns = [f"{group_label(g, lang)} ({g.respondents})" for g in result.groups]
    overall = [
        _withheld(lang) if g.withheld else _cell(g.score, q.overall_bands, lang) for g in result.groups
    ]
    rows = [GroupRow(word("overall", lang), overall)]
    spread = spread_words(result, lang)
    for domain in q.domains:
        if domain.scored_items:
            bands = q.bands_for(domain)
            rows.append(
                GroupRow(
                    domain.title.get(lang),
                    [
                        _withheld(lang)
                        if domain.id in g.withheld
                        else _cell(g.domains.get(domain.id), bands, lang, g.split.get(domain.id, 0))
                        for g in result.groups
                    ],
                    spread.get(domain.id, ""),
                )
            )
    title = word("groups", lang).replace("{dimension}", dimension_name(result.groups, lang))
    split = word("group_split", lang) if any(g.split for g in result.groups) else None
    return Groups(
        title, columns, rows, largest_difference(instrument, result, lang), hidden(result, lang), split
    )


def spread_words(result: ScoreResult, lang: Lang) -> dict[str, str]:
    """Domain id → 'mellem grupperne (η² 0,31)' or 'inden for grupperne (η² 0,05)': whether the
    groups differ from one another or people disagree within each group."""
    dimension = result.groups[0].dimension
    shown = {}
    for found in result.group_spread:
        if found.dimension == dimension and found.source is not None and found.eta_squared is not None:
            where = word("between_groups" if found.source == "between_groups" else "within_groups", lang)
            shown[found.domain] = f"{where} (η² {format_number(found.eta_squared, lang, 2)})"
    return shown


def _cell(score: float | None, bands: list[Band], lang: Lang, split: int = 0) -> GroupCell:
    """A group's score in a domain, marked ≠ where the group itself is split on a statement."""
    found = band_for(score, bands)
    value = score_text(score, lang) + (" ≠" if split else "")
    return GroupCell(value, rank_name(found.id if found else None, bands))


def _withheld(lang: Lang) -> GroupCell:
    """A score not shown because it would give someone's answers away (scoring.disclosure)."""
    return GroupCell(word("withheld", lang), rank_name(None, []))


def largest_difference(instrument: Instrument, result: ScoreResult, lang: Lang) -> str | None:
    """'Størst er forskellen i »Kultur«: Afd. A 41, Afd. B 78 (37 point).'"""
    widest: tuple[float, str, tuple[float, GroupResult], tuple[float, GroupResult]] | None = None
    for domain in instrument.questionnaire.domains:
        scored = [(score, g) for g in result.groups if (score := g.domains.get(domain.id)) is not None]
        if len(scored) < 2:
            continue
        low, high = min(scored, key=_score), max(scored, key=_score)
        if widest is None or high[0] - low[0] > widest[0]:
            widest = (high[0] - low[0], domain.title.get(lang), low, high)
    if widest is None or round(widest[0]) == 0:
        return None
    points, title, (low_score, low_group), (high_score, high_group) = widest
    return (
        word("largest_difference", lang)
        .replace("{domain}", title)
        .replace("{low}", group_label(low_group, lang))
        .replace("{low_score}", score_text(low_score, lang))
        .replace("{high}", group_label(high_group, lang))
        .replace("{high_score}", score_text(high_score, lang))
        .replace("{points}", format_number(round(points), lang))
    )


def _score(pair: tuple[float, GroupResult]) -> float:
    return pair[0]


def hidden(result: ScoreResult, lang: Lang) -> str | None:
    """What the table leaves out, and why: small groups, and scores that would single anyone out."""
    notes = []
    minimum = int(result.settings.get("min_group_size", 5))
    if result.suppressed_respondents:
        hidden_n = result.suppressed_respondents
        count = f"{hidden_n} {word('participant' if hidden_n == 1 else 'participants_lc', lang)}"
        notes.append(word("groups_hidden", lang).replace("{count}", count).replace("{n}", str(minimum)))
    if any(g.withheld for g in result.groups):
        notes.append(word("groups_withheld", lang).replace("{n}", str(minimum)))
    return " ".join(notes) or None
