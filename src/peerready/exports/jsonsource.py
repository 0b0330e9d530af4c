"""JSON exports: an array of answer objects, or JSON lines (one object per line).

Read in two streaming passes: the first collects the keys (the "header"), the second turns
each object into a row. Objects are decoded one at a time from a bounded buffer, so memory
stays flat however many there are.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from peerready.documents.yamldoc import SURROGATE
from peerready.errors import InputError
from peerready.exports.sniff import Undecodable
from peerready.exports.source import CHUNK_ROWS, Chunk, ExportReader, stringify

READ = 1 << 16
MAX_OBJECT = 1 << 22  # one answer object larger than 4 MB is not an answer object
_DECODER = json.JSONDecoder()
_SPACE = " \t\r\n\ufeff"


def objects(path: Path, encoding: str) -> Iterator[tuple[int, Any]]:
    """(line, value) for each element of a top-level array, or each value of JSON lines."""
    with path.open(encoding=encoding) as handle:
        buffer, line, at_start, in_array = "", 1, True, False
        while True:
            try:
                chunk = handle.read(READ)
            except UnicodeDecodeError as exc:
                raise Undecodable(path, exc) from None
            buffer += chunk
            position = 0
            while True:
                skipped = _skip(buffer, position, in_array)
                line += buffer.count("\n", position, skipped)
                position = skipped
                if at_start and position < len(buffer):
                    at_start = False
                    if buffer[position] == "[":
                        in_array, position = True, position + 1
                        continue
                if position >= len(buffer) or (in_array and buffer[position] == "]"):
                    break
                try:
                    value, end = _DECODER.raw_decode(buffer, position)
                except json.JSONDecodeError as exc:
                    if chunk and len(buffer) - position < MAX_OBJECT:
                        break  # maybe cut off by the read: read more, then try again
                    raise _invalid(
                        path, line + buffer.count("\n", position, exc.pos), exc, bool(chunk)
                    ) from None
                except (RecursionError, ValueError) as exc:  # nesting, or an integer of 4,300 digits
                    what = "nested too deeply" if isinstance(exc, RecursionError) else "a number too long"
                    raise InputError(f"{path}:{line}: invalid JSON: {what}") from None
                yield line, value
                line += buffer.count("\n", position, end)
                position = end
            buffer = buffer[position:]
            if not chunk:
                if buffer.strip(_SPACE + "]"):
                    raise InputError(f"{path}:{line}: invalid JSON: unexpected text at the end")
                return


def _invalid(path: Path, line: int, error: json.JSONDecodeError, cut: bool) -> InputError:
    """Invalid JSON, or (when the text was cut off by the bound on one object) an object too large."""
    if cut and (error.pos >= len(error.doc) - 1 or error.msg.startswith("Unterminated string")):
        return InputError(
            f"{path}:{line}: an answer object larger than {MAX_OBJECT >> 20} MB; "
            "one respondent's answers are never that large"
        )
    return InputError(f"{path}:{line}: invalid JSON: {error.msg}")


def _skip(text: str, position: int, in_array: bool) -> int:
    while position < len(text) and (text[position] in _SPACE or (in_array and text[position] == ",")):
        position += 1
    return position


def open_json(path: Path, encoding: str) -> ExportReader:
    keys: dict[str, None] = {}
    count = 0
    for line, value in objects(path, encoding):
        count += 1
        if not isinstance(value, dict):
            raise InputError(
                f'{path}:{line}: expected an answer object {{"item": answer, …}}, found {_kind(value)}'
            )
        keys.update(dict.fromkeys(value))
    if not count:
        raise InputError(f"{path}: no answer objects in the file")
    header = list(keys)

    def chunks() -> Iterator[Chunk]:
        stream = objects(path, encoding)
        done = 0
        while batch := list(islice(stream, CHUNK_ROWS)):
            done += len(batch)
            lines = [line for line, _ in batch]
            rows = [[_cell(obj.get(key)) for key in header] for _, obj in batch]
            yield Chunk(rows, _fixed(lines), done)

    return ExportReader(
        label=str(path),
        kind="json",
        header=header,
        chunks=chunks(),
        total=count,
        where=lambda _position, column: f"field '{header[column]}'",
        encoding=encoding,
    )


def _fixed(lines: list[int]) -> Callable[[], list[int]]:
    return lambda: lines


def _cell(value: Any) -> str:
    """A value as a cell's text; a structure, true or false, or text with a lone surrogate is
    marked (\\x00) as never an answer, never an id, and reported as such."""
    if isinstance(value, dict | list | bool):
        return "\x00" + json.dumps(value)[:40]
    if isinstance(value, str) and not value.isascii() and SURROGATE.search(value):
        return "\x00" + json.dumps(value)[:40]  # escaped: no output could hold it as it is
    return stringify(value)


def _kind(value: Any) -> str:
    return {list: "a list", str: "a text", int: "a number", float: "a number"}.get(type(value), "a value")
