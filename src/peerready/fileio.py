"""Writing files so that a crash or a full disk never leaves half a file behind, and an output
never lands on an input or on a device.

A regular file (or a new path) is written beside itself and renamed into place. Anything else
given as an output is written as it is: `-` (standard output), a character device such as
/dev/null, a FIFO; renaming a file over those would replace the device itself.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from peerready.errors import InputError, UsageError
from peerready.locale import _

STDOUT = "-"


def write_atomic(path: Path, data: bytes | str, *, private: bool = False) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename it over `path`.

    A reader sees the old file or the new one, never a mixture; after a crash at most the
    temporary file is left (named .<name>.*.tmp). A new file follows the umask, or is readable
    by its owner only if `private` (people's answers); an existing file keeps its mode.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with open_atomic(path, private=private) as handle:
        handle.write(payload)


@contextlib.contextmanager
def open_atomic(path: Path, *, private: bool = False) -> Iterator[BinaryIO]:
    """A file to write in pieces (e.g. streamed rows) that appears at `path` only when complete,
    as `write_atomic` writes; if the block fails, `path` is left as it was. `-`, a character
    device or a FIFO is written directly, as it comes."""
    if str(path) == STDOUT:
        sys.stdout.flush()
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    if _is_stream(path):
        with _opening(path), path.open("wb") as stream:
            yield stream
        return
    target = _target(path)
    folder = target.parent if str(target.parent) else Path()
    temp_name = ""
    try:
        # Ctrl-C or SIGTERM between creating the temporary file and knowing its name would leave
        # it behind: they wait until the name is known, and come inside this `try`.
        with _signals_held(), _opening(path, folder):
            fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _set_mode(target, temp_name, private)
        Path(temp_name).replace(target)
    except BaseException as exc:
        if temp_name:
            with contextlib.suppress(FileNotFoundError):
                Path(temp_name).unlink()
        if isinstance(exc, IsADirectoryError):
            raise InputError(f"{path}: is a folder, expected a file") from None
        if isinstance(exc, OSError) and not isinstance(exc, InputError):
            raise InputError(f"{path}: could not write: {exc.strerror or exc}") from None
        raise
    _sync_folder(folder)


STOPPING_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Signals that stop the run are delivered after the block, not inside it."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not on Windows
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _is_stream(path: Path) -> bool:
    """A character device or a FIFO (also through a link): written to, never replaced."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return True
    if stat.S_ISDIR(mode):
        raise InputError(f"{path}: is a folder, expected a file")
    if not stat.S_ISREG(mode):
        raise InputError(f"{path}: is not a regular file (a socket or a block device); choose a file")
    return False


def _target(path: Path) -> Path:
    """The file a link points to, so that the link stays and its target gets the new content."""
    if not path.is_symlink():
        return path
    return Path(os.path.realpath(path))


@contextlib.contextmanager
def _opening(path: Path, folder: Path | None = None) -> Iterator[None]:
    try:
        yield
    except FileNotFoundError:
        missing = f"folder {folder} does not exist" if folder is not None else "no such file"
        raise InputError(f"{path}: {missing}") from None
    except PermissionError:
        where = f"in {folder} " if folder is not None else ""
        raise InputError(f"{path}: cannot write {where}(permission denied)") from None
    except OSError as exc:  # e.g. a read-only file system
        where = f"in {folder}" if folder is not None else "to it"
        raise InputError(f"{path}: cannot write {where}: {exc.strerror or exc}") from None


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


def refuse_overwriting(outputs: Mapping[str, Path | None], inputs: Iterable[Path | None]) -> None:
    """Refuse (exit 2, before any work) an output that is one of the inputs: the same file,
    also through a link or another name for it. `outputs`: option name → path."""
    given = [p for p in inputs if p is not None and str(p) != STDOUT]
    for option, output in outputs.items():
        if output is None or str(output) == STDOUT:
            continue
        for source in given:
            if _same_file(output, source):
                message = _(
                    "{option} {path} is the input file {source}: it would be overwritten; choose another name"
                )
                raise UsageError(message.format(option=option, path=output, source=source))
    named = [(o, p) for o, p in outputs.items() if p is not None and str(p) != STDOUT]
    for index, (option, output) in enumerate(named):
        for other, second in named[index + 1 :]:
            if (_same_file(output, second) or output.absolute() == second.absolute()) and not _is_stream(
                output
            ):
                message = _("{option} and {other} name the same file {path}; choose two")
                raise UsageError(message.format(option=option, other=other, path=output))


def _same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file (a missing path is no file: nothing to overwrite)."""
    try:
        return first.samefile(second)
    except OSError:
        return False
