"""`peerready assess --room` on the command line: the web server is loaded only for a room, the
room's options are checked before anything is asked, and a room needs individual votes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from peerready.commands.assess import assess
from peerready.errors import UsageError
from peerready.room.options import RoomOptions
from tests.conftest import DATA, Run
from tests.helpers.scripted import ScriptedAsker

ROOM_MODULES = ("peerready.room.app", "peerready.room.run", "starlette", "uvicorn", "segno", "psutil")


def test_help_and_other_commands_do_not_load_the_room() -> None:
    code = (
        "import sys; from peerready.cli.main import main; main(['--help']); main(['assess', '--help']); "
        f"print(sorted(m for m in {ROOM_MODULES!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("[]")


def test_room_options_need_the_room(run: Callable[..., Run]) -> None:
    result = run("assess", "--port", "8765")
    assert result.code == 2
    assert "--host, --port and --all-interfaces go with --room" in result.err


def test_every_interface_is_refused_before_the_set_up(run: Callable[..., Run]) -> None:
    result = run("assess", "--room", "--host", "0.0.0.0")
    assert result.code == 2
    assert "--all-interfaces" in result.err
    assert "Traceback" not in result.err


def test_a_room_needs_individual_votes(tmp_path: Path) -> None:
    session = tmp_path / "consensus.json"
    shutil.copy(DATA / "sessions" / "consensus.json", session)
    with pytest.raises(UsageError, match="--room is for individual votes"):
        assess(
            questionnaire=str(DATA / "questionnaires" / "valid" / "basic.yaml"),
            lang="en",
            session_file=None,
            resume=session,
            asker=ScriptedAsker([]),
            room=RoomOptions(host="127.0.0.1"),
        )
