"""A scored result → the report's view model, in one language. Pure: no files, no printing."""

from __future__ import annotations

from peerready import __version__
from peerready.i18n import Lang, format_date, format_number
from peerready.model.instrument import Instrument
from peerready.model.questionnaire import TextItem
from peerready.model.result import ScoreResult
from peerready.report import actions
from peerready.report.appendix import appendix
from peerready.report.baseline import Comparison
from peerready.report.brand import accent as default_accent
from peerready.report.charts import bar_chart
from peerready.report.domains import DomainBuilder
from peerready.report.format import delta_view, rank_name, score_text
from peerready.report.view import (
    BrandView,
    ComparisonRow,
    ComparisonView,
    Cover,
    Fact,
    GroupRow,
    Groups,
    Highlight,
    OpenDomain,
    OpenQuestion,
    Report,
    VerdictView,
)
from peerready.report.words import ROLE_COUNTS, ROLE_GROUPS, WORDS, word


def build_report(
    instrument: Instrument,
    result: ScoreResult,
    lang: Lang,
    *,
    comparison: Comparison | None = None,
    brand: BrandView | None = None,
) -> Report:
    q = instrument.questionnaire
    shown = actions.recommendations(instrument, result, lang)
    full, also, homeless = actions.placed(result, shown)
    builder = DomainBuilder(instrument, result, lang, comparison)
    domains = [builder.domain(d, full[d.domain], also[d.domain]) for d in result.domains if d.domain in full]
    title = f"{word('report', lang)} – {result.organisation or q.title.get(lang)}"
    chart = bar_chart(instrument, result, lang, comparison)
    rwg = {i.item: i.rwg or 0.0 for d in result.domains for i in d.items}
    disagreed = sorted(result.low_agreement, key=lambda item: rwg.get(item, 0.0))
    return Report(
        lang=lang,
        answers_lang=result.language,
        title=title,
        words={key: text.get(lang) for key, text in WORDS.items()},
        cover=_cover(instrument, result, lang),
        brand=brand,
        accent=brand.accent if brand else default_accent(),
        introduction=_introduction(instrument, result, lang),
        verdict=_verdict(instrument, result, lang, comparison),
        chart=chart,
        domains=domains,
        strengths=_highlights(instrument, result, result.strengths, "score", lang),
        gaps=_highlights(instrument, result, result.gaps, "score", lang),
        disagreements=_highlights(instrument, result, disagreed[:SHOWN_DISAGREEMENTS], "agreement", lang),
        more_disagreements=max(0, len(disagreed) - SHOWN_DISAGREEMENTS),
        flagged=_highlights(instrument, result, result.flagged, "", lang),
        groups=_groups(instrument, result, lang),
        comparison=_comparison(result, lang, comparison),
        open_questions=_open_questions(instrument, result, lang),
        actions=shown,
        more_actions=homeless,
        appendix=appendix(instrument, result, lang),
        generator=f"peerready {__version__}",
        warnings=list(comparison.warnings) if comparison else [],
    )


SHOWN_DISAGREEMENTS = 5  # the summary names the widest splits; the domain pages mark them all


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


def head_count(result: ScoreResult) -> int:
    # In consensus mode there is one set of answers, but several people gave it.
    return max(result.participants or 0, result.respondents, sum(result.roles.values()))


def _cover(instrument: Instrument, result: ScoreResult, lang: Lang) -> Cover:
    q = instrument.questionnaire
    named = f"{q.title.get(lang)} ({q.id}, {word('version', lang)} {q.version})"
    facts = [
        Fact(word("questionnaire", lang), named),
        Fact(word("participants", lang), participants(result, lang)),
        Fact(word("mode", lang), word("consensus" if result.mode == "consensus" else "individual", lang)),
    ]
    if result.unfinished:
        facts.append(Fact(word("status", lang), word("unfinished", lang)))
    return Cover(
        organisation=result.organisation,
        title=q.title.get(lang),
        date=format_date(result.date, lang) if result.date else None,
        facts=facts,
    )


def _introduction(instrument: Instrument, result: ScoreResult, lang: Lang) -> str:
    q = instrument.questionnaire
    who = word("who_consensus" if result.mode == "consensus" else "who_individual", lang)
    return (
        word("introduction", lang)
        .replace("{who}", who.replace("{n}", str(head_count(result))))
        .replace("{questionnaire}", q.title.get(lang))
        .replace("{version}", q.version)
    )


