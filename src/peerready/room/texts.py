"""Every text the room shows, on the phones, the projector page and the facilitator's screen,
in Danish and English."""

from __future__ import annotations

from peerready.i18n import Lang, LText, tr

TEXTS: dict[str, LText] = {
    # The phone
    "title": tr("Readiness assessment"),
    "join_title": tr("Join the meeting"),
    "join_anonymous": tr("You vote anonymously: no names, and nobody can see what you voted."),
    "join_named": tr("You give no name. When the votes are shown, yours stands beside a participant number."),
    "code": tr("Meeting code"),
    "role": tr("Your role (optional)"),
    "no_role": tr("Not given"),
    "join": tr("Join"),
    "wrong_code": tr("That code is not right. Check the code on the screen."),
    "too_many": tr("Too many wrong codes. Wait a minute and try again."),
    "full": tr("The meeting is full: all {seats} places are taken. Tell the facilitator."),
    "waiting": tr("Wait a moment: the next statement is coming."),
    "closed": tr("The meeting has paused or ended. Thank you!"),
    "revealed": tr("The votes are on the screen. Discuss them with the others."),
    "round": tr("Round {round}"),
    "dont_know": tr("Don't know"),
    "not_applicable": tr("Not applicable"),
    "comment": tr("Comment (optional, anonymous)"),
    "send": tr("Send vote"),
    "your_vote": tr("✓ Your vote: {answer}. You can change it until the votes are shown."),
    "no_vote": tr("You have not voted yet."),
    "counted": tr("{voted} of {seats} have voted"),
    "offline": tr("Connection lost – trying again …"),
    # Refusals (the phone shows them; the status code says the same to a script)
    "no_seat": tr("You are not in the meeting. Scan the code on the screen again."),
    "not_open": tr("Voting is not open now; your vote was not counted."),
    "other_ballot": tr("That statement is no longer open; the page now shows the current one."),
    "not_offered": tr("Choose one of the answers."),
    "final": tr(
        "Your vote is counted. The meeting is anonymous and has paused, so it cannot be changed now."
    ),
    # The projector and the facilitator
    "scan": tr("Scan the code, or go to"),
    "joined": tr("{joined} of {seats} phones have joined"),
    "turned_away": tr("{count} turned away: the meeting is full"),
    "spread": tr("How you voted"),
    "comments": tr("Comments"),
    "projector_page": tr("Projector page (for you only)"),
    "room_open": tr("The room is open"),
    "start_keys": tr("Enter: start the meeting · Ctrl-C: pause"),
    "wait_keys": tr(
        "Enter show the votes · v vote for someone without a phone · s skip · ← back · q QR code · "
        "Ctrl-C pause"
    ),
    "no_votes_yet": tr("Nobody has voted yet."),
    "all_phones": tr("Every place has a phone; there is nobody to vote for."),
    "whose_vote": tr("Whose vote are you typing?"),
    "consensus_room": tr("--room is for individual votes; this session answers together"),
}


def text(key: str, lang: Lang, **values: object) -> str:
    return TEXTS[key].get(lang).format(**values) if values else TEXTS[key].get(lang)
