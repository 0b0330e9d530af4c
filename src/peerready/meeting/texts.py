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
        "Hver for sig – stemmerne er skjulte, til alle har stemt; "
        "så vises spredningen og hvem der stemte hvad",
        "Individual votes – hidden until all have voted, then the spread and who voted what",
    ),
    "anonymous": both(
        "Anonymt – kun fordelingen vises, aldrig hvem der stemte hvad (heller ikke i rapporten)",
        "Anonymous votes – only the distribution is shown (never who voted what, not in the report either)",
    ),
    "saving": both("Gemmes i", "Saved in"),
    "new_file": both(
        "Der er allerede en session for {organisation} på denne dato ({old}); denne gemmes i {path}",
        "There is already a session for {organisation} on this date ({old}); this one is saved in {path}",
    ),
    "add_role": both("Anden rolle – skriv den", "Another role – type it"),
    "role_name": both("{who} – hvilken rolle?", "{who} – which role?"),
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
    "key_mark": both("m markér", "m mark"),
    "key_jump": both("g gå til", "g go to"),
    "key_move_on": both("Enter gå videre", "Enter move on"),
    "key_revote": both("d drøft og stem om", "d discuss, vote again"),
    "key_mark_later": both("m markér til senere", "m mark for later"),
    "key_guidance_text": both("? (før I skriver) vejledning", "? (before typing) guidance"),
    "key_back_to_last": both("← tilbage til sidste spørgsmål", "← back to the last item"),
    "key_move": both("↑↓ vælg", "↑↓ choose"),
    "key_save": both("Enter gem", "Enter save"),
    "key_newline": both("Alt+Enter ny linje", "Alt+Enter new line"),
    "key_back_at_start": both("← i starten: tilbage", "← at the start: back"),
    "key_empty_skips": both("tomt svar: spring over", "empty: skip"),
    "marked": both("⚑ Markeret til drøftelse", "⚑ Marked for discussion"),
    "unmarked": both("Markeringen er fjernet", "The mark is taken away"),
    "answered": both("✓ Svar på {number}: {answer}", "✓ Answer to {number}: {answer}"),
    "no_answer": both("intet svar", "no answer"),
    "voted": both("✓ {who} har stemt", "✓ {who} has voted"),
    "no_take_back": both(
        "En anonym stemme kan ikke tages tilbage – stem om, når alle har stemt",
        "An anonymous vote cannot be taken back – vote again once everyone has voted",
    ),
    "round": both("runde {n}", "round {n}"),
    "round_again": both("Runde {n}: stem igen", "Round {n}: vote again"),
    "pending": both("afventer jeres beslutning", "decision pending"),
    "guidance_page": both("side {page} af {pages} – ? for næste", "page {page} of {pages} – ? for the next"),
    "spent": both("{time} brugt", "{time} spent"),
    "projected": both("ca. {left} tilbage (færdig ca. {finish})", "about {left} to go (done about {finish})"),
    "timer_left": both("drøftelse {left} tilbage", "discussion {left} left"),
    "timer_over": both("tiden til drøftelse er gået", "discussion time is up"),
    "jump_prompt": both("Gå til spørgsmål nr. (1–{total})", "Go to item number (1–{total})"),
    "jump_hint": both("Enter uden tal: vælg fra listen", "Enter with no number: pick from the list"),
    "jump_invalid": both("Skriv et tal fra 1 til {total}", "Enter a number from 1 to {total}"),
    "jump_pick": both("Vælg et spørgsmål", "Pick an item"),
    "first_item": both("Det er det første spørgsmål.", "This is the first item."),
    # Spread after individual votes
    "spread": both("Spredning", "Spread"),
    "agreement": both("I snit {ad} trin fra midten", "On average {ad} steps from the middle"),
    "agreement_low": both("Lav enighed – tal om det", "Low agreement – worth discussing"),
    "agreement_ok": both("God enighed", "Good agreement"),
    "what_now": both("Hvad vil I gøre?", "What would you like to do?"),
    "decided": both("(besluttet: {decision})", "(decided: {decision})"),
    "decided_accept": both("gå videre", "move on"),
    "decided_stands": both("gå videre – uenigheden står", "move on – the disagreement stands"),
    "decided_flag": both("markeret til senere", "marked for later"),
    "decided_revote": both("stem om", "vote again"),
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
    "review_unanswered": both("{n} spørgsmål mangler svar.", "{n} items are unanswered."),
    "review_unanswered_one": both("Ét spørgsmål mangler svar.", "One item is unanswered."),
    "review_flagged": both("{n} er markeret til drøftelse.", "{n} are marked for discussion."),
    "review_flagged_one": both("Ét er markeret til drøftelse.", "One is marked for discussion."),
    "review_pending": both("{n} venter på jeres beslutning.", "{n} are waiting for your decision."),
    "review_pending_one": both("Ét venter på jeres beslutning.", "One is waiting for your decision."),
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
    "summary_page": both("Side {page} af {pages}", "Page {page} of {pages}"),
    "summary_more": both("Enter: næste side", "Enter: next page"),
    "summary_last": both("Enter: videre", "Enter: go on"),
    "summary_next": both("Næste side", "Next page"),
    "summary_on": both("Videre", "Go on"),
    "writing_report": both("Skriver rapporten {path} …", "Writing the report {path} …"),
    "offer_report": both("Skal rapporten skrives nu?", "Write the report now?"),
    "report_file": both("Filnavn til rapporten", "File name for the report"),
    "report_written": both("Rapporten er skrevet: {path}", "The report is written: {path}"),
    "report_later": both("Skriv rapporten senere med:", "Write the report later with:"),
}


def review_summary(lang: Lang, unanswered: int, flagged: int, pending: int) -> str:
    """'Alle spørgsmål er besvaret.' or the counts that are not nought, each its own sentence."""
    if not (unanswered or flagged or pending):
        return text("all_answered", lang)
    parts = [
        counted(f"review_{key}", count, lang, n=count)
        for key, count in (("unanswered", unanswered), ("pending", pending), ("flagged", flagged))
        if count
    ]
    if not unanswered:
        parts.insert(0, text("all_answered", lang))
    return " ".join(parts)


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
