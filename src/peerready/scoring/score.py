"""Scoring: answers → tallies → a frozen ScoreResult. Pure: no files, no printing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from peerready import __version__
from peerready.documents.sessions import check_version
from peerready.errors import DocumentError, Problem
from peerready.i18n import Lang, LText
from peerready.model.bands import band_rank
from peerready.model.instrument import Instrument
from peerready.model.questionnaire import Questionnaire, Settings
from peerready.model.result import QuestionnaireInfo, ScoreResult
from peerready.model.session import Session, answer_keys
from peerready.scoring.disclosure import Atom, Reach, plan_cuts, withhold
from peerready.scoring.groups import group_results
from peerready.scoring.plan import action_plan
from peerready.scoring.rounds import round_summaries
from peerready.scoring.spread import group_spread
from peerready.scoring.stats import domain_result
from peerready.scoring.tally import Moments, ScoringPlan, Tally
from peerready.scoring.verdict import decide, facts_from, overall_score


@dataclass(frozen=True)
class Context:
    """What a result says about where the answers came from."""

    language: Lang
    mode: str
    organisation: str | None = None
    date: dt.date | None = None
    participants: int | None = None
    roles: Mapping[str, int] = field(default_factory=dict)
    notes: Mapping[str, str] = field(default_factory=dict)
    flagged: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    unfinished: bool = False  # a session the group has not finished


@dataclass(frozen=True)
class Breakdown:
    """Tallies per group along one dimension (e.g. role or department)."""

    dimension: str
    tallies: Mapping[str, Tally]
    labels: Mapping[str, LText] = field(default_factory=dict)


def effective_settings(instrument: Instrument, **overrides: float | int | None) -> Settings:
    """The questionnaire's settings with any given on the command line."""
    given = {k: v for k, v in overrides.items() if v is not None}
    settings = instrument.questionnaire.settings
    return Settings.model_validate(settings.model_dump() | given) if given else settings


def score(
    instrument: Instrument,
    overall: Tally,
    context: Context,
    settings: Settings,
    breakdowns: Iterable[Breakdown] = (),
    crossed: Mapping[tuple[str, ...], int] | None = None,
    reach: Mapping[tuple[str, ...], Reach] | None = None,
) -> ScoreResult:
    """The result of the answers counted in `overall`, with results per group of each of the
    breakdowns; with more than one breakdown, `crossed` says how many respondents share each
    combination of their keys (one per breakdown, in order) and `reach` how many of them
    answered each domain, so that no two groups shown together give anyone away."""
    q = instrument.questionnaire
    domains = [domain_result(q, d, overall, settings) for d in q.domains]
    facts = facts_from(q, domains, overall_score(q, domains))
    verdict = decide(q, domains, facts)
    items = [item for d in domains for item in d.items if item.score is not None]
    by_score = sorted(items, key=lambda i: -(i.score or 0))
    rank = {
        i.item: band_rank(facts.item_band.get(i.item), q.bands_for(q.domain_by_id[i.domain])) for i in items
    }
    breakdowns = list(breakdowns)
    if crossed is None or reach is None:
        crossed, reach = _atoms_of_one(breakdowns)
    cuts = plan_cuts(crossed, len(breakdowns), settings.min_group_size)
    withheld = withhold(cuts, crossed, reach, settings.min_group_size)
    groups, hidden, spread = [], 0, []
    for breakdown, shown_as, held in zip(breakdowns, cuts, withheld, strict=True):
        shown, small = group_results(
            q, breakdown.tallies, breakdown.dimension, breakdown.labels, settings, shown_as, held
        )
        groups += shown
        hidden += small
        spread += group_spread(breakdown.tallies, breakdown.dimension, settings, shown_as, held)
    return ScoreResult(
        tool_version=__version__,
        questionnaire=QuestionnaireInfo(id=q.id, version=q.version, hash=q.content_hash(), title=q.title),
        organisation=context.organisation,
        date=context.date,
        language=context.language,
        mode=context.mode,
        respondents=overall.respondents,
        participants=context.participants,
        roles=dict(context.roles),
        settings=settings.model_dump(),
        verdict=verdict,
        domains=domains,
        # strengths are items in their domain's top band, gaps items in its lowest
        strengths=[
            i.item for i in by_score if rank[i.item] == len(q.bands_for(q.domain_by_id[i.domain])) - 1
        ][: settings.highlights],
        gaps=[i.item for i in sorted(items, key=lambda i: i.score or 0) if rank[i.item] == 0][
            : settings.highlights
        ],
        low_agreement=[i.item for d in domains for i in d.items if i.low_agreement],
        recommendations=action_plan(instrument.recommendations, facts, verdict, settings),
        groups=groups,
        group_spread=spread,
        suppressed_respondents=hidden,
        texts={k: list(v) for k, v in overall.texts.items()},
        notes=dict(context.notes),
        flagged=list(context.flagged),
        warnings=list(context.warnings),
        unfinished=context.unfinished,
    )


