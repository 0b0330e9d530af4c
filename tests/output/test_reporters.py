"""One registry of reporters: every format `score` and `report` offer is one of them."""

from __future__ import annotations

import json

import pytest
from rich.console import Console

from peerready.commands import report, score
from peerready.commands.inputs import load_scored
from peerready.output.reporters import REPORTERS, Scored
from tests.conftest import BASIC, DATA

SESSION = DATA / "sessions" / "individual.json"


def test_every_format_the_commands_offer_is_registered() -> None:
    assert set(score.FORMATS.values()) | set(report.FORMATS.values()) == set(REPORTERS)


@pytest.mark.parametrize("name", sorted(set(REPORTERS) - {"pdf"}))
def test_each_reporter_writes_the_result(name: str) -> None:
    instrument, result = load_scored(SESSION, str(BASIC))
    reporter = REPORTERS[name]

    made = reporter.render(Scored(result, instrument, "en"))

    if reporter.destination == "terminal":
        console = Console(width=100, record=True, color_system=None)
        console.print(made.content)
        text = console.export_text()
    else:
        assert isinstance(made.content, str)
        text = made.content
    title = instrument.questionnaire.title.en
    expected = {
        "table": title,
        "json": '"format": "peerready-result/1"',
        "csv": "overall",
        "summary": "| Domain |",
        "markdown": "# Readiness report",
        "html": "<!DOCTYPE html>",
    }[name]
    assert expected in text
    if name == "json":
        assert json.loads(text)["questionnaire"]["id"] == "basic"
