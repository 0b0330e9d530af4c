"""The report's own words in Danish and English (the questionnaire supplies the rest)."""

from __future__ import annotations

from peerready.i18n import Lang, LText, both

WORDS: dict[str, LText] = {
    "report": both("Parathedsrapport", "Readiness report"),
    "contents": both("Indhold", "Contents"),
    "how_to_read": both("Sådan læser du rapporten", "How to read this report"),
    "introduction": both(
        "Rapporten bygger på {who} på spørgeskemaet «{questionnaire}» (version {version}). Hvert "
        "område får en score fra 0 til 100 og placeres i et bånd; båndene er tommelfingerregler, "
        "ikke grænseværdier. Den samlede vurdering tager højde for, at nogle områder er "
        "kritiske: er et af dem langt fra klar, er organisationen det også. Anbefalingerne er "
        "udvalgt efter svarene, og hver har sin kilde. Metoden er beskrevet i bilaget.",
        "This report is based on {who} to the questionnaire “{questionnaire}” (version "
        "{version}). Each domain gets a score from 0 to 100 and falls in a band; the bands are "
        "rules of thumb, not cut-offs. The overall verdict allows for some domains being "
        "critical: if one of them is far from ready, so is the organisation. The recommendations "
        "are chosen by the answers, and each cites its source. The appendix describes the method.",
    ),
    "who_consensus": both(
        "den fælles besvarelse, som {n} deltagere blev enige om",
        "the answers {n} participants agreed on together",
    ),
    "who_individual": both(
        "svarene fra {n} deltagere, der svarede hver for sig",
        "the answers {n} participants gave separately",
    ),
    "summary": both("Sammenfatning", "Summary"),
    "verdict": both("Samlet vurdering", "Overall verdict"),
    "provisional": both("foreløbig", "provisional"),
    "no_verdict": both("Ingen vurdering – for få svar", "No verdict – too few answers"),
    "worksheet_verdict": both(
        "Et arbejdsark – ingen vurdering af parathed", "A worksheet – no readiness verdict"
    ),
    "out_of": both("af 100", "out of 100"),
    "domain_scores": both("Områdernes score", "Domain scores"),
    "strengths": both("Styrker", "Strengths"),
    "gaps": both("Største huller", "Largest gaps"),
    "disagreement": both("Her var I uenige", "Where the group disagreed"),
    "more_disagreements": both(
        "… og {n} udsagn mere, markeret på områdernes sider",
        "… and {n} more statements, marked on the domain pages",
    ),
    "flagged": both("Markeret til drøftelse", "Marked for discussion"),
    "groups": both("Score efter rolle", "Scores by role"),
    "groups_hidden": both(
        "{count} i roller med færre end {n} deltagere vises ikke for sig, men er lagt sammen med "
        "andre, så ingens svar kan regnes ud.",
        "{count} in roles with fewer than {n} participants are not shown on their own but merged "
        "with others, so that no one's answers can be worked out.",
    ),
    "participant": both("deltager", "participant"),
    "no_role": both("uden oplyst rolle", "with no role given"),
    "participants_lc": both("deltagere", "participants"),
    "comparison": both("Udvikling siden sidst", "Change since the last assessment"),
    "baseline_from": both("Sammenlignet med vurderingen", "Compared with the assessment of"),
    "domains": both("Områderne", "The domains"),
    "vision": both("Motivation og vision", "Motivation and vision"),
    "vision_intro": both(
        "Gruppens svar på de åbne spørgsmål, med deres egne ord.",
        "The group's answers to the open questions, in their own words.",
    ),
    "no_answer": both("Ikke besvaret.", "Not answered."),
    "none_yet": both("Ingen endnu.", "None yet."),
    "actions": both("Handlingsplan", "Action plan"),
    "actions_intro": both(
        "De anbefalinger, svarene peger på, ordnet efter prioritet. Aftal en navngiven ansvarlig og "
        "en dato for hver, og begynd fra toppen.",
        "The recommendations the answers point to, ordered by priority. Agree a named person and a "
        "date for each, and start at the top.",
    ),
    "no_actions": both(
        "Svarene udløste ingen anbefalinger.", "The answers did not call for any recommendations."
    ),
    "appendix": both("Bilag", "Appendix"),
    "method": both("Metode", "Method"),
    "glossary": both("Ordliste", "Glossary"),
    "sources": both("Kilder og litteratur", "Sources and literature"),
    "inspiration": both("Inspiration", "Inspiration"),
    "projects": both("Danske projekter", "Danish projects"),
    "organisations": both("Organisationer med viden på området", "Organisations with knowledge of the field"),
    "domain": both("Område", "Domain"),
    "item": both("Udsagn", "Statement"),
    "question": both("Spørgsmål", "Question"),
    "score": both("Score", "Score"),
    "band": both("Bånd", "Band"),
    "favourable": both("Positive svar", "Favourable"),
    "coverage": both("Besvaret", "Answered"),
    "agreement": both("Enighed", "Agreement"),
    "spread": both("Deltagernes egne scorer", "Respondents' own scores"),
    "answer": both("Jeres svar", "Your answer"),
    "answers": both("Svarfordeling", "Answers"),
    "critical": both("Kritisk område", "Critical domain"),
    "insufficient": both("For få svar", "Too few answers"),
    "open_only": both("Kun åbne spørgsmål", "Open questions only"),
    "low_agreement": both("Lav enighed", "Low agreement"),
    "dont_know": both("ved ikke", "don't know"),
    "not_applicable": both("ikke relevant", "not applicable"),
    "unanswered": both("ikke besvaret", "not answered"),
    "note": both("Note", "Note"),
    "recommendations": both("Anbefalinger", "Recommendations"),
    "see_action": both("Se også", "See also"),
    "because": both("Fordi", "Because"),
    "priority": both("Prioritet", "Priority"),
    "owner": both("Ansvarlig", "Owner"),
    "timeframe": both("Tidsramme", "Timeframe"),
    "action": both("Handling", "Action"),
    "before": both("Før", "Before"),
    "now": both("Nu", "Now"),
    "change": both("Ændring", "Change"),
    "overall": both("Samlet", "Overall"),
    "new_domain": both("nyt område", "new domain"),
    "gone_domains": both("Områder, der ikke længere er med", "Domains no longer included"),
    "questionnaire": both("Spørgeskema", "Questionnaire"),
    "date": both("Dato", "Date"),
    "participants": both("Deltagere", "Participants"),
    "mode": both("Besvarelse", "Answered as"),
    "status": both("Status", "Status"),
    "unfinished": both(
        "Ikke afsluttet: gruppen har ikke gjort vurderingen færdig, og nogle udsagn kan mangle svar",
        "Unfinished: the group has not finished the assessment, and some statements may be unanswered",
    ),
    "consensus": both("Fælles svar aftalt i gruppen", "Answers agreed by the group"),
    "individual": both("Hver deltager for sig", "Each participant separately"),
    "prepared_by": both("Udarbejdet af", "Prepared by"),
    "page": both("Side", "Page"),
    "of": both("af", "of"),
    "chart_title": both("Områdernes score (0–100) og bånd", "Domain scores (0–100) and bands"),
    "legend": both("Svarmuligheder fra lav til høj", "Answer options from low to high"),
    "version": both("version", "version"),
    "page_short": both("s.", "p."),
}

