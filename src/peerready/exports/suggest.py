"""Drafting a mapping file for an export whose columns are headed with question texts.

Headers (or the question-text row: Qualtrics' row 2, SurveyMonkey's statements) are matched to
the items' texts in Danish and English; the values peerready cannot read by itself get a
proposed option (drafts.py). The draft is a starting point for a person to check, written with
comments saying how sure each match is; reversed statements are warned about.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from peerready.exports.answers import normal
from peerready.exports.columns import ROLE_COLUMNS, find_column
from peerready.exports.drafts import Proposal, code_answers, negated, similarity, text_answers
from peerready.exports.headers import Headers
from peerready.exports.identity import respondent_column
from peerready.exports.layout import item_names, match_item
from peerready.exports.mapping import scale_of
from peerready.exports.platforms import Platform
from peerready.exports.source import ExportReader
from peerready.model.questionnaire import Questionnaire, TextItem
from peerready.scoring.tally import ScoringPlan

MIN_SIMILARITY = 0.6
SAMPLE_ROWS = 5000
_NOISE = re.compile(r"^(points|feedback)\s*-\s*|^\s*(q?\d+[.):]\s*)", re.IGNORECASE)


@dataclass
class Draft:
    text: str
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Match:
    item: str
    how: str
    reversed: bool = False


def clean_header(header: str) -> str:
    """The question text in a header: without numbering, LimeSurvey brackets or a Kobo group path."""
    text = header.rsplit("/", 1)[-1]
    bracketed = re.findall(r"\[([^\[\]]+)\]", text)
    if bracketed:
        text = bracketed[-1] if len(bracketed[-1]) > 8 else re.sub(r"\[[^\[\]]*\]", " ", text)
    return _NOISE.sub("", text).strip()


def suggest(
    source: ExportReader,
    questionnaire: Questionnaire,
    sample: Iterable[list[str]],
    platform: Platform,
    headers: Headers,
    coded: frozenset[str] = frozenset(),  # normalised names of columns a codebook explains
) -> Draft:
    names = headers.names
    rows = [row for _, row in zip(range(SAMPLE_ROWS), sample, strict=False)]
    respondent = respondent_column(names, platform, None, rows[:256], [])
    role = find_column(names, ROLE_COLUMNS, {respondent} if respondent is not None else set())
    taken = {c for c in (respondent, role) if c is not None}
    taken |= {c.column for c in platform.completions(names, taken, set())}
    matches = match_columns(names, headers.texts, questionnaire, taken)
    draft = Draft("")
    lines = [
        f"# Drafted by peerready from {source.label} for '{questionnaire.id}' {questionnaire.version}.",
        "# Check every line (the similarity of each match is in its comment), then score with",
        f"#   peerready score {source.label} --map THIS-FILE",
        "format: peerready-mapping/1",
        f"questionnaire: {questionnaire.id}",
    ]
    if respondent is not None:
        lines.append(f"respondent: {_q(names[respondent])}")
    if role is not None:
        lines.append(f"role: {_q(names[role])}")
    plan = ScoringPlan.build(questionnaire)
    cells = {column: [r[column] for r in rows if column < len(r)] for column in matches}
    codes = {c: [] if normal(names[c]) in coded else values for c, values in cells.items()}
    lines += _scales(questionnaire, plan, matches, codes, names)
    lines.append("columns:")
    for column, match in sorted(matches.items()):
        if match.reversed:
            warning = (
                f"column '{names[column]}' looks like item '{match.item}' but one of them says 'not' "
                "(a reversed statement): its answers would count the wrong way round"
            )
            draft.warnings.append(warning)
            lines.append(f"  # WARNING: {warning}; map its answers in reverse, or leave it out")
        answers = text_answers(questionnaire, plan, match.item, cells[column], platform.no_answer)
        if scale_of(questionnaire, match.item) is None:  # a choice item: its codes are its own
            answers += _codes(questionnaire, plan, match.item, codes[column])
        if not answers:
            lines.append(f"  {_q(names[column])}: {match.item}  # {match.how}")
            continue
        lines += [f"  {_q(names[column])}:  # {match.how}", f"    item: {match.item}", "    answers:"]
        lines += [f"      {_q(p.value)}: {_q(p.option)}  # {p.note}" for p in answers]
    if not matches:
        lines[-1] = "columns: {}  # no header looked like an item's text; fill in by hand"
    unmatched = [h for i, h in enumerate(names) if i not in matches and i not in taken]
    if unmatched:
        lines.append("# Columns left out (not matched to an item):")
        lines += [f"#   {_q(h)}" for h in unmatched]
    draft.text = "\n".join(lines) + "\n"
    return draft


def _codes(q: Questionnaire, plan: ScoringPlan, item_id: str, cells: list[str]) -> list[Proposal]:
    item = q.item_by_id[item_id]
    if isinstance(item, TextItem):
        return []
    options = q.options_of(item)
    item_plan = next(p for p in plan.items if p.id == item_id)
    readable = all(
        c.strip() in item_plan.index_of or _is_point(c, item_plan.points) for c in cells if c.strip()
    )
    return code_answers(options, cells, readable)


def _is_point(cell: str, points: tuple[float, ...]) -> bool:
    try:
        return float(cell.strip()) in points
    except ValueError:
        return True  # not a number: the text drafts deal with it


def _scales(
    q: Questionnaire,
    plan: ScoringPlan,
    matches: dict[int, Match],
    cells: dict[int, list[str]],
    names: list[str],
) -> list[str]:
    """A `scales:` block: each scale's numeric codes, once, from every column on that scale."""
    by_scale: dict[str, list[int]] = {}
    for column, match in sorted(matches.items()):
        scale = scale_of(q, match.item)
        if scale is not None and match.item in {p.id for p in plan.items}:
            by_scale.setdefault(scale, []).append(column)
    lines: list[str] = []
    for scale, columns in by_scale.items():
        values = [c for column in columns for c in cells[column]]
        proposals = _codes(q, plan, matches[columns[0]].item, values)
        if proposals:
            shown = ", ".join(names[c] for c in columns[:4]) + (" …" if len(columns) > 4 else "")
            lines += [f"  {scale}:  # the codes found in {shown}"]
            lines += [f"    {_q(p.value)}: {_q(p.option)}  # {p.note}" for p in proposals]
    return ["scales:", *lines] if lines else []


