"""How to read an export: the choices `score` and `report` pass down from the command line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from peerready.i18n import Lang


@dataclass(frozen=True)
class ExportOptions:
    mapping: Path | None = None
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    group_by: str | None = None
    by_role: bool = False
    include_incomplete: bool = False
    strict: bool = False
    min_group_size: int | None = None
    allow_version_mismatch: bool = False
    language: Lang = "da"


def export_only_options(export: ExportOptions) -> list[str]:
    """The options given that only make sense for exported answers (for refusing them on a session)."""
    given = [
        name
        for name, value in (
            ("--map", export.mapping),
            ("--group-by", export.group_by),
            ("--sheet", export.sheet),
            ("--delimiter", export.delimiter),
        )
        if value is not None
    ]
    return given + (["--by-role"] if export.by_role else [])
