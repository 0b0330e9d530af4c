"""`peerready list` and `peerready show`: what questionnaires there are and what they ask."""

from __future__ import annotations

import json

from rich.table import Table

from peerready import resources
from peerready.documents.loader import load_instrument
from peerready.errors import EXIT_OK
from peerready.i18n import Lang
from peerready.model.instrument import Instrument
from peerready.output import console
from peerready.output.terminal import questionnaire_view


def list_questionnaires(lang: Lang) -> int:
    table = Table(show_edge=False)
    headings = ("id", "version", "title", "domains", "items")
    if lang == "da":
        headings = ("id", "version", "titel", "områder", "spørgsmål")
    for heading in headings:
        table.add_column(heading)
    for name in resources.bundled_questionnaire_ids():
        q = load_instrument(name).questionnaire
        default = ""
        if name == resources.DEFAULT_QUESTIONNAIRE:
            default = " (standard)" if lang == "da" else " (default)"
        table.add_row(
            name + default, q.version, q.title.get(lang), str(len(q.domains)), str(len(q.all_items))
        )
    console.out().print(table)
    return EXIT_OK


def questionnaire_json(instrument: Instrument) -> str:
    """The full model as a questionnaire document: valid input for `peerready validate`."""
    data = instrument.questionnaire.model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def show(ref: str, fmt: str, lang: Lang) -> int:
    instrument = load_instrument(ref)
    if fmt == "json":
        console.write_out(questionnaire_json(instrument))
    else:
        console.out().print(questionnaire_view(instrument, lang))
    return EXIT_OK
