"""The package's own files: bundled questionnaires, catalogues and report templates.

They are read through importlib.resources so that an installed wheel finds them, and so does an
editable install (`pip install -e`), where the two folders are packages mapped from the top of the
repository.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

DEFAULT_QUESTIONNAIRE = "readiness"


def questionnaires_dir() -> Traversable:
    return files("peerready.questionnaires")


def catalogues_dir() -> Traversable:
    return questionnaires_dir().joinpath("catalogues")


def templates_dir() -> Traversable:
    return files("peerready.report_templates")


def bundled_questionnaire_ids() -> list[str]:
    return sorted(
        entry.name.removesuffix(".yaml")
        for entry in questionnaires_dir().iterdir()
        if entry.is_file() and entry.name.endswith(".yaml")
    )


def bundled_catalogue_ids() -> list[str]:
    folder = catalogues_dir()
    if not folder.is_dir():
        return []
    return sorted(e.name.removesuffix(".yaml") for e in folder.iterdir() if e.name.endswith(".yaml"))


def read_bundled_questionnaire(name: str) -> str | None:
    entry = questionnaires_dir().joinpath(f"{name}.yaml")
    return entry.read_text(encoding="utf-8") if entry.is_file() else None


def read_bundled_catalogue(name: str) -> str | None:
    entry = catalogues_dir().joinpath(f"{name}.yaml")
    return entry.read_text(encoding="utf-8") if entry.is_file() else None
