"""The appendix: how the numbers are made, the words used, and where the advice comes from."""

from __future__ import annotations

import re
from collections.abc import Mapping

from peerready.i18n import Lang, LText, both, format_number, format_percent
from peerready.model.instrument import Instrument
from peerready.model.questionnaire import Source
from peerready.model.result import ScoreResult
from peerready.report.view import Appendix, GlossaryView, InspirationView

# Used when the catalogue brings no method text of its own.
DEFAULT_METHOD = [
    both(
        "Hvert svar giver point, og flere point betyder mere parat. Et udsagns score er "
        "gennemsnittet af svarenes point, omregnet til 0–100 efter skalaens spænd. Et områdes "
        "score er det vægtede gennemsnit af de besvarede udsagn. «Ved ikke» og «ikke relevant» "
        "vises, men tæller ikke med i scoren. Er under {min_coverage} af de relevante svar givet, "
        "får området ingen score («for få svar») – aldrig 0.",
        "Every answer carries points; more points means more ready. A statement's score is the "
        "mean of its answers' points, rescaled to 0–100 by the scale's range. A domain's score is "
        "the weighted mean of its answered statements. “Don't know” and “not applicable” are "
        "shown but never scored. When fewer than {min_coverage} of the applicable answers are "
        "given, the domain gets no score (“too few answers”) – never 0.",
    ),
    both(
        "Scoren placeres i et bånd. Båndene er tommelfingerregler: der findes ingen "
        "offentliggjorte grænseværdier for spørgeskemaer som dette. Brug dem til at prioritere "
        "og til at tale sammen, ikke som en dom.",
        "Each score falls in a band. The bands are rules of thumb: no published cut-offs exist "
        "for questionnaires like this one. Use them to set priorities and to talk, not as a "
        "judgement.",
    ),
    both(
        "Den samlede vurdering er ikke et gennemsnit alene. Parathed er kun så stærk som den "
        "svageste nødvendige del: ligger et kritisk område i det laveste bånd, kan vurderingen "
        "højst blive det laveste bånd, og spørgeskemaet kan have egne regler, der begrænser den. "
        "Rapporten siger, hvilken regel der har begrænset vurderingen.",
        "The overall verdict is not an average alone. Readiness is only as strong as its weakest "
        "essential part: a critical domain in its lowest band caps the verdict at the lowest "
        "band, and the questionnaire can add rules of its own. The report says which rule "
        "capped the verdict.",
    ),
    both(
        "Når deltagerne svarer hver for sig, måles enigheden per udsagn med rwg = 1 − s²/σ²EU, "
        "hvor σ²EU = (A² − 1)/12 er spredningen ved helt tilfældige svar på A svarmuligheder, og "
        "per område med rwg(j). Udsagn med rwg under {agreement_threshold}, eller en "
        "gennemsnitlig afvigelse (AD) over c/6, markeres som uenighed, der er værd at drøfte.",
        "When participants answer separately, agreement is measured per statement as "
        "rwg = 1 − s²/σ²EU, where σ²EU = (A² − 1)/12 is the spread of answers given at random "
        "over A options, and per domain as rwg(j). Statements with rwg below "
        "{agreement_threshold}, or an average deviation (AD) above c/6, are flagged as "
        "disagreement worth discussing.",
    ),
    both(
        "Grupper (f.eks. roller) med færre end {min_group_size} deltagere vises aldrig for sig: "
        "de lægges sammen med andre små grupper, så ingens svar kan regnes ud.",
        "Groups (such as roles) with fewer than {min_group_size} participants are never shown "
        "on their own: they are merged with other small groups, so that no one's answers can "
        "be worked out.",
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


def source_line(source: Source) -> str:
    """'Socialstyrelsen 2016. Peer-støtte … Socialstyrelsen, 2016.'"""
    parts = [f"{source.short}. {source.title}."]
    published = ", ".join(str(p) for p in (source.publisher, source.year) if p)
    if published:
        parts.append(f"{published}.")
    if source.url:
        parts.append(source.url)
    return " ".join(parts)


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


def appendix(instrument: Instrument, result: ScoreResult, lang: Lang) -> Appendix:
    catalogue = instrument.catalogue
    method: list[LText] = list(catalogue.method) if catalogue and catalogue.method else DEFAULT_METHOD
    values = setting_values(result.settings, lang)
    glossary = catalogue.glossary if catalogue else []
    literature = catalogue.literature if catalogue else []
    places = catalogue.inspiration if catalogue else []
    return Appendix(
        method=[fill(paragraph.get(lang), values) for paragraph in method],
        glossary=sorted(
            (GlossaryView(e.term.get(lang), e.definition.get(lang)) for e in glossary),
            key=lambda e: sort_key(e.term, lang),
        ),
        sources=[source_line(s) for s in cited_sources(instrument, result)],
        literature=[e.reference + (f" – {e.note.get(lang)}" if e.note else "") for e in literature],
        projects=[
            InspirationView(p.name, p.description.get(lang), p.url) for p in places if p.kind == "project"
        ],
        organisations=[
            InspirationView(p.name, p.description.get(lang), p.url)
            for p in places
            if p.kind == "organisation"
        ],
    )
