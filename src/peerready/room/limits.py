"""Limits that keep a room usable when someone on the network misbehaves: few wrong join codes
per minute (per address and in all), and small request bodies."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_BODY = 4096  # bytes: a vote with a comment of a few hundred characters, form-encoded
MAX_COMMENT = 500  # characters of a comment a phone may send
WINDOW = 60.0  # seconds
PER_ADDRESS = 10  # wrong codes a minute from one address
IN_ALL = 60  # wrong codes a minute from everyone: addresses are cheap to change on a LAN


@dataclass
class GuessLimiter:
    """Counts wrong join codes in a sliding window; `allowed` says whether another guess may be tried."""

    per_address: int = PER_ADDRESS
    in_all: int = IN_ALL
    window: float = WINDOW
    clock: Callable[[], float] = time.monotonic
    _by_address: dict[str, deque[float]] = field(default_factory=dict)
    _all: deque[float] = field(default_factory=deque)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def allowed(self, address: str) -> bool:
        with self._lock:
            now = self.clock()
            self._forget(now)
            mine = self._by_address.get(address)
            return len(self._all) < self.in_all and (mine is None or len(mine) < self.per_address)

    def wrong(self, address: str) -> None:
        with self._lock:
            now = self.clock()
            self._all.append(now)
            self._by_address.setdefault(address, deque()).append(now)

    def _forget(self, now: float) -> None:
        horizon = now - self.window
        while self._all and self._all[0] <= horizon:
            self._all.popleft()
        for address in list(self._by_address):
            times = self._by_address[address]
            while times and times[0] <= horizon:
                times.popleft()
            if not times:
                del self._by_address[address]
