"""Every text the room shows, on the phones, the projector page and the facilitator's screen,
in Danish and English."""

from __future__ import annotations

from peerready.i18n import Lang, LText, both

TEXTS: dict[str, LText] = {
    # The phone
    "title": both("Vurdering af parathed", "Readiness assessment"),
    "join_title": both("Deltag i mødet", "Join the meeting"),
    "join_anonymous": both(
        "Du stemmer anonymt: ingen navne, og ingen kan se, hvad du stemte.",
        "You vote anonymously: no names, and nobody can see what you voted.",
    ),
    "join_named": both(
        "Du skal ikke skrive dit navn. Når stemmerne vises, står din stemme ud for et deltagernummer.",
        "You give no name. When the votes are shown, yours stands beside a participant number.",
    ),
    "code": both("Mødekode", "Meeting code"),
    "role": both("Din rolle (valgfrit)", "Your role (optional)"),
    "no_role": both("Ikke angivet", "Not given"),
    "join": both("Deltag", "Join"),
    "wrong_code": both(
        "Den kode passer ikke. Tjek koden på skærmen.",
        "That code is not right. Check the code on the screen.",
    ),
    "too_many": both(
        "For mange forkerte koder. Vent et minut, og prøv igen.",
        "Too many wrong codes. Wait a minute and try again.",
    ),
    "full": both(
        "Mødet er fuldt: alle {seats} pladser er taget. Sig det til mødelederen.",
        "The meeting is full: all {seats} places are taken. Tell the facilitator.",
    ),
    "waiting": both(
        "Vent et øjeblik: næste udsagn kommer snart.", "Wait a moment: the next statement is coming."
    ),
    "closed": both("Mødet holder pause eller er slut. Tak!", "The meeting has paused or ended. Thank you!"),
    "revealed": both(
        "Stemmerne er vist på skærmen. Drøft dem med de andre.",
        "The votes are on the screen. Discuss them with the others.",
    ),
    "round": both("Runde {round}", "Round {round}"),
    "dont_know": both("Ved ikke", "Don't know"),
    "not_applicable": both("Ikke relevant", "Not applicable"),
    "comment": both("Kommentar (valgfrit, anonym)", "Comment (optional, anonymous)"),
    "send": both("Send stemme", "Send vote"),
    "your_vote": both(
        "✓ Din stemme: {answer}. Du kan ændre den, indtil stemmerne vises.",
        "✓ Your vote: {answer}. You can change it until the votes are shown.",
    ),
    "no_vote": both("Du har ikke stemt endnu.", "You have not voted yet."),
    "counted": both("{voted} af {seats} har stemt", "{voted} of {seats} have voted"),
    "offline": both("Forbindelsen er væk – prøver igen …", "Connection lost – trying again …"),
    # Refusals (the phone shows them; the status code says the same to a script)
    "no_seat": both(
        "Du er ikke med i mødet. Scan koden på skærmen igen.",
        "You are not in the meeting. Scan the code on the screen again.",
    ),
    "not_open": both(
        "Der stemmes ikke lige nu; din stemme blev ikke talt.",
        "Voting is not open now; your vote was not counted.",
    ),
    "other_ballot": both(
        "Det udsagn er ikke længere åbent; siden viser nu det aktuelle.",
        "That statement is no longer open; the page now shows the current one.",
    ),
    "not_offered": both("Vælg et af svarene.", "Choose one of the answers."),
    "final": both(
        "Din stemme er talt. Mødet er anonymt og har holdt pause, så den kan ikke ændres nu.",
        "Your vote is counted. The meeting is anonymous and has paused, so it cannot be changed now.",
    ),
    # The projector and the facilitator
    "scan": both("Scan koden, eller gå til", "Scan the code, or go to"),
    "joined": both("{joined} af {seats} telefoner er med", "{joined} of {seats} phones have joined"),
    "turned_away": both("{count} blev afvist: mødet er fuldt", "{count} turned away: the meeting is full"),
    "spread": both("Sådan stemte I", "How you voted"),
    "comments": both("Kommentarer", "Comments"),
    "projector_page": both("Projektorvisning (kun til dig)", "Projector page (for you only)"),
    "room_open": both("Rummet er åbent", "The room is open"),
    "start_keys": both("Enter: start mødet · Ctrl-C: pause", "Enter: start the meeting · Ctrl-C: pause"),
    "wait_keys": both(
        "Enter vis stemmerne · v stem for en uden telefon · s spring over · ← tilbage · q QR-kode · "
        "Ctrl-C pause",
        "Enter show the votes · v vote for someone without a phone · s skip · ← back · q QR code · "
        "Ctrl-C pause",
    ),
    "no_votes_yet": both("Ingen har stemt endnu.", "Nobody has voted yet."),
    "all_phones": both(
        "Alle pladser har en telefon; der er ingen at stemme for.",
        "Every place has a phone; there is nobody to vote for.",
    ),
    "whose_vote": both("Hvem stemmer du for?", "Whose vote are you typing?"),
    "consensus_room": both(
        "--room er til individuelle stemmer; denne session svarer samlet",
        "--room is for individual votes; this session answers together",
    ),
}


def text(key: str, lang: Lang, **values: object) -> str:
    return TEXTS[key].get(lang).format(**values) if values else TEXTS[key].get(lang)
