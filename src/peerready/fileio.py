"""Writing files so that a crash or a full disk never leaves half a file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from peerready.errors import InputError


def write_atomic(path: Path, data: bytes | str, *, private: bool = True) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename it over `path`.

    A reader sees the old file or the new one, never a mixture; after a crash at most the
    temporary file is left (named .<name>.*.tmp). A new private file is readable by its
    owner only, as people's answers are sensitive; an existing file keeps its mode.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with open_atomic(path, private=private) as handle:
        handle.write(payload)


@contextlib.contextmanager
def open_atomic(path: Path, *, private: bool = True) -> Iterator[BinaryIO]:
    """A file to write in pieces (e.g. streamed rows) that appears at `path` only when complete,
    as `write_atomic` writes; if the block fails, `path` is left as it was."""
    folder = path.parent if str(path.parent) else Path()
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise InputError(f"{path}: folder {folder} does not exist") from None
    except PermissionError:
        raise InputError(f"{path}: cannot write in {folder} (permission denied)") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _set_mode(path, temp_name, private)
        Path(temp_name).replace(path)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            Path(temp_name).unlink()
        if isinstance(exc, IsADirectoryError):
            raise InputError(f"{path}: is a folder, expected a file") from None
        if isinstance(exc, OSError) and not isinstance(exc, InputError):
            raise InputError(f"{path}: could not write: {exc.strerror or exc}") from None
        raise
    _sync_folder(folder)


def _set_mode(path: Path, temp_name: str, private: bool) -> None:
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        if private:
            return  # mkstemp already made it 0600
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    Path(temp_name).chmod(mode)


def _sync_folder(folder: Path) -> None:
    # The rename is only durable once the folder entry is on disk.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)
