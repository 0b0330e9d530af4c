"""The room's parts on their own: seats and ballots, join codes, the guess limit, the LAN
address, what is kept for a resumed meeting, the QR code in the terminal."""

from __future__ import annotations

import socket
import stat
from dataclasses import dataclass
from pathlib import Path

import pytest
import segno

from peerready.errors import InputError, UsageError
from peerready.room.codes import CODE_LENGTH, new_join_code, normal_code, shown_code, token_digest
from peerready.room.limits import GuessLimiter
from peerready.room.network import bind, check_host, pick_address
from peerready.room.options import RoomOptions
from peerready.room.persist import load_record, new_record, record_path, save_record
from peerready.room.qr import qr_text
from peerready.room.state import Ballot, Outcome, Phase, Room

BALLOT = Ballot("mot_a", 1, frozenset({"1", "2", "3"}))


def test_phones_take_seats_in_order_and_keep_them() -> None:
    room = Room.for_seats(["1", "2"])
    first = room.join(None)
    second = room.join(None)
    assert first is not None and second is not None
    assert (first[1], second[1]) == ("1", "2")
    assert room.join(first[0]) == first  # the same phone again: the same seat
    assert room.join(None) is None  # full
    assert room.snapshot().turned_away == 1


def test_votes_count_once_per_seat_and_only_for_the_open_ballot() -> None:
    room = Room.for_seats(["1", "2"])
    joined = room.join(None)
    assert joined is not None
    token = joined[0]
    assert room.cast(token, "mot_a", 1, "1") is Outcome.NOT_OPEN
    room.open(BALLOT)
    assert room.cast(token, "mot_a", 1, "1") is Outcome.ACCEPTED
    assert room.cast(token, "mot_a", 1, "3") is Outcome.REPLACED
    assert room.cast(token, "mot_b", 1, "1") is Outcome.OTHER_BALLOT
    assert room.cast(token, "mot_a", 2, "1") is Outcome.OTHER_BALLOT
    assert room.cast(token, "mot_a", 1, "9") is Outcome.NOT_OFFERED
    assert room.cast("nobody", "mot_a", 1, "1") is Outcome.UNKNOWN_SEAT
    assert room.snapshot().voted == 1
    room.reveal()
    assert room.cast(token, "mot_a", 1, "2") is Outcome.NOT_OPEN
    assert room.current_votes()["1"].value == "3"


def test_a_reopened_round_starts_from_the_votes_saved_for_it() -> None:
    room = Room.for_seats(["1", "2", "3"])
    room.open(BALLOT, {"1": "2", "3": "1", "stranger": "1"})
    assert {seat: vote.value for seat, vote in room.current_votes().items()} == {"1": "2", "3": "1"}
    room.typed("2", "3")  # someone without a phone, at the keyboard
    assert room.snapshot().voted == 3


def test_the_facilitator_is_woken_by_a_change() -> None:
    room = Room.for_seats(["1"])
    calls: list[int] = []
    room.listen(lambda: calls.append(1))
    before = room.snapshot().version
    room.open(BALLOT)
    assert room.wait(before, timeout=0.01).phase is Phase.OPEN
    assert calls == [1]


def test_seats_kept_for_a_resumed_meeting_are_recognised() -> None:
    room = Room.for_seats(["1", "2"], {token_digest("old-token"): "2", token_digest("x"): "9"})
    assert room.seat_of("old-token") == "2"
    assert room.seat_of("x") is None  # a seat the session does not have


def test_join_codes_have_40_bits_and_forgive_typing() -> None:
    codes = {new_join_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(code) == CODE_LENGTH for code in codes)
    assert CODE_LENGTH * 5 >= 40
    assert normal_code("7qk4-m2xd") == "7QK4M2XD"
    assert normal_code("7QK4 M2XO") == "7QK4M2X0"  # O reads as zero, I and L as one
    assert normal_code("7QK4M2X") is None
    assert normal_code("<script>") is None
    assert shown_code("7QK4M2XD") == "7QK4-M2XD"


