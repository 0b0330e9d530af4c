"""What a cell in an export means: an option, "don't know", "not applicable", or nothing.

Exports write answers as option ids, as points, or as option labels in Danish or English
(and Forms write an anchored item's own anchor texts). Each column gets a resolver that
learns every distinct spelling once, so a million cells cost a dict lookup each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from peerready.i18n import LText, tr
from peerready.model.ids import DONT_KNOW, NOT_APPLICABLE
from peerready.model.session import ROLE_LABELS
from peerready.scoring.tally import ItemPlan

DK = -1  # codes below 0: answers that are not options
NA = -2
EMPTY = -3

DONT_KNOW_WORDS = ("dont_know", "don't know", "don’t know", "do not know", "ved ikke", "ved ej")
NOT_APPLICABLE_WORDS = ("not_applicable", "not applicable", "n/a", "ikke relevant", "ikke aktuelt")
SPECIAL = {DONT_KNOW: DK, NOT_APPLICABLE: NA}
_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")
_PREFIXED = re.compile(r"^(\S+?)\s*[-–—.:)]\s*(.+)$")  # "4 – Delvist enig", "4. Delvist enig"


NOT_STATED = "_not_stated"  # the group of respondents whose group cell is empty
NOT_STATED_LABEL = tr("(not stated)")


def normal(text: str) -> str:
    """Case, surrounding and repeated whitespace do not matter."""
    return " ".join(text.split()).casefold()


def group_key(raw: str) -> str:
    """The group a --group-by cell puts a respondent in: an empty cell is a group of its own."""
    return normal(raw) or NOT_STATED


def unmask(text: str) -> str:
    """Undo the quote that LimeSurvey and others put before a value that looks like a formula."""
    text = text.strip()
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@":
        return text[1:]
    return text


def number_text(value: float) -> str:
    return f"{value:g}"


@dataclass
class Resolver:
    """Raw cell text → answer code (option index, DK, NA or EMPTY) for one item's column."""

    plan: ItemPlan
    labels: Mapping[str, int]  # normalised spelling → code
    known: dict[str, int] = field(default_factory=dict)  # exact raw text → code, learnt

    def code(self, raw: str) -> int | None:
        found = self.known.get(raw)
        if found is None:
            found = self._resolve(raw)
            if found is not None:
                self.known[raw] = found
        return found

    def _resolve(self, raw: str) -> int | None:
        text = normal(unmask(raw))
        if not text:
            return EMPTY
        if text in self.labels:
            return self.labels[text]
        prefixed = _PREFIXED.match(text)
        if prefixed:  # "4 – delvist enig": the number and the label must agree
            first, rest = self.labels.get(prefixed[1]), self.labels.get(prefixed[2])
            if first is not None and first == rest:
                return first
        if _NUMBER.match(text):
            value = float(text.replace(",", "."))
            matches = [i for i, p in enumerate(self.plan.points) if p == value]
            if len(matches) == 1:
                return matches[0]
        return None

    def explain(self, raw: str) -> str:
        """Why a raw value is not an answer, and what was expected."""
        text = normal(unmask(raw))
        points = self.plan.points
        options = ", ".join(self.plan.option_ids)
        if _NUMBER.match(text):
            value = float(text.replace(",", "."))
            low, high = min(points), max(points)
            if not low <= value <= high:
                return (
                    f"{raw.strip()!r} is out of range: expected points from {number_text(low)} "
                    f"to {number_text(high)}, or one of the options {options}"
                )
        return (
            f"{raw.strip()!r} is not an answer to {self.plan.id}: expected one of the options "
            f"{options} (or its label in Danish or English), don't know, not applicable, or nothing"
        )


def spellings(plan: ItemPlan, labels: list[LText], anchors: Mapping[str, LText] | None) -> dict[str, int]:
    """Every accepted spelling of every answer to an item, normalised."""
    found: dict[str, int] = {}
    for index, option_id in enumerate(plan.option_ids):
        candidates = [labels[index].da, labels[index].en]
        if anchors and option_id in anchors:
            candidates += [anchors[option_id].da, anchors[option_id].en]
        for text in candidates:
            found.setdefault(normal(text), index)
    for words, code in ((DONT_KNOW_WORDS, DK), (NOT_APPLICABLE_WORDS, NA)):
        for word in words:
            found[normal(word)] = code
    for index, option_id in enumerate(plan.option_ids):
        found[normal(option_id)] = index  # an option id wins over a label that happens to match it
    return found


def resolver_for(
    plan: ItemPlan,
    labels: list[LText],
    anchors: Mapping[str, LText] | None,
    extra: Mapping[str, str],
    no_answer: Iterable[str] = (),
    codes: Mapping[str, str] | None = None,
) -> Resolver:
    """A resolver, with a mapping file's own spellings (text → option id) taking precedence,
    values that mean no answer, and a codebook's codes (code → label), read by their labels."""
    table = spellings(plan, labels, anchors)
    for code, label in (codes or {}).items():
        if normal(label) in table:
            table[normal(code)] = table[normal(label)]
    for text, target in extra.items():
        table[normal(text)] = SPECIAL[target] if target in SPECIAL else plan.index_of[target]
    for text in no_answer:
        table[normal(text)] = EMPTY
    resolver = Resolver(plan, table)
    resolver.known[""] = EMPTY
    return resolver


def role_table(extra: Mapping[str, str]) -> dict[str, str]:
    """Normalised role spelling → role key: the keys, their Danish and English names."""
    table = {normal(key): key for key in ROLE_LABELS}
    for key, label in ROLE_LABELS.items():
        table.setdefault(normal(label.da), key)
        table.setdefault(normal(label.en), key)
    table.update({normal(text): key for text, key in extra.items()})
    return table


def code_to_answer(plan: ItemPlan, code: int) -> str | None:
    """The session-style answer for a code: an option id, dont_know, not_applicable, or None."""
    if code >= 0:
        return plan.option_ids[code]
    return {DK: DONT_KNOW, NA: NOT_APPLICABLE}.get(code)
