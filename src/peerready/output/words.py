"""The words of the terminal views (results and questionnaires), in Danish and English."""

from __future__ import annotations

from peerready.i18n import Lang, LText, both

WORDS: dict[str, LText] = {
    "verdict": both("Samlet vurdering", "Overall verdict"),
    "worksheet": both(
        "ingen – et arbejdsark giver ingen vurdering af parathed",
        "none – a worksheet gives no readiness verdict",
    ),
    "domain": both("Område", "Domain"),
    "score": both("Score", "Score"),
    "band": both("Bånd", "Band"),
    "coverage": both("Besvaret", "Answered"),
    "favourable": both("Positive", "Favourable"),
    "agreement": both("Enighed", "Agreement"),
    "strengths": both("Styrker", "Strengths"),
    "gaps": both("Huller", "Gaps"),
    "disagreement": both("Uenighed – tal om det", "Low agreement – discuss"),
    "recommendations": both("Anbefalinger", "Recommendations"),
    "groups": both("Grupper", "Groups"),
    "respondents": both("deltagere", "respondents"),
    "respondent": both("deltager", "respondent"),
    "agreed": both("gruppens fælles svar", "the group's agreed answers"),
    "rounds": both("Drøftet og stemt om", "Discussed and voted again"),
    "stands": both("uenigheden står", "the disagreement stands"),
    "flagged": both("Markeret til drøftelse", "Marked for discussion"),
    "insufficient": both("for få svar", "too few answers"),
    "unscored": both("åbne spørgsmål", "open questions"),
    "open": both("åbent svar", "open answer"),
    "critical": both("kritisk", "critical"),
    "split": both("splittet", "split"),
    "agreed_ok": both("enige", "agreed"),
    "steps_apart": both("i snit {ad} trin fra midten", "on average {ad} steps from the middle"),
    "provisional": both("foreløbig", "provisional"),
    "items": both("spørgsmål", "items"),
    "hidden": both(
        "deltagere i grupper under minimumsstørrelsen vises ikke for sig",
        "respondents in groups below the minimum size are not shown on their own",
    ),
    "merged": both(
        "deltagere i grupper under minimumsstørrelsen tælles med under «Øvrige (små grupper)»",
        "respondents in groups below the minimum size are counted under “Others (small groups)”",
    ),
    "merged_one": both(
        "deltager i en gruppe under minimumsstørrelsen tælles med under «Øvrige (små grupper)»",
        "respondent in a group below the minimum size is counted under “Others (small groups)”",
    ),
    "overall": both("Samlet", "Overall"),
    "hidden_one": both(
        "deltager i en gruppe under minimumsstørrelsen vises ikke for sig",
        "respondent in a group below the minimum size is not shown on their own",
    ),
    "more": both(
        "flere – se hele listen i rapporten (peerready report)",
        "more – see the full list in the report (peerready report)",
    ),
}


def word(key: str, lang: Lang) -> str:
    return WORDS[key].get(lang)
