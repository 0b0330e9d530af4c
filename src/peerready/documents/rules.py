"""Checks on the verdict's rules and the action plan that keep the scoring's promises:
raising an answer never lowers the verdict, no cap turns on a single answer at a scale's
midpoint, and no step before hiring is owned by peer workers who are not there yet.
"""

from __future__ import annotations

from collections.abc import Iterator

from peerready.documents.yamldoc import Path, format_path
from peerready.errors import Problem
from peerready.model.bands import ascending
from peerready.model.catalogue import PHASES_BEFORE_HIRING, Catalogue
from peerready.model.criteria import (
    AgreementBelow,
    AllOf,
    AnyOf,
    Criterion,
    DomainBand,
    ItemBand,
    Not,
)
from peerready.model.questionnaire import Questionnaire, TextItem


def _problem(path: Path, message: str) -> Problem:
    return Problem(format_path(path), message)


def option_scores(q: Questionnaire) -> dict[float, str]:
    """Each 0–100 score a single answer can give in a critical domain, with an example answer."""
    scores: dict[float, str] = {}
    for domain in q.domains:
        if not domain.critical:
            continue
        for item in domain.scored_items:
            options = q.options_of(item)
            points = sorted({o.points for o in options})
            low, high = points[0], points[-1]
            for option in options:
                score = round((option.points - low) / (high - low) * 100, 9)
                scores.setdefault(score, f"answer '{option.id}' to '{item.id}'")
    return scores


def check_caps(q: Questionnaire) -> Iterator[Problem]:
    verdict_bands = {b.id for b in q.overall_bands}
    scores = option_scores(q)
    for index, cap in enumerate(q.verdict_caps or []):
        path: Path = ("verdict_caps", index)
        if cap.cap not in verdict_bands:
            yield _problem((*path, "cap"), f"unknown verdict band '{cap.cap}'")
        example = scores.get(round(cap.below, 9))
        if example is not None:
            yield _problem(
                (*path, "below"),
                f"{cap.below:g} is the score of {example}: a group giving that answer throughout would sit "
                "on the edge, and one answer would tip it; choose a value between two answers' scores",
            )
    for index, rule in enumerate(q.verdict_rules):
        for message in _non_monotone(rule.when, q):
            yield _problem(("verdict_rules", index, "when"), message)


def _non_monotone(criterion: Criterion, q: Questionnaire) -> Iterator[str]:
    """Why a cap on this criterion could lower the verdict when an answer is raised."""
    match criterion:
        case AgreementBelow():
            yield "a verdict rule cannot use agreement: raising an answer can split the group"
        case Not():
            yield "a verdict rule cannot use 'not': raising an answer could make it hold"
        case DomainBand(domain=domain, bands=bands):
            target = q.domain_by_id.get(domain)
            if target is not None:
                yield from _lowest_only(bands, [b.id for b in ascending(q.bands_for(target))])
        case ItemBand(item=item, bands=bands):
            owner = q.domain_of_item.get(item)
            if owner is not None:
                yield from _lowest_only(bands, [b.id for b in ascending(q.bands_for(owner))])
        case AllOf(of=parts) | AnyOf(of=parts):
            for part in parts:
                yield from _non_monotone(part, q)


def _lowest_only(named: list[str], ordered: list[str]) -> Iterator[str]:
    """The named bands must be the lowest ones, else a higher score could enter them (unknown
    bands are reported by the reference check)."""
    known = set(named) & set(ordered)
    if known and known != set(ordered[: len(known)]):
        yield f"a verdict rule may name only the lowest bands ({', '.join(ordered[: len(known)])})"


def check_item_bands(criterion: Criterion, path: Path, q: Questionnaire) -> Iterator[Problem]:
    """Bands named for an item must be bands of the item's domain."""
    match criterion:
        case ItemBand(item=item, bands=bands):
            owner = q.domain_of_item.get(item)
            if owner is not None and not isinstance(q.item_by_id[item], TextItem):
                known = {b.id for b in q.bands_for(owner)}
                for band in bands:
                    if band not in known:
                        yield _problem(
                            path, f"item '{item}' is in domain '{owner.id}', which has no band '{band}'"
                        )
        case AllOf(of=parts) | AnyOf(of=parts):
            for part in parts:
                yield from check_item_bands(part, path, q)
        case Not(criterion=inner):
            yield from check_item_bands(inner, path, q)


def check_plan(catalogue: Catalogue) -> Iterator[Problem]:
    """Owners who exist in the phase, and `covers` that name other recommendations without a loop."""
    ids = {r.id for r in catalogue.recommendations}
    covers = {r.id: r.covers for r in catalogue.recommendations}
    for index, rec in enumerate(catalogue.recommendations):
        path: Path = ("recommendations", index)
        if rec.owner == "peer_workers" and rec.phase in PHASES_BEFORE_HIRING:
            yield _problem(
                (*path, "owner"),
                f"no peer workers are hired yet in phase '{rec.phase}': give the step to someone who is",
            )
        for c_index, other in enumerate(rec.covers):
            if other not in ids:
                yield _problem((*path, "covers", c_index), f"unknown recommendation '{other}'")
            elif other == rec.id or rec.id in _reachable(other, covers):
                yield _problem((*path, "covers", c_index), f"'{rec.id}' and '{other}' cover each other")


def _reachable(start: str, covers: dict[str, list[str]]) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for nxt in covers.get(todo.pop(), []):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen
