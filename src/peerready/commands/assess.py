"""`peerready assess`: the interactive assessment a working group runs together in a meeting.

Every answer is saved (atomically) before the next prompt appears; Ctrl-C pauses with the
exact command to carry on; the end is a summary and the offer to write the report.
"""

from __future__ import annotations

import datetime as dt
import importlib
import shlex
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from rich.console import RenderableType
from rich.text import Text

from peerready import resources
from peerready.documents.loader import load_instrument, looks_like_path
from peerready.documents.sessions import compare_versions, load_session, save_session
from peerready.errors import EXIT_INTERRUPTED, EXIT_OK, InputError, PeerreadyError, UsageError
from peerready.i18n import Lang, format_date
from peerready.meeting.flow import Assessment
from peerready.meeting.prompts import Asker, TextPrompt
from peerready.meeting.setup import ask_setup, ask_yes_no, free_path, session_file_name
from peerready.meeting.steps import new_session, open_items, stamped
from peerready.meeting.texts import counted, text
from peerready.meeting.view import banner_view
from peerready.model.instrument import Instrument
from peerready.model.session import Mode, Session
from peerready.output import console
from peerready.output.terminal import score_view
from peerready.room.options import RoomOptions
from peerready.scoring.score import score_session

Clock = Callable[[], dt.datetime]


class WriteReport(Protocol):  # peerready.commands.report.write_report
    def __call__(
        self, session_path: Path, output: Path, lang: Lang, *, questionnaire: str | None = None
    ) -> None: ...


NO_TERMINAL = (
    "peerready assess needs an interactive terminal (stdin and stdout are not one); "
    "to score a session file use 'peerready score FILE', and for survey exports from many "
    "respondents 'peerready score EXPORT --questionnaire ID'"
)


def local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


@dataclass
class Meeting:
    """Where the assessment is saved and the last session saved there."""

    path: Path
    clock: Clock
    session: Session

    def store(self, session: Session) -> None:
        self.session = stamped(session, self.clock())
        save_session(self.session, self.path)


def assess(
    *,
    questionnaire: str | None,
    lang: Lang | None,
    session_file: Path | None,
    resume: Path | None,
    asker: Asker | None = None,
    clock: Clock = local_now,
    room: RoomOptions | None = None,
) -> int:
    if room is not None:  # a wrong --host is said before the set-up, not after it
        from peerready.room.network import resolve_host

        room = resolve_host(room)
    if asker is None:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise InputError(NO_TERMINAL)
        from peerready.meeting.terminal import TerminalAsker

        asker = TerminalAsker()
    if resume is not None and session_file is not None:
        raise UsageError("--resume continues the session in its own file; leave out --session")
    if session_file is not None and session_file.exists():
        raise UsageError(
            f"{session_file} already exists; carry on with it with "
            f"'peerready assess --resume {shlex.quote(str(session_file))}' or choose another --session"
        )
    meeting: Meeting | None = None
    try:
        if resume is not None:
            path, session, resumed = resume, load_session(resume), True
            instrument = load_instrument(_questionnaire_of(resume, session, questionnaire))
            check_resumable(resume, session, instrument)
            lang = lang or session.language
        else:
            instrument = load_instrument(questionnaire or resources.DEFAULT_QUESTIONNAIRE)
            lang = lang or console.locale_language()
            mode: Mode | None = "individual" if room is not None else None  # a room: everyone votes
            path, session, resumed = _start(instrument, lang, asker, session_file, clock, mode)
        meeting = Meeting(path, clock, session)
        if not resumed:
            meeting.store(session)  # the file exists from the start, at the path shown
        greeting = _where(session, path, instrument, lang, resumed=resumed)
        if room is None:
            session = Assessment(instrument, session, lang, asker, meeting.store, _show, greeting).run()
        else:  # the web server is loaded only now
            from peerready.room.run import MeetingParts, run_room

            parts = MeetingParts(instrument, session, lang, asker, meeting.store, _show, greeting, path)
            session = run_room(parts, room)
    except (KeyboardInterrupt, EOFError):
        _pause(meeting, questionnaire, lang or console.locale_language(), room)
        return EXIT_INTERRUPTED
    return _finish(instrument, session, meeting.path, lang, asker, questionnaire)


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
    instrument: Instrument, lang: Lang, asker: Asker, chosen: Path | None, clock: Clock, mode: Mode | None
) -> tuple[Path, Session, bool]:
    """A new session and where to save it; or today's session for the same organisation, to carry on."""
    q = instrument.questionnaire
    counts = counted("items_count", len(q.domains), lang, items=len(q.all_items), domains=len(q.domains))
    _show(banner_view(q.title.get(lang), counts, lang))
    setup = ask_setup(asker, lang, clock().date(), _echo, mode=mode)
    path = chosen or Path(session_file_name(setup.organisation, setup.date))
    if chosen is None and path.exists():
        message = text("exists", lang, organisation=setup.organisation, path=path)
        if ask_yes_no(asker, message, lang, default=True):
            session = load_session(path)
            check_resumable(path, session, instrument)
            return path, session, True
        path = free_path(path)
    session = new_session(
        q,
        organisation=setup.organisation,
        date=setup.date,
        language=lang,
        mode=setup.mode,
        respondents=setup.respondents,
        now=clock(),
    )
    return path, session, False


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


