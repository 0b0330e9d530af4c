"""Checking a logo before it goes into a report: a PNG that the PDF renderer can draw, an SVG
that refers to nothing outside itself. Each check returns what is wrong, or None.

A logo that passed a look at its first bytes but was broken further on used to be drawn as
nothing, with a warning that held the whole image as a data: URI; one whose SVG hid a URL
behind a CSS escape (`u\\72l(…)`) made the renderer stop with an internal error.
"""

from __future__ import annotations

import base64
import binascii
import re
import struct
import zlib
from urllib.parse import unquote_to_bytes
from xml.etree import ElementTree

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_SIDE = 10_000  # pixels: a logo is a few hundred
MAX_PIXELS = 16_000_000  # 10,000 × 10,000 took 870 MB and 6 s to draw, and Pillow warned on stderr
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # PNG colour type → samples per pixel
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})[ \t\r\n\f]?|\\(.)", re.DOTALL)
_OUTSIDE = re.compile(r"url\(\s*['\"]?(?!#|data:)|@import", re.IGNORECASE)


def png_problem(data: bytes) -> str | None:
    """Whether the PNG holds a whole image: every chunk intact (CRC), the header first, the
    image data inflating to exactly the size the header gives (which also bounds it)."""
    if not data.startswith(PNG_SIGNATURE):
        return "is not a PNG image"
    position, header, pixels, ended = len(PNG_SIGNATURE), None, zlib.decompressobj(), False
    expected = inflated = 0
    while position + 12 <= len(data) and not ended:
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length : position + 12 + length].rjust(4, b"\0"))
        if len(body) < length or zlib.crc32(kind + body) != crc:
            return f"is a damaged PNG image (chunk {kind.decode('latin-1')!r} at byte {position})"
        if header is None:
            if kind != b"IHDR" or length != 13:
                return "is a damaged PNG image (no header)"
            header = struct.unpack(">IIBBBBB", body)
            if header[0] * header[1] > MAX_PIXELS:
                return (
                    f"is a PNG image of {header[0]:,} × {header[1]:,} pixels (at most "
                    f"{MAX_PIXELS // 1_000_000} million); a logo needs a few hundred a side"
                )
            size = _raw_size(header)
            if size is None:
                return f"is a PNG image of an unusual kind or size (over {MAX_SIDE} pixels a side?)"
            expected = size
        elif kind == b"IDAT":
            try:
                inflated += len(pixels.decompress(body, expected + 1 - inflated))
            except zlib.error:
                return "is a damaged PNG image (its image data does not inflate)"
            if inflated > expected:
                return "is a damaged PNG image (more image data than its size)"
        ended = kind == b"IEND"
        position += 12 + length
    if not ended or inflated != expected:
        return "is a damaged or cut-off PNG image"
    return None


_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))


def _raw_size(header: tuple[int, ...]) -> int | None:
    """Bytes of filtered scanlines the header promises (an interlaced image in seven passes)."""
    width, height, depth, colour, _compression, _filter, interlace = header
    channels = _CHANNELS.get(colour)
    if channels is None or not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE) or interlace > 1:
        return None
    passes = _ADAM7 if interlace else ((0, 0, 1, 1),)
    size = 0
    for x, y, dx, dy in passes:
        columns, rows = (width - x + dx - 1) // dx, (height - y + dy - 1) // dy
        if columns and rows:
            size += rows * (1 + (columns * channels * depth + 7) // 8)
    return size


def css_unescaped(text: str) -> str:
    """CSS with its escapes resolved (`u\\72l(` is `url(`), as the renderer reads it."""

    def one(match: re.Match[str]) -> str:
        if match[1] is not None:
            number = int(match[1], 16)
            return chr(number) if 0 < number <= 0x10FFFF and not 0xD800 <= number <= 0xDFFF else "\ufffd"
        return match[2]

    return _CSS_ESCAPE.sub(one, text)


def _embedded_svg(value: str) -> bytes | None:
    """An SVG image embedded as a data: URI, decoded; None for anything else."""
    head, _, body = value.strip().partition(",")
    if not head.lower().startswith("data:image/svg+xml"):
        return None
    try:
        return base64.b64decode(body) if head.lower().endswith(";base64") else unquote_to_bytes(body)
    except (ValueError, binascii.Error):
        return None


def svg_problem(data: bytes, depth: int = 0) -> str | None:
    """Whether the SVG is one, self-contained: no link, stylesheet, font or image outside it,
    in any attribute or style sheet, however its CSS is escaped, nor in an SVG image it embeds
    (as a data: URI: the renderer draws it, and a browser may)."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        return f"is not a valid SVG file ({exc})"
    if not root.tag.endswith("svg"):
        return "is not an SVG image (its root element is not <svg>)"
    for element in root.iter():
        for name, value in element.attrib.items():
            outside = name.endswith("href") and not value.strip().startswith(("#", "data:"))
            if outside or _OUTSIDE.search(css_unescaped(value)):
                return f"refers to '{value[:80]}'; a logo must be self-contained (embed images in the SVG)"
            inner = _embedded_svg(value) if name.endswith("href") else None
            if inner is not None and depth >= 2:
                return "embeds SVG images in SVG images more than twice over"
            if inner is not None and (problem := svg_problem(inner, depth + 1)):
                return f"embeds an SVG image that {problem}"
        if element.tag.endswith("style") and _OUTSIDE.search(css_unescaped(element.text or "")):
            return "loads a stylesheet, font or image from outside itself"
    return None
