"""What `--suggest-map` proposes for an export's answers: for the values peerready cannot read by
itself, the option each most likely means — texts by their likeness to the options' labels,
numeric codes by their order on the scale (once per scale) — and a warning where a header
says the opposite of the item it resembles ("… ikke …")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from peerready.exports.answers import normal, resolver_for
from peerready.model.questionnaire import Option, Questionnaire, RatedItem, TextItem
from peerready.scoring.tally import ScoringPlan

NEGATIONS = {"ikke", "ingen", "intet", "aldrig", "not", "no", "never", "none", "nobody", "nothing"}
_NUMBER = re.compile(r"^[+-]?\d+$")


def similarity(a: str, b: str) -> float:
    """How alike two texts are, 0–1; a header that contains the whole item text (or the
    other way round) counts as 0.9, as exports often add to a question's text."""
    x, y = words(a), words(b)
    shorter, longer = sorted((x, y), key=len)
    if len(shorter) >= 8 and shorter in longer:
        return max(0.9, SequenceMatcher(None, x, y).ratio())
    return SequenceMatcher(None, x, y).ratio()


def words(text: str) -> str:
    return " ".join("".join(ch if ch.isalnum() or ch == "'" else " " for ch in normal(text)).split())


def negated(header: str, item_text: str) -> bool:
    """Whether one text negates where the other does not: a reversed statement."""

    def negations(text: str) -> set[str]:
        found = {w for w in words(text).split() if w in NEGATIONS or w.endswith("n't")}
        return {"n't" if w.endswith("n't") else w for w in found}

    return bool(negations(header) ^ negations(item_text))


@dataclass(frozen=True)
class Proposal:
    value: str  # as the export writes it
    option: str  # option id, dont_know or not_applicable
    note: str


def text_answers(
    q: Questionnaire, plan: ScoringPlan, item_id: str, cells: Sequence[str], no_answer: frozenset[str]
) -> list[Proposal]:
    """Proposals for the answer texts of one column that peerready cannot read by itself."""
    item = q.item_by_id[item_id]
    if isinstance(item, TextItem):
        return []
    item_plan = next(p for p in plan.items if p.id == item_id)
    options = q.options_of(item)
    anchors = item.anchors if isinstance(item, RatedItem) else None
    resolver = resolver_for(item_plan, [o.label for o in options], anchors, {}, no_answer)
    found = []
    for text in sorted({c.strip() for c in cells if c.strip()}):
        if resolver.code(text) is not None or _NUMBER.match(text):
            continue
        best = max(options, key=lambda o: max(similarity(text, o.label.da), similarity(text, o.label.en)))
        ratio = max(similarity(text, best.label.da), similarity(text, best.label.en))
        found.append(
            Proposal(text, best.id, f"{ratio:.0%} like '{best.label.da}' / '{best.label.en}'; check it")
        )
    return found


def code_answers(options: Sequence[Option], cells: Sequence[str], readable: bool) -> list[Proposal]:
    """Proposals for numeric codes, by their order: the lowest code the first option, as a survey
    built from the questionnaire lists them. Empty when the numbers are the options' own points
    (`readable`) — peerready reads those itself."""
    codes = sorted({c.strip() for c in cells if _NUMBER.match(c.strip())}, key=int)
    if not codes or readable:
        return []
    ranked = list(options)
    found = []
    for index, code in enumerate(codes):
        if len(codes) == len(ranked) + 1 and index == len(codes) - 1:
            found.append(
                Proposal(code, "dont_know", "the code after the scale is often 'don't know'; check it")
            )
            continue
        if len(codes) in (len(ranked), len(ranked) + 1):
            option, note = ranked[index], f"code {index + 1} of {len(ranked)}"
        else:
            option = ranked[round(index * (len(ranked) - 1) / max(len(codes) - 1, 1))]
            note = f"{len(codes)} codes for {len(ranked)} options: check every one"
        found.append(Proposal(code, option.id, f"{note} ('{option.label.da}' / '{option.label.en}')"))
    return found
