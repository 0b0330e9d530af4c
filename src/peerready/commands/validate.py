"""`peerready validate FILE...`: check questionnaire, catalogue and session files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from peerready.documents.loader import build_instrument, catalogue_from, parse_document, read_text
from peerready.documents.loader import validate as validate_document
from peerready.errors import EXIT_INPUT, EXIT_OK, PeerreadyError
from peerready.model.catalogue import CATALOGUE_FORMAT
from peerready.model.session import SESSION_FORMATS, Session
from peerready.output import console


def describe_file(path: Path) -> str:
    """Validate one file (its kind read from its `format` field); a summary when it is valid."""
    parsed = parse_document(read_text(path), str(path))
    kind = parsed.data.get("format") if isinstance(parsed.data, dict) else None
    if kind == CATALOGUE_FORMAT:
        catalogue = catalogue_from(parsed)
        return f"valid catalogue, {len(catalogue.recommendations)} recommendations"
    if kind in SESSION_FORMATS:
        session = validate_document(parsed, Session)
        answered = sum(len(a) for a in session.answers.values())
        ref = session.questionnaire
        return f"valid session for {ref.id} {ref.version}, {answered} answers"
    instrument = build_instrument(parsed, base=path.parent, origin=str(path))
    q = instrument.questionnaire
    recommendations = len(instrument.recommendations)
    counts = f"{len(q.domains)} domains, {len(q.all_items)} items, {recommendations} recommendations"
    return f"valid questionnaire {q.id} {q.version}: {counts}"


def validate(paths: Sequence[Path]) -> int:
    failed = 0
    for path in paths:
        try:
            summary = describe_file(path)
        except PeerreadyError as exc:
            failed += 1
            console.error(str(exc))
        else:
            console.out().print(f"[ok]✓[/] {path}: {summary}", soft_wrap=True, markup=True)
    return EXIT_INPUT if failed else EXIT_OK
