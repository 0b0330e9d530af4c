"""What someone else on the network can try, and what the room answers: wrong join codes (and
many of them), a made-up token, a vote for another statement or round, a second vote, a body
too large, a request from another page, markup in a comment, one phone too many."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from peerready.model.instrument import Instrument
from peerready.room.content import ballot_for
from peerready.room.guard import CSP
from peerready.room.limits import MAX_BODY, GuessLimiter
from peerready.room.state import Phase
from tests.room.phones import Phone
from tests.room.serving import CODE, Served, served


@pytest.fixture
def room(basic: Instrument) -> Iterator[Served]:
    with served(basic) as running, Phone.closing():
        yield running


def open_first(room: Served, basic: Instrument, round_: int = 1) -> str:
    item = basic.questionnaire.all_items[0]
    assert item.kind == "rated"
    room.room.open(ballot_for(basic.questionnaire, item, round_))
    return item.id


def joined(room: Served) -> Phone:
    phone = Phone(room.origin)
    assert phone.join(CODE).status_code == 303
    return phone


def test_a_wrong_join_code_gives_no_seat(room: Served) -> None:
    phone = Phone(room.origin)
    answer = phone.join("7QK4M2XE")
    assert answer.status_code == 403
    assert "That code is not right" in answer.text
    assert "peerready_seat" not in answer.headers.get("set-cookie", "")
    assert room.room.snapshot().joined == 0


def test_the_code_is_forgiving_about_case_dashes_and_look_alike_letters(room: Served) -> None:
    assert Phone(room.origin).join("7qk4-m2xd").status_code == 303
    assert Phone(room.origin).join("7QK4 M2XD").status_code == 303
    assert room.room.snapshot().joined == 2


def test_guessing_codes_is_cut_off_after_a_few_tries(basic: Instrument) -> None:
    with served(basic, limiter=GuessLimiter(per_address=3, in_all=100)) as room, Phone.closing():
        phone = Phone(room.origin)
        statuses = [phone.join(f"AAAA000{n}").status_code for n in range(5)]
        assert statuses == [403, 403, 403, 429, 429]
        # Even the right code waits until the minute is over: a guesser cannot tell it apart.
        assert phone.join(CODE).status_code == 429


def test_a_made_up_token_cannot_vote_or_follow(room: Served, basic: Instrument) -> None:
    item = open_first(room, basic)
    stranger = Phone(room.origin)
    stranger.client.cookies.set("peerready_seat", "made-up-token")
    answer = stranger.vote(item, 1, "4")
    assert answer.status_code == 403
    assert answer.json()["ok"] is False
    assert stranger.client.get("/events").status_code == 403
    assert "Join the meeting" in stranger.page()  # the join form, not the ballot
    assert room.room.snapshot().voted == 0


def test_a_vote_for_another_statement_or_round_is_refused(room: Served, basic: Instrument) -> None:
    item = open_first(room, basic, round_=2)
    phone = joined(room)
    other = basic.questionnaire.all_items[1].id
    assert phone.vote(other, 2, "4").status_code == 409
    assert phone.vote(item, 1, "4").status_code == 409  # the round before
    assert phone.vote(item, 2, "7").status_code == 422  # not an answer the statement offers
    assert room.room.snapshot().voted == 0
    assert phone.vote(item, 2, "4").status_code == 200
    assert room.room.snapshot().voted == 1


def test_no_vote_before_a_statement_is_open_or_after_the_reveal(room: Served, basic: Instrument) -> None:
    phone = joined(room)
    item = basic.questionnaire.all_items[0].id
    assert phone.vote(item, 1, "4").status_code == 409
    open_first(room, basic)
    room.room.reveal()
    assert phone.vote(item, 1, "4").status_code == 409
    assert room.room.snapshot().voted == 0


def test_a_second_vote_replaces_the_first(room: Served, basic: Instrument) -> None:
    item = open_first(room, basic)
    phone = joined(room)
    assert phone.vote(item, 1, "2").status_code == 200
    answer = phone.vote(item, 1, "5")
    assert answer.status_code == 200
    assert "5 Agree" in answer.json()["message"]
    assert room.room.snapshot().voted == 1
    assert [vote.value for vote in room.room.current_votes().values()] == ["5"]


def test_an_oversized_body_is_refused_unread(room: Served, basic: Instrument) -> None:
    item = open_first(room, basic)
    phone = joined(room)
    big = phone.vote(item, 1, "4", comment="x" * MAX_BODY)
    assert big.status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: the bound holds while reading
        yield f"item={item}&round=1&value=4&comment=".encode()
        for _ in range(10):
            yield b"y" * 1000

    streamed = phone.client.post(
        "/vote", content=chunks(), headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert streamed.status_code == 413
    assert room.room.snapshot().voted == 0


def test_requests_from_another_page_are_refused(room: Served, basic: Instrument) -> None:
    item = open_first(room, basic)
    phone = joined(room)
    form = {"item": item, "round": "1", "value": "4"}
    for origin in ("http://evil.example", "null", f"{room.origin}.evil.example"):
        assert phone.client.post("/vote", data=form, headers={"Origin": origin}).status_code == 403
    bare = httpx.post(f"{room.origin}/vote", data=form, cookies=phone.client.cookies)  # no Origin at all
    assert bare.status_code == 403
    assert (
        Phone(room.origin).client.post("/j", data={"code": CODE}, headers={"Origin": "http://x"}).status_code
        == 403
    )
    assert room.room.snapshot().voted == 0


def test_another_host_name_is_refused(room: Served) -> None:
    """A page elsewhere cannot point its own name at the room (DNS rebinding)."""
    answer = httpx.get(f"{room.origin}/", headers={"Host": "attacker.example"})
    assert answer.status_code == 421


def test_markup_in_a_comment_is_shown_as_text(room: Served, basic: Instrument) -> None:
    item = open_first(room, basic)
    phone = joined(room)
    markup = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    assert phone.vote(item, 1, "4", comment=markup).status_code == 200
    assert "&lt;script&gt;" in phone.page()  # the phone's own comment, back in its text box
    room.room.reveal()
    projector = httpx.get(room.origin + room.projector).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in projector
    assert "<script>alert" not in projector and "<img src=x" not in projector


def test_every_answer_carries_the_strict_policy(room: Served) -> None:
    for path in ("/", "/j/" + CODE, "/static/room.css", "/nothing-here", room.projector):
        headers = httpx.get(room.origin + path).headers
        assert headers["content-security-policy"] == CSP, path
        assert headers["x-content-type-options"] == "nosniff"
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP


def test_only_the_rooms_own_files_are_served(room: Served) -> None:
    assert httpx.get(room.origin + "/static/phone.js").status_code == 200
    for path in ("/static/..%2F__init__.py", "/static/../app.py", "/static/templates"):
        assert httpx.get(room.origin + path).status_code == 404


def test_the_projector_page_needs_its_key(room: Served) -> None:
    assert httpx.get(room.origin + "/p/guessed-key").status_code == 404
    assert httpx.get(room.origin + "/p/guessed-key/events").status_code == 404
    page = httpx.get(room.origin + room.projector)
    assert page.status_code == 200
    assert "/j/7QK4M2XD" in page.text


def test_a_full_room_turns_the_next_phone_away_and_tells_the_facilitator(room: Served) -> None:
    phones = [joined(room) for _ in range(3)]
    extra = Phone(room.origin)
    answer = extra.join(CODE)
    assert answer.status_code == 403
    assert "The meeting is full: all 3 places are taken" in answer.text
    snapshot = room.room.snapshot()
    assert (snapshot.joined, snapshot.turned_away) == (3, 1)
    assert "1 turned away: the meeting is full" in httpx.get(room.origin + room.projector).text
    # A phone already in keeps its seat when it comes back through the join page.
    assert phones[0].join(CODE).status_code == 303
    assert room.room.snapshot().joined == 3


def test_a_phone_keeps_its_seat_by_its_cookie(room: Served, basic: Instrument) -> None:
    phone = joined(room)
    item = open_first(room, basic)
    assert phone.vote(item, 1, "3").status_code == 200
    assert phone.client.get(f"/j/{CODE}", follow_redirects=False).status_code == 303
    assert 'value="3" checked' in phone.page()
    assert room.room.snapshot().phase is Phase.OPEN
