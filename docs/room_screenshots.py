"""The README's pictures of `assess --room`: a phone (360×740) with a statement open and a vote
given, and the projector page after the reveal. The real room on 127.0.0.1, the bundled
questionnaire in Danish, Debian's headless chromium through chromedriver.

    .venv/bin/python docs/room_screenshots.py   # writes docs/images/room-phone.png, room-projector.png
"""

from __future__ import annotations

import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from peerready import resources
from peerready.documents.loader import load_instrument
from peerready.meeting.steps import item_spread
from peerready.model.questionnaire import RatedItem, TextItem
from peerready.model.session import ROLE_LABELS
from peerready.room.app import build_app
from peerready.room.codes import new_join_code, new_token
from peerready.room.content import Card, ballot_for, card_for
from peerready.room.context import Setup
from peerready.room.flow import agreement_lines
from peerready.room.network import bind
from peerready.room.server import RoomServer
from peerready.room.state import Ballot, Room
from peerready.scoring.tally import ScoringPlan

IMAGES = Path(__file__).parent / "images"
SEATS = [str(n) for n in range(1, 7)]
OTHERS = [2, 2, 1, 2, 2]  # the other five votes (as option positions), typed in for the picture


def browser(width: int, height: int, scale: float, mobile: bool) -> WebDriver:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    metrics = {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": mobile}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    return driver


def main() -> None:
    questionnaire = load_instrument(resources.DEFAULT_QUESTIONNAIRE).questionnaire
    item = next(i for i in questionnaire.all_items if isinstance(i, RatedItem) and i.anchors)

    def card(ballot: Ballot) -> Card:
        shown = questionnaire.item_by_id[ballot.item_id]
        assert not isinstance(shown, TextItem)
        return card_for(questionnaire, shown, ballot.round, "da")

    sock = bind("127.0.0.1", None)
    origin = f"http://127.0.0.1:{sock.getsockname()[1]}"
    room = Room.for_seats(SEATS)
    setup = Setup(
        room=room,
        code=new_join_code(),
        projector_key=new_token(),
        lang="da",
        origin=origin,
        roles={role: label.da for role, label in ROLE_LABELS.items()},
        card=card,
    )
    server = RoomServer(build_app(setup), sock)
    server.start()
    phone = browser(360, 740, 2, mobile=True)
    projector = browser(1280, 720, 1, mobile=False)
    try:
        phone.get(setup.join_url)
        phone.find_element(By.CSS_SELECTOR, "form.join button").click()
        room.open(ballot_for(questionnaire, item, 1))
        projector.get(f"{origin}/p/{setup.projector_key}")
        time.sleep(1.5)
        options = [o.id for o in questionnaire.options_of(item)]
        phone.find_element(By.CSS_SELECTOR, f"input[name=value][value='{options[2]}']").click()
        time.sleep(0.5)
        phone.save_screenshot(str(IMAGES / "room-phone.png"))
        for seat, position in zip(SEATS[1:], OTHERS, strict=True):
            room.typed(seat, options[min(position, len(options) - 1)])
        room.reveal()
        answers = tuple(v.value for v in room.current_votes().values() if v.value)
        stats = item_spread(ScoringPlan.build(questionnaire), item.id, answers, questionnaire.settings)
        room.summarise(agreement_lines(stats, "da"), answers)
        time.sleep(1.5)
        projector.save_screenshot(str(IMAGES / "room-projector.png"))
    finally:
        phone.quit()
        projector.quit()
        room.close()
        server.stop()


if __name__ == "__main__":
    main()
