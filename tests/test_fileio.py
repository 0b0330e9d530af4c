"""Output files are written atomically: a reader sees the old file or the new one, never half."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from peerready import fileio
from peerready.errors import InputError


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    fileio.write_atomic(target, "første")
    fileio.write_atomic(target, "anden – æøå")
    assert target.read_text(encoding="utf-8") == "anden – æøå"
    assert list(tmp_path.iterdir()) == [target]


def test_new_private_files_are_readable_by_the_owner_only(tmp_path: Path) -> None:
    fileio.write_atomic(tmp_path / "answers.json", "{}")
    assert stat.S_IMODE((tmp_path / "answers.json").stat().st_mode) == 0o600


def test_shared_files_follow_the_umask_and_existing_files_keep_their_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        fileio.write_atomic(tmp_path / "report.pdf", b"%PDF", private=False)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "report.pdf").stat().st_mode) == 0o644
    (tmp_path / "report.pdf").chmod(0o640)
    fileio.write_atomic(tmp_path / "report.pdf", b"%PDF-2")
    assert stat.S_IMODE((tmp_path / "report.pdf").stat().st_mode) == 0o640


def test_a_failure_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "session.json"
    target.write_text("old", encoding="utf-8")

    def full_disk(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)  # fileio calls os.fsync
    with pytest.raises(InputError, match="could not write: No space left on device"):
        fileio.write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert list(tmp_path.iterdir()) == [target]


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        fileio.write_atomic(tmp_path / "nowhere" / "x.json", "{}")


def test_a_folder_in_the_way_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "x.json").mkdir()
    with pytest.raises(InputError, match="is a folder"):
        fileio.write_atomic(tmp_path / "x.json", "{}")
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]
