"""Questionnaire files (or bundled ids) → validated models, with every problem located."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from peerready import resources
from peerready.documents.references import check_catalogue, check_questionnaire
from peerready.documents.validation import problems_from
from peerready.documents.yamldoc import (
    SURROGATE,
    Positions,
    YamlSyntaxError,
    format_path,
    parse,
    plain_number,
)
from peerready.documents.yamldoc import Path as DataPath
from peerready.errors import DocumentError, InputError, Problem
from peerready.model.catalogue import Catalogue
from peerready.model.instrument import Instrument
from peerready.model.questionnaire import Questionnaire

Model = TypeVar("Model", bound=BaseModel)

MAX_DOCUMENT_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class Parsed:
    """A document's data with where it came from, for locating problems."""

    label: str
    data: Any
    text: str
    parsed_positions: Positions | None = None

    @cached_property
    def positions(self) -> Positions:
        if self.parsed_positions is not None:
            return self.parsed_positions
        try:  # JSON was read by the json module; YAML's parser finds the lines when needed
            return parse(self.text)[1]
        except YamlSyntaxError:
            return Positions()

    def locate(self, problems: list[Problem]) -> list[Problem]:
        located = []
        for problem in problems:
            mark = self.positions.find(_split_path(problem.path)) if problem.line is None else None
            line, column = mark if mark else (problem.line, problem.column)
            located.append(Problem(problem.path, problem.message, line, column, self.label))
        return located


@contextmanager
def opening(path: Path) -> Iterator[None]:
    """The ways a user's file cannot be opened, as one-line errors."""
    try:
        yield
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, expected a file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None


def read_text(path: Path) -> str:
    """A user's file as text, or a one-line error saying what is wrong with it."""
    with opening(path):
        if path.stat().st_size > MAX_DOCUMENT_BYTES:
            raise InputError(f"{path}: file is too large for a questionnaire or session (over 8 MB)")
        try:
            return path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{path}: not UTF-8 text (undecodable byte at offset {exc.start}); wrong file?"
            ) from None


def parse_document(text: str, label: str) -> Parsed:
    """Parse YAML, or JSON (read by the faster json module when the text is plain JSON)."""
    json_like = text.lstrip().startswith(("{", "["))
    if json_like:
        parsed = _plain_json(text, label)
        if parsed is not None:
            return parsed
    try:
        data, positions = parse(text)
    except YamlSyntaxError as exc:
        problem = _with_file(exc.problem, label)
        if json_like:  # read by YAML's parser, but the user wrote JSON
            problem = replace(problem, message=problem.message.replace("invalid YAML", "invalid JSON"))
        raise DocumentError([problem]) from None
    return Parsed(label, data, text, positions)


def _plain_json(text: str, label: str) -> Parsed | None:
    """The JSON's data, or None for JSON that YAML's parser must read to say where it goes
    wrong: a duplicate key, NaN or a number too large, nesting too deep for the json module."""
    try:
        data = json.loads(
            text,
            object_pairs_hook=_refuse_duplicates,
            parse_constant=_not_plain,
            parse_float=_plain_number,
            parse_int=_plain_number,
        )
    except json.JSONDecodeError as exc:
        problem = Problem("", f"invalid JSON: {exc.msg}", exc.lineno, exc.colno, label)
        raise DocumentError([problem]) from None
    except (_NotPlain, RecursionError):
        return None
    if _SURROGATE_ESCAPE.search(text):  # "\\ud800" alone is no character: no output could hold it
        where = _lone_surrogate(data)
        if where is not None:
            problem = Problem(format_path(where), "text with a lone surrogate (an invalid \\u escape)")
            raise DocumentError([_with_file(problem, label)])
    return Parsed(label, data, text)


class _NotPlain(Exception):
    pass


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _not_plain(_text: str) -> Any:
    raise _NotPlain


def _plain_number(text: str) -> int | float:
    number = plain_number(text)
    if number is None:
        raise _NotPlain
    return number


