"""The before and after of the meeting's discussions: each round of votes on an item that was
voted on again (or left with the disagreement standing), summarised as a report shows it."""

from __future__ import annotations

from peerready.model.questionnaire import Settings
from peerready.model.result import RoundSummary
from peerready.model.session import Round, Session
from peerready.scoring.stats import item_stats
from peerready.scoring.tally import ScoringPlan, Tally


def round_summaries(plan: ScoringPlan, session: Session, settings: Settings) -> dict[str, list[RoundSummary]]:
    positions = {p.id: n for n, p in enumerate(plan.items)}
    summaries: dict[str, list[RoundSummary]] = {}
    for item_id, rounds in session.rounds.items():
        if item_id not in positions:
            continue  # an open question, or an item the questionnaire no longer has
        worth_showing = len([r for r in rounds if r.voted]) > 1 or rounds[-1].decision == "stands"
        if worth_showing:
            summaries[item_id] = [
                _summary(plan, positions[item_id], r, session, settings) for r in rounds if r.voted
            ]
    return summaries


def _summary(
    plan: ScoringPlan, position: int, round_: Round, session: Session, settings: Settings
) -> RoundSummary:
    item = plan.items[position]
    answers = round_.ballots if session.mode == "anonymous" else list(round_.votes.values())
    tally = Tally(plan, settings.min_coverage)
    for answer in answers:
        tally.add({item.id: answer})
    stats = item_stats(item, tally, position)
    distribution = {k: v for k, v in stats.distribution.items() if v}
    if stats.dont_know:
        distribution["dont_know"] = stats.dont_know
    if stats.not_applicable:
        distribution["not_applicable"] = stats.not_applicable
    return RoundSummary(distribution=distribution, score=stats.score, rwg=stats.rwg, decision=round_.decision)
