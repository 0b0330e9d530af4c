"""Session files: reading and saving a session, and checking it against its questionnaire's version."""

from __future__ import annotations

import os
from pathlib import Path

from peerready.documents.loader import parse_document, read_text, validate
from peerready.errors import InputError
from peerready.fileio import write_atomic
from peerready.model.questionnaire import Questionnaire
from peerready.model.session import Session


def load_session(path: Path) -> Session:
    return validate(parse_document(read_text(path), str(path)), Session)


def session_json(session: Session) -> str:
    # pydantic's own serialiser writes the same text as json.dumps(model_dump(), indent=2,
    # ensure_ascii=False), ten times faster: it is on the path from an answer to the next prompt.
    return session.model_dump_json(indent=2) + "\n"


def save_session(session: Session, path: Path) -> None:
    write_atomic(path, session_json(session), private=True)  # people's answers


def create_session(session: Session, path: Path) -> None:
    """Save a new session to `path` only if nothing is there yet: written beside it, then linked
    into place, which fails if another run created the file first (its answers stay intact)."""
    folder = path.parent if str(path.parent) else Path()
    temp = folder / f".{path.name}.{os.getpid()}.new"
    text = session_json(session)
    write_atomic(temp, text, private=True)  # people's answers: the linked file is this one
    try:
        os.link(temp, path)
    except FileExistsError:
        raise InputError(f"{path}: another assessment created this file meanwhile; start again") from None
    except OSError:  # no hard links here (a FAT-formatted USB stick): create it exclusively instead
        _create_exclusively(path, text)
    finally:
        temp.unlink(missing_ok=True)


def _create_exclusively(path: Path, text: str) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise InputError(f"{path}: another assessment created this file meanwhile; start again") from None
    except OSError as exc:
        raise InputError(f"{path}: could not create: {exc.strerror or exc}") from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(text.encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())


class SessionMismatch(InputError):
    """The session was answered on another version of the questionnaire."""


def compare_versions(session: Session, questionnaire: Questionnaire) -> list[str]:
    """What differs between the questionnaire the answers were given on and this one."""
    ref = session.questionnaire
    if ref.id != questionnaire.id:
        return [f"the session is for questionnaire '{ref.id}', not '{questionnaire.id}'"]
    if ref.hash == questionnaire.content_hash() and ref.version == questionnaire.version:
        return []
    changes = [f"version {ref.version} → {questionnaire.version}"]
    if not ref.items:
        return [*changes, "the content differs (the session records no per-item fingerprints)"]
    now = questionnaire.item_fingerprints()
    removed = sorted(set(ref.items) - set(now))
    added = sorted(set(now) - set(ref.items))
    changed = sorted(i for i in set(ref.items) & set(now) if ref.items[i] != now[i])
    if removed:
        changes.append(f"removed items: {', '.join(removed)}")
    if added:
        changes.append(f"new items: {', '.join(added)}")
    if changed:
        changes.append(f"items whose text or options changed: {', '.join(changed)}")
    if len(changes) == 1:
        changes.append("no item changed; other content (bands, guidance, rules) did")
    return changes


def check_version(session: Session, questionnaire: Questionnaire, *, allow_mismatch: bool) -> list[str]:
    """Refuse answers from another questionnaire version unless allowed; then return the changes."""
    changes = compare_versions(session, questionnaire)
    if not changes:
        return []
    if session.questionnaire.id != questionnaire.id:
        raise SessionMismatch(changes[0])
    if not allow_mismatch:
        raise SessionMismatch(
            f"the session was answered on '{questionnaire.id}' {session.questionnaire.version}, "
            f"but this is {questionnaire.version} ({'; '.join(changes[1:])}); "
            "use --allow-version-mismatch to score it anyway"
        )
    return changes
