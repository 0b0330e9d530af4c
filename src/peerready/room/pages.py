"""The room's HTML: jinja2 templates bundled with the package, escaped throughout (whatever a
participant sends is text, never markup), and its few static files, served by the room itself."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.responses import HTMLResponse, Response

from peerready.i18n import Lang
from peerready.room.texts import TEXTS

STATIC_TYPES = {
    "room.css": "text/css; charset=utf-8",
    "phone.js": "text/javascript; charset=utf-8",
    "projector.js": "text/javascript; charset=utf-8",
}


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("peerready.room", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def page(name: str, lang: Lang, status: int = 200, **values: Any) -> HTMLResponse:
    words = {key: value.get(lang) for key, value in TEXTS.items()}
    html = _environment().get_template(f"{name}.html.j2").render(lang=lang, t=words, **values)
    return HTMLResponse(html, status_code=status)


@cache
def _static(name: str) -> bytes:
    return files("peerready.room").joinpath("static", name).read_bytes()


def static(name: str) -> Response:
    kind = STATIC_TYPES.get(name)
    if kind is None:  # only the room's own files, by name: no paths from the request
        return Response("not found\n", status_code=404, media_type="text/plain")
    return Response(_static(name), media_type=kind)
