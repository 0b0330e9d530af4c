"""Output files are written atomically: a reader sees the old file or the new one, never half."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from peerready import fileio
from peerready.errors import InputError, UsageError


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    fileio.write_atomic(target, "første")
    fileio.write_atomic(target, "anden – æøå")
    assert target.read_text(encoding="utf-8") == "anden – æøå"
    assert list(tmp_path.iterdir()) == [target]


def test_new_private_files_are_readable_by_the_owner_only(tmp_path: Path) -> None:
    fileio.write_atomic(tmp_path / "answers.json", "{}", private=True)
    assert stat.S_IMODE((tmp_path / "answers.json").stat().st_mode) == 0o600


def test_shared_files_follow_the_umask_and_existing_files_keep_their_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        fileio.write_atomic(tmp_path / "report.pdf", b"%PDF")
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


def test_a_character_device_is_written_to_not_replaced(tmp_path: Path) -> None:
    before = Path("/dev/null").stat()
    fileio.write_atomic(Path("/dev/null"), "results")
    with fileio.open_atomic(Path("/dev/null")) as handle:
        handle.write(b"rows")
    after = Path("/dev/null").stat()
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_a_link_to_a_device_stays_a_link(tmp_path: Path) -> None:
    link = tmp_path / "out"
    link.symlink_to("/dev/null")
    fileio.write_atomic(link, "results")
    assert link.is_symlink() and link.readlink() == Path("/dev/null")


def test_a_fifo_is_written_to_as_it_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader must be there before a writer
    try:
        fileio.write_atomic(fifo, "through the pipe")
        assert os.read(reader, 100) == b"through the pipe"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_a_dash_is_standard_output(capfdbinary) -> None:
    fileio.write_atomic(Path("-"), "to stdout\n")
    assert capfdbinary.readouterr().out == b"to stdout\n"


def test_a_link_to_a_file_keeps_the_link_and_replaces_its_target(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "session.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    link = tmp_path / "shared.json"
    link.symlink_to(target)
    fileio.write_atomic(link, "new")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["session.json"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in read-only folders")
def test_a_read_only_folder_is_an_input_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(InputError, match=r"cannot write in .*permission denied"):
            fileio.write_atomic(folder / "r.json", "{}")
    finally:
        folder.chmod(0o755)


def test_any_os_error_when_creating_the_temporary_file_is_an_input_error(tmp_path: Path, monkeypatch) -> None:
    def read_only_file_system(*_args: object, **_kwargs: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr("peerready.fileio.tempfile.mkstemp", read_only_file_system)
    with pytest.raises(InputError, match=r"cannot write in .*: Read-only file system"):
        fileio.write_atomic(tmp_path / "r.json", "{}")


def test_an_output_that_is_an_input_is_refused_also_through_links(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text("{}", encoding="utf-8")
    (tmp_path / "link.json").symlink_to(answers)
    os.link(answers, tmp_path / "hard.json")
    for output in (answers, tmp_path / "link.json", tmp_path / "hard.json", tmp_path / "." / "answers.json"):
        with pytest.raises(UsageError, match="is the input file"):
            fileio.refuse_overwriting({"--output": output}, [None, answers])
    fileio.refuse_overwriting({"--output": tmp_path / "new.json", "--respondents": None}, [answers])
    fileio.refuse_overwriting({"--output": Path("-")}, [answers, Path("-")])
    with pytest.raises(UsageError, match="name the same file"):
        fileio.refuse_overwriting({"--output": tmp_path / "x", "--respondents": tmp_path / "x"}, [answers])


def test_a_link_to_a_pipe_of_this_process_is_written_through(tmp_path: Path) -> None:
    """`-o out` where out → /proc/self/fd/1 and standard output is a pipe: the link stays."""
    reading, writing = os.pipe()
    try:
        link = tmp_path / "out"
        link.symlink_to(f"/proc/self/fd/{writing}")
        fileio.write_atomic(link, "through the link")
        assert os.read(reading, 100) == b"through the link"
        assert link.is_symlink()
    finally:
        os.close(reading)
        os.close(writing)
