"""The words of the terminal views (results and questionnaires), in every language."""

from __future__ import annotations

from peerready.i18n import Lang, LText, tr

WORDS: dict[str, LText] = {
    "unfinished": tr("Unfinished: the group has not finished this assessment; some items may be unanswered."),
    "verdict": tr("Overall verdict"),
    "worksheet": tr("none – a worksheet gives no readiness verdict"),
    "domain": tr("Domain"),
    "score": tr("Score"),
    "band": tr("Band"),
    "coverage": tr("Answered"),
    "favourable": tr("Favourable"),
    "agreement": tr("Agreement"),
    "strengths": tr("Strengths"),
    "gaps": tr("Gaps"),
    "disagreement": tr("Low agreement – discuss"),
    "recommendations": tr("Recommendations"),
    "groups": tr("Groups"),
    "respondents": tr("respondents"),
    "respondent": tr("respondent"),
    "agreed": tr("the group's agreed answers"),
    "flagged": tr("Marked for discussion"),
    "insufficient": tr("too few answers"),
    "unscored": tr("open questions"),
    "not_asked": tr("not asked"),
    "open": tr("open answer"),
    "critical": tr("critical"),
    "split": tr("split"),
    "agreed_ok": tr("agreed"),
    "steps_apart": tr("on average {ad} steps from the middle"),
    "provisional": tr("provisional"),
    "items": tr("items"),
    "hidden": tr("respondents in groups below the minimum size are not shown on their own"),
    "merged": tr("respondents in groups below the minimum size are counted under “Others (small groups)”"),
    "merged_one": tr("respondent in a group below the minimum size is counted under “Others (small groups)”"),
    "overall": tr("Overall"),
    "withheld": tr("hidden"),
    "hidden_one": tr("respondent in a group below the minimum size is not shown on their own"),
    "more": tr("more – see the full list in the report (peerready report)"),
    # New in the meeting's summary; to the catalogue with the next scripted pass.
    "rounds": tr("Discussed and voted again"),
    "stands": tr("the disagreement stands"),
}


def word(key: str, lang: Lang) -> str:
    return WORDS[key].get(lang)
