"""The score view's groups table: domains down, groups across, and where each domain's spread
lies – between the groups or within them (η², scoring.spread). Builds; never prints."""

from __future__ import annotations

from rich.table import Table

from peerready.i18n import Lang, LText, format_number, format_optional, tr
from peerready.model.instrument import Instrument
from peerready.model.result import GroupResult, ScoreResult
from peerready.model.session import ROLE_LABELS
from peerready.output.escape import one_line

WORDS: dict[str, LText] = {
    "groups": tr("Groups"),
    "domain": tr("Domain"),
    "overall": tr("Overall"),
    "spread": tr("Spread lies"),
    "between_groups": tr("between groups"),
    "within_groups": tr("within groups"),
    "withheld": tr("hidden"),
    "withheld_note": tr(
        "hidden: too few people answered the domain in this group, or this group differs from another "
        "group or the whole by too few who did, so its score would give someone's answers away; the "
        "group's overall score is then hidden too"
    ),
}


def group_table(result: ScoreResult, instrument: Instrument, lang: Lang) -> Table:
    """Domains down, groups across: there are usually far fewer groups than domains."""

    def word(key: str) -> str:
        return WORDS[key].get(lang)

    table = Table(title=word("groups"), title_justify="left", show_edge=False)
    table.add_column(word("domain"))
    for group in result.groups:
        label = ROLE_LABELS.get(group.key, group.label) if group.dimension == "role" else group.label
        table.add_column(f"{one_line(label.get(lang))} (n={group.respondents})", justify="right")
    dimensions = list(dict.fromkeys(s.dimension for s in result.group_spread))
    spread = {(s.dimension, s.domain): s for s in result.group_spread}
    for dimension in dimensions:
        table.add_column(word("spread") + (f" ({dimension})" if len(dimensions) > 1 else ""))

    def shown(group: GroupResult, score: float | None, domain: str | None = None) -> str:
        withheld = group.withheld and (domain is None or domain in group.withheld)
        return word("withheld") if withheld else format_optional(score, lang)

    if any(g.withheld for g in result.groups):
        table.caption, table.caption_justify = word("withheld_note"), "left"
    table.add_row(
        word("overall"),
        *(shown(g, g.score) for g in result.groups),
        *([""] * len(dimensions)),
        style="bold",
    )
    for domain in instrument.questionnaire.domains:
        if domain.scored_items:
            cells = [shown(g, g.domains.get(domain.id), domain.id) for g in result.groups]
            for dimension in dimensions:
                found = spread.get((dimension, domain.id))
                cells.append(
                    f"{word(found.source)} (η² {format_number(found.eta_squared, lang, 2)})"
                    if found and found.source and found.eta_squared is not None
                    else ""
                )
            table.add_row(domain.title.get(lang), *cells)
    return table
