"""Blank response sheets to collect answers in: CSV, XLSX, or an XLSForm for KoboToolbox/ODK.

Each carries the questionnaire's id, version and a short content hash (in a README row, a
README sheet, or a hidden field of the form), so `peerready score` knows what the answers
belong to and can refuse answers given on another version.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from peerready.errors import UsageError
from peerready.exports.columns import TEMPLATE_REF_COLUMN
from peerready.exports.source import TemplateRef
from peerready.i18n import Lang, LText, tr
from peerready.model.ids import DONT_KNOW, NOT_APPLICABLE
from peerready.model.questionnaire import Option, Questionnaire, RatedItem, ScoredItem, TextItem
from peerready.model.session import ROLE_LABELS
from peerready.output.tables import rows_csv

SPECIAL_LABELS = {
    DONT_KNOW: tr("Don't know"),
    NOT_APPLICABLE: tr("Not applicable"),
}
WORDS = {
    "group": tr("Department, team or the like (optional)"),
    "role": tr("Role"),
    "respondent": tr("One id per respondent (not a name)"),
    "text": tr("Open text"),
    "readme": tr(
        "One row per respondent. Write the option's number/id or its text; an empty cell = not answered."
    ),
    "keep": tr("keep this row"),
}
LANGUAGE_COLUMNS = {"da": "Dansk (da)", "en": "English (en)"}


def reference(q: Questionnaire) -> TemplateRef:
    return TemplateRef(q.id, q.version, q.content_hash().removeprefix("sha256:")[:12])


def columns(q: Questionnaire, group: bool, role: bool) -> list[str]:
    return ["respondent", *(["group"] if group else []), *(["role"] if role else []), *_item_ids(q)]


def _item_ids(q: Questionnaire) -> list[str]:
    return [item.id for item in q.all_items]


def allowed(q: Questionnaire, item_id: str, lang: Lang) -> str:
    """What may be written in an item's column, e.g. '1 Helt uenig | … | 5 Helt enig | dont_know | …'."""
    item = q.item_by_id[item_id]
    if isinstance(item, TextItem):
        return WORDS["text"].get(lang)
    shown = [f"{o.id} {o.label.get(lang)}" for o in _options(q, item)]
    return " | ".join([*shown, DONT_KNOW, NOT_APPLICABLE])


def _options(q: Questionnaire, item: ScoredItem) -> list[Option]:
    options = q.options_of(item)
    if isinstance(item, RatedItem) and item.anchors:
        return [Option(id=o.id, points=o.points, label=item.anchors.get(o.id, o.label)) for o in options]
    return options


def readme_row(q: Questionnaire, group: bool, role: bool, lang: Lang) -> list[str]:
    row = [f"# {reference(q).text()} – {WORDS['keep'].get(lang)}"]
    if group:
        row.append(WORDS["group"].get(lang))
    if role:
        row.append(" | ".join(ROLE_LABELS))
    return row + [allowed(q, item_id, lang) for item_id in _item_ids(q)]


def csv_template(q: Questionnaire, group: bool, role: bool, lang: Lang, delimiter: str) -> bytes:
    text = rows_csv([columns(q, group, role), readme_row(q, group, role, lang)])
    if delimiter != ",":
        import csv

        rows = list(csv.reader(io.StringIO(text)))
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
        text = buffer.getvalue()
    return ("\ufeff" + text).encode("utf-8")  # the BOM makes Excel read æ, ø and å right


