"""The table of changes since the baseline: overall and per domain, new and dropped domains, and
notes that say what "=" means and when the two assessments rest on different people."""

from __future__ import annotations

from peerready.i18n import Lang, format_date
from peerready.model.result import ScoreResult
from peerready.report.baseline import Comparison
from peerready.report.figures import delta_view, score_text
from peerready.report.view import ComparisonRow, ComparisonView
from peerready.report.words import word


def comparison_view(result: ScoreResult, lang: Lang, comparison: Comparison | None) -> ComparisonView | None:
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
            before, after = score_text(change.before, lang), score_text(change.after, lang)
            rows.append(ComparisonRow(domain.title.get(lang), before, after, delta_view(change, lang), None))
        elif domain.domain in comparison.new:
            now = score_text(domain.score, lang)
            rows.append(ComparisonRow(domain.title.get(lang), "", now, None, word("new_domain", lang)))
    gone = [f"{g.title.get(lang)} ({score_text(g.score, lang)})" for g in comparison.gone]
    notes = [word("noise_note", lang)]
    before_n, now_n = comparison.respondents
    if before_n != now_n:
        notes.append(
            word("respondents_differ", lang).replace("{before}", str(before_n)).replace("{now}", str(now_n))
        )
    return ComparisonView(heading, rows, gone, notes)
