"""The appendix: how the numbers are made, the words used, and where the advice comes from."""

from __future__ import annotations

import re
from collections.abc import Mapping

from peerready.i18n import Lang, LText, format_number, format_percent, tr
from peerready.model.instrument import Instrument
from peerready.model.questionnaire import Source
from peerready.model.result import ScoreResult
from peerready.report.view import Appendix, GlossaryView, InspirationView, SourceLine

# Used when the catalogue brings no method text of its own.
DEFAULT_METHOD = [
    tr(
        "Every answer carries points; more points means more ready. A statement's score is the mean "
        "of its answers' points, rescaled to 0–100 by the scale's range. A domain's score is the "
        "weighted mean of its answered statements. “Don't know” and “not applicable” are shown but "
        "never scored. When fewer than {min_coverage} of the applicable answers are given, the "
        "domain gets no score (“too few answers”) – never 0."
    ),
    tr(
        "Each score falls in a band. The bands are rules of thumb: no published cut-offs exist for "
        "questionnaires like this one. Use them to set priorities and to talk, not as a judgement."
    ),
    tr(
        "The overall verdict is not an average alone. Readiness is only as strong as its weakest "
        "essential part: a critical domain in its lowest band caps the verdict at the lowest band, "
        "and the questionnaire can add rules of its own. The report says which rule capped the "
        "verdict."
    ),
    tr(
        "When participants answer separately, a statement is flagged as splitting the group when "
        "its answers lie on both sides of the favourable cut and their average deviation around "
        "the median is at least c/6 of the scale's c levels. A domain is flagged when one of its "
        "statements is. Unanimous answers, five of six alike, or answers that are all favourable "
        "are never flagged."
    ),
    tr(
        "Groups (such as roles) with fewer than {min_group_size} participants are never shown on "
        "their own: they are merged with other small groups, so that no one's answers can be worked "
        "out."
    ),
]

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def fill(text: str, values: Mapping[str, str]) -> str:
    """Replace {name} with its value; unknown names and any other braces stay as written."""
    return _PLACEHOLDER.sub(lambda m: values.get(m[1], m[0]), text)


_DANISH_LAST = str.maketrans({"æ": "{", "ø": "|", "å": "}"})  # after z, in this order


def sort_key(text: str, lang: Lang) -> str:
    """Alphabetical order as the language has it: Danish puts æ, ø, å after z."""
    folded = text.casefold()
    return folded.replace("aa", "å").translate(_DANISH_LAST) if lang == "da" else folded


def setting_values(settings: Mapping[str, float | int], lang: Lang) -> dict[str, str]:
    return {
        # a no-break space keeps "60 %" on one line
        "min_coverage": format_percent(float(settings.get("min_coverage", 0.6)), lang).replace(" ", "\u00a0"),
        "agreement_threshold": format_number(float(settings.get("agreement_threshold", 0.7)), lang, 2),
        "min_group_size": format_number(float(settings.get("min_group_size", 5)), lang),
        "first_phase_actions": format_number(float(settings.get("first_phase_actions", 7)), lang),
        "high_priority_actions": format_number(float(settings.get("high_priority_actions", 10)), lang),
        "group_effect": format_number(float(settings.get("group_effect", 0.14)), lang, 2),
    }


def sentence(text: str) -> str:
    """The text ending in one full stop: 'Hvad er god praksis?' stays as it is (never '?.')."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else f"{text}."


def source_line(source: Source, number: int) -> SourceLine:
    """'Socialstyrelsen 2016. Peer-støtte … Socialstyrelsen, 2016.' and its address."""
    parts = [sentence(source.short), sentence(source.title)]
    published = ", ".join(str(p) for p in (source.publisher, source.year) if p)
    if published:
        parts.append(sentence(published))
    return SourceLine(number, " ".join(parts), source.url)


def source_numbers(instrument: Instrument, result: ScoreResult) -> dict[str, int]:
    """Source id → its number in the source list, which citations point to."""
    return {s.id: n for n, s in enumerate(cited_sources(instrument, result), start=1)}


def cited_sources(instrument: Instrument, result: ScoreResult) -> list[Source]:
    """The sources the questionnaire's items, the selected advice and the glossary cite."""
    cited: list[str] = []
    for item in instrument.questionnaire.all_items:
        cited += [c.source for c in item.sources]
    chosen = {r.id for r in result.recommendations}
    for rec in instrument.recommendations:
        if rec.id in chosen:
            cited += [s.source for s in rec.sources]
    catalogue = instrument.catalogue
    for entry in catalogue.glossary if catalogue else []:
        cited += [s.source for s in entry.sources]
    known = instrument.sources
    return [known[s] for s in dict.fromkeys(cited) if s in known]


def appendix(instrument: Instrument, result: ScoreResult, lang: Lang, introduction: str) -> Appendix:
    catalogue = instrument.catalogue
    method: list[LText] = list(catalogue.method) if catalogue and catalogue.method else DEFAULT_METHOD
    values = setting_values(result.settings, lang)
    glossary = catalogue.glossary if catalogue else []
    literature = catalogue.literature if catalogue else []
    sources = cited_sources(instrument, result)
    places = catalogue.inspiration if catalogue else []
    return Appendix(
        introduction=introduction,
        method=[fill(paragraph.get(lang), values) for paragraph in method],
        glossary=sorted(
            (GlossaryView(e.term.get(lang), e.definition.get(lang)) for e in glossary),
            key=lambda e: sort_key(e.term, lang),
        ),
        sources=[source_line(s, n) for n, s in enumerate(sources, start=1)],
        literature=[
            SourceLine(n, e.reference + (f" – {e.note.get(lang)}" if e.note else ""), None)
            for n, e in enumerate(literature, start=len(sources) + 1)
        ],
        projects=[
            InspirationView(p.name, p.description.get(lang), p.url) for p in places if p.kind == "project"
        ],
        organisations=[
            InspirationView(p.name, p.description.get(lang), p.url)
            for p in places
            if p.kind == "organisation"
        ],
    )