def _verdict(
    instrument: Instrument, result: ScoreResult, lang: Lang, comparison: Comparison | None
) -> VerdictView:
    verdict = result.verdict
    label = verdict.label.get(lang) if verdict.label else word("no_verdict", lang)
    if not verdict.given:
        label = word("worksheet_verdict", lang)
    return VerdictView(
        label=label,
        score=None if verdict.score is None else format_number(verdict.score, lang),
        rank=rank_name(verdict.band, instrument.questionnaire.overall_bands),
        provisional=verdict.provisional and verdict.label is not None,
        reasons=[reason.text.get(lang) for reason in verdict.reasons],
        delta=delta_view(comparison.overall, lang) if comparison else None,
    )


def _highlights(
    instrument: Instrument, result: ScoreResult, item_ids: list[str], value: str, lang: Lang
) -> list[Highlight]:
    q = instrument.questionnaire
    stats = {i.item: i for d in result.domains for i in d.items}
    shown = []
    for item_id in item_ids:
        item = q.item_by_id.get(item_id)
        if item is None:
            continue
        found = stats.get(item_id)
        text = ""
        if found and value == "score":
            text = f"{word('score', lang)} {score_text(found.score, lang)}"
        elif found and value == "agreement" and found.rwg is not None:
            text = f"{word('agreement', lang)} {format_number(found.rwg, lang, 2)}"
        shown.append(Highlight(item.text.get(lang), q.domain_of_item[item_id].title.get(lang), text))
    return shown


def _groups(instrument: Instrument, result: ScoreResult, lang: Lang) -> Groups | None:
    if not result.groups:
        return None
    columns = []
    for group in result.groups:
        label = ROLE_GROUPS.get(group.key, group.label) if group.dimension == "role" else group.label
        columns.append(f"{label.get(lang)} ({group.respondents})")
    rows = [GroupRow(word("overall", lang), [score_text(g.score, lang) for g in result.groups])]
    for domain in instrument.questionnaire.domains:
        if domain.scored_items:
            values = [score_text(g.domains.get(domain.id), lang) for g in result.groups]
            rows.append(GroupRow(domain.title.get(lang), values))
    hidden = None
    if result.suppressed_respondents:
        minimum = int(result.settings.get("min_group_size", 5))
        hidden_n = result.suppressed_respondents
        count = f"{hidden_n} {word('participant' if hidden_n == 1 else 'participants_lc', lang)}"
        hidden = word("groups_hidden", lang).replace("{count}", count).replace("{n}", str(minimum))
    return Groups(columns, rows, hidden)


def _comparison(result: ScoreResult, lang: Lang, comparison: Comparison | None) -> ComparisonView | None:
    if comparison is None:
        return None
    when = format_date(comparison.date, lang) if comparison.date else "–"
    heading = f"{word('baseline_from', lang)} {when} ({word('version', lang)} {comparison.version})"
    overall = comparison.overall
    rows = [
        ComparisonRow(
            word("overall", lang),
            score_text(overall.before, lang),
            score_text(overall.after, lang),
            delta_view(overall, lang),
            None,
        )
    ]
    for domain in result.domains:
        change = comparison.domains.get(domain.domain)
        if change is not None:
            rows.append(
                ComparisonRow(
                    domain.title.get(lang),
                    score_text(change.before, lang),
                    score_text(change.after, lang),
                    delta_view(change, lang),
                    None,
                )
            )
        elif domain.domain in comparison.new:
            now = score_text(domain.score, lang)
            rows.append(ComparisonRow(domain.title.get(lang), "", now, None, word("new_domain", lang)))
    gone = [f"{g.title.get(lang)} ({score_text(g.score, lang)})" for g in comparison.gone]
    return ComparisonView(heading, rows, gone)


def _open_questions(instrument: Instrument, result: ScoreResult, lang: Lang) -> list[OpenDomain]:
    """The open questions with every answer given, grouped by domain in the questionnaire's order,
    so that a vision built on the answers comes after them."""
    shown = []
    for domain in instrument.questionnaire.domains:
        questions = [
            OpenQuestion(
                question=item.text.get(lang),
                answers=result.texts.get(item.id, []),
                statement=item.draft is not None,
                note=result.notes.get(item.id),
            )
            for item in domain.items
            if isinstance(item, TextItem)
        ]
        if questions:
            shown.append(OpenDomain(domain.title.get(lang), questions))
    return shown
