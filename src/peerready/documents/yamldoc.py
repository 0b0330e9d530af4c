"""Parse YAML (and JSON, which is YAML) into plain data plus the line and column of every value.

We build the data from PyYAML's node tree ourselves so that we can (1) remember where each
value came from, for error messages, (2) refuse duplicate keys, which PyYAML silently
overwrites, and (3) read scalars by YAML 1.2 rules: `no`, `on` and `off` stay strings,
so an option called "no" is not turned into False. And (4) to bound what a small file can
cost: YAML's aliases can make a 400-byte file stand for billions of values (an "alias bomb"),
or for itself (`a: &a [*a]`), so the values built are counted and nesting is limited.
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
SURROGATE = re.compile("[\ud800-\udfff]")
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUES = {"true", "True", "TRUE"}
MAX_DEPTH = 64  # peerready's documents nest 6 deep; JSON's and YAML's parsers allow 1,000
# Points, sizes and counts in peerready's documents are far smaller; larger numbers overflow the
# arithmetic of scores (1e308 points) or are refused by Python itself (integers of 4,300 digits).
MAX_NUMBER = 10**15
EXTRA_VALUES = 10_000  # a document holds fewer values than characters, but for its aliases
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
    builder = _Builder(positions, budget=len(text) + EXTRA_VALUES)
    return builder.build(node, ()), positions


def _line_col(mark: yaml.Mark | None) -> tuple[int | None, int | None]:
    if mark is None:
        return None, None
    return mark.line + 1, mark.column + 1


class _Builder:
    """Plain data from a node tree, with every value's position, within the limits."""

    def __init__(self, positions: Positions, budget: int) -> None:
        self.positions = positions
        self.budget = budget  # values still allowed
        self.open: set[int] = set()  # the collections being built: a node inside itself is a loop

    def build(self, node: yaml.Node, path: Path) -> Any:
        self.positions.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        self.budget -= 1
        if self.budget < 0:
            raise _refused(node, (), "the document expands to too many values through its aliases (*name)")
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node, path)
        if len(path) >= MAX_DEPTH:
            raise _refused(node, (), f"nested more than {MAX_DEPTH} levels deep")
        if id(node) in self.open:
            raise _refused(node, (), "an alias (*name) refers to the value that contains it")
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, path)
            assert isinstance(node, yaml.SequenceNode)
            return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        finally:
            self.open.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self.build(key_node, (*path, "<key>"))
            if not isinstance(key, str | int | float | bool):
                raise _refused(key_node, path, "mapping keys must be plain text")
            key = str(key)
            if key in result:
                raise _refused(key_node, (*path, key), f"duplicate key '{key}'")
            result[key] = self.build(value_node, (*path, key))
        self.positions.marks.pop((*path, "<key>"), None)  # an empty mapping has no keys
        return result


def _refused(node: yaml.Node, path: Path, message: str) -> YamlSyntaxError:
    return YamlSyntaxError(Problem(_dotted(path), message, *_line_col(node.start_mark)))


def _scalar(node: yaml.ScalarNode, path: Path) -> Any:
    value: str = node.value
    if node.style:  # quoted or a block scalar: always text (the C parser marks plain as '')
        return _text(value, node, path)
    if value in _NULLS:
        return None
    if value in _TRUES:
        return True
    if value in _FALSES:
        return False
    if _INT.match(value) or _FLOAT.match(value):
        number = plain_number(value)
        if number is None:
            raise _refused(node, path, f"the number {value[:20]}{'…' * (len(value) > 20)} is too large")
        return number
    return _text(value, node, path)


def plain_number(text: str) -> int | float | None:
    """An integer or a float of at most MAX_NUMBER in size, or None."""
    if _INT.match(text):
        if len(text.lstrip("+-0")) > len(str(MAX_NUMBER)):
            return None
        number: int | float = int(text)
    else:
        number = float(text)
    return number if abs(number) <= MAX_NUMBER else None


def _text(value: str, node: yaml.ScalarNode, path: Path) -> str:
    if not value.isascii() and SURROGATE.search(value):  # from an escape such as "\ud800"
        raise _refused(node, path, "text with a lone surrogate (an invalid \\u escape)")
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
