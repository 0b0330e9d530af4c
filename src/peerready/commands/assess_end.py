"""The end of `peerready assess`: the summary a screen at a time (verdict first), then the offer
to write the report, with the verdict still on the screen and a spinner while the PDF renders."""

from __future__ import annotations

import importlib
import shlex
from pathlib import Path
from typing import Protocol

from rich.console import RenderableType
from rich.text import Text

from peerready.documents.loader import looks_like_path
from peerready.errors import EXIT_INTERRUPTED, EXIT_OK, PeerreadyError
from peerready.i18n import Lang
from peerready.meeting.prompts import Asker, Choice, ChoicePrompt, TextPrompt
from peerready.meeting.setup import ask_yes_no
from peerready.meeting.texts import text
from peerready.output import console


class WriteReport(Protocol):  # peerready.commands.report.write_report
    def __call__(
        self, session_path: Path, output: Path, lang: Lang, *, questionnaire: str | None = None
    ) -> None: ...


MORE = "more"


def page_through(summary: RenderableType, verdict: RenderableType, asker: Asker, lang: Lang) -> None:
    """The summary a screen at a time, Enter for the next; then the verdict again on top, so it is
    on the screen when the report is offered. A log or a pipe gets it whole."""
    out = console.out()
    lines = out.render_lines(summary, out.options.update(height=None), pad=False)
    room = max(5, out.size.height - 5)
    if len(lines) <= room or not out.is_terminal:  # a log or a pipe has no pages
        out.clear()
        out.print(summary)
        return
    pages = [lines[start : start + room] for start in range(0, len(lines), room)]
    for number, page in enumerate(pages, start=1):
        out.clear()
        for line in page:
            row = Text()
            for segment in line:
                row.append(segment.text, segment.style)
            out.print(row, soft_wrap=True)
        last = number == len(pages)
        prompt = ChoicePrompt(
            text("summary_page", lang, page=number, pages=len(pages)),
            (Choice(MORE, text("summary_on" if last else "summary_next", lang)),),
            default=MORE,
            hint=text("summary_last" if last else "summary_more", lang),
        )
        asker.choose(prompt)
    out.clear()
    out.print(verdict)


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
        # Rendering a PDF takes seconds: the room sees that something is happening.
        with console.out().status(text("writing_report", lang, path=output)):
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
