"""Answer sets described in words ("everything at the top, culture at the bottom"), so golden
scenarios keep their meaning when a domain gains or splits an item, and a scorer for them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from peerready.model.instrument import Instrument
from peerready.model.questionnaire import Questionnaire, ScoredItem
from peerready.model.result import ScoreResult
from peerready.scoring.score import Context, score
from peerready.scoring.tally import ScoringPlan, Tally

LEVELS = ("bottom", "middle", "top")


def option_at(q: Questionnaire, item: ScoredItem, level: str) -> str:
    """The option id for 'bottom', 'middle' or 'top' (by points), or the option id itself."""
    if level not in LEVELS:
        return level
    options = sorted(q.options_of(item), key=lambda o: o.points)
    index = {"bottom": 0, "middle": (len(options) - 1) // 2, "top": len(options) - 1}[level]
    return options[index].id


def answers(
    q: Questionnaire,
    default: str = "top",
    domains: Mapping[str, str] | None = None,
    items: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """One respondent's answers: `default` everywhere, overridden per domain, then per item."""
    domains = domains or {}
    items = items or {}
    chosen: dict[str, str] = {}
    for domain in q.domains:
        for item in domain.scored_items:
            level = items.get(item.id, domains.get(domain.id, default))
            chosen[item.id] = option_at(q, item, level)
    return chosen


def scored(
    instrument: Instrument, answer_sets: Sequence[Mapping[str, str]], mode: str = "individual"
) -> ScoreResult:
    q = instrument.questionnaire
    tally = Tally(ScoringPlan.build(q), q.settings.min_coverage)
    for one in answer_sets:
        tally.add(one)
    return score(instrument, tally, Context(language="en", mode=mode), q.settings)
