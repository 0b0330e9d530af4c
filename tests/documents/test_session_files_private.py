"""Session files hold people's answers: readable by their owner only, whatever the umask; other
outputs follow the umask (see tests/test_fileio.py)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from peerready.documents.sessions import create_session, load_session, save_session
from tests.conftest import DATA


def test_new_and_saved_sessions_are_private_with_a_shared_umask(tmp_path: Path) -> None:
    session = load_session(DATA / "sessions" / "individual.json")
    old = os.umask(0o022)
    try:
        create_session(session, tmp_path / "created.json")
        save_session(session, tmp_path / "saved.json")
    finally:
        os.umask(old)
    for name in ("created.json", "saved.json"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name
