"""The room's pages as phones and screen readers get them: the session's language, every answer a
labelled control in a fieldset named by the statement, the vote's confirmation announced, and no
inline script or style anywhere (the Content-Security-Policy would block it)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest

from peerready.model.instrument import Instrument
from peerready.model.questionnaire import RatedItem
from peerready.room.content import ballot_for
from tests.room.phones import Phone
from tests.room.serving import CODE, Served, served


@pytest.fixture
def room(basic: Instrument) -> Iterator[Served]:
    with served(basic) as running, Phone.closing():
        yield running


def anchored(basic: Instrument) -> RatedItem:
    return next(i for i in basic.questionnaire.all_items if isinstance(i, RatedItem) and i.anchors)


def test_the_ballot_reads_well_on_a_phone_and_with_a_screen_reader(room: Served, basic: Instrument) -> None:
    item = anchored(basic)
    phone = Phone(room.origin)
    phone.join(CODE)
    room.room.open(ballot_for(basic.questionnaire, item, 1))
    page = phone.page()
    assert '<html lang="en">' in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert re.search(r"<fieldset>\s*<legend><h1>" + re.escape(item.text.en) + "</h1></legend>", page)
    radios = re.findall(r'<label class="answer">\s*<input type="radio" name="value" value="([^"]+)"', page)
    assert radios == [o.id for o in basic.questionnaire.options_of(item)] + ["dont_know", "not_applicable"]
    assert item.anchors is not None
    for anchor in item.anchors.values():  # each level's anchor text, under its label
        assert f'<span class="detail">{anchor.en}</span>' in page
    assert 'role="status" aria-live="polite"' in page
    assert '<label for="comment"' in page


def test_no_page_has_inline_script_or_style(room: Served, basic: Instrument) -> None:
    phone = Phone(room.origin)
    pages = [phone.client.get(f"/j/{CODE}").text]
    phone.join(CODE)
    pages.append(phone.page())  # waiting
    room.room.open(ballot_for(basic.questionnaire, anchored(basic), 1))
    pages += [phone.page(), httpx.get(room.origin + room.projector).text]
    room.room.reveal()
    pages += [phone.page(), httpx.get(room.origin + room.projector).text]
    room.room.close()
    pages.append(phone.page())
    for page in pages:
        assert re.findall(r"<script(?![^>]*\ssrc=)[^>]*>", page) == []
        assert " style=" not in page and "<style" not in page
        assert re.findall(r"\son[a-z]+=", page) == []  # no event handler attributes


@pytest.mark.parametrize(
    ("anonymous", "promise"), [(True, "nobody can see what you voted"), (False, "participant number")]
)
def test_the_join_page_says_what_others_will_see(basic: Instrument, anonymous: bool, promise: str) -> None:
    with served(basic, anonymous=anonymous) as room:
        page = httpx.get(f"{room.origin}/j/{CODE}").text
    assert promise in page
    assert "no name" in page.lower()
