"""The consultant's brand: name, logo, colour and contact line, from a small YAML/JSON file.

The logo is the one file outside the package that a report may contain, so it is checked
here (size, kind, and an SVG that refers to nothing outside itself) and embedded as a
data: URI; the renderer never reads it from disk.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from peerready.documents.loader import opening, parse_document, read_text, validate
from peerready.errors import InputError
from peerready.report.logos import png_problem, svg_problem
from peerready.report.view import Accent, BrandView

BRAND_FORMAT = "peerready-brand/1"
MAX_LOGO_BYTES = 2 * 1024 * 1024
DEFAULT_COLOUR = "#1f4e79"

Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]


class Brand(BaseModel):
    """A brand file: who prepared the report, shown on the cover and in every page footer."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    format: Literal["peerready-brand/1"] = "peerready-brand/1"
    name: Line = Field(description="The consultant or firm, e.g. 'Mette Ærø, Peer-Rådgivning ApS'")
    contact: Line | None = Field(default=None, description="One line, e.g. e-mail and phone")
    colour: str = Field(
        default=DEFAULT_COLOUR,
        pattern=r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$",
        description="Accent colour, #rrggbb",
    )
    logo: str | None = Field(default=None, description="PNG or SVG file, relative to the brand file")


def load_brand(path: Path) -> BrandView:
    brand = validate(parse_document(read_text(path), str(path)), Brand)
    colour = _long_hex(brand.colour)
    logo = None
    if brand.logo is not None:
        logo = logo_uri(path.parent / brand.logo, f"{path}: logo")
    return BrandView(name=brand.name, contact=brand.contact, accent=accent(colour), logo=logo)


def accent(colour: str = DEFAULT_COLOUR) -> Accent:
    """Text in the accent colour only where it reads well (WCAG AA: 4.5 for text, 3 for large)."""
    contrast = contrast_with_white(colour)
    return Accent(
        colour=colour,
        text=colour if contrast >= 4.5 else DEFAULT_COLOUR,
        on="#ffffff" if contrast >= 3 else "#1c2630",
    )


def logo_uri(path: Path, label: str) -> str:
    """The logo as a data: URI, or a one-line error saying what is wrong with it."""
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise InputError(f"{label}: {path} must be a PNG or SVG file")
    try:
        with opening(path):
            if path.stat().st_size > MAX_LOGO_BYTES:
                raise InputError(f"{path} is larger than 2 MB; use a smaller logo")
            data = path.read_bytes()
    except InputError as exc:
        raise InputError(f"{label}: {exc}") from None
    problem = png_problem(data) if suffix == ".png" else svg_problem(data)
    if problem is not None:
        raise InputError(f"{label}: {path} {problem}")
    mime = "image/png" if suffix == ".png" else "image/svg+xml"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _long_hex(colour: str) -> str:
    digits = colour[1:]
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits.lower()


def contrast_with_white(colour: str) -> float:
    """WCAG contrast ratio of the colour against white (1 to 21)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)
