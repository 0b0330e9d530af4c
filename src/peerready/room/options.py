"""How the facilitator asked for the room (`--room`, `--host`, `--port`, `--all-interfaces`).

Light on purpose: the assess command reads it without loading the web server."""

from __future__ import annotations

import shlex
from dataclasses import dataclass


@dataclass(frozen=True)
class RoomOptions:
    host: str | None = None  # default: the laptop's address on its network
    port: int | None = None  # default: the port the room had before, else a free one
    all_interfaces: bool = False

    def flags(self) -> str:
        """The options again, for the command that resumes the meeting."""
        flags = " --room"
        if self.host is not None:
            flags += f" --host {shlex.quote(self.host)}"
        if self.port is not None:
            flags += f" --port {self.port}"
        if self.all_interfaces:
            flags += " --all-interfaces"
        return flags
