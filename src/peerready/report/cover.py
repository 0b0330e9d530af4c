"""The cover: whose report it is, for whom and by whom, and what it rests on. A survey's cover
says it is a survey: responses in all and per group, the file and its platform, what was left
out, and the items the export did not ask."""

from __future__ import annotations

from pathlib import PurePath

from peerready.exports.summary import BatchSummary
from peerready.i18n import Lang, format_date
from peerready.model.instrument import Instrument
from peerready.model.result import ScoreResult
from peerready.report.groups import dimension_name, group_label
from peerready.report.view import Cover, Fact
from peerready.report.words import ROLE_COUNTS, word


def head_count(result: ScoreResult) -> int:
    # In consensus mode there is one set of answers, but several people gave it.
    return max(result.participants or 0, result.respondents, sum(result.roles.values()))


def participants(result: ScoreResult, lang: Lang) -> str:
    """'12 (6 medarbejdere, 5 ledere, 1 fra HR)'."""
    roles = sorted(result.roles.items(), key=lambda pair: (-pair[1], pair[0]))
    parts = [f"{n} {ROLE_COUNTS[role][n != 1].get(lang)}" for role, n in roles if role in ROLE_COUNTS]
    # Roles a questionnaire or the set-up added: their own name, with the count.
    parts += [f"{result.role_labels[r].get(lang)}: {n}" for r, n in roles if r in result.role_labels]
    count = head_count(result)
    named = set(ROLE_COUNTS) | set(result.role_labels)
    unknown = count - sum(n for role, n in roles if role in named)
    if parts and unknown > 0:
        parts.append(f"{unknown} {word('no_role', lang)}")
    return f"{count} ({', '.join(parts)})" if parts else str(count)


def cover(instrument: Instrument, result: ScoreResult, lang: Lang, survey: BatchSummary | None) -> Cover:
    q = instrument.questionnaire
    named = f"{q.title.get(lang)} ({q.id}, {word('version', lang)} {q.version})"
    facts = [Fact(word("questionnaire", lang), named)]
    if survey is None:
        facts.append(Fact(word("participants", lang), participants(result, lang)))
        mode = "consensus" if result.mode == "consensus" else "individual"
        facts.append(Fact(word("mode", lang), word(mode, lang)))
    else:
        facts += survey_facts(instrument, result, lang, survey)
    if result.unfinished:
        facts.append(Fact(word("status", lang), word("unfinished", lang)))
    kicker = word("report", lang) + (f" · {word('survey', lang)}" if survey else "")
    organisation = result.organisation
    return Cover(
        kicker=kicker,
        organisation=organisation or word("no_organisation", lang),
        prepared_for=f"{word('prepared_for', lang)} {organisation}" if organisation else None,
        title=q.title.get(lang),
        date=format_date(result.date, lang) if result.date else None,
        facts=facts,
    )


def survey_facts(instrument: Instrument, result: ScoreResult, lang: Lang, survey: BatchSummary) -> list[Fact]:
    counts, found = survey.counts, survey.provenance
    facts = [Fact(word("responses", lang), str(counts.scored))]
    if result.groups:
        per_group = ", ".join(f"{group_label(g, lang)} {g.respondents}" for g in result.groups)
        if result.suppressed_respondents:
            per_group += f", {word('others', lang)} {result.suppressed_respondents}"
        label = word("responses_by", lang).replace("{dimension}", dimension_name(result.groups, lang))
        facts.append(Fact(label, per_group))
    # the file's name: the folders on the consultant's machine stay there
    name = PurePath(found.file if found else survey.source.file).name
    platform = found.platform_name.get(lang) if found else survey.source.platform
    facts.append(Fact(word("data_file", lang), name + (f" ({platform})" if platform else "")))
    if counts.rejected or counts.incomplete_excluded:
        left_out = (
            word("left_out_text", lang)
            .replace("{rejected}", str(counts.rejected))
            .replace("{unfinished}", str(counts.incomplete_excluded))
        )
        facts.append(Fact(word("left_out", lang), left_out))
    not_asked = found.not_asked if found else survey.source.missing_items
    if not_asked:
        numbers = {item.id: n for n, item in enumerate(instrument.questionnaire.all_items, start=1)}
        shown = [str(numbers[i]) for i in not_asked if i in numbers]
        facts.append(Fact(word("not_asked", lang), f"{word('item', lang)} {', '.join(shown)}"))
    return facts
