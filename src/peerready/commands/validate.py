"""`peerready validate FILE...`: check any peerready file as the kind its `format` names."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from peerready.documents.kinds import DocumentKind, described, kind_of
from peerready.documents.loader import (
    Parsed,
    build_instrument,
    catalogue_from,
    load_instrument,
    parse_document,
    read_text,
)
from peerready.documents.loader import validate as validate_document
from peerready.errors import EXIT_INPUT, EXIT_OK, InputError, PeerreadyError
from peerready.i18n import format_number
from peerready.locale import _, language
from peerready.output import console


def describe_file(path: Path) -> str:
    """Check one file as the kind it names; a one-line summary when it is valid."""
    parsed = parse_document(read_text(path), str(path))
    kind = kind_of(parsed.data)
    if kind is None:
        if isinstance(parsed.data, dict) and "format" in parsed.data:
            message = _("{path}: format: unknown format {value!r}; peerready's formats are {formats}")
            raise InputError(message.format(path=path, value=parsed.data["format"], formats=described()))
        kind = "questionnaire"  # written by hand without a format line: checked as what most files are
    return CHECKS[kind](path, parsed)


def _questionnaire(path: Path, parsed: Parsed) -> str:
    instrument = build_instrument(parsed, base=path.parent, origin=str(path))
    q = instrument.questionnaire
    message = _(
        "valid questionnaire {id} {version}: "
        "{domains} domains, {items} items, {recommendations} recommendations"
    )
    return message.format(
        id=q.id,
        version=q.version,
        domains=len(q.domains),
        items=len(q.all_items),
        recommendations=len(instrument.recommendations),
    )


def _catalogue(_path: Path, parsed: Parsed) -> str:
    catalogue = catalogue_from(parsed)
    return _("valid catalogue, {count} recommendations").format(count=len(catalogue.recommendations))


def _session(_path: Path, parsed: Parsed) -> str:
    from peerready.model.session import Session

    session = validate_document(parsed, Session)
    answered = sum(len(a) for a in session.answers.values())
    ref = session.questionnaire
    message = _("valid session for {id} {version}, {answers} answers") if session.complete else (
        _("valid session for {id} {version}, {answers} answers (unfinished)")
    )  # fmt: skip
    return message.format(id=ref.id, version=ref.version, answers=answered)


def _result(_path: Path, parsed: Parsed) -> str:
    from peerready.model.result import ScoreResult

    result = validate_document(parsed, ScoreResult)
    ref = result.questionnaire
    score = result.verdict.score
    shown = _("no score") if score is None else format_number(score, language(), 1)
    message = _("valid result for {id} {version}: overall score {score}, {domains} domains")
    return message.format(id=ref.id, version=ref.version, score=shown, domains=len(result.domains))


def _batch(_path: Path, parsed: Parsed) -> str:
    from peerready.exports.summary import BatchSummary

    summary = validate_document(parsed, BatchSummary)
    ref = summary.questionnaire
    message = _("valid batch result for {id} {version}: {scored} of {rows} rows scored")
    return message.format(
        id=ref.get("id", "?"),
        version=ref.get("version", "?"),
        scored=summary.counts.scored,
        rows=summary.counts.rows,
    )


def _mapping(path: Path, parsed: Parsed) -> str:
    from peerready.exports.mapping import ColumnMapping, load_mapping

    mapping = validate_document(parsed, ColumnMapping)
    columns = len(mapping.column_maps())
    if mapping.questionnaire is None:
        message = _(
            "valid mapping; columns mapped: {columns} "
            "(it names no questionnaire, so its items were not checked)"
        )
        return message.format(columns=columns)
    try:
        instrument = load_instrument(mapping.questionnaire)
    except InputError as exc:
        raise InputError(f"{path}: questionnaire: {exc}") from None
    load_mapping(path, instrument.questionnaire)  # its items and options exist
    return _("valid mapping for {id}; columns mapped: {columns}").format(
        id=mapping.questionnaire, columns=columns
    )


def _brand(path: Path, _parsed: Parsed) -> str:
    from peerready.report.brand import load_brand

    brand = load_brand(path)  # the logo too: it must exist and be self-contained
    return _("valid brand for {name}").format(name=brand.name)


CHECKS: dict[DocumentKind, Callable[[Path, Parsed], str]] = {
    "questionnaire": _questionnaire,
    "catalogue": _catalogue,
    "session": _session,
    "result": _result,
    "batch": _batch,
    "mapping": _mapping,
    "brand": _brand,
}


def validate(paths: Sequence[Path]) -> int:
    failed = 0
    for path in paths:
        try:
            summary = describe_file(path)
        except PeerreadyError as exc:
            failed += 1
            console.error(str(exc))
        else:
            console.out().print(
                f"[ok]✓[/] {console.escape(f'{path}: {summary}')}", soft_wrap=True, markup=True
            )
    return EXIT_INPUT if failed else EXIT_OK
