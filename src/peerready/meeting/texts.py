"""Every text `peerready assess` shows, in Danish and English, in one place."""

from __future__ import annotations

from peerready.i18n import Lang, LText, both

TEXTS: dict[str, LText] = {
    # Starting
    "intro": both(
        "Ét udsagn ad gangen. Svarene gemmes efter hvert svar, så I kan stoppe når som helst "
        "med Ctrl-C og fortsætte senere.",
        "One statement at a time. Answers are saved after every answer, so you can stop at any "
        "time with Ctrl-C and carry on later.",
    ),
    "items_count": both("{items} spørgsmål i {domains} områder", "{items} items in {domains} domains"),
    "items_count_one": both("{items} spørgsmål i ét område", "{items} items in one domain"),
    "organisation": both("Organisationens navn", "Name of the organisation"),
    "organisation_needed": both("Skriv organisationens navn", "Enter the organisation's name"),
    "too_long": both("Højst 200 tegn", "At most 200 characters"),
    "date": both("Dato (ÅÅÅÅ-MM-DD)", "Date (YYYY-MM-DD)"),
    "date_invalid": both(
        "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-03-31", "Write the date as YYYY-MM-DD, e.g. 2026-03-31"
    ),
    "date_hint": both("Enter: i dag", "Enter: today"),
    "mode": both("Hvordan svarer I?", "How will you answer?"),
    "consensus": both(
        "Samlet – gruppen bliver enige om ét svar", "Together – the group agrees on one answer"
    ),
    "individual": both(
        "Hver for sig – alle stemmer, og spredningen vises",
        "Individual votes – everyone votes, and the spread is shown",
    ),
    "count": both("Hvor mange deltager?", "How many people are taking part?"),
    "count_invalid": both("Skriv et tal fra 1 til {most}", "Enter a number from 1 to {most}"),
    "ask_names": both(
        "Vil I skrive deltagernes navne og roller på? (valgfrit)",
        "Add the participants' names and roles? (optional)",
    ),
    "participant": both("Deltager {n}", "Participant {n}"),
    "name": both("Deltager {n} – navn (valgfrit)", "Participant {n} – name (optional)"),
    "role": both("{who} – rolle", "{who} – role"),
    "no_role": both("Ikke angivet", "Not given"),
    "exists": both(
        "Der er allerede en session for {organisation} på denne dato: {path}. Vil I fortsætte den?",
        "There is already a session for {organisation} on this date: {path}. Carry on with it?",
    ),
    "saving_to": both(
        "Svarene gemmes i {path} efter hvert svar", "Answers are saved to {path} after every answer"
    ),
    "resuming": both(
        "Fortsætter {organisation} · {date}: {answered} af {total} spørgsmål er besvaret",
        "Carrying on with {organisation} · {date}: {answered} of {total} items answered",
    ),
    "yes": both("Ja", "Yes"),
    "no": both("Nej", "No"),
    "yes_key": both("j", "y"),
    # One item
    "position": both(
        "{number}/{total} · {domain} {inner}/{size}", "{number}/{total} · {domain} {inner}/{size}"
    ),
    "critical": both("kritisk område", "critical domain"),
    "why": both("Hvorfor det er vigtigt", "Why it matters"),
    "good": both("Sådan ser det godt ud", "What good looks like"),
    "source": both("Kilde", "Source"),
    "no_guidance": both(
        "Der er ingen vejledning til dette spørgsmål.", "There is no guidance for this item."
    ),
    "note": both("Note", "Note"),
    "note_prompt": both("Note til spørgsmålet (tom sletter noten)", "Note on this item (empty removes it)"),
    "flagged": both("markeret til drøftelse", "marked for discussion"),
    "our_answer": both("Jeres svar", "Your answer"),
    "votes": both("Stemmer", "Votes"),
    "answers": both("Svar", "Answers"),
    "dont_know": both("Ved ikke", "Don't know"),
    "dont_know_key": both("v", "d"),
    "not_applicable": both("Ikke relevant", "Not applicable"),
    "not_applicable_key": both("i", "a"),
    # Key hints, joined with " · " under each prompt
    "key_choose": both("↑↓/{keys} vælg", "↑↓/{keys} choose"),
    "key_confirm": both("Enter bekræft", "Enter confirm"),
    "key_back": both("← tilbage", "← back"),
    "key_skip": both("s spring over", "s skip"),
    "key_note": both("n note", "n note"),
    "key_guidance": both("? vejledning", "? guidance"),
    "key_pause": both("Ctrl-C pause", "Ctrl-C pause"),
    "key_move": both("↑↓ vælg", "↑↓ choose"),
    "key_save": both("Enter gem", "Enter save"),
    "key_newline": both("Alt+Enter ny linje", "Alt+Enter new line"),
    "key_back_at_start": both("← i starten: tilbage", "← at the start: back"),
    "key_empty_skips": both("tomt svar: spring over", "empty: skip"),
    "first_item": both("Det er det første spørgsmål.", "This is the first item."),
    # Spread after individual votes
    "spread": both("Spredning", "Spread"),
    "agreement": both("Enighed (rwg) {rwg}", "Agreement (rwg) {rwg}"),
    "agreement_low": both("Lav enighed – tal om det", "Low agreement – worth discussing"),
    "agreement_ok": both("God enighed", "Good agreement"),
    "what_now": both("Hvad vil I gøre?", "What would you like to do?"),
    "revise": both("Drøft det nu og stem om", "Discuss it now and vote again"),
    "flag_later": both("Markér til drøftelse senere", "Mark it for discussion later"),
    "move_on_ok": both("Gå videre", "Continue"),
    "move_on": both("Gå videre – uenigheden står", "Move on – the disagreement stands"),
    # Review
    "review": both("Gennemgang før I afslutter", "Review before you finish"),
    "review_pick": both("Vælg et spørgsmål, eller afslut", "Pick an item, or finish"),
    "review_hint": both(
        "↑↓ vælg · Enter bekræft · ← tilbage til sidste spørgsmål",
        "↑↓ choose · Enter confirm · ← back to the last item",
    ),
    "unanswered": both("ubesvaret", "unanswered"),
    "some_votes": both("{given} af {total} stemmer", "{given} of {total} votes"),
    "some_answers": both("{given} af {total} svar", "{given} of {total} answers"),
    "all_answered": both("Alle spørgsmål er besvaret.", "Every item is answered."),
    "review_open": both(
        "{unanswered} spørgsmål er ikke besvaret, og {flagged} er markeret til drøftelse.",
        "{unanswered} unanswered, {flagged} marked for discussion.",
    ),
    "finish": both("Afslut vurderingen", "Finish the assessment"),
    "finish_anyway": both(
        "Afslut alligevel ({unanswered} spørgsmål er ikke besvaret)",
        "Finish anyway ({unanswered} items unanswered)",
    ),
    "finish_anyway_one": both(
        "Afslut alligevel (1 spørgsmål er ikke besvaret)", "Finish anyway (1 item unanswered)"
    ),
    # Ending
    "interrupted": both(
        "Sat på pause. Alle svar er gemt i {path}.", "Paused. Every answer is saved in {path}."
    ),
    "resume_with": both("Fortsæt senere med:", "Carry on later with:"),
    "not_started": both(
        "Stoppet, før sessionen blev oprettet; der er intet at fortsætte.",
        "Stopped before the session was created; there is nothing to carry on with.",
    ),
    "finished": both(
        "Vurderingen er afsluttet og gemt i {path}.", "The assessment is finished and saved in {path}."
    ),
    "offer_report": both("Skal rapporten skrives nu?", "Write the report now?"),
    "report_file": both("Filnavn til rapporten", "File name for the report"),
    "report_written": both("Rapporten er skrevet: {path}", "The report is written: {path}"),
    "report_later": both("Skriv rapporten senere med:", "Write the report later with:"),
}


def keys(lang: Lang, *parts: str, **values: object) -> str:
    """A line of key hints from their `key_…` texts."""
    return " · ".join(text(f"key_{part}", lang, **values) for part in parts)


def counted(key: str, count: int, lang: Lang, **values: object) -> str:
    """The text for `count` things: `key_one` when there is one and the language needs it."""
    if count == 1 and f"{key}_one" in TEXTS:
        key = f"{key}_one"
    return text(key, lang, **values)


def text(key: str, lang: Lang, **values: object) -> str:
    template = TEXTS[key].get(lang)
    return template.format(**values) if values else template
