"""`peerready template`: a blank response sheet (CSV, XLSX) or an XLSForm to collect answers in."""

from __future__ import annotations

from pathlib import Path

from peerready.commands.guard import questionnaire_files, refuse_outputs_over_inputs
from peerready.documents.loader import load_instrument
from peerready.errors import EXIT_OK, UsageError
from peerready.exports.sheets import csv_template, xlsform, xlsx_template
from peerready.fileio import write_atomic
from peerready.i18n import Lang
from peerready.locale import _
from peerready.output import console


def template(
    questionnaire: str,
    *,
    to: str,
    output: Path,
    lang: Lang,
    group: bool,
    role: bool,
    delimiter: str,
) -> int:
    refuse_outputs_over_inputs({"--output": output}, questionnaire_files(questionnaire))
    q = load_instrument(questionnaire).questionnaire
    if to == "csv":
        if len(delimiter) != 1:
            raise UsageError(_("--delimiter: give one character, e.g. ';'"))
        data = csv_template(q, group, role, lang, delimiter)
    elif to == "xlsx":
        data = xlsx_template(q, group, role, lang)
    else:
        data = xlsform(q, group, role, lang)
    write_atomic(output, data)
    wrote = _("wrote {path} ({kind}, '{questionnaire}' {version})")
    console.err().print(
        wrote.format(path=output, kind=to, questionnaire=q.id, version=q.version),
        style="muted",
        highlight=False,
        markup=False,
    )
    return EXIT_OK
