"""The running meeting's one session, shared by every input source.

The terminal flow and (with `assess --room`) a web server feeding votes from phones both change
the session only through `LiveMeeting.apply`: one change at a time, saved before anyone is told,
then every subscriber is told (a screen to redraw, phones to update).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable

from peerready.meeting.state import sealed
from peerready.meeting.steps import stamped
from peerready.model.session import Session

Listener = Callable[[Session], None]


class LiveMeeting:
    def __init__(
        self, session: Session, save: Callable[[Session], None], clock: Callable[[], dt.datetime]
    ) -> None:
        self._lock = threading.RLock()
        self._session = session
        self._save = save
        self.clock = clock
        self._listeners: list[Listener] = []
        # The item and round the terminal is asking now, which other sources may vote on.
        self.asking: tuple[str, int] | None = None

    @property
    def session(self) -> Session:
        return self._session

    def apply(self, change: Callable[[Session], Session]) -> Session:
        """The session changed by `change` (which may raise, changing nothing), saved, then announced.

        What is saved is `sealed`: anonymous ballots reach the file with the round's last vote."""
        with self._lock:
            changed = change(self._session)
            if changed is self._session:
                return changed
            changed = stamped(changed, self.clock())
            self._save(sealed(changed))
            self._session = changed
            listeners = list(self._listeners)
        for listener in listeners:
            listener(changed)
        return changed

    def remember(self, change: Callable[[Session], Session]) -> None:
        """A change kept without saving it now (where the group is): the next save takes it along."""
        with self._lock:
            self._session = change(self._session)

    def save(self) -> None:
        """Save the latest session again (at a pause: an interrupted save left the old file intact)."""
        with self._lock:
            self._save(sealed(self._session))

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Tell `listener` about every change from now on; returns how to stop."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe
