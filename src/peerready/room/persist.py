"""What a room keeps beside its session file, so that a paused or crashed meeting resumes with the
same address and join code and each phone keeps its seat: `.NAME.room`, private to the user,
written atomically. Phones' tokens are kept only as digests."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from peerready.fileio import write_atomic
from peerready.room.codes import CODE_SHAPE, new_join_code, new_token

ROOM_FORMAT = "peerready-room/1"


class _Stored(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: str = ROOM_FORMAT
    code: str = Field(pattern=CODE_SHAPE.pattern)
    projector: str = Field(min_length=32, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")
    port: int = Field(ge=1, le=65535)
    seats: dict[str, str] = Field(default_factory=dict, description="token digest → seat")


@dataclass
class RoomRecord:
    """The room's lasting secrets and where it listened."""

    code: str
    projector: str
    port: int | None = None
    seats: dict[str, str] = field(default_factory=dict)


def record_path(session_path: Path) -> Path:
    return session_path.with_name(f".{session_path.name}.room")


def new_record() -> RoomRecord:
    return RoomRecord(code=new_join_code(), projector=new_token())


def load_record(session_path: Path) -> RoomRecord | None:
    """The room this session had, or None (none yet, or a file that cannot be one: start afresh)."""
    path = record_path(session_path)
    try:
        stored = _Stored.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError):
        return None
    if stored.format != ROOM_FORMAT:
        return None
    return RoomRecord(stored.code, stored.projector, stored.port, dict(stored.seats))


def save_record(session_path: Path, record: RoomRecord) -> None:
    if record.port is None:
        raise ValueError("a room is saved once it listens on a port")
    stored = _Stored(code=record.code, projector=record.projector, port=record.port, seats=record.seats)
    write_atomic(record_path(session_path), stored.model_dump_json(indent=2) + "\n", private=True)
