"""Parse YAML (and JSON, which is YAML) into plain data plus the line and column of every value.

We build the data from PyYAML's node tree ourselves so that we can (1) remember where each
value came from, for error messages, (2) refuse duplicate keys, which PyYAML silently
overwrites, and (3) read scalars by YAML 1.2 rules: `no`, `on` and `off` stay strings,
so an option called "no" is not turned into False.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from peerready.errors import Problem

Path = tuple[str | int, ...]

_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUES = {"true", "True", "TRUE"}
_FALSES = {"false", "False", "FALSE"}

# The C loader is several times faster where libyaml is present.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Positions:
    """Where each value sits in the source text (1-based line and column)."""

    marks: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def find(self, path: Path) -> tuple[int, int] | None:
        """The position of the value at `path`, or of its nearest ancestor that exists."""
        for length in range(len(path), -1, -1):
            mark = self.marks.get(path[:length])
            if mark is not None:
                return mark
        return None


class YamlSyntaxError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def parse(text: str) -> tuple[Any, Positions]:
    """Parse one YAML document; raises YamlSyntaxError with a located problem."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = (exc.problem or exc.context or "invalid YAML").strip()
        raise YamlSyntaxError(Problem("", f"invalid YAML: {message}", *_line_col(mark))) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(Problem("", f"invalid YAML: {exc}")) from exc
    positions = Positions()
    if node is None:
        return None, positions
    return _build(node, (), positions), positions


def _line_col(mark: yaml.Mark | None) -> tuple[int | None, int | None]:
    if mark is None:
        return None, None
    return mark.line + 1, mark.column + 1


def _build(node: yaml.Node, path: Path, positions: Positions) -> Any:
    positions.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _build(key_node, (*path, "<key>"), positions)
            if not isinstance(key, str | int | float | bool):
                raise YamlSyntaxError(
                    Problem(
                        _dotted(path),
                        "mapping keys must be plain text",
                        *_line_col(key_node.start_mark),
                    )
                )
            key = str(key)
            if key in result:
                raise YamlSyntaxError(
                    Problem(
                        _dotted((*path, key)),
                        f"duplicate key '{key}'",
                        *_line_col(key_node.start_mark),
                    )
                )
            result[key] = _build(value_node, (*path, key), positions)
        positions.marks.pop((*path, "<key>"), None)  # an empty mapping ({}) set no key mark
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(child, (*path, i), positions) for i, child in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)
    return _scalar(node)


def _scalar(node: yaml.ScalarNode) -> Any:
    value: str = node.value
    if node.style:  # quoted or a block scalar: always text (the C parser marks plain as '')
        return value
    if value in _NULLS:
        return None
    if value in _TRUES:
        return True
    if value in _FALSES:
        return False
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value


def _dotted(path: Path) -> str:
    return format_path(path)


def format_path(path: Path) -> str:
    """('domains', 2, 'items', 4, 'points') -> 'domains[2].items[4].points'."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text
