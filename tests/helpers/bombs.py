"""Large hostile inputs, made at test time (too large, or too silly, to keep in the repository):
each function writes one into a folder and returns its path; CASES pairs it with what the
command must say (see tests/test_malformed.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.conftest import DATA

Make = Callable[[Path], Path]
CASES: dict[str, tuple[Make, dict[str, Any]]] = {}


def case(command: str, message: str, exit: int = 2, **extra: Any) -> Callable[[Make], Make]:
    def register(make: Make) -> Make:
        CASES[make.__name__] = (make, {"command": command, "message": message, "exit": exit, **extra})
        return make

    return register


def _session() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "sessions" / "individual.json").read_text(encoding="utf-8"))
    return data


@case("validate {file}", "{file}:1:34: the document expands to too many values through its aliases (*name)")
def yaml_alias_bomb_of_a_billion(folder: Path) -> Path:
    """Ten levels of ten: 10¹⁰ values from 500 bytes."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 10)]
    path = folder / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
