"""Where an export's numbers come from: the file, the platform and the conventions applied, and
what became of its rows — for the JSON, stderr and the report's cover."""

from __future__ import annotations

from peerready.exports.counts import RowCounts
from peerready.exports.layout import Layout
from peerready.exports.platforms import UNKNOWN
from peerready.exports.prepare import Prepared
from peerready.exports.source import ExportReader
from peerready.exports.summary import ExportProvenance
from peerready.i18n import LText, tr

SHEET = tr("The sheet '{sheet}' was read (sheets: {sheets})")


def conventions(source: ExportReader, prepared: Prepared) -> list[LText]:
    """The platform's conventions, then what this reading decided (sheet, id column …)."""
    found = list(prepared.platform.conventions)
    if source.sheet is not None and len(source.sheets) > 1:
        found.append(SHEET.fill(sheet=source.sheet, sheets=", ".join(source.sheets)))
    return found + prepared.layout.conventions


def reading_warnings(layout: Layout) -> list[str]:
    """What a reader should hear on stderr: items not asked, conventions that change the counting,
    and, for an export from an unknown platform, every convention applied."""
    warnings = []
    if layout.missing_items:
        warnings.append(
            f"not asked: the export has no column for {', '.join(layout.missing_items)}; "
            "left out of coverage, scores and recommendations"
        )
    if layout.platform is UNKNOWN:
        applied = "; ".join(c.en for c in (*layout.platform.conventions, *layout.conventions))
        warnings.append(f"the export's platform is not recognised; read with these conventions: {applied}")
    else:
        warnings += [c.en for c in layout.conventions]
    return warnings


def provenance(source: ExportReader, prepared: Prepared, counts: RowCounts) -> ExportProvenance:
    layout = prepared.layout
    kind = "xlsx" if source.kind == "xlsx" else "csv" if source.kind == "csv" else "json"
    return ExportProvenance(
        file=source.label,
        kind=kind,
        sheet=source.sheet,
        sheets=source.sheets,
        platform=prepared.platform.id,
        platform_name=prepared.platform.name,
        conventions=conventions(source, prepared),
        rows=counts.rows,
        scored=counts.scored,
        rejected=counts.rejected,
        unfinished=counts.incomplete,
        unfinished_included=counts.incomplete_scored,
        header_rows=prepared.headers.rows,
        respondent_column=layout.header[layout.respondent] if layout.respondent is not None else None,
        not_asked=layout.missing_items,
    )