def match_columns(names: list[str], texts: list[str], q: Questionnaire, taken: set[int]) -> dict[int, Match]:
    """Each column matched to at most one item (by id, else by the likeness of its question text)."""
    by_name = item_names(q)
    found: dict[int, Match] = {}
    used: set[str] = set()
    scored: list[tuple[float, int, str, str]] = []
    for column, name in enumerate(names):
        if column in taken:
            continue
        by_id = match_item(name, by_name)
        if by_id is not None and by_id not in used:
            found[column] = Match(by_id, "the header is the item id")
            used.add(by_id)
            continue
        text = clean_header(texts[column] if column < len(texts) and texts[column] else name)
        statement = text.rsplit(" - ", 1)[-1]  # "Question - Statement" (Qualtrics, SurveyMonkey)
        for item in q.all_items:
            for lang in ("da", "en"):
                own = item.text.da if lang == "da" else item.text.en
                ratio = max(similarity(text, own), similarity(statement, own))
                if ratio >= MIN_SIMILARITY:
                    scored.append((ratio, column, item.id, lang))
    for ratio, column, item_id, lang in sorted(scored, reverse=True):
        if column in found or item_id in used:
            continue
        item = q.item_by_id[item_id]
        own = item.text.da if lang == "da" else item.text.en
        language = "Danish" if lang == "da" else "English"
        text = texts[column] if column < len(texts) and texts[column] else names[column]
        found[column] = Match(item_id, f"{ratio:.0%} like the {language} text", negated(text, own))
        used.add(item_id)
    return found


def _q(text: str) -> str:
    """A YAML scalar in double quotes (JSON's string syntax is YAML's)."""
    return json.dumps(text, ensure_ascii=False)
