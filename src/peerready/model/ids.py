"""The shapes of identifiers used across documents."""

from __future__ import annotations

from typing import Annotated

from pydantic import StringConstraints

# Ids appear as CSV column headers, file names and JSON keys, so keep them plain.
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
RoleKey = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
OptionId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$", max_length=32)]

DONT_KNOW = "dont_know"
NOT_APPLICABLE = "not_applicable"
SPECIAL_ANSWERS = (DONT_KNOW, NOT_APPLICABLE)
