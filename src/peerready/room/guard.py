"""Every request passes here first: answers only to the room's own address (no DNS rebinding),
refuses writes from other origins and bodies past a small bound, and sends headers that keep
a page from running anything but the room's own script."""

from __future__ import annotations

from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    # Not no-referrer: with it, browsers send "Origin: null" for the room's own forms.
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]
SAFE_METHODS = {"GET", "HEAD"}


class Guard:
    def __init__(self, app: ASGIApp, *, origin: str, max_body: int) -> None:
        self.app = app
        self.origin = origin  # e.g. http://192.168.1.23:8765
        self.host = origin.split("://", 1)[1].encode()
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        refusal = self._refusal(scope["method"], headers)
        if refusal is not None:
            await _plain(send, *refusal)
            return
        if scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, self._secured(send))
            return
        body = await self._body(receive)
        if body is None:
            await _plain(send, 413, "request too large")
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:  # after the body: whatever comes next (a disconnect)
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, self._secured(send))

    async def _body(self, receive: Receive) -> bytes | None:
        """The whole body, read here so the bound holds without a Content-Length too; None past it."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return b"".join(chunks)
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    @staticmethod
    def _secured(send: Send) -> Send:
        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*_without_ours(message.get("headers", [])), *HEADERS]}
            await send(message)

        return secured

    def _refusal(self, method: str, headers: dict[bytes, bytes]) -> tuple[int, str] | None:
        if headers.get(b"host") != self.host:
            return 421, "this room answers only at its own address"
        if method not in SAFE_METHODS and headers.get(b"origin", b"").decode("latin-1") != self.origin:
            return 403, "requests from other pages are refused"
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            return 413, "request too large"
        return None


def _without_ours(headers: Iterable[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    ours = {name for name, _ in HEADERS}
    return [(name, value) for name, value in headers if name.lower() not in ours]


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode() + b"\n"
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": [*headers, *HEADERS]})
    await send({"type": "http.response.body", "body": body})
