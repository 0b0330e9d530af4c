"""The projector page: the QR code and address to join, the statement, how many have voted
(never who), and after the reveal the spread and the comments. Only the facilitator has its
key (printed in the terminal), so nobody else on the network can follow or reveal anything."""

from __future__ import annotations

import io
from collections import Counter
from functools import cache
from typing import Any

import segno
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from peerready.i18n import Lang
from peerready.room import pages
from peerready.room.codes import shown_code
from peerready.room.context import address_of, key_matches, setup_of
from peerready.room.events import event_stream
from peerready.room.state import Phase, Snapshot
from peerready.room.texts import text


def projector_routes() -> list[BaseRoute]:
    return [
        Route("/p/{key}", _page, methods=["GET"]),
        Route("/p/{key}/events", _events, methods=["GET"]),
        Route("/p/{key}/qr.svg", _qr, methods=["GET"]),
    ]


def _refused(request: Request) -> Response | None:
    setup = setup_of(request)
    if not setup.limiter.allowed(address_of(request)):
        return Response("too many wrong keys\n", status_code=429, media_type="text/plain")
    if key_matches(request):
        return None
    setup.limiter.wrong(address_of(request))
    return Response("not found\n", status_code=404, media_type="text/plain")


async def _page(request: Request) -> Response:
    if (refusal := _refused(request)) is not None:
        return refusal
    setup = setup_of(request)
    snapshot = setup.room.snapshot()
    card = setup.card(snapshot.ballot) if snapshot.ballot is not None else None
    spread: list[tuple[str, int]] = []
    comments: list[str] = []
    if snapshot.phase is Phase.REVEALED and card is not None:
        counts = Counter(setup.room.answers)  # the session's answers: typed votes and all
        spread = [(answer.label, counts[answer.value]) for answer in (*card.answers, *card.aside)]
        votes = setup.room.current_votes().values()
        comments = sorted(vote.comment for vote in votes if vote.comment)  # sorted: no seat order
    return pages.page(
        "projector",
        setup.lang,
        snapshot=snapshot,
        phase=snapshot.phase.value,
        card=card,
        spread=spread,
        most=max([count for _, count in spread], default=0),
        comments=comments,
        summary=setup.room.summary,
        join_url=setup.join_url,
        code=shown_code(setup.code),
        key=setup.projector_key,
        **_counts(snapshot, setup.lang),
    )


async def _events(request: Request) -> Response:
    if (refusal := _refused(request)) is not None:
        return refusal
    setup = setup_of(request)
    return event_stream(setup.room, lambda snapshot: {"key": snapshot.key, **_counts(snapshot, setup.lang)})


async def _qr(request: Request) -> Response:
    if (refusal := _refused(request)) is not None:
        return refusal
    return Response(_qr_svg(setup_of(request).join_url), media_type="image/svg+xml")


@cache
def _qr_svg(url: str) -> bytes:
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=8, border=2, xmldecl=False)
    return out.getvalue()


def _counts(snapshot: Snapshot, lang: Lang) -> dict[str, Any]:
    return {
        "counted": text("counted", lang, voted=snapshot.voted, seats=snapshot.seats),
        "joined": text("joined", lang, joined=snapshot.joined, seats=snapshot.seats),
        "turned_away": text("turned_away", lang, count=snapshot.turned_away) if snapshot.turned_away else "",
    }
