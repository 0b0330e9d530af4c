"""The score view's groups table: domains down, groups across, and where each domain's spread
lies – between the groups or within them (η², scoring.spread). Builds; never prints."""

from __future__ import annotations

from rich.table import Table

from peerready.i18n import Lang, LText, format_number, format_optional, tr
from peerready.model.instrument import Instrument
from peerready.model.result import ScoreResult
from peerready.model.session import ROLE_LABELS
from peerready.output.escape import one_line

WORDS: dict[str, LText] = {
    "groups": tr("Groups"),
    "domain": tr("Domain"),
    "overall": tr("Overall"),
    "spread": tr("Spread lies"),
    "between_groups": tr("between groups"),
    "within_groups": tr("within groups"),
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
    table.add_row(
        word("overall"),
        *(format_optional(g.score, lang) for g in result.groups),
        *([""] * len(dimensions)),
        style="bold",
    )
    for domain in instrument.questionnaire.domains:
        if domain.scored_items:
            cells = [format_optional(g.domains.get(domain.id), lang) for g in result.groups]
            for dimension in dimensions:
                found = spread.get((dimension, domain.id))
                cells.append(
                    f"{word(found.source)} (η² {format_number(found.eta_squared, lang, 2)})"
                    if found and found.source and found.eta_squared is not None
                    else ""
                )
            table.add_row(domain.title.get(lang), *cells)
    return table
