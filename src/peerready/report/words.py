"""The report's own words in Danish and English (the questionnaire supplies the rest)."""

from __future__ import annotations

from peerready.i18n import Lang, LText, tr

WORDS: dict[str, LText] = {
    "report": tr("Readiness report"),
    "contents": tr("Contents"),
    "how_to_read": tr("How to read this report"),
    "introduction": tr(
        "This report is based on {who} to the questionnaire “{questionnaire}” (version {version}). "
        "Each domain gets a score from 0 to 100 and falls in a band; the bands are rules of thumb, "
        "not cut-offs. The overall verdict allows for some domains being critical: if one of them is "
        "far from ready, so is the organisation. The recommendations are chosen by the answers, and "
        "each cites its source. The appendix describes the method."
    ),
    "who_consensus": tr("the answers {n} participants agreed on together"),
    "who_individual": tr("the answers {n} participants gave separately"),
    "summary": tr("Summary"),
    "verdict": tr("Overall verdict"),
    "provisional": tr("provisional"),
    "no_verdict": tr("No verdict – too few answers"),
    "worksheet_verdict": tr("A worksheet – no readiness verdict"),
    "out_of": tr("out of 100"),
    "domain_scores": tr("Domain scores"),
    "strengths": tr("Strengths"),
    "gaps": tr("Largest development needs"),
    "disagreement": tr("Where the group disagreed"),
    "more_disagreements": tr("… and {n} more statements, marked on the domain pages"),
    "flagged": tr("Marked for discussion"),
    "groups": tr("Scores by {dimension}"),
    "role_dimension": tr("role"),
    "groups_hidden": tr(
        "{count} in groups with fewer than {n} participants are not shown on their own but merged "
        "with others, so that no one's answers can be worked out."
    ),
    "groups_withheld": tr(
        "A score marked hidden rests on fewer than {n} people who answered that domain, in the group or "
        "as the difference between the group and another group or the whole, so it is not shown, and "
        "neither is the group's overall score."
    ),
    "withheld": tr("hidden"),
    "participant": tr("participant"),
    "no_role": tr("with no role given"),
    "participants_lc": tr("participants"),
    "comparison": tr("Change since the last assessment"),
    "baseline_from": tr("Compared with the assessment of"),
    "domains": tr("The domains"),
    "vision": tr("Motivation and vision"),
    "vision_intro": tr("The group's answers to the open questions, in their own words."),
    "no_answer": tr("Not answered."),
    "none_yet": tr("None yet."),
    "actions": tr("Action plan"),
    "actions_intro": tr(
        "The recommendations the answers point to, ordered by priority. Agree a named person and a "
        "date for each, and start at the top."
    ),
    "no_actions": tr("The answers did not call for any recommendations."),
    "appendix": tr("Appendix"),
    "appendix_b": tr("Annex B: Method and sources"),
    "method": tr("Method"),
    "glossary": tr("Glossary"),
    "sources": tr("Sources and literature"),
    "inspiration": tr("Inspiration"),
    "projects": tr("Danish projects"),
    "organisations": tr("Organisations with knowledge of the field"),
    "domain": tr("Domain"),
    "item": tr("Statement"),
    "question": tr("Question"),
    "score": tr("Score"),
    "band": tr("Level"),
    "favourable": tr("Favourable", "report.words"),
    "coverage": tr("Answered"),
    "agreement": tr("Consistency"),
    "spread": tr("Respondents' own scores"),
    "answer": tr("Your answer"),
    "answers": tr("Answers", "report.words"),
    "critical": tr("Critical domain"),
    "insufficient": tr("Too few answers"),
    "open_only": tr("Open questions only"),
    "low_agreement": tr("Low consistency"),
    "split_items": tr("{flagged} of {items} statements split the group"),
    "agreed_items": tr("no statement splits the group"),
    "group_split": tr("≠ the group itself is split on at least one of the domain's statements"),
    "dont_know": tr("don't know"),
    "not_applicable": tr("not applicable"),
    "unanswered": tr("not answered"),
    "note": tr("Note"),
    "recommendations": tr("Recommendations"),
    "see_action": tr("See also"),
    "because": tr("Reason"),
    "priority": tr("Priority"),
    "owner": tr("Owner"),
    "timeframe": tr("Timeframe"),
    "action": tr("Action"),
    "before": tr("Before"),
    "now": tr("Now"),
    "change": tr("Change"),
    "overall": tr("Overall"),
    "new_domain": tr("new domain"),
    "gone_domains": tr("Domains no longer included"),
    "questionnaire": tr("Questionnaire"),
    "date": tr("Date"),
    "participants": tr("Participants"),
    "mode": tr("Answered as"),
    "status": tr("Status"),
    "unfinished": tr(
        "Unfinished: the group has not finished the assessment, and some statements may be unanswered"
    ),
    "consensus": tr("Answers agreed by the group"),
    "individual": tr("Each participant separately"),
    "prepared_by": tr("Prepared by"),
    "page": tr("Page"),
    "of": tr("of"),
    "chart_title": tr("Domain scores (0–100) and levels, highest first"),
    "legend": tr("Answer options from low to high"),
    "version": tr("version"),
    "page_short": tr("p."),
    # the executive summary
    "at_a_glance": tr("At a glance"),
    "standing": tr("Overall: “{label}”, {score} out of 100."),
    "standing_no_score": tr("Overall: “{label}”."),
    "blockers": tr("{n} of {total} critical domains are at the lowest level: {names}."),
    "no_blockers": tr("No critical domain is at the lowest level."),
    "first_steps": tr("First steps"),
    "horizon": tr("Horizon"),
    "role": tr("Role"),
    "whole_plan": tr(
        "The whole action plan, with room for a name, a date and a status, follows the domains."
    ),
    "measure_next": tr("What to measure next time"),
    "measure_text": tr(
        "Repeat the assessment with the same questionnaire in 3–6 months and compare it with this "
        "one (peerready report --baseline). Watch in particular:"
    ),
    "measure_disagreed": tr("the {n} statements you saw differently"),
    # the action plan
    "plan_first": tr("Action plan – first phase: {phase}"),
    "plan_intro": tr(
        "The actions in the order the answers point to: what holds the verdict down comes first. "
        "Write a named person, a date and a status on each, and start at the top. Each action's text "
        "follows the table; the later phases are in annex A."
    ),
    "named_owner": tr("Owner (name)"),
    "due": tr("Date"),
    "later_phases": tr("Annex A: Later phases"),
    "later_intro": tr(
        "The other recommendations, phase by phase. Take them up once the first phase is under way."
    ),
    "later": tr("Once the first phase is under way"),
    "in_plan": tr("In the action plan"),
    # strengths and development needs in the reader's words
    "best_domain": tr("Strongest: “{domain}”, {score} out of 100."),
    "your_answer": tr("Your answer: “{answer}”"),
    "most_answered": tr("{n} of {total} answered “{answer}”"),
    # groups
    "largest_difference": tr(
        "The largest difference is in “{domain}”: {low} {low_score}, {high} {high_score} ({points} points)."
    ),
    "spread_lies": tr("Differences lie"),
    "between_groups": tr("between the groups"),
    "within_groups": tr("within the groups"),
    "heat_note": tr(
        "Each cell's colour follows its level: light red, yellow and green from lowest to highest."
    ),
    # a survey
    "survey": tr("Survey"),
    "responses": tr("Responses"),
    "responses_by": tr("Responses by {dimension}"),
    "data_file": tr("Data file"),
    "left_out": tr("Left out"),
    "left_out_text": tr("{rejected} rejected for a problem, {unfinished} unfinished"),
    "not_asked": tr("Not asked"),
    "others": tr("in smaller groups"),
    "prepared_for": tr("Prepared for"),
    "no_organisation": tr("Organisation not given"),
    # baseline
    "noise_note": tr("Changes smaller than one changed answer or chance variation can make are shown as =."),
    "respondents_differ": tr(
        "The assessments rest on different participants ({before} before, {now} now); part of the "
        "change may come from who answered."
    ),
    # distributions
    "distribution_text": tr("mean {mean}; most between {low} and {high}; range {min}–{max}"),
    "spread_legend": tr("range of respondents' own scores"),
}

