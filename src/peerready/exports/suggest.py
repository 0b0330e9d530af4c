"""Drafting a mapping file for an export whose columns are headed with question texts.

Headers are matched to the items' texts in Danish and English; answer texts that peerready
cannot read by itself are matched to the options' labels. The draft is a starting point for
a person to check, written with comments saying how sure each match is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from difflib import SequenceMatcher

from peerready.exports.answers import normal, resolver_for
from peerready.exports.columns import RESPONDENT_COLUMNS, ROLE_COLUMNS, find_column
from peerready.exports.layout import item_names, match_item
from peerready.exports.platforms import UNKNOWN
from peerready.exports.source import ExportReader
from peerready.model.questionnaire import Questionnaire, RatedItem, TextItem
from peerready.scoring.tally import ScoringPlan

MIN_SIMILARITY = 0.6
SAMPLE_ROWS = 5000
_NOISE = re.compile(r"^(points|feedback)\s*-\s*|^\s*(q?\d+[.):]\s*)", re.IGNORECASE)


def similarity(a: str, b: str) -> float:
    """How alike two texts are, 0–1; a header that contains the whole item text (or the
    other way round) counts as 0.9, as exports often add to a question's text."""
    x, y = _words(a), _words(b)
    shorter, longer = sorted((x, y), key=len)
    if len(shorter) >= 8 and shorter in longer:
        return max(0.9, SequenceMatcher(None, x, y).ratio())
    return SequenceMatcher(None, x, y).ratio()


def _words(text: str) -> str:
    return " ".join("".join(ch if ch.isalnum() else " " for ch in normal(text)).split())


def clean_header(header: str) -> str:
    """The question text in a header: without numbering, LimeSurvey brackets or a Kobo group path."""
    text = header.rsplit("/", 1)[-1]
    bracketed = re.findall(r"\[([^\[\]]+)\]", text)
    if bracketed:
        text = bracketed[-1] if len(bracketed[-1]) > 8 else re.sub(r"\[[^\[\]]*\]", " ", text)
    return _NOISE.sub("", text).strip()


def suggest(source: ExportReader, questionnaire: Questionnaire, sample: Iterable[list[str]]) -> str:
    header = source.header
    by_name = item_names(questionnaire)
    taken: set[int] = set()
    respondent = find_column(header, RESPONDENT_COLUMNS, taken)
    role = find_column(header, ROLE_COLUMNS, taken)
    taken |= {c for c in (respondent, role) if c is not None}
    taken |= {c.column for c in UNKNOWN.completions(header, taken, set())}
    matches = _match_columns(header, questionnaire, by_name, taken)
    rows = [row for _, row in zip(range(SAMPLE_ROWS), sample, strict=False)]
    lines = [
        f"# Drafted by peerready from {source.label} for '{questionnaire.id}' {questionnaire.version}.",
        "# Check every line (the similarity of each match is in its comment), then score with",
        f"#   peerready score {source.label} --map THIS-FILE",
        "format: peerready-mapping/1",
        f"questionnaire: {questionnaire.id}",
    ]
    if respondent is not None:
        lines.append(f"respondent: {_q(header[respondent])}")
    if role is not None:
        lines.append(f"role: {_q(header[role])}")
    lines.append("columns:")
    plan = ScoringPlan.build(questionnaire)
    for column, (item_id, how) in sorted(matches.items()):
        answers = _answers(questionnaire, plan, item_id, [r[column] for r in rows if column < len(r)])
        if not answers:
            lines.append(f"  {_q(header[column])}: {item_id}  # {how}")
            continue
        lines += [f"  {_q(header[column])}:  # {how}", f"    item: {item_id}", "    answers:"]
        lines += [f"      {_q(text)}: {_q(option)}  # {note}" for text, option, note in answers]
    if not matches:
        lines[-1] = "columns: {}  # no header looked like an item's text; fill in by hand"
    unmatched = [h for i, h in enumerate(header) if i not in matches and i not in taken]
    if unmatched:
        lines.append("# Columns left out (not matched to an item):")
        lines += [f"#   {_q(h)}" for h in unmatched]
    return "\n".join(lines) + "\n"


def _match_columns(
    header: list[str], q: Questionnaire, by_name: dict[str, str], taken: set[int]
) -> dict[int, tuple[str, str]]:
    found: dict[int, tuple[str, str]] = {}
    used: set[str] = set()
    scored: list[tuple[float, int, str, str]] = []
    for column, name in enumerate(header):
        if column in taken:
            continue
        by_id = match_item(name, by_name)
        if by_id is not None and by_id not in used:
            found[column] = (by_id, "the header is the item id")
            used.add(by_id)
            continue
        text = clean_header(name)
        for item in q.all_items:
            for lang in ("da", "en"):
                ratio = similarity(text, item.text.da if lang == "da" else item.text.en)
                if ratio >= MIN_SIMILARITY:
                    scored.append((ratio, column, item.id, lang))
    for ratio, column, item_id, lang in sorted(scored, reverse=True):
        if column in found or item_id in used:
            continue
        language = "Danish" if lang == "da" else "English"
        found[column] = (item_id, f"{ratio:.0%} like the {language} text")
        used.add(item_id)
    return found


def _answers(
    q: Questionnaire, plan: ScoringPlan, item_id: str, cells: list[str]
) -> list[tuple[str, str, str]]:
    """(answer text, option id, how sure) for the texts peerready cannot read by itself."""
    item = q.item_by_id[item_id]
    if isinstance(item, TextItem):
        return []
    item_plan = next(p for p in plan.items if p.id == item_id)
    options = q.options_of(item)
    anchors = item.anchors if isinstance(item, RatedItem) else None
    resolver = resolver_for(item_plan, [o.label for o in options], anchors, {})
    found = []
    for text in sorted({c.strip() for c in cells if c.strip()}):
        if resolver.code(text) is not None:
            continue
        best = max(options, key=lambda o: max(similarity(text, o.label.da), similarity(text, o.label.en)))
        ratio = max(similarity(text, best.label.da), similarity(text, best.label.en))
        found.append((text, best.id, f"{ratio:.0%} like '{best.label.da}' / '{best.label.en}'; check it"))
    return found


def _q(text: str) -> str:
    """A YAML scalar in double quotes (JSON's string syntax is YAML's)."""
    return json.dumps(text, ensure_ascii=False)
