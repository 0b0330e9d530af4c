"""One `peerready assess` at a time per session file: a lock held for the whole run.

The lock is an flock on a small file beside the session (`.<name>.lock`), so the system frees it
when the process ends in any way, kill -9 included; a lock file left behind locks nothing. The
file says who holds the lock, for the message a second run gives.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import getpass
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from peerready.errors import InputError


class SessionInUse(InputError):
    """Another run holds the session's lock."""


@dataclass
class SessionLock:
    path: Path  # the lock file
    fd: int

    def release(self) -> None:
        """Remove the lock file while still holding it, then let go."""
        if self.fd < 0:
            return
        with contextlib.suppress(OSError):
            if self.path.stat().st_ino == os.fstat(self.fd).st_ino:
                self.path.unlink()
        os.close(self.fd)
        self.fd = -1


def lock_path(session_path: Path) -> Path:
    return session_path.with_name(f".{session_path.name}.lock")


def lock_session(session_path: Path, now: dt.datetime) -> SessionLock:
    """Take the session's lock, or say who has it (exit 2). The folder must exist."""
    path = lock_path(session_path)
    while True:
        fd = _open(path, session_path)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = _holder(fd) if isinstance(exc, BlockingIOError) else None
            os.close(fd)
            if holder is None:  # a file system without locks: say so rather than risk two writers
                raise InputError(
                    f"{session_path}: cannot lock the session here ({exc.strerror or exc}); "
                    "keep sessions on a local disk"
                ) from None
            raise SessionInUse(
                f"{session_path}: open in another 'peerready assess'{holder}; "
                "carry on there, or end that run first"
            ) from None
        try:
            same = path.stat().st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:  # not a lock file that its last holder removed while we waited to open it
            break
        os.close(fd)
    _write_holder(fd, now)
    return SessionLock(path, fd)


def _open(path: Path, session_path: Path) -> int:
    folder = path.parent
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except FileNotFoundError:
        raise InputError(f"{session_path}: folder {folder} does not exist") from None
    except PermissionError:
        raise InputError(f"{session_path}: cannot write in {folder} (permission denied)") from None
    except NotADirectoryError:
        raise InputError(f"{session_path}: {folder} is not a folder") from None


def _write_holder(fd: int, now: dt.datetime) -> None:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name for this uid (containers)
        user = str(os.getuid())
    line = f"{user}@{socket.gethostname()} pid {os.getpid()} since {now.isoformat(timespec='seconds')}\n"
    os.ftruncate(fd, 0)
    os.pwrite(fd, line.encode("utf-8"), 0)


def _holder(fd: int) -> str:
    """' (anna@laptop, process 4711, since 10:05)', or '' when the lock file does not say."""
    try:
        words = os.pread(fd, 300, 0).decode("utf-8", "replace").split()
    except OSError:
        return ""
    if len(words) != 5 or words[1] != "pid" or words[3] != "since":
        return ""
    try:
        since = dt.datetime.fromisoformat(words[4])
    except ValueError:
        return ""
    return f" ({words[0]}, process {words[2]}, since {since:%Y-%m-%d %H:%M})"
