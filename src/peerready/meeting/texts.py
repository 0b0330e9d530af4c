"""Every text `peerready assess` shows, in Danish and English, in one place."""

from __future__ import annotations

from peerready.i18n import Lang, LText, tr

TEXTS: dict[str, LText] = {
    # Starting
    "intro": tr(
        "One statement at a time. Answers are saved after every answer, so you can stop at any time "
        "with Ctrl-C and carry on later."
    ),
    "items_count": tr("{items} items in {domains} domains"),
    "items_count_one": tr("{items} items in one domain"),
    "organisation": tr("Name of the organisation"),
    "organisation_needed": tr("Enter the organisation's name"),
    "too_long": tr("At most 200 characters"),
    "date": tr("Date (YYYY-MM-DD)"),
    "date_invalid": tr("Write the date as YYYY-MM-DD, e.g. 2026-03-31"),
    "date_hint": tr("Enter: today"),
    "mode": tr("How will you answer?"),
    "consensus": tr("Together – the group agrees on one answer"),
    "individual": tr("Individual votes – hidden until all have voted, then the spread and who voted what"),
    "anonymous": tr(
        "Anonymous votes – only the distribution is shown (never who voted what, not in the report either)"
    ),
    "saving": tr("Saved in"),
    "new_file": tr(
        "There is already a session for {organisation} on this date ({old}); this one is saved in {path}"
    ),
    "add_role": tr("Another role – type it"),
    "role_name": tr("{who} – which role?"),
    "count": tr("How many people are taking part?"),
    "count_invalid": tr("Enter a number from 1 to {most}"),
    "ask_names": tr("Add the participants' names and roles? (optional)"),
    "participant": tr("Participant {n}"),
    "name": tr("Participant {n} – name (optional)"),
    "role": tr("{who} – role"),
    "no_role": tr("Not given"),
    "exists": tr("There is already a session for {organisation} on this date: {path}. Carry on with it?"),
    "saving_to": tr("Answers are saved to {path} after every answer"),
    "resuming": tr("Carrying on with {organisation} · {date}: {answered} of {total} items answered"),
    "yes": tr("Yes"),
    "no": tr("No"),
    "yes_key": tr("y"),
    # One item
    "position": tr("{number}/{total} · {domain} {inner}/{size}"),
    "critical": tr("critical domain"),
    "why": tr("Why it matters"),
    "good": tr("What good looks like"),
    "source": tr("Source"),
    "no_guidance": tr("There is no guidance for this item."),
    "note": tr("Note"),
    "note_prompt": tr("Note on this item (empty removes it)"),
    "text_too_long": tr("At most {most} characters (this text has {length}): shorten it to save it"),
    "flagged": tr("marked for discussion"),
    "our_answer": tr("Your answer"),
    "votes": tr("Votes"),
    "answers": tr("Answers"),
    "dont_know": tr("Don't know"),
    "dont_know_key": tr("d"),
    "not_applicable": tr("Not applicable"),
    "not_applicable_key": tr("a"),
    # Key hints, joined with " · " under each prompt
    "key_choose": tr("↑↓/{keys} choose"),
    "key_confirm": tr("Enter confirm"),
    "key_back": tr("← back"),
    "key_skip": tr("s skip"),
    "key_note": tr("n note"),
    "key_guidance": tr("? guidance"),
    "key_pause": tr("Ctrl-C pause"),
    "key_mark": tr("m mark"),
    "key_jump": tr("g go to"),
    "key_move_on": tr("Enter move on"),
    "key_revote": tr("d discuss, vote again"),
    "key_mark_later": tr("m mark for later"),
    "key_guidance_text": tr("? (before typing) guidance"),
    "key_back_to_last": tr("← back to the last item"),
    "key_move": tr("↑↓ choose"),
    "key_save": tr("Enter save"),
    "key_newline": tr("Alt+Enter new line"),
    "key_back_at_start": tr("← at the start: back"),
    "key_empty_skips": tr("empty: skip"),
    "marked": tr("⚑ Marked for discussion"),
    "unmarked": tr("The mark is taken away"),
    "answered": tr("✓ Answer to {number}: {answer}"),
    "no_answer": tr("no answer"),
    "voted": tr("✓ {who} has voted"),
    "no_take_back": tr("An anonymous vote cannot be taken back – vote again once everyone has voted"),
    "round": tr("round {n}"),
    "round_again": tr("Round {n}: vote again"),
    "pending": tr("decision pending"),
    "guidance_page": tr("page {page} of {pages} – ? for the next"),
    "spent": tr("{time} spent"),
    "projected": tr("about {left} to go (done about {finish})"),
    "timer_left": tr("discussion {left} left"),
    "timer_over": tr("discussion time is up"),
    "jump_prompt": tr("Go to item number (1–{total})"),
    "jump_hint": tr("Enter with no number: pick from the list"),
    "jump_invalid": tr("Enter a number from 1 to {total}"),
    "jump_pick": tr("Pick an item"),
    "first_item": tr("This is the first item."),
    # Spread after individual votes
    "spread": tr("Spread"),
    "agreement": tr("On average {ad} steps from the middle"),
    "agreement_low": tr("Low agreement – worth discussing"),
    "agreement_ok": tr("Good agreement"),
    "what_now": tr("What would you like to do?"),
    "decided": tr("(decided: {decision})"),
    "decided_accept": tr("move on"),
    "decided_stands": tr("move on – the disagreement stands"),
    "decided_flag": tr("marked for later"),
    "decided_revote": tr("vote again"),
    "revise": tr("Discuss it now and vote again"),
    "flag_later": tr("Mark it for discussion later"),
    "move_on_ok": tr("Continue"),
    "move_on": tr("Move on – the disagreement stands"),
    # Review
    "review": tr("Review before you finish"),
    "review_pick": tr("Pick an item, or finish"),
    "review_hint": tr("↑↓ choose · Enter confirm · ← back to the last item"),
    "unanswered": tr("unanswered"),
    "some_votes": tr("{given} of {total} votes"),
    "some_answers": tr("{given} of {total} answers"),
    "all_answered": tr("Every item is answered."),
    "review_unanswered": tr("{n} items are unanswered."),
    "review_unanswered_one": tr("One item is unanswered."),
    "review_flagged": tr("{n} are marked for discussion."),
    "review_flagged_one": tr("One is marked for discussion."),
    "review_pending": tr("{n} are waiting for your decision."),
    "review_pending_one": tr("One is waiting for your decision."),
    "finish": tr("Finish the assessment"),
    "finish_anyway": tr("Finish anyway ({unanswered} items unanswered)"),
    "finish_anyway_one": tr("Finish anyway (1 item unanswered)"),
    # Ending
    "interrupted": tr("Paused. Every answer is saved in {path}."),
    "resume_with": tr("Carry on later with:"),
    "not_started": tr("Stopped before the session was created; there is nothing to carry on with."),
    "finished": tr("The assessment is finished and saved in {path}."),
    "summary_page": tr("Page {page} of {pages}"),
    "summary_more": tr("Enter: next page"),
    "summary_last": tr("Enter: go on"),
    "summary_next": tr("Next page"),
    "summary_on": tr("Go on"),
    "writing_report": tr("Writing the report {path} …"),
    "offer_report": tr("Write the report now?"),
    "report_file": tr("File name for the report"),
    "report_written": tr("The report is written: {path}"),
    "report_later": tr("Write the report later with:"),
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
