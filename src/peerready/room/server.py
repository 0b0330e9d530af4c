"""The room's web server: uvicorn on one listening socket, in a thread beside the facilitator's
terminal. It stops when the meeting ends or pauses (Ctrl-C reaches the terminal's thread, which
stops it); open live-update streams are cut after a second."""

from __future__ import annotations

import socket
import threading
import time

import uvicorn
from starlette.types import ASGIApp

from peerready.errors import EnvironmentProblem

STARTUP = 10.0  # seconds to wait for the server to listen
GRACE = 1  # seconds open streams get when the server stops
MOST_CONNECTIONS = 200  # phones, their live streams and the projector, with room to spare


class RoomServer:
    def __init__(self, app: ASGIApp, sock: socket.socket) -> None:
        config = uvicorn.Config(
            app,
            log_config=None,
            log_level="warning",
            access_log=False,
            lifespan="off",
            http="h11",
            ws="none",
            loop="asyncio",
            limit_concurrency=MOST_CONNECTIONS,
            timeout_graceful_shutdown=GRACE,
            server_header=False,
        )
        self._server = uvicorn.Server(config)
        self._socket = sock
        self._thread = threading.Thread(target=self._run, name="peerready-room", daemon=True)

    def _run(self) -> None:
        self._server.run(sockets=[self._socket])

    def start(self) -> None:
        self._thread.start()
        deadline = time.monotonic() + STARTUP
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise EnvironmentProblem("the room's web server did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=GRACE + 5)
        self._socket.close()
