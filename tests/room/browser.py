"""Phones in a real browser: Debian's chromium, headless, driven through chromedriver at a
phone's size. Each phone is its own browser, with its own cookie jar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from tests.conftest import strict

CHROMIUM = Path("/usr/bin/chromium")
DRIVER = Path("/usr/bin/chromedriver")
WAIT = 20.0  # seconds: six browsers share two cores here


def browser_or_skip() -> None:
    if CHROMIUM.exists() and DRIVER.exists():
        return
    message = "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)"
    if strict():
        pytest.fail(message)
    pytest.skip(message)


def chromium(width: int = 360, height: int = 740) -> WebDriver:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",
        f"--window-size={width},{height}",
    ):
        options.add_argument(argument)
    # The system driver: nothing is downloaded.
    return webdriver.Chrome(service=Service(str(DRIVER)), options=options)


class BrowserPhone:
    def __init__(self) -> None:
        self.driver = chromium()

    def scan(self, join_url: str) -> None:
        """Open the address of the QR code and join (no role)."""
        self.driver.get(join_url)
        self.driver.find_element(By.CSS_SELECTOR, "form.join button").click()
        self.wait_for(lambda: "/j" not in self.driver.current_url)

    def wait_for_ballot(self, item: str, round_: int) -> None:
        def shows() -> bool:
            # Read in one script: the page may be drawn anew between finding a field and reading
            # it, which chromium reports as a node that "does not belong to the document".
            values = self.driver.execute_script(
                "return [...document.querySelectorAll('input[name=item], input[name=round]')]"
                ".map(f => f.value)"
            )
            return bool(values == [item, str(round_)])

        self.wait_for(shows)

    def tap(self, value: str) -> None:
        """Tap an answer: the vote is sent at once; wait until the phone confirms it."""
        self.driver.find_element(By.CSS_SELECTOR, f"input[name=value][value='{value}']").click()
        self.wait_for(lambda: self.status().startswith("✓"))

    def status(self) -> str:
        found = self.driver.find_elements(By.ID, "status")
        return found[0].text if found else ""

    def text(self) -> str:
        return self.driver.find_element(By.TAG_NAME, "main").text

    def checked(self) -> str | None:
        value = self.driver.execute_script(
            "const f = document.querySelector('input[name=value]:checked'); return f ? f.value : null"
        )
        return None if value is None else str(value)

    def wait_for(self, condition: Callable[[], bool]) -> None:
        # A page drawn anew (the next statement, the reveal) leaves elements stale: look again.
        ignored = (StaleElementReferenceException, NoSuchElementException)
        WebDriverWait(self.driver, WAIT, poll_frequency=0.1, ignored_exceptions=ignored).until(
            lambda _: condition()
        )

    def quit(self) -> None:
        self.driver.quit()