OWNERS: dict[str, LText] = {
    "leadership": tr("Leadership"),
    "hr": tr("HR"),
    "working_group": tr("Working group"),
    "colleagues": tr("Colleagues"),
    "peer_workers": tr("Peer workers"),
}

PHASES: dict[str, LText] = {
    "now": tr("Now"),
    "before_hiring": tr("Before hiring"),
    "first_three_months": tr("The first three months"),
    "ongoing": tr("Ongoing"),
}

# The 30/60/90-day horizon of each phase, counted from the report.
HORIZONS: dict[str, LText] = {
    "now": tr("30 days"),
    "before_hiring": tr("60 days"),
    "first_three_months": tr("90 days"),
    "ongoing": tr("ongoing"),
}

TIMEFRAMES: dict[str, LText] = {
    "before_hiring": tr("Before hiring"),
    "first_3_months": tr("First 3 months"),
    "ongoing": tr("Ongoing"),
}

PRIORITIES: dict[str, LText] = {
    "high": tr("High"),
    "medium": tr("Medium"),
    "low": tr("Low"),
}

# (one, several) per role, for "12 deltagere: 6 medarbejdere, 5 ledere, 1 HR"
ROLE_COUNTS: dict[str, tuple[LText, LText]] = {
    "leader": (tr("leader"), tr("leaders")),
    "staff": (tr("staff member"), tr("staff members")),
    "hr": (tr("from HR"), tr("from HR")),
    "union_rep": (
        tr("union representative"),
        tr("union representatives"),
    ),
    "peer_worker": (tr("peer worker"), tr("peer workers")),
    "other": (tr("other"), tr("others")),
}


# Column headings of the table of scores by role.
ROLE_GROUPS: dict[str, LText] = {
    "leader": tr("Leaders"),
    "staff": tr("Staff", "report.words"),
    "hr": tr("HR"),
    "union_rep": tr("Union representatives"),
    "peer_worker": tr("Peer workers", "report.words"),
    "other": tr("Others"),
}


def word(key: str, lang: Lang) -> str:
    return WORDS[key].get(lang)