def _atoms_of_one(breakdowns: list[Breakdown]) -> tuple[dict[Atom, int], dict[Atom, Reach]]:
    """How many respondents share each key, and answered each domain, when there is one breakdown
    (or none): its groups are the atoms."""
    if len(breakdowns) > 1:
        raise ValueError("several breakdowns need their crossed counts and reach")
    tallies = [(key, t) for b in breakdowns for key, t in b.tallies.items()]
    return {(key,): t.respondents for key, t in tallies}, {(key,): t.reach for key, t in tallies}


def score_session(
    instrument: Instrument,
    session: Session,
    *,
    settings: Settings | None = None,
    allow_version_mismatch: bool = False,
    label: str = "session",
) -> ScoreResult:
    """Score an assessment session; answers that do not fit the questionnaire are errors."""
    q = instrument.questionnaire
    changes = check_version(session, q, allow_mismatch=allow_version_mismatch)
    settings = settings or q.settings
    plan = ScoringPlan.build(q)
    problems: list[Problem] = []
    for key, (_, answers) in zip(answer_keys(session), session.answer_sets(), strict=True):
        found = plan.check(answers, f"answers.{key}")
        if changes:  # answers to removed items are expected after a version change
            found = [p for p in found if "no such item" not in p.message]
        problems += found
    for item_id in session.notes:
        if item_id not in q.item_by_id and not changes:
            problems.append(Problem(f"notes.{item_id}", "no such item in the questionnaire"))
    if problems:
        raise DocumentError([Problem(p.path, p.message, file=label) for p in problems])
    overall = Tally(plan, settings.min_coverage)
    by_role: dict[str, Tally] = {}
    for respondent, answers in session.answer_sets():
        overall.add(answers)
        if respondent is not None and session.mode == "individual":
            role = respondent.role or "other"
            by_role.setdefault(role, Tally(plan, settings.min_coverage)).add(answers)
    if session.mode == "anonymous":  # ballots are linked to nobody: there is no one's own score
        overall.domain_scores = {domain: Moments() for domain in overall.domain_scores}
    roles: dict[str, int] = {}
    for respondent in session.respondents:
        if respondent.role:
            roles[respondent.role] = roles.get(respondent.role, 0) + 1
    context = Context(
        language=session.language,
        mode=session.mode,
        organisation=session.organisation,
        date=session.date,
        participants=len(session.respondents),
        roles=roles,
        notes={k: v for k, v in session.notes.items() if k in q.item_by_id},
        flagged=tuple(session.flagged),
        warnings=tuple(f"questionnaire changed since the session: {c}" for c in changes[1:]),
        unfinished=not session.complete and _unanswered(session, q),
    )
    breakdowns = [Breakdown("role", by_role, session.role_labels())] if by_role else []
    result = score(instrument, overall, context, settings, breakdowns)
    return result.model_copy(
        update={"rounds": round_summaries(plan, session, settings), "role_labels": dict(session.roles)}
    )


def _unanswered(session: Session, questionnaire: Questionnaire) -> bool:
    """Whether any item still lacks an answer (from the group, or from any participant). An item
    voted on in rounds is answered once a round is complete, an empty open answer included."""
    people = {r.id for r in session.respondents}
    voted = {item for item, rounds in session.rounds.items() if any(people <= set(r.voted) for r in rounds)}
    items = [item.id for item in questionnaire.all_items if item.id not in voted]
    sets: list[dict[str, str]] = [answers for _respondent, answers in session.answer_sets()] or [{}]
    return any(item not in answers for answers in sets for item in items)
