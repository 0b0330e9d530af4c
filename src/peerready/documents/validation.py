"""Turn pydantic validation errors into located, readable problems."""

from __future__ import annotations

from difflib import get_close_matches
from typing import Any

from pydantic import ValidationError

from peerready.documents.yamldoc import Path, Positions, format_path
from peerready.errors import Problem

_LANGUAGE_NAMES = {"da": "Danish", "en": "English"}


def data_path(loc: tuple[str | int, ...], data: Any) -> Path:
    """The path into the parsed document for a pydantic error location.

    Pydantic adds the tag of a discriminated union (e.g. 'rated') to locations; those
    parts name no key in the document and are dropped.
    """
    path: list[str | int] = []
    node = data
    for index, part in enumerate(loc):
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            path.append(part)
        elif isinstance(node, dict) and isinstance(part, str) and part in node:
            node = node[part]
            path.append(part)
        elif isinstance(node, dict) and index == len(loc) - 1:
            path.append(part)  # a missing key: name it
            node = None
    return tuple(path)


def problems_from(error: ValidationError, data: Any, positions: Positions | None) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    details = error.errors(include_url=False)
    located = [(detail, data_path(tuple(detail["loc"]), data)) for detail in details]
    typos = _likely_typos(located)
    for detail, path in located:
        if path in typos.values():
            continue  # reported with the misspelt field that was meant to be it
        message = _message(detail, path)
        if path in typos:
            message += f" (did you mean '{typos[path][-1]}'?)"
        key = (format_path(path), message)
        if key in seen:
            continue
        seen.add(key)
        mark = positions.find(path) if positions else None
        line, column = mark if mark else (None, None)
        problems.append(Problem(format_path(path), message, line, column))
    return problems


def _likely_typos(located: list[tuple[Any, Path]]) -> dict[Path, Path]:
    """Unknown fields that look like a misspelling of a missing one: {unknown: missing}."""
    missing = [path for detail, path in located if detail["type"] == "missing" and path]
    typos: dict[Path, Path] = {}
    for detail, path in located:
        if detail["type"] != "extra_forbidden" or not path:
            continue
        siblings = {str(m[-1]): m for m in missing if m[:-1] == path[:-1]}
        match = get_close_matches(str(path[-1]), list(siblings), n=1, cutoff=0.6)
        if match:
            typos[path] = siblings[match[0]]
    return typos


def _message(detail: Any, path: Path) -> str:
    kind = detail["type"]
    last = path[-1] if path else None
    if kind == "missing":
        if last in _LANGUAGE_NAMES:
            return f"missing translation: the {_LANGUAGE_NAMES[str(last)]} text ({last}) is required"
        return "required field is missing"
    if kind == "extra_forbidden":
        return f"unknown field '{last}'"
    if kind == "string_pattern_mismatch":
        pattern = detail.get("ctx", {}).get("pattern", "")
        if "a-z0-9" in pattern:
            return f"expected an id of lowercase letters, digits, '-' or '_', got {_show(detail['input'])}"
        if pattern.startswith("^#") and "0-9a-fA-F" in pattern:
            return f"expected a colour written #rrggbb or #rgb (e.g. #2e6b5e), got {_show(detail['input'])}"
        return f"expected text matching {pattern}, got {_show(detail['input'])}"
    if kind in {"float_parsing", "float_type", "int_parsing", "int_type"}:
        return f"expected a number, got {_show(detail['input'])}"
    if kind == "union_tag_invalid":
        ctx = detail.get("ctx", {})
        return f"unknown kind {_show(ctx.get('tag'))}; expected one of {ctx.get('expected_tags')}"
    if kind == "union_tag_not_found":
        return "required field 'kind' is missing"
    return f"{detail['msg'][0].lower()}{detail['msg'][1:]}"


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
