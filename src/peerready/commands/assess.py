"""`peerready assess`: the interactive assessment a working group runs together in a meeting.

Every answer is saved (atomically) before the next prompt appears; the session file is locked for
the whole run, so a second run on it is refused; Ctrl-C (or a closed terminal) pauses with the
exact command to carry on; the end is a summary and the offer to write the report.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shlex
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text

from peerready import resources
from peerready.commands.assess_end import offer_report, page_through
from peerready.commands.assess_screen import Display
from peerready.documents.loader import load_instrument, looks_like_path
from peerready.documents.sessions import compare_versions, create_session, load_session, save_session
from peerready.errors import EXIT_INTERRUPTED, SIGNAL_EXIT_BASE, InputError, UsageError
from peerready.i18n import Lang, format_date
from peerready.meeting.flow import Assessment, local_now
from peerready.meeting.live import LiveMeeting
from peerready.meeting.lock import SessionLock, lock_session
from peerready.meeting.prompts import Asker
from peerready.meeting.setup import ask_participants, ask_who_when, ask_yes_no, free_path, session_file_name
from peerready.meeting.steps import new_session, open_items
from peerready.meeting.texts import counted, text
from peerready.meeting.view import banner_view
from peerready.model.instrument import Instrument
from peerready.model.session import Session
from peerready.output import console
from peerready.output.terminal import score_view, verdict_view
from peerready.room.options import RoomOptions
from peerready.scoring.score import score_session

Clock = Callable[[], dt.datetime]

NO_TERMINAL = (
    "peerready assess needs an interactive terminal (stdin and stdout are not one); "
    "to score a session file use 'peerready score FILE', and for survey exports from many "
    "respondents 'peerready score EXPORT --questionnaire ID'"
)


@dataclass
class Run:
    """One run of the command: where the session is saved, and its lock."""

    path: Path | None = None
    lock: SessionLock | None = None
    live: LiveMeeting | None = None
    room: RoomOptions | None = None  # --room: everyone votes from their own phone

    def take(self, path: Path, clock: Clock) -> None:
        if self.lock is not None and self.path != path:
            self.lock.release()
        if self.path != path or self.lock is None:
            self.lock = lock_session(path, clock())
        self.path = path


def assess(
    *,
    questionnaire: str | None,
    lang: Lang | None,
    session_file: Path | None,
    resume: Path | None,
    asker: Asker | None = None,
    clock: Clock = local_now,
    timer: dt.timedelta | None = None,
    large: bool | None = None,
    room: RoomOptions | None = None,
) -> int:
    if room is not None:  # a wrong --host is said before the set-up, not after it
        from peerready.room.network import resolve_host

        room = resolve_host(room)
    display = Display(large)
    if asker is None:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise InputError(NO_TERMINAL)
        from peerready.meeting.terminal import TerminalAsker

        asker = TerminalAsker(rows_used=lambda: display.rows)
    if resume is not None and session_file is not None:
        raise UsageError("--resume continues the session in its own file; leave out --session")
    run = Run(room=room)
    try:
        with _hang_up_is_a_pause() as stopped_by:
            code = _assess(run, questionnaire, lang, session_file, resume, asker, clock, timer, display)
        # paused by a signal: the shell's status for it, as every other command gives
        return SIGNAL_EXIT_BASE + stopped_by[0] if stopped_by and code == EXIT_INTERRUPTED else code
    finally:
        if run.lock is not None:
            run.lock.release()


def _assess(
    run: Run,
    questionnaire: str | None,
    lang: Lang | None,
    session_file: Path | None,
    resume: Path | None,
    asker: Asker,
    clock: Clock,
    timer: dt.timedelta | None,
    display: Display,
) -> int:
    if session_file is not None:
        run.take(session_file, clock)  # before the set-up: a missing folder or a second run stops here
        if session_file.exists():
            raise UsageError(
                f"{session_file} already exists; carry on with it with "
                f"'peerready assess --resume {shlex.quote(str(session_file))}' or choose another --session"
            )
    try:
        if resume is not None:
            path = resume.resolve() if resume.is_symlink() else resume  # a link: save to its file
            run.take(path, clock)
            session, resumed = load_session(path), True
            instrument = load_instrument(_questionnaire_of(resume, session, questionnaire))
            check_resumable(resume, session, instrument)
            lang = lang or session.language
        else:
            instrument = load_instrument(questionnaire or resources.DEFAULT_QUESTIONNAIRE)
            lang = lang or console.locale_language()
            path, session, resumed, notice = _start(
                run, instrument, lang, asker, session_file, clock, display
            )
        run.live = LiveMeeting(session, lambda s: save_session(s, path), clock)
        greeting = _where(session, path, instrument, lang, resumed=resumed)
        if not resumed:
            create_session(session, path)  # a new file, made only if no other run made it first
            greeting = f"{notice}\n{greeting}" if notice else greeting
        meeting = Assessment(
            instrument,
            session,
            lang,
            asker,
            lambda s: save_session(s, path),
            display.show,
            greeting,
            clock=clock,
            timer_length=timer,
            live=run.live,
            screen=display.screen,
        )
        if run.room is None:
            session = meeting.run()
        else:  # the web server is loaded only now
            from peerready.room.run import run_room

            session = run_room(meeting, path, run.room)
    except (KeyboardInterrupt, EOFError):
        _pause(run, questionnaire, lang or console.locale_language())
        return EXIT_INTERRUPTED
    return _finish(instrument, session, path, lang, asker, questionnaire)


@contextmanager
def _hang_up_is_a_pause() -> Iterator[list[int]]:
    """A closed terminal (SIGHUP) or SIGTERM pauses the meeting as Ctrl-C does: saved, unlocked.
    The list yielded gets the number of the signal that paused it."""
    stopped_by: list[int] = []

    def pause(number: int, _frame: object) -> None:
        stopped_by.append(number)
        raise KeyboardInterrupt

    previous = {s: signal.signal(s, pause) for s in (signal.SIGHUP, signal.SIGTERM)}
    try:
        yield stopped_by
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _questionnaire_of(path: Path, session: Session, given: str | None) -> str:
    ref = session.questionnaire.id
    if given is None and resources.read_bundled_questionnaire(ref) is None:
        raise InputError(
            f"{path}: answered on questionnaire '{ref}', which is not bundled; "
            "give its file with --questionnaire FILE"
        )
    return given or ref


def check_resumable(path: Path, session: Session, instrument: Instrument) -> None:
    """Refuse to carry on answering a session on another version of its questionnaire."""
    changes = compare_versions(session, instrument.questionnaire)
    if not changes:
        return
    ref, q = session.questionnaire, instrument.questionnaire
    what = changes[0] if ref.id != q.id else "; ".join(changes)
    raise InputError(
        f"{path}: cannot carry on with this session: it was started on '{ref.id}' {ref.version} "
        f"and this is '{q.id}' {q.version} ({what}). Score what was answered with "
        f"'peerready score {shlex.quote(str(path))} --allow-version-mismatch', or start a new assessment"
    )


def _start(
    run: Run,
    instrument: Instrument,
    lang: Lang,
    asker: Asker,
    chosen: Path | None,
    clock: Clock,
    display: Display,
) -> tuple[Path, Session, bool, str | None]:
    """A new session and where to save it; or the session for the same organisation and date, to
    carry on with, offered as soon as those two are known."""
    q = instrument.questionnaire
    counts = counted("items_count", len(q.domains), lang, items=len(q.all_items), domains=len(q.domains))
    display.show(banner_view(q.title.get(lang), counts, lang))
    who_when = ask_who_when(asker, lang, clock().date(), _echo)
    path, notice = chosen or Path(session_file_name(who_when.organisation, who_when.date)), None
    if chosen is None and path.exists():
        run.take(path, clock)  # the one that exists: nobody else may be carrying on with it now
        message = text("exists", lang, organisation=who_when.organisation, path=path)
        if ask_yes_no(asker, message, lang, default=True):
            session = load_session(path)
            check_resumable(path, session, instrument)
            return path, session, True, None
        old, path = path, free_path(path)
        notice = text("new_file", lang, organisation=who_when.organisation, old=old, path=path)
        _echo(text("saving", lang), str(path))
    run.take(path, clock)
    setup = ask_participants(asker, lang, who_when, _echo, q.roles, room=run.room is not None)
    session = new_session(
        q,
        organisation=setup.organisation,
        date=setup.date,
        language=lang,
        mode=setup.mode,
        respondents=setup.respondents,
        roles=setup.roles,
        now=clock(),
    )
    return path, session, False, notice


def _where(session: Session, path: Path, instrument: Instrument, lang: Lang, *, resumed: bool) -> str:
    """Where the answers are saved, and on resuming, how far the group had come."""
    saving = text("saving_to", lang, path=path)
    if resumed:
        total = len(instrument.questionnaire.all_items)
        answered = total - len(open_items(session, instrument.questionnaire))
        line = text(
            "resuming",
            lang,
            organisation=session.organisation,
            date=format_date(session.date, lang),
            answered=answered,
            total=total,
        )
        return f"{line}\n{saving}"
    return saving


def _pause(run: Run, questionnaire: str | None, lang: Lang) -> None:
    out = console.out()
    if run.live is None or run.path is None:
        out.print(Text(text("not_started", lang)))
        return
    if run.path.exists():
        # Saved again in case the interrupt cut the last save short (the old file is intact then).
        run.live.save()
    command = f"peerready assess --resume {shlex.quote(str(run.path))}"
    if questionnaire and looks_like_path(questionnaire):
        command += f" --questionnaire {shlex.quote(questionnaire)}"
    command += run.room.flags() if run.room is not None else ""
    out.print()
    out.print(Text(text("interrupted", lang, path=run.path), style="heading"))
    out.print(Text(text("resume_with", lang)))
    out.print(Text(f"  {command}", style="bold"), soft_wrap=True)  # copy-pasteable: never broken


def _finish(
    instrument: Instrument, session: Session, path: Path, lang: Lang, asker: Asker, questionnaire: str | None
) -> int:
    result = score_session(instrument, session, label=str(path))
    summary, verdict = score_view(result, instrument, lang), verdict_view(result, instrument, lang)
    with contextlib.suppress(KeyboardInterrupt, EOFError):  # past the summary: the report offer follows
        page_through(summary, verdict, asker, lang)
    console.out().print()
    console.out().print(Text(text("finished", lang, path=path)))
    return offer_report(path, lang, asker, questionnaire)


def _echo(label: str, value: str) -> None:
    console.out().print(Text.assemble(("✓ ", "ok"), (f"{label}: ", "heading"), value))