def xlsx_template(q: Questionnaire, group: bool, role: bool, lang: Lang) -> bytes:
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook(write_only=True)
    answers = book.create_sheet("answers")
    answers.freeze_panes = "B2"
    header = columns(q, group, role)
    first_item = len(header) - len(_item_ids(q))
    for offset, item_id in enumerate(_item_ids(q)):
        item = q.item_by_id[item_id]
        if isinstance(item, TextItem):
            continue
        choices = ",".join([*(o.id for o in q.options_of(item)), DONT_KNOW, NOT_APPLICABLE])
        if len(choices) <= 250:  # Excel's limit for a list written into the validation
            letter = _letter(first_item + offset)
            validation = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
            validation.add(f"{letter}2:{letter}5000")
            answers.data_validations.append(validation)
    answers.append(header)
    readme = book.create_sheet("README")
    readme.append([reference(q).text()])
    readme.append([f"{q.title.get(lang)} ({q.id} {q.version})"])
    readme.append([WORDS["readme"].get(lang)])
    readme.append([])
    texts = {item.id: item.text.get(lang) for item in q.all_items}
    readme.append(["respondent", WORDS["respondent"].get(lang)])
    if group:
        readme.append(["group", WORDS["group"].get(lang)])
    if role:
        readme.append(["role", WORDS["role"].get(lang), " | ".join(ROLE_LABELS)])
    for item_id in _item_ids(q):
        readme.append([item_id, texts[item_id], allowed(q, item_id, lang)])
    return _saved(book)


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def xlsform(q: Questionnaire, group: bool, role: bool, lang: Lang) -> bytes:
    """An XLSForm (survey, choices, settings) with the item ids as field names."""
    from openpyxl import Workbook

    _check_names(q)
    labels = [f"label::{LANGUAGE_COLUMNS['da']}", f"label::{LANGUAGE_COLUMNS['en']}"]
    survey_rows: list[list[Any]] = [["type", "name", *labels, "calculation"]]
    survey_rows.append(["calculate", TEMPLATE_REF_COLUMN, "", "", f"'{_ref_value(q)}'"])
    choices: dict[str, list[tuple[str, LText]]] = {}
    if group:
        survey_rows.append(["text", "group", *_both(WORDS["group"]), ""])
    if role:
        choices["roles"] = list(ROLE_LABELS.items())
        survey_rows.append(["select_one roles", "role", *_both(WORDS["role"]), ""])
    for domain in q.domains:
        survey_rows.append(["begin_group", domain.id, *_both(domain.title), ""])
        for item in domain.items:
            if isinstance(item, TextItem):
                survey_rows.append(["text", item.id, *_both(item.text), ""])
                continue
            name = _list_name(q, item)
            options = [(o.id, o.label) for o in _options(q, item)]
            choices[name] = options + [(k, v) for k, v in SPECIAL_LABELS.items()]
            survey_rows.append([f"select_one {name}", item.id, *_both(item.text), ""])
        survey_rows.append(["end_group", "", "", "", ""])
    choice_rows: list[list[str]] = [["list_name", "name", *labels]]
    for list_name, options in choices.items():
        choice_rows += [[list_name, key, *_both(label)] for key, label in options]
    settings = [
        ["form_title", "form_id", "version", "default_language"],
        [q.title.get(lang), q.id, q.version, LANGUAGE_COLUMNS[lang]],
    ]
    book = Workbook(write_only=True)
    for title, rows in (("survey", survey_rows), ("choices", choice_rows), ("settings", settings)):
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    return _saved(book)


def _ref_value(q: Questionnaire) -> str:
    ref = reference(q)
    return f"{ref.id} {ref.version} {ref.hash}"


def _list_name(q: Questionnaire, item: ScoredItem) -> str:
    if isinstance(item, RatedItem) and not (item.anchors and q.scale_by_id[item.scale].anchored):
        return item.scale
    if item.kind == "checklist":
        return "checklist"
    return f"{item.id}_options"


def _both(text: LText) -> list[str]:
    return [text.da, text.en]


def _check_names(q: Questionnaire) -> None:
    """XLSForm names are XML element names: they cannot start with a digit or '-'."""
    bad: Sequence[str] = [x for x in [d.id for d in q.domains] + _item_ids(q) if not x[0].isalpha()]
    if bad:
        raise UsageError(
            f"an XLSForm needs ids that start with a letter; '{q.id}' has {', '.join(sorted(bad))}"
        )
    if TEMPLATE_REF_COLUMN in _item_ids(q):
        raise UsageError(f"item id '{TEMPLATE_REF_COLUMN}' is reserved in an XLSForm")


def _saved(book: Any) -> bytes:
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()