def _lone_surrogate(data: Any) -> DataPath | None:
    """Where the first text with a lone surrogate is (a key counts as its value's place)."""
    stack: list[tuple[DataPath, Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if not value.isascii() and SURROGATE.search(value):
                return path
        elif isinstance(value, dict):
            stack += [((*path, key), key) for key in value] + [((*path, k), v) for k, v in value.items()]
        elif isinstance(value, list):
            stack += [((*path, i), v) for i, v in enumerate(value)]
    return None


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _NotPlain  # YAML's parser reports the duplicate with its line
    return result


def validate(parsed: Parsed, model: type[Model]) -> Model:
    if not isinstance(parsed.data, dict):
        what = "a questionnaire, catalogue or session"
        message = (
            f"the file is empty; expected {what}"
            if parsed.data is None
            else f"expected {what} (a mapping of fields), found a {type(parsed.data).__name__}"
        )
        raise DocumentError([Problem("", message, 1, 1, parsed.label)])
    try:
        return model.model_validate(parsed.data)
    except ValidationError as exc:
        raise DocumentError(parsed.locate(problems_from(exc, parsed.data, None))) from None


def looks_like_path(ref: str) -> bool:
    return "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml", ".json"))


def load_instrument(ref: str) -> Instrument:
    """Load a bundled questionnaire by id, or a questionnaire file by path."""
    text = None if looks_like_path(ref) else resources.read_bundled_questionnaire(ref)
    if text is None and (looks_like_path(ref) or Path(ref).exists()):
        path = Path(ref)
        return build_instrument(
            parse_document(read_text(path), str(path)), base=path.parent, origin=str(path)
        )
    if text is None:
        known = ", ".join(resources.bundled_questionnaire_ids()) or "none"
        raise InputError(f"unknown questionnaire '{ref}' (bundled: {known}; or give a file path)")
    return build_instrument(parse_document(text, f"<bundled>/{ref}.yaml"), base=None, origin=ref)


def build_instrument(parsed: Parsed, base: Path | None, origin: str) -> Instrument:
    """Validate a parsed questionnaire with its catalogue; every problem in both is reported."""
    questionnaire = validate(parsed, Questionnaire)
    catalogue, catalogue_parsed = (None, None)
    if questionnaire.catalogue is not None:
        catalogue_parsed = _read_catalogue(questionnaire.catalogue, base, parsed.label)
        catalogue = validate(catalogue_parsed, Catalogue)
    extra_sources = [s.id for s in catalogue.sources] if catalogue else []
    problems = parsed.locate(check_questionnaire(questionnaire, extra_sources))
    if catalogue is not None and catalogue_parsed is not None:
        problems += catalogue_parsed.locate(check_catalogue(catalogue, questionnaire))
    if problems:
        raise DocumentError(problems)
    return Instrument(questionnaire, catalogue, origin)


def _read_catalogue(ref: str, base: Path | None, referrer: str) -> Parsed:
    if looks_like_path(ref):
        if base is None:
            raise InputError(f"{referrer}: a bundled questionnaire can only use bundled catalogues")
        path = base / ref
        return parse_document(read_text(path), str(path))
    text = resources.read_bundled_catalogue(ref)
    if text is None:
        known = ", ".join(resources.bundled_catalogue_ids()) or "none"
        raise InputError(f"{referrer}: unknown catalogue '{ref}' (bundled: {known})")
    return parse_document(text, f"<bundled>/catalogues/{ref}.yaml")


def catalogue_from(parsed: Parsed) -> Catalogue:
    catalogue = validate(parsed, Catalogue)
    problems = parsed.locate(check_catalogue(catalogue))
    if problems:
        raise DocumentError(problems)
    return catalogue


def _with_file(problem: Problem, label: str) -> Problem:
    return Problem(problem.path, problem.message, problem.line, problem.column, label)


def _split_path(text: str) -> tuple[str | int, ...]:
    """'domains[2].items[4].id' -> ('domains', 2, 'items', 4, 'id')."""
    parts: list[str | int] = []
    for chunk in text.replace("[", ".[").split("."):
        if not chunk:
            continue
        if chunk.startswith("[") and chunk.endswith("]") and chunk[1:-1].isdigit():
            parts.append(int(chunk[1:-1]))
        else:
            parts.append(chunk)
    return tuple(parts)


def load_catalogue_file(path: Path) -> Catalogue:
    return catalogue_from(parse_document(read_text(path), str(path)))