def _pause(meeting: Meeting | None, questionnaire: str | None, lang: Lang, room: RoomOptions | None) -> None:
    out = console.out()
    if meeting is None:
        out.print(Text(text("not_started", lang)))
        return
    # Saved again in case the interrupt cut the last save short (the old file is intact then).
    save_session(meeting.session, meeting.path)
    command = f"peerready assess --resume {shlex.quote(str(meeting.path))}"
    if questionnaire and looks_like_path(questionnaire):
        command += f" --questionnaire {shlex.quote(questionnaire)}"
    if room is not None:
        command += room.flags()
    out.print()
    out.print(Text(text("interrupted", lang, path=meeting.path), style="heading"))
    out.print(Text(text("resume_with", lang)))
    out.print(Text(f"  {command}", style="bold"), soft_wrap=True)  # copy-pasteable: never broken


def _finish(
    instrument: Instrument, session: Session, path: Path, lang: Lang, asker: Asker, questionnaire: str | None
) -> int:
    result = score_session(instrument, session, label=str(path))
    _show(score_view(result, instrument, lang))
    console.out().print()
    console.out().print(Text(text("finished", lang, path=path)))
    return offer_report(path, lang, asker, questionnaire)


def offer_report(path: Path, lang: Lang, asker: Asker, questionnaire: str | None = None) -> int:
    """Write the report now if the group wants it; otherwise say how to write it later.

    A session answered on a questionnaire file (not a bundled one) needs that file again."""
    own_file = questionnaire if questionnaire and looks_like_path(questionnaire) else None
    output = path.with_suffix(".pdf")
    try:
        return _write_report_now(path, output, lang, asker, own_file)
    except (KeyboardInterrupt, EOFError):  # the assessment is saved and finished; only the report waits
        _tell_later(_report_command(path, output, own_file), lang)
        return EXIT_INTERRUPTED


def _report_command(path: Path, output: Path, questionnaire: str | None) -> str:
    command = f"peerready report {shlex.quote(str(path))} -o {shlex.quote(str(output))}"
    return command + (f" --questionnaire {shlex.quote(questionnaire)}" if questionnaire else "")


def _write_report_now(path: Path, output: Path, lang: Lang, asker: Asker, questionnaire: str | None) -> int:
    write_report = _report_writer()
    if write_report is None or not ask_yes_no(asker, text("offer_report", lang), lang, default=True):
        _tell_later(_report_command(path, output, questionnaire), lang)
        return EXIT_OK
    chosen = asker.text(TextPrompt(text("report_file", lang), default=str(output)))
    if isinstance(chosen, str) and chosen.strip():
        output = Path(chosen.strip())
    try:
        write_report(path, output, lang, questionnaire=questionnaire)
    except PeerreadyError as exc:
        console.error(str(exc))
        _tell_later(_report_command(path, output, questionnaire), lang)
        return exc.exit_code
    console.out().print(Text(text("report_written", lang, path=output), style="ok"))
    return EXIT_OK


def _report_writer() -> WriteReport | None:
    """The report command's writer, imported only now: it is heavy, and it may not be installed."""
    try:
        module = importlib.import_module("peerready.commands.report")
    except ImportError:
        return None
    writer: WriteReport | None = getattr(module, "write_report", None)
    return writer


def _tell_later(command: str, lang: Lang) -> None:
    console.out().print(Text(text("report_later", lang)))
    console.out().print(Text(f"  {command}", style="bold"), soft_wrap=True)  # copy-pasteable: never broken


def _show(renderable: RenderableType) -> None:
    """A fresh screen for each step: one thing at a time on the wall."""
    out = console.out()
    out.clear()
    out.print(renderable)


def _echo(label: str, value: str) -> None:
    console.out().print(Text.assemble(("✓ ", "ok"), (f"{label}: ", "heading"), value))