OWNERS: dict[str, LText] = {
    "leadership": both("Ledelsen", "Leadership"),
    "hr": both("HR", "HR"),
    "working_group": both("Arbejdsgruppen", "Working group"),
    "colleagues": both("Kollegerne", "Colleagues"),
    "peer_workers": both("Peer-medarbejderne", "Peer workers"),
}

TIMEFRAMES: dict[str, LText] = {
    "before_hiring": both("Før ansættelse", "Before hiring"),
    "first_3_months": both("De første 3 måneder", "First 3 months"),
    "ongoing": both("Løbende", "Ongoing"),
}

PRIORITIES: dict[str, LText] = {
    "high": both("Høj", "High"),
    "medium": both("Mellem", "Medium"),
    "low": both("Lav", "Low"),
}

# (one, several) per role, for "12 deltagere: 6 medarbejdere, 5 ledere, 1 HR"
ROLE_COUNTS: dict[str, tuple[LText, LText]] = {
    "leader": (both("leder", "leader"), both("ledere", "leaders")),
    "staff": (both("medarbejder", "staff member"), both("medarbejdere", "staff members")),
    "hr": (both("fra HR", "from HR"), both("fra HR", "from HR")),
    "union_rep": (
        both("tillidsrepræsentant", "union representative"),
        both("tillidsrepræsentanter", "union representatives"),
    ),
    "peer_worker": (both("peer-medarbejder", "peer worker"), both("peer-medarbejdere", "peer workers")),
    "other": (both("anden", "other"), both("andre", "others")),
}


# Column headings of the table of scores by role.
ROLE_GROUPS: dict[str, LText] = {
    "leader": both("Ledere", "Leaders"),
    "staff": both("Medarbejdere", "Staff"),
    "hr": both("HR", "HR"),
    "union_rep": both("Tillidsrepræsentanter", "Union representatives"),
    "peer_worker": both("Peer-medarbejdere", "Peer workers"),
    "other": both("Andre", "Others"),
}


def word(key: str, lang: Lang) -> str:
    return WORDS[key].get(lang)
