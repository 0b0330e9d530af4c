"""Simulated phones for tests: HTTP clients that join a room on 127.0.0.1 and vote, as the
room's own page does (same form fields, same Origin, the seat cookie kept)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

import httpx


def room_address(session_path: Path) -> tuple[str, str, str]:
    """The origin, join code and projector key a running room keeps beside its session file."""
    record = json.loads(session_path.with_name(f".{session_path.name}.room").read_text(encoding="utf-8"))
    return f"http://127.0.0.1:{record['port']}", record["code"], record["projector"]


class Phone:
    _open: ClassVar[list[Phone]] = []

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.client = httpx.Client(base_url=origin, headers={"Origin": origin}, timeout=10)
        Phone._open.append(self)

    @classmethod
    @contextmanager
    def closing(cls) -> Iterator[None]:
        """Every phone made inside is closed on the way out."""
        try:
            yield
        finally:
            while cls._open:
                cls._open.pop().close()

    def join(self, code: str, role: str = "") -> httpx.Response:
        return self.client.post("/j", data={"code": code, "role": role})

    def vote(self, item: str, round_: int, value: str, comment: str = "") -> httpx.Response:
        form = {"item": item, "round": str(round_), "value": value, "comment": comment}
        return self.client.post("/vote", data=form, headers={"Accept": "application/json"})

    def page(self) -> str:
        return self.client.get("/").text

    def close(self) -> None:
        self.client.close()
