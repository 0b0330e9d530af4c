"""Cross-reference checks that a single field cannot make: ids that must exist or be unique,
band tables without gaps or overlaps, anchors for every level, citations of known sources.

Each check returns problems with a path into its document; the loader adds file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import pairwise

from peerready.documents.rules import check_caps, check_item_bands, check_plan
from peerready.documents.yamldoc import Path, format_path
from peerready.errors import Problem
from peerready.i18n import LANGUAGES
from peerready.model.catalogue import Catalogue
from peerready.model.criteria import Criterion, referenced
from peerready.model.ids import SPECIAL_ANSWERS
from peerready.model.questionnaire import (
    Band,
    ChoiceItem,
    Citation,
    Item,
    Option,
    Questionnaire,
    RatedItem,
    TextItem,
)

# {item_id} in an open item's draft; `progress.fill_draft` replaces it with that item's answers.
PLACEHOLDER = re.compile(r"\{([a-z0-9][a-z0-9_-]*)\}")


def _problem(path: Path, message: str) -> Problem:
    return Problem(format_path(path), message)


def _duplicates(ids: Iterable[tuple[Path, str]], what: str) -> Iterator[Problem]:
    """Each repeat of an id, at its own place, naming where the id first appeared."""
    first: dict[str, Path] = {}
    for path, name in ids:
        if name in first:
            yield _problem(path, f"duplicate {what} id '{name}' (first used at {format_path(first[name])})")
        else:
            first[name] = path


def _ids(entries: Iterable[object], path: Path) -> Iterator[tuple[Path, str]]:
    for index, entry in enumerate(entries):
        yield (*path, index, "id"), getattr(entry, "id")  # noqa: B009 - any model with an id


def check_bands(bands: list[Band], path: Path) -> Iterator[Problem]:
    yield from _duplicates(_ids(bands, path), "band")
    ordered = sorted(enumerate(bands), key=lambda pair: pair[1].min)
    for index, band in ordered:
        if band.min >= band.max:
            yield _problem((*path, index), f"band '{band.id}' is empty: min {band.min:g} ≥ max {band.max:g}")
    if ordered and ordered[0][1].min != 0:
        yield _problem(path, f"bands must start at 0; the lowest starts at {ordered[0][1].min:g}")
    if ordered and ordered[-1][1].max != 100:
        yield _problem(path, f"bands must end at 100; the highest ends at {ordered[-1][1].max:g}")
    for (_, low), (index, high) in pairwise(ordered):
        if high.min > low.max:
            yield _problem(
                (*path, index),
                f"gap between bands '{low.id}' and '{high.id}': nothing covers {low.max:g}–{high.min:g}",
            )
        elif high.min < low.max:
            yield _problem(
                (*path, index),
                f"bands '{low.id}' and '{high.id}' overlap on {high.min:g}–{low.max:g}",
            )


def _check_options(options: list[Option], path: Path) -> Iterator[Problem]:
    yield from _duplicates(_ids(options, path), "option")
    for index, option in enumerate(options):
        if option.id in SPECIAL_ANSWERS:
            yield _problem(
                (*path, index, "id"), f"'{option.id}' is reserved for the answer every item offers"
            )
    if len({o.points for o in options}) < 2:
        yield _problem(path, "options need at least two different point values")


def _check_citations(citations: list[Citation], path: Path, sources: set[str]) -> Iterator[Problem]:
    for index, citation in enumerate(citations):
        if citation.source not in sources:
            yield _problem((*path, index, "source"), f"unknown source '{citation.source}'")


def check_criterion(
    criterion: Criterion,
    path: Path,
    q: Questionnaire,
    *,
    absent_domains_ok: bool = False,
    absent_items_ok: bool = False,
) -> Iterator[Problem]:
    """Problems with what a criterion names. A shared catalogue may name domains and items that
    only some questionnaires have; for the others the criterion simply does not hold."""
    domains, items, bands = referenced(criterion)
    if not absent_domains_ok:
        for domain in sorted(domains - q.domain_by_id.keys()):
            yield _problem(path, f"unknown domain '{domain}'")
    for item in sorted(items):
        found = q.item_by_id.get(item)
        if found is None and not absent_items_ok:
            yield _problem(path, f"unknown item '{item}'")
        elif isinstance(found, TextItem):
            yield _problem(path, f"item '{item}' is open text and has no score")
    for domain_id, band in sorted(bands):
        target = q.domain_by_id.get(domain_id)
        if target and band not in {b.id for b in q.bands_for(target)}:
            yield _problem(path, f"domain '{domain_id}' has no band '{band}'")
    yield from check_item_bands(criterion, path, q)


def check_questionnaire(q: Questionnaire, extra_sources: Iterable[str] = ()) -> list[Problem]:
    return list(_questionnaire_problems(q, {s.id for s in q.sources} | set(extra_sources)))


def _questionnaire_problems(q: Questionnaire, sources: set[str]) -> Iterator[Problem]:
    yield from _duplicates(_ids(q.sources, ("sources",)), "source")
    yield from _duplicates(_ids(q.scales, ("scales",)), "scale")
    yield from _duplicates(_ids(q.domains, ("domains",)), "domain")
    item_ids = (
        ((*path, "items", i, "id"), item.id)
        for d, domain in enumerate(q.domains)
        for path in [("domains", d)]
        for i, item in enumerate(domain.items)
    )
    yield from _duplicates(item_ids, "item")
    for index, scale in enumerate(q.scales):
        yield from _check_options(scale.options, ("scales", index, "options"))
    yield from check_bands(q.bands, ("bands",))
    if q.verdict_bands is not None:
        yield from check_bands(q.verdict_bands, ("verdict_bands",))
    text_items = {i.id for i in q.all_items if isinstance(i, TextItem)}
    for d_index, domain in enumerate(q.domains):
        d_path: Path = ("domains", d_index)
        if domain.bands is not None:
            yield from check_bands(domain.bands, (*d_path, "bands"))
        if domain.critical and not domain.scored_items:
            yield _problem((*d_path, "critical"), "a critical domain needs at least one scored item")
        for i_index, item in enumerate(domain.items):
            yield from _check_item(q, item, (*d_path, "items", i_index), sources, text_items)
    verdict_band_ids = {b.id for b in q.overall_bands}
    for index, rule in enumerate(q.verdict_rules):
        yield from check_criterion(rule.when, ("verdict_rules", index, "when"), q)
        if rule.cap not in verdict_band_ids:
            yield _problem(("verdict_rules", index, "cap"), f"unknown verdict band '{rule.cap}'")
    yield from check_caps(q)


def _check_item(
    q: Questionnaire, item: Item, path: Path, sources: set[str], texts: set[str]
) -> Iterator[Problem]:
    yield from _check_citations(item.sources, (*path, "sources"), sources)
    if isinstance(item, RatedItem):
        yield from _check_rated(q, item, path)
    elif isinstance(item, ChoiceItem):
        yield from _check_options(item.options, (*path, "options"))
    elif isinstance(item, TextItem) and item.draft is not None:
        for lang in LANGUAGES:
            for name in PLACEHOLDER.findall(item.draft.get(lang)):
                if name not in texts or name == item.id:
                    yield _problem((*path, "draft", lang), f"{{{name}}} must name another open-text item")


def _check_rated(q: Questionnaire, item: RatedItem, path: Path) -> Iterator[Problem]:
    scale = q.scale_by_id.get(item.scale)
    if scale is None:
        known = ", ".join(sorted(q.scale_by_id))
        yield _problem((*path, "scale"), f"unknown scale '{item.scale}' (known: {known})")
        return
    option_ids = [o.id for o in scale.options]
    anchors = item.anchors or {}
    for key in anchors:
        if key not in option_ids:
            yield _problem((*path, "anchors", key), f"scale '{scale.id}' has no option '{key}'")
    if scale.anchored:
        missing = [o for o in option_ids if o not in anchors]
        if missing:
            yield _problem(
                (*path, "anchors"),
                f"scale '{scale.id}' is anchored: give anchor text for option(s) {', '.join(missing)}",
            )


def check_catalogue(catalogue: Catalogue, q: Questionnaire | None = None) -> list[Problem]:
    """Check a catalogue on its own and, given a questionnaire, the recommendations active for it."""
    problems: list[Problem] = []
    problems += _duplicates(_ids(catalogue.sources, ("sources",)), "source")
    problems += _duplicates(_ids(catalogue.recommendations, ("recommendations",)), "recommendation")
    problems += _duplicates(_ids(catalogue.glossary, ("glossary",)), "glossary")
    problems += check_plan(catalogue)
    sources = {s.id for s in catalogue.sources} | ({s.id for s in q.sources} if q else set())
    for index, rec in enumerate(catalogue.recommendations):
        path: Path = ("recommendations", index)
        for s_index, quote in enumerate(rec.sources):
            if quote.source not in sources:
                problems.append(
                    _problem((*path, "sources", s_index, "source"), f"unknown source '{quote.source}'")
                )
        if q is not None and set(rec.domains) & q.domain_by_id.keys():
            # Domains are checked when the questionnaire has every domain the recommendation is
            # about; items never, as a short questionnaire asks only some of a domain's items.
            has_all = set(rec.domains) <= q.domain_by_id.keys()
            for c_index, criterion in enumerate(rec.when):
                problems += check_criterion(
                    criterion,
                    (*path, "when", c_index),
                    q,
                    absent_domains_ok=not has_all,
                    absent_items_ok=True,
                )
    problems += _duplicates(_ids(catalogue.inspiration, ("inspiration",)), "inspiration")
    cited = {
        "glossary": [entry.sources for entry in catalogue.glossary],
        "inspiration": [entry.sources for entry in catalogue.inspiration],
    }
    for part, quote_lists in cited.items():
        for index, quotes in enumerate(quote_lists):
            for s_index, quote in enumerate(quotes):
                if quote.source not in sources:
                    problems.append(
                        _problem(
                            (part, index, "sources", s_index, "source"), f"unknown source '{quote.source}'"
                        )
                    )
    return problems
