"""Before the first item: who is assessing, when, how they answer, and where it is saved."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from peerready.i18n import Lang
from peerready.meeting.prompts import Asker, Choice, ChoicePrompt, TextPrompt
from peerready.meeting.texts import keys, text
from peerready.model.session import ROLE_LABELS, Mode, Respondent

MOST_PARTICIPANTS = 99
LONGEST_TEXT = 200  # the session format's limit for names
NO_ROLE = "-"


@dataclass(frozen=True)
class Setup:
    organisation: str
    date: dt.date
    mode: Mode
    respondents: tuple[Respondent, ...]


def ask_setup(
    asker: Asker, lang: Lang, today: dt.date, say: Callable[[str, str], None], *, mode: Mode | None = None
) -> Setup:
    """Ask the organisation, the date, the mode (unless given) and the participants; `say`
    echoes each answer."""
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
    modes = (
        Choice("consensus", text("consensus", lang), "1"),
        Choice("individual", text("individual", lang), "2"),
    )
    if mode is None:
        hint = keys(lang, "choose", "confirm", keys="1–2")
        chosen = asker.choose(ChoicePrompt(text("mode", lang), modes, hint=hint))
        mode = "individual" if chosen == "individual" else "consensus"
    say(text("mode", lang), next(c.label for c in modes if c.value == mode))
    count = int(_answer(asker.text(TextPrompt(text("count", lang), check=_count_check(lang)))))
    say(text("count", lang), str(count))
    people = [Respondent(id=str(n)) for n in range(1, count + 1)]
    if ask_yes_no(asker, text("ask_names", lang), lang, default=mode == "individual"):
        people = [_ask_person(asker, lang, n, say) for n in range(1, count + 1)]
    return Setup(organisation.strip(), date, mode, tuple(people))


def _ask_person(asker: Asker, lang: Lang, number: int, say: Callable[[str, str], None]) -> Respondent:
    name = _answer(asker.text(TextPrompt(text("name", lang, n=number), check=_length_check(lang)))).strip()
    who = name or text("participant", lang, n=number)
    roles = [Choice(key, label.get(lang), str(n)) for n, (key, label) in enumerate(ROLE_LABELS.items(), 1)]
    roles.append(Choice(NO_ROLE, text("no_role", lang), str(len(roles) + 1)))
    hint = keys(lang, "choose", "confirm", keys=f"1–{len(roles)}")
    role = asker.choose(ChoicePrompt(text("role", lang, who=who), tuple(roles), default=NO_ROLE, hint=hint))
    chosen = role if isinstance(role, str) and role in ROLE_LABELS else None
    say(who, ROLE_LABELS[chosen].get(lang) if chosen else text("no_role", lang))
    return Respondent.model_validate({"id": str(number), "name": name or None, "role": chosen})


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
    plain = unicodedata.normalize("NFKD", organisation.translate(_DANISH)).replace("'", "").replace("’", "")
    ascii_only = plain.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")[:60].rstrip("-") or "session"
    return f"{slug}-{date.isoformat()}.json"


def free_path(path: Path) -> Path:
    """`path`, or the first of path-2, path-3 … that does not exist yet."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate
