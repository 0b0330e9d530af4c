"""A scripted facilitator's keyboard for the room's waiting screens."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

KeyStep = str | None | Callable[[], "str | None"]


@dataclass
class ScriptedKeys:
    """Each read takes the next step: a key, None (nothing pressed), or a function that acts
    (phones voting, say) and returns the key pressed after it."""

    script: list[KeyStep]
    read_count: int = field(default=0)

    def read(self, timeout: float, wake: int) -> str | None:
        self.read_count += 1
        assert self.script, "the facilitator's key script ran out"
        step = self.script.pop(0)
        return step() if callable(step) else step
