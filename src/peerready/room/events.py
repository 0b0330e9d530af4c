"""Live updates by server-sent events: every change to the room is pushed to each open page
(a phone, the projector) as one small JSON message. The stream stays open until the server
stops; EventSource then reconnects by itself, so phones find a paused room again when it resumes."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

from starlette.responses import StreamingResponse

from peerready.room.state import Room, Snapshot

KEEPALIVE = 15.0  # seconds: a comment line keeps proxies and phones from closing an idle stream
RETRY_MS = 1000  # how soon a phone tries again after the connection drops
SETTLE = 0.25  # seconds: the most often a page is told of changes


def event_stream(room: Room, message: Callable[[Snapshot], dict[str, Any]]) -> StreamingResponse:
    return StreamingResponse(
        _events(room, message),
        media_type="text/event-stream",
        headers={"x-accel-buffering": "no"},
    )


async def _events(room: Room, message: Callable[[Snapshot], dict[str, Any]]) -> AsyncIterator[str]:
    loop = asyncio.get_running_loop()
    changed = asyncio.Event()

    def wake() -> None:  # called on whichever thread changed the room
        with contextlib.suppress(RuntimeError):  # the loop has closed: the server is stopping
            loop.call_soon_threadsafe(changed.set)

    room.listen(wake)
    try:
        yield f"retry: {RETRY_MS}\n\n"
        while True:
            changed.clear()
            snapshot = room.snapshot()
            yield f"data: {json.dumps(message(snapshot), ensure_ascii=False)}\n\n"
            # Changes in the next moment go out together: 30 votes at once are a few messages
            # per phone, not 30, and the server stays free for the votes themselves.
            await asyncio.sleep(SETTLE)
            while True:
                try:
                    await asyncio.wait_for(changed.wait(), KEEPALIVE)
                    break
                except TimeoutError:
                    yield ": still here\n\n"
    finally:
        room.unlisten(wake)
