"""Before the first item: who is assessing, when, how they answer, and where it is saved."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from peerready.i18n import Lang, LText
from peerready.meeting.prompts import Asker, Choice, ChoicePrompt, TextPrompt
from peerready.meeting.texts import keys, text
from peerready.model.session import ROLE_LABELS, Mode, Respondent

MOST_PARTICIPANTS = 99
LONGEST_TEXT = 200  # the session format's limit for names
NO_ROLE = "-"
TYPED_ROLE = "+"


@dataclass(frozen=True)
class Setup:
    organisation: str
    date: dt.date
    mode: Mode = "consensus"
    respondents: tuple[Respondent, ...] = ()
    roles: dict[str, LText] = field(default_factory=dict)  # roles added beyond the built-in ones


def ask_setup(
    asker: Asker,
    lang: Lang,
    today: dt.date,
    say: Callable[[str, str], None],
    roles: Mapping[str, LText] | None = None,
) -> Setup:
    """Ask the organisation, the date, the mode and the participants; `say` echoes each answer."""
    return ask_participants(asker, lang, ask_who_when(asker, lang, today, say), say, roles)


def ask_who_when(asker: Asker, lang: Lang, today: dt.date, say: Callable[[str, str], None]) -> Setup:
    """The organisation and the date: all it takes to find a session to carry on with."""
    organisation = _answer(asker.text(TextPrompt(text("organisation", lang), check=_name_check(lang))))
    say(text("organisation", lang), organisation)
    # Today as a placeholder, not as text to edit: typing another date replaces it.
    day = asker.text(
        TextPrompt(
            text("date", lang),
            placeholder=today.isoformat(),
            hint=text("date_hint", lang),
            check=_date_check(lang),
        )
    )
    date = dt.date.fromisoformat(_answer(day).strip() or today.isoformat())
    say(text("date", lang), date.isoformat())
    return Setup(organisation.strip(), date)


def ask_participants(
    asker: Asker,
    lang: Lang,
    who_when: Setup,
    say: Callable[[str, str], None],
    roles: Mapping[str, LText] | None = None,
    *,
    room: bool = False,
) -> Setup:
    """How the group answers, and who takes part (names and roles optional). In a room everyone
    votes from a phone: named or anonymous, never one answer agreed together."""
    modes = tuple(
        Choice(mode, text(mode, lang), str(n))
        for n, mode in enumerate(
            ("individual", "anonymous") if room else ("consensus", "individual", "anonymous"), 1
        )
    )
    hint = keys(lang, "choose", "confirm", keys=f"1–{len(modes)}")
    chosen = asker.choose(ChoicePrompt(text("mode", lang), modes, hint=hint))
    mode: Mode = (
        "individual" if chosen == "individual" else "anonymous" if chosen == "anonymous" else "consensus"
    )
    say(text("mode", lang), next(c.label for c in modes if c.value == mode))
    count = int(_answer(asker.text(TextPrompt(text("count", lang), check=_count_check(lang)))))
    say(text("count", lang), str(count))
    people = [Respondent(id=str(n)) for n in range(1, count + 1)]
    offered = {**ROLE_LABELS, **(roles or {})}
    # In a room phones take places in the order they join: a name typed here could end up on
    # someone else's vote, so a room's participants are numbered (roles come from the phones).
    if not room and ask_yes_no(asker, text("ask_names", lang), lang, default=mode == "individual"):
        people = [_ask_person(asker, lang, n, say, offered) for n in range(1, count + 1)]
    used = {p.role for p in people if p.role}
    added = {key: label for key, label in offered.items() if key in used and key not in ROLE_LABELS}
    return Setup(who_when.organisation, who_when.date, mode, tuple(people), added)


def _ask_person(
    asker: Asker, lang: Lang, number: int, say: Callable[[str, str], None], offered: dict[str, LText]
) -> Respondent:
    name = _answer(asker.text(TextPrompt(text("name", lang, n=number), check=_length_check(lang)))).strip()
    who = name or text("participant", lang, n=number)
    roles = [Choice(key, label.get(lang), str(n)) for n, (key, label) in enumerate(offered.items(), 1)]
    roles.append(Choice(TYPED_ROLE, text("add_role", lang), str(len(roles) + 1)))
    roles.append(Choice(NO_ROLE, text("no_role", lang), str(len(roles) + 1)))
    hint = keys(lang, "choose", "confirm", keys=f"1–{min(len(roles), 9)}")
    role = asker.choose(ChoicePrompt(text("role", lang, who=who), tuple(roles), default=NO_ROLE, hint=hint))
    if role == TYPED_ROLE:
        typed = _answer(
            asker.text(TextPrompt(text("role_name", lang, who=who), check=_name_check(lang)))
        ).strip()
        key = role_key(typed)
        offered.setdefault(key, LText(da=typed, en=typed))  # the set-up's own words, in both languages
        role = key
    chosen = role if isinstance(role, str) and role in offered else None
    say(who, offered[chosen].get(lang) if chosen else text("no_role", lang))
    return Respondent.model_validate({"id": str(number), "name": name or None, "role": chosen})


def role_key(label: str) -> str:
    """'Social- og sundhedsassistent' → 'social_og_sundhedsassistent': a role's key from its name."""
    return slug(label, "_")[:40].rstrip("_") or "role"


def ask_yes_no(asker: Asker, message: str, lang: Lang, *, default: bool) -> bool:
    choices = (Choice("yes", text("yes", lang), text("yes_key", lang)), Choice("no", text("no", lang), "n"))
    hint = keys(lang, "choose", "confirm", keys=f"{choices[0].key}/{choices[1].key}")
    return (
        asker.choose(ChoicePrompt(message, choices, default="yes" if default else "no", hint=hint)) == "yes"
    )


def _answer(value: object) -> str:
    # Setup prompts offer no actions, so anything but text is a bug in the caller.
    assert isinstance(value, str)
    return value


def _name_check(lang: Lang) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        if not value.strip():
            return text("organisation_needed", lang)
        return _length_check(lang)(value)

    return check


def _length_check(lang: Lang) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        return text("too_long", lang) if len(value.strip()) > LONGEST_TEXT else None

    return check


def _date_check(lang: Lang) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        if not value.strip():
            return None  # today
        try:
            dt.date.fromisoformat(value.strip())
        except ValueError:
            return text("date_invalid", lang)
        return None

    return check


def _count_check(lang: Lang) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        value = value.strip()
        if value.isdigit() and 1 <= int(value) <= MOST_PARTICIPANTS:
            return None
        return text("count_invalid", lang, most=MOST_PARTICIPANTS)

    return check


_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def session_file_name(organisation: str, date: dt.date) -> str:
    """'Afdeling Øst – Århus', 2026-11-23 → 'afdeling-oest-aarhus-2026-11-23.json'."""
    name = slug(organisation, "-")[:60].rstrip("-") or "session"
    return f"{name}-{date.isoformat()}.json"


def slug(words: str, joiner: str) -> str:
    """Plain lower-case ASCII letters and digits, the rest joined by `joiner` ('Øst' → 'oest')."""
    plain = unicodedata.normalize("NFKD", words.translate(_DANISH)).replace("'", "").replace("’", "")
    ascii_only = plain.encode("ascii", "ignore").decode("ascii").lower()
    joined = re.sub(r"[^a-z0-9]+", joiner, ascii_only).strip(joiner)
    return joined if not joined[:1].isdigit() else f"r{joiner}{joined}"


def free_path(path: Path) -> Path:
    """`path`, or the first of path-2, path-3 … that does not exist yet."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate
