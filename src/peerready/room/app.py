"""The room's web app: phones join with the code and vote; the projector page follows along.

Routes: `/j/{code}` (the QR code's address: the join page), `POST /j` (join), `/` (the phone's
page), `POST /vote`, `/events` (live updates for a phone), `/p/{key}` with its `events` and
`qr.svg` (the projector page, for whoever has the facilitator's key), `/static/{name}`.
"""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from peerready.i18n import Lang
from peerready.room import pages
from peerready.room.codes import codes_match, normal_code
from peerready.room.context import Setup, address_of, read_form, setup_of
from peerready.room.events import event_stream
from peerready.room.guard import Guard
from peerready.room.limits import MAX_BODY, MAX_COMMENT
from peerready.room.projector import projector_routes
from peerready.room.state import Outcome, Phase, Snapshot
from peerready.room.texts import text

COOKIE = "peerready_seat"
COOKIE_AGE = 12 * 3600  # seconds: one meeting day

REFUSALS: dict[Outcome, tuple[int, str]] = {
    Outcome.UNKNOWN_SEAT: (403, "no_seat"),
    Outcome.NOT_OPEN: (409, "not_open"),
    Outcome.OTHER_BALLOT: (409, "other_ballot"),
    Outcome.NOT_OFFERED: (422, "not_offered"),
    Outcome.FINAL: (409, "final"),
}


def build_app(setup: Setup) -> Guard:
    routes = [
        Route("/", _phone, methods=["GET"]),
        Route("/j/{code}", _join_page, methods=["GET"]),
        Route("/j", _join, methods=["POST"]),
        Route("/vote", _vote, methods=["POST"]),
        Route("/events", _phone_events, methods=["GET"]),
        Route("/static/{name}", lambda request: pages.static(request.path_params["name"]), methods=["GET"]),
        Route("/favicon.ico", _no_icon, methods=["GET"]),
        *projector_routes(),
    ]
    app = Starlette(routes=routes)
    app.state.setup = setup
    return Guard(app, origin=setup.origin, max_body=MAX_BODY)


async def _no_icon(_request: Request) -> Response:
    """The room has no icon; saying so quietly spares every phone a failed request in its log."""
    return Response(status_code=204)


async def _join_page(request: Request) -> Response:
    setup = setup_of(request)
    if setup.room.seat_of(request.cookies.get(COOKIE)) is not None:
        return RedirectResponse("/", status_code=303)  # this phone is in already: straight to voting
    return _join_form(setup, request.path_params["code"])


def _join_form(setup: Setup, code: str = "", problem: str = "", status: int = 200) -> Response:
    roles = sorted(setup.roles.items(), key=lambda pair: pair[1])
    return pages.page(
        "join", setup.lang, status, code=code, roles=roles, problem=problem, anonymous=setup.anonymous
    )


async def _join(request: Request) -> Response:
    setup = setup_of(request)
    form = await read_form(request)
    address = address_of(request)
    if not setup.limiter.allowed(address):
        return _join_form(setup, problem=text("too_many", setup.lang), status=429)
    code = normal_code(form.get("code", ""))
    if code is None or not codes_match(code, setup.code):
        setup.limiter.wrong(address)
        return _join_form(setup, problem=text("wrong_code", setup.lang), status=403)
    role = form.get("role") or None
    joined = setup.room.join(request.cookies.get(COOKIE), role if role in setup.roles else None)
    if joined is None:
        seats = len(setup.room.seats)
        return pages.page("message", setup.lang, 403, message=text("full", setup.lang, seats=seats))
    token, _ = joined
    if token != request.cookies.get(COOKIE):
        setup.on_join()
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(COOKIE, token, max_age=COOKIE_AGE, httponly=True, samesite="strict")
    return response


async def _phone(request: Request) -> Response:
    setup = setup_of(request)
    token = request.cookies.get(COOKIE)
    if setup.room.seat_of(token) is None:
        return _join_form(setup)
    snapshot = setup.room.snapshot()
    own = setup.room.vote_of(token)
    card = setup.card(snapshot.ballot) if snapshot.ballot is not None else None
    answer = card.labels.get(own.value) if card is not None and own is not None and own.value else None
    return pages.page(
        "phone",
        setup.lang,
        snapshot=snapshot,
        phase=snapshot.phase.value,
        card=card,
        chosen=own.value if own else None,
        comment=own.comment if own else "",
        status_line=text("your_vote", setup.lang, answer=answer) if answer else text("no_vote", setup.lang),
        counted=text("counted", setup.lang, voted=snapshot.voted, seats=snapshot.seats),
        max_comment=MAX_COMMENT,
    )


async def _vote(request: Request) -> Response:
    setup = setup_of(request)
    form = await read_form(request)
    token = request.cookies.get(COOKIE)
    round_ = form.get("round", "")
    outcome = setup.room.cast(
        token,
        form.get("item", ""),
        int(round_) if round_.isdigit() else -1,
        form.get("value", ""),
        " ".join(form.get("comment", "").split())[:MAX_COMMENT],
    )
    wants_json = "application/json" in request.headers.get("accept", "")
    if outcome in REFUSALS:
        status, key = REFUSALS[outcome]
        if wants_json:
            return JSONResponse({"ok": False, "message": text(key, setup.lang)}, status_code=status)
        return pages.page("message", setup.lang, status, message=text(key, setup.lang))
    if wants_json:
        own = setup.room.vote_of(token)
        ballot = setup.room.snapshot().ballot
        label = setup.card(ballot).labels.get(own.value, "") if own and own.value and ballot else ""
        return JSONResponse({"ok": True, "message": text("your_vote", setup.lang, answer=label)})
    return RedirectResponse("/", status_code=303)


async def _phone_events(request: Request) -> Response:
    setup = setup_of(request)
    if setup.room.seat_of(request.cookies.get(COOKIE)) is None:
        return Response(text("no_seat", setup.lang), status_code=403, media_type="text/plain")
    return event_stream(setup.room, lambda snapshot: _counts(snapshot, setup.lang))


def _counts(snapshot: Snapshot, lang: Lang) -> dict[str, Any]:
    return {
        "key": snapshot.key,
        "counted": text("counted", lang, voted=snapshot.voted, seats=snapshot.seats),
        "voted": snapshot.voted,
        "open": snapshot.phase is Phase.OPEN,
    }
