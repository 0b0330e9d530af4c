"""How the meeting is getting on: time spent this sitting, a projected finish from the pace so
far, the optional discussion timer per item (--timer), and progress per domain."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from peerready.i18n import Lang
from peerready.meeting.state import is_done, is_pending
from peerready.meeting.texts import text
from peerready.model.questionnaire import Questionnaire
from peerready.model.session import Session

PACE_FROM = 2  # items finished this sitting before the finish is projected


def finished(session: Session, item_id: str) -> bool:
    return is_done(session, item_id) and not is_pending(session, item_id)


def clock_time(delta: dt.timedelta) -> str:
    """0:07, 1:25 (hours and minutes), or 2:05 as minutes and seconds for a timer."""
    minutes = max(0, int(delta.total_seconds() // 60))
    return f"{minutes // 60}:{minutes % 60:02d}"


class Pace:
    def __init__(
        self,
        questionnaire: Questionnaire,
        session: Session,
        clock: Callable[[], dt.datetime],
        lang: Lang,
        timer: dt.timedelta | None = None,
    ) -> None:
        self.questionnaire = questionnaire
        self.ids = [item.id for item in questionnaire.all_items]
        self.clock = clock
        self.lang = lang
        self.timer = timer
        self.started = clock()
        self.done_at_start = self.done(session)
        self.item: str | None = None
        self.item_since = self.started

    def done(self, session: Session) -> int:
        return sum(1 for item_id in self.ids if finished(session, item_id))

    def arrive(self, item_id: str) -> None:
        """The group is at this item (the timer starts when it first gets there)."""
        if item_id != self.item:
            self.item, self.item_since = item_id, self.clock()

    def line(self, session: Session) -> str:
        """'0:25 brugt · ca. 0:40 tilbage (færdig ca. 11:55) · drøftelse 2:10 tilbage'."""
        now = self.clock()
        spent = now - self.started
        parts = [text("spent", self.lang, time=clock_time(spent))] if spent.total_seconds() >= 60 else []
        done = self.done(session)
        remaining = len(self.ids) - done
        here = done - self.done_at_start
        if here >= PACE_FROM and remaining and spent.total_seconds() >= 60:
            left = spent / here * remaining
            finish = (now + left).strftime("%H:%M")
            parts.append(text("projected", self.lang, left=clock_time(left), finish=finish))
        return " · ".join(parts)

    def timer_line(self) -> str:
        """'⏱ drøftelse 2:10 tilbage', or that the time is up; kept up to date under the choices."""
        if self.timer is None or self.item is None:
            return ""
        over = self.clock() - self.item_since - self.timer
        if over.total_seconds() >= 0:
            return "⏱ " + text("timer_over", self.lang)
        seconds = int(-over.total_seconds())
        return "⏱ " + text("timer_left", self.lang, left=f"{seconds // 60}:{seconds % 60:02d}")

    def domains(self, session: Session) -> list[tuple[str, int, int]]:
        """Each domain's title with how many of its items are finished, of how many."""
        return [
            (
                domain.title.get(self.lang),
                sum(1 for item in domain.items if finished(session, item.id)),
                len(domain.items),
            )
            for domain in self.questionnaire.domains
        ]
