"""Brand files: validated, with a logo that is checked and embedded, never fetched."""

from __future__ import annotations

import base64
import struct
import zlib

import pytest

from peerready.errors import InputError
from peerready.report.brand import accent, contrast_with_white, load_brand
from peerready.report.logos import PNG_SIGNATURE
from tests.helpers.reporting import BRAND


def _brand(folder, text: str):
    path = folder / "brand.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_sample_brand_loads_with_its_logo_embedded() -> None:
    brand = load_brand(BRAND)
    assert brand.name == "Mette Ærø, Peer-Rådgivning ApS"
    assert brand.contact == "mette@example.dk · +45 12 34 56 78"
    assert brand.accent.colour == "#2e6b5e"
    assert brand.logo.startswith("data:image/svg+xml;base64,")
    assert b"Peer-R\xc3\xa5dgivning" in base64.b64decode(brand.logo.split(",", 1)[1])


HREF = b'<svg xmlns="http://www.w3.org/2000/svg"><image href="http://example.com/x.png"/></svg>'


def _svg_image(uri: str) -> bytes:
    """An SVG logo whose only content is an image given as `uri`."""
    return f'<svg xmlns="http://www.w3.org/2000/svg"><image href="{uri}"/></svg>'.encode()


def png(width: int = 3, height: int = 2) -> bytes:
    """A real, small RGB PNG."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\0" + bytes([40, 90, 200]) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return PNG_SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _header_only(width: int, height: int) -> bytes:
    """A PNG's signature and header chunk: what it says its size is, without the pixels."""
    header = b"IHDR" + struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return PNG_SIGNATURE + struct.pack(">I", 13) + header + struct.pack(">I", zlib.crc32(header))


def test_a_png_logo_is_embedded(tmp_path) -> None:
    (tmp_path / "logo.png").write_bytes(png())
    brand = load_brand(_brand(tmp_path, "name: Firma\nlogo: logo.png\ncolour: '#abc'\n"))
    assert brand.logo.startswith("data:image/png;base64,")
    assert brand.accent.colour == "#aabbcc"


@pytest.mark.parametrize(
    ("files", "logo", "message"),
    [
        ({}, "missing.png", r"logo: .*missing.png: no such file"),
        ({"logo.gif": b"GIF89a"}, "logo.gif", r"must be a PNG or SVG file"),
        ({"logo.png": b"<svg/>"}, "logo.png", r"is not a PNG image"),
        ({"logo.svg": b"<svg"}, "logo.svg", r"is not a valid SVG file"),
        ({"logo.svg": b"<html/>"}, "logo.svg", r"is not an SVG image"),
        (
            {"logo.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>'},
            "logo.svg",
            r"refers to 'file:///etc/passwd'; a logo must be self-contained",
        ),
        (
            {
                "logo.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(http://x/y)"/></svg>'
            },
            "logo.svg",
            r"refers to 'fill:url\(http://x/y\)'; a logo must be self-contained",
        ),
        (
            {"logo.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import "x.css";</style></svg>'},
            "logo.svg",
            r"loads a stylesheet, font or image from outside itself",
        ),
        (
            {
                "logo.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><style>@font-face { font-family: x; '
                b"src: u\\72l(http://example.com/f.woff) }</style></svg>"
            },
            "logo.svg",
            r"loads a stylesheet, font or image from outside itself",
        ),
        (
            {"logo.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(http://x/p#a)"/></svg>'},
            "logo.svg",
            r"refers to 'url\(http://x/p#a\)'",
        ),
        (
            {"logo.svg": _svg_image("data:image/svg+xml;base64," + base64.b64encode(HREF).decode())},
            "logo.svg",
            r"logo.svg embeds an SVG image that refers to 'http://example.com/x.png'; a logo must be",
        ),
        (
            {
                "logo.svg": _svg_image(
                    "data:image/svg+xml;utf8," + HREF.decode().replace("<", "%3C").replace('"', "%22")
                )
            },
            "logo.svg",
            r"logo.svg embeds an SVG image that refers to 'http://example.com/x.png'",
        ),
        ({"logo.png": png()[:-12]}, "logo.png", r"logo.png is a damaged or cut-off PNG image"),
        ({"logo.png": png().replace(b"IDAT", b"IDAx")}, "logo.png", r"is a damaged PNG image \(chunk 'IDAx'"),
        ({"logo.png": PNG_SIGNATURE + b"garbage" * 100}, "logo.png", r"is a damaged PNG image"),
        ({"logo.png": png(20_000, 1)}, "logo.png", r"unusual kind or size"),
        (
            {"logo.png": _header_only(10_000, 10_000)},
            "logo.png",
            r"logo.png is a PNG image of 10,000 × 10,000 pixels \(at most 16 million\); a logo needs a few",
        ),
    ],
    ids=[
        "missing",
        "gif",
        "not-png",
        "broken-svg",
        "not-svg",
        "svg-href",
        "svg-style-url",
        "svg-import",
        "svg-escaped-font-url",
        "svg-fill-url",
        "svg-embedding-an-svg-with-a-link",
        "svg-embedding-a-percent-encoded-svg-with-a-link",
        "png-cut-off",
        "png-bad-crc",
        "png-garbage",
        "png-too-wide",
        "png-too-many-pixels",
    ],
)
def test_a_bad_logo_is_a_clear_error(tmp_path, files, logo, message) -> None:
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    with pytest.raises(InputError, match=message):
        load_brand(_brand(tmp_path, f"name: Firma\nlogo: {logo}\n"))


def test_a_folder_as_logo_is_a_clear_error(tmp_path) -> None:
    (tmp_path / "logo.svg").mkdir()
    with pytest.raises(InputError, match=r"brand.yaml: logo: .*logo.svg: is a folder, expected a file"):
        load_brand(_brand(tmp_path, "name: Firma\nlogo: logo.svg\n"))


def test_a_large_logo_is_refused(tmp_path) -> None:
    (tmp_path / "logo.png").write_bytes(PNG_SIGNATURE + bytes(3 * 1024 * 1024))
    with pytest.raises(InputError, match=r"logo\.png is larger than 2 MB"):
        load_brand(_brand(tmp_path, "name: Firma\nlogo: logo.png\n"))


def test_an_svg_may_refer_to_itself(tmp_path) -> None:
    (tmp_path / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<defs><circle id="c" r="4"/></defs><use xlink:href="#c"/></svg>',
        encoding="utf-8",
    )
    assert load_brand(_brand(tmp_path, "name: Firma\nlogo: logo.svg\n")).logo


def test_the_brand_file_is_validated_with_its_location(tmp_path) -> None:
    with pytest.raises(
        InputError,
        match=r"brand.yaml:2:9: colour: expected a colour written #rrggbb or #rgb \(e.g. #2e6b5e\), got 'red",
    ):
        load_brand(_brand(tmp_path, 'name: Firma\ncolour: "red; } body { display: none"\n'))
    with pytest.raises(InputError, match=r"brand.yaml:1:1: name: .*required"):
        load_brand(_brand(tmp_path, "contact: x@example.dk\n"))


def test_a_pale_colour_is_never_used_for_text() -> None:
    assert contrast_with_white("#ffffff") == pytest.approx(1.0)
    assert contrast_with_white("#000000") == pytest.approx(21.0)
    pale = accent("#f5d000")
    assert (pale.colour, pale.text, pale.on) == ("#f5d000", "#1f4e79", "#1c2630")
    dark = accent("#2e6b5e")
    assert (dark.text, dark.on) == ("#2e6b5e", "#ffffff")