def test_the_guess_limit_forgets_after_its_window() -> None:
    now = [0.0]
    limiter = GuessLimiter(per_address=2, in_all=3, window=60, clock=lambda: now[0])
    limiter.wrong("a")
    limiter.wrong("a")
    assert not limiter.allowed("a")
    assert limiter.allowed("b")
    limiter.wrong("b")
    assert not limiter.allowed("c")  # three wrong codes in all: everyone waits
    now[0] = 61.0
    assert limiter.allowed("a") and limiter.allowed("c")


@dataclass
class Address:
    family: int
    address: str


def test_the_lan_address_is_read_from_the_interfaces() -> None:
    interfaces = {
        "lo": [Address(socket.AF_INET, "127.0.0.1")],
        "docker0": [Address(socket.AF_INET, "169.254.3.1")],
        "eth1": [Address(socket.AF_INET, "81.7.22.5")],
        "wlan0": [Address(socket.AF_INET6, "fe80::1"), Address(socket.AF_INET, "192.168.1.23")],
        "eth9": [Address(socket.AF_INET, "10.0.0.9")],
    }
    up = {"lo": True, "docker0": True, "eth1": True, "wlan0": True, "eth9": False}
    assert pick_address(interfaces, up) == "192.168.1.23"
    assert pick_address({"eth1": interfaces["eth1"]}, up) == "81.7.22.5"
    with pytest.raises(InputError, match="--host"):
        pick_address({"lo": interfaces["lo"]}, up)


def test_every_interface_at_once_only_when_asked_for() -> None:
    for everywhere in ("0.0.0.0", "::", "[::]"):
        with pytest.raises(UsageError, match="--all-interfaces"):
            check_host(everywhere, everywhere=False)
    assert check_host("0.0.0.0", everywhere=True) == "0.0.0.0"
    assert check_host("127.0.0.1", everywhere=False) == "127.0.0.1"
    with pytest.raises(UsageError, match="expected an IP address"):
        check_host("my-laptop.local", everywhere=False)


def test_a_taken_port_is_a_clear_error() -> None:
    taken = bind("127.0.0.1", None)
    try:
        port = taken.getsockname()[1]
        with pytest.raises(InputError, match=f"cannot open the room at 127.0.0.1:{port}"):
            bind("127.0.0.1", port)
    finally:
        taken.close()


def test_the_resume_command_keeps_the_room_options() -> None:
    assert RoomOptions().flags() == " --room"
    assert RoomOptions("127.0.0.1", 8765).flags() == " --room --host 127.0.0.1 --port 8765"


def test_the_room_is_kept_privately_with_token_digests_only(tmp_path: Path) -> None:
    session = tmp_path / "team.json"
    assert load_record(session) is None
    record = new_record()
    record.port = 8765
    record.seats = {token_digest("phone-token"): "2"}
    save_record(session, record)
    path = record_path(session)
    assert path.name == ".team.json.room"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "phone-token" not in path.read_text(encoding="utf-8")
    again = load_record(session)
    assert again == record
    path.write_text('{"code": "not a code"}', encoding="utf-8")
    assert load_record(session) is None  # a broken file: the room starts afresh


def test_the_terminal_qr_code_draws_the_same_modules_as_segno() -> None:
    url = "http://192.168.1.23:8765/j/7QK4M2XD"
    drawn = qr_text(url).plain.splitlines()
    modules = [[bool(m) for m in row] for row in segno.make(url, error="m").matrix_iter(border=2)]
    halves = {" ": (False, False), "▀": (True, False), "▄": (False, True), "█": (True, True)}
    back: list[list[bool]] = []
    for line in drawn:  # each character is two rows of modules: the upper and the lower half
        back += [[halves[c][0] for c in line], [halves[c][1] for c in line]]
    assert back[: len(modules)] == modules
    assert all(not any(row) for row in back[len(modules) :])  # an odd row count is padded light
