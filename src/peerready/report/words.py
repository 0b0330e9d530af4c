"""The report's own words in Danish and English (the questionnaire supplies the rest)."""

from __future__ import annotations

from peerready.i18n import Lang, LText, both

WORDS: dict[str, LText] = {
    "report": both("Parathedsrapport", "Readiness report"),
    "contents": both("Indhold", "Contents"),
    "how_to_read": both("Sådan læser du rapporten", "How to read this report"),
    "introduction": both(
        "Rapporten bygger på {who} på spørgeskemaet «{questionnaire}» (version {version}). Hvert "
        "område får en score fra 0 til 100 og placeres på et niveau; niveauerne er tommelfingerregler, "
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
    "gaps": both("Største udviklingsbehov", "Largest development needs"),
    "disagreement": both("Her var I uenige", "Where the group disagreed"),
    "more_disagreements": both(
        "… og {n} udsagn mere, markeret på områdernes sider",
        "… and {n} more statements, marked on the domain pages",
    ),
    "flagged": both("Markeret til drøftelse", "Marked for discussion"),
    "groups": both("Score efter {dimension}", "Scores by {dimension}"),
    "role_dimension": both("rolle", "role"),
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
    "appendix_b": both("Bilag B: Metode og kilder", "Annex B: Method and sources"),
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
    "band": both("Niveau", "Level"),
    "favourable": both("Positive svar", "Favourable"),
    "coverage": both("Besvaret", "Answered"),
    "agreement": both("Samstemmighed", "Consistency"),
    "spread": both("Deltagernes egne scorer", "Respondents' own scores"),
    "answer": both("Jeres svar", "Your answer"),
    "answers": both("Svarfordeling", "Answers"),
    "critical": both("Kritisk område", "Critical domain"),
    "insufficient": both("For få svar", "Too few answers"),
    "open_only": both("Kun åbne spørgsmål", "Open questions only"),
    "low_agreement": both("Lav samstemmighed", "Low consistency"),
    "dont_know": both("ved ikke", "don't know"),
    "not_applicable": both("ikke relevant", "not applicable"),
    "unanswered": both("ikke besvaret", "not answered"),
    "note": both("Note", "Note"),
    "recommendations": both("Anbefalinger", "Recommendations"),
    "see_action": both("Se også", "See also"),
    "because": both("Begrundelse", "Reason"),
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
    "chart_title": both(
        "Områdernes score (0–100) og niveau, højeste først", "Domain scores (0–100) and levels, highest first"
    ),
    "legend": both("Svarmuligheder fra lav til høj", "Answer options from low to high"),
    "version": both("version", "version"),
    "page_short": both("s.", "p."),
    # the executive summary
    "at_a_glance": both("Kort fortalt", "At a glance"),
    "standing": both(
        "Samlet vurdering: «{label}», {score} af 100.", "Overall: “{label}”, {score} out of 100."
    ),
    "standing_no_score": both("Samlet vurdering: «{label}».", "Overall: “{label}”."),
    "blockers": both(
        "{n} af {total} kritiske områder ligger på laveste niveau: {names}.",
        "{n} of {total} critical domains are at the lowest level: {names}.",
    ),
    "no_blockers": both(
        "Intet kritisk område ligger på laveste niveau.", "No critical domain is at the lowest level."
    ),
    "first_steps": both("De første skridt", "First steps"),
    "horizon": both("Horisont", "Horizon"),
    "role": both("Rolle", "Role"),
    "whole_plan": both(
        "Hele handlingsplanen, med plads til navn, dato og status, følger efter områderne.",
        "The whole action plan, with room for a name, a date and a status, follows the domains.",
    ),
    "measure_next": both("Det skal I måle næste gang", "What to measure next time"),
    "measure_text": both(
        "Gentag vurderingen med samme spørgeskema om 3–6 måneder, og sammenlign med denne "
        "(peerready report --baseline). Hold især øje med:",
        "Repeat the assessment with the same questionnaire in 3–6 months and compare it with this "
        "one (peerready report --baseline). Watch in particular:",
    ),
    "measure_disagreed": both("de {n} udsagn, I så forskelligt på", "the {n} statements you saw differently"),
    # the action plan
    "plan_first": both("Handlingsplan – første fase: {phase}", "Action plan – first phase: {phase}"),
    "plan_intro": both(
        "Handlingerne i den rækkefølge, svarene peger på: det, der holder vurderingen nede, kommer "
        "først. Skriv en navngiven ansvarlig, en dato og status på hver, og begynd fra toppen. "
        "Teksten til hver handling følger efter tabellen; de senere faser står i bilag A.",
        "The actions in the order the answers point to: what holds the verdict down comes first. "
        "Write a named person, a date and a status on each, and start at the top. Each action's "
        "text follows the table; the later phases are in annex A.",
    ),
    "named_owner": both("Ansvarlig (navn)", "Owner (name)"),
    "due": both("Dato", "Date"),
    "later_phases": both("Bilag A: Senere faser", "Annex A: Later phases"),
    "later_intro": both(
        "De øvrige anbefalinger, fase for fase. Tag dem op, når første fase er i gang.",
        "The other recommendations, phase by phase. Take them up once the first phase is under way.",
    ),
    "later": both("Når første fase er i gang", "Once the first phase is under way"),
    "in_plan": both("I handlingsplanen", "In the action plan"),
    # strengths and development needs in the reader's words
    "best_domain": both(
        "Stærkest står «{domain}» med {score} af 100.", "Strongest: “{domain}”, {score} out of 100."
    ),
    "your_answer": both("Jeres svar: «{answer}»", "Your answer: “{answer}”"),
    "most_answered": both("{n} af {total} svarede «{answer}»", "{n} of {total} answered “{answer}”"),
    # groups
    "largest_difference": both(
        "Størst er forskellen i «{domain}»: {low} {low_score}, {high} {high_score} ({points} point).",
        "The largest difference is in “{domain}”: {low} {low_score}, {high} {high_score} ({points} points).",
    ),
    "spread_lies": both("Forskellene ligger", "Differences lie"),
    "between_groups": both("mellem grupperne", "between the groups"),
    "within_groups": both("inden for grupperne", "within the groups"),
    "heat_note": both(
        "Cellernes farve følger niveauet: lys rød, gul og grøn fra det laveste til det højeste.",
        "Each cell's colour follows its level: light red, yellow and green from lowest to highest.",
    ),
    # a survey
    "survey": both("Spørgeskemaundersøgelse", "Survey"),
    "responses": both("Besvarelser", "Responses"),
    "responses_by": both("Besvarelser efter {dimension}", "Responses by {dimension}"),
    "data_file": both("Datafil", "Data file"),
    "left_out": both("Ikke medregnet", "Left out"),
    "left_out_text": both(
        "{rejected} afvist på grund af fejl, {unfinished} ikke færdiggjort",
        "{rejected} rejected for a problem, {unfinished} unfinished",
    ),
    "not_asked": both("Ikke spurgt", "Not asked"),
    "others": both("i mindre grupper", "in smaller groups"),
    "prepared_for": both("Udarbejdet for", "Prepared for"),
    "no_organisation": both("Organisation ikke angivet", "Organisation not given"),
    # baseline
    "noise_note": both(
        "Ændringer mindre end det, ét ændret svar eller tilfældig variation kan give, vises som =.",
        "Changes smaller than one changed answer or chance variation can make are shown as =.",
    ),
    "respondents_differ": both(
        "Vurderingerne bygger på forskellige deltagere ({before} før, {now} nu); en del af "
        "ændringen kan skyldes, hvem der svarede.",
        "The assessments rest on different participants ({before} before, {now} now); part of "
        "the change may come from who answered.",
    ),
    # distributions
    "distribution_text": both(
        "gennemsnit {mean}; de fleste mellem {low} og {high}; spænd {min}–{max}",
        "mean {mean}; most between {low} and {high}; range {min}–{max}",
    ),
    "spread_legend": both("spænd i deltagernes egne scorer", "range of respondents' own scores"),
}

OWNERS: dict[str, LText] = {
    "leadership": both("Ledelsen", "Leadership"),
    "hr": both("HR", "HR"),
    "working_group": both("Arbejdsgruppen", "Working group"),
    "colleagues": both("Kollegerne", "Colleagues"),
    "peer_workers": both("Peer-medarbejderne", "Peer workers"),
}

PHASES: dict[str, LText] = {
    "now": both("Nu", "Now"),
    "before_hiring": both("Før ansættelse", "Before hiring"),
    "first_three_months": both("De første tre måneder", "The first three months"),
    "ongoing": both("Løbende", "Ongoing"),
}

# The 30/60/90-day horizon of each phase, counted from the report.
HORIZONS: dict[str, LText] = {
    "now": both("30 dage", "30 days"),
    "before_hiring": both("60 dage", "60 days"),
    "first_three_months": both("90 dage", "90 days"),
    "ongoing": both("løbende", "ongoing"),
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
