"""`peerready assess --room`: open the room, run the meeting with it, close it when the meeting
ends or pauses. The only module the assess command imports for a room, and only then."""

from __future__ import annotations

import socket
from collections.abc import Callable
from functools import cache
from pathlib import Path

from rich.console import Group
from rich.text import Text

from peerready.errors import InputError, UsageError
from peerready.i18n import Lang
from peerready.meeting.flow import Assessment
from peerready.model.instrument import Instrument
from peerready.model.questionnaire import TextItem
from peerready.model.session import Session
from peerready.room.app import build_app
from peerready.room.codes import shown_code
from peerready.room.content import Card, card_for
from peerready.room.context import Setup
from peerready.room.facilitator import Entrance, RoomVoting
from peerready.room.flow import PhoneBox
from peerready.room.keys import Keys, TerminalKeys
from peerready.room.network import EVERYWHERE, bind, lan_address, resolve_host, url_host
from peerready.room.options import RoomOptions
from peerready.room.persist import RoomRecord, load_record, new_record, save_record
from peerready.room.server import RoomServer
from peerready.room.state import Ballot, Room
from peerready.room.texts import text


def run_room(assessment: Assessment, path: Path, options: RoomOptions, keys: Keys | None = None) -> Session:
    """Run the meeting with phones voting; the finished session. The server stops on the way out,
    whether the meeting finished, paused (Ctrl-C) or failed."""
    session, lang = assessment.session, assessment.lang
    if session.mode == "consensus":
        raise UsageError(text("consensus_room", lang))
    host = resolve_host(options).host or ""
    record = load_record(path) or new_record()
    sock = _listen(host, options.port, record)
    record.port = sock.getsockname()[1]
    # On every interface (asked for by name), phones still reach the room at its LAN address.
    origin = f"http://{url_host(lan_address() if host in EVERYWHERE else host)}:{record.port}"
    room = Room.for_seats([r.id for r in session.respondents], record.seats)
    setup = Setup(
        room=room,
        code=record.code,
        projector_key=record.projector,
        lang=lang,
        origin=origin,
        roles={role: label.get(lang) for role, label in session.role_labels().items()},
        card=_cards(assessment.instrument, lang),
        anonymous=session.mode == "anonymous",
        on_join=lambda: _keep(path, record, room),
    )
    save_record(path, record)
    server = RoomServer(build_app(setup), sock)
    server.start()
    keys = keys or TerminalKeys()
    entrance = Entrance(setup.join_url, shown_code(record.code), f"{origin}/p/{record.projector}")
    phones = RoomVoting(room, keys, assessment.show, assessment.asker, lang, entrance)
    try:
        _welcome(assessment, entrance, keys, phones)
        assessment.voting.box = PhoneBox(assessment, phones)
        return assessment.run()
    finally:
        room.close()
        server.stop()
        phones.close()


def _listen(host: str, port: int | None, record: RoomRecord) -> socket.socket:
    if port is not None or record.port is None:
        return bind(host, port)
    try:  # the address the phones knew, so that they reconnect by themselves
        return bind(host, record.port)
    except InputError:  # taken meanwhile: phones scan the new code (their seat is kept)
        return bind(host, None)


def _keep(path: Path, record: RoomRecord, room: Room) -> None:
    record.seats = room.holder_digests()
    save_record(path, record)


def _cards(instrument: Instrument, lang: Lang) -> Callable[[Ballot], Card]:
    questionnaire = instrument.questionnaire

    @cache
    def card(ballot: Ballot) -> Card:
        item = questionnaire.item_by_id[ballot.item_id]
        assert not isinstance(item, TextItem), "open answers are typed at the keyboard, not voted on"
        return card_for(questionnaire, item, ballot.round, lang)

    return card


def _welcome(assessment: Assessment, entrance: Entrance, keys: Keys, voting: RoomVoting) -> None:
    """The QR code and address on the screen, with how many have joined, until the facilitator starts."""
    drawn = -1
    while True:
        snapshot = voting.room.snapshot()
        if snapshot.version != drawn:
            joined = Text(
                text("joined", assessment.lang, joined=snapshot.joined, seats=snapshot.seats), style="bold"
            )
            if snapshot.turned_away:
                joined.append(
                    " · " + text("turned_away", assessment.lang, count=snapshot.turned_away), style="warn"
                )
            assessment.show(
                Group(
                    Text(text("room_open", assessment.lang), style="heading"),
                    entrance.view(assessment.lang, qr=True),
                    joined,
                    Text(text("start_keys", assessment.lang), style="muted"),
                )
            )
            drawn = snapshot.version
        if keys.read(60.0, voting.wake_fd) == "enter":
            return
        voting.drain()
