"""The score view at 80 columns: names and column titles wrap between words, nothing is cut."""

from __future__ import annotations

import pytest

from peerready.output import console
from tests.helpers.reporting import SAMPLE, SAMPLE_SESSION


@pytest.fixture(autouse=True)
def _fresh_console():
    """The console reads the terminal's width when first made: make it again for each width."""
    console.out.cache_clear()
    yield
    console.out.cache_clear()


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("width", [80, 100, 160])
def test_the_score_view_cuts_no_word(run, monkeypatch, lang, width) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    result = run("score", SAMPLE_SESSION, "-q", SAMPLE, "--lang", lang)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert "…" not in result.out
    assert max(len(line) for line in lines) <= width
    headers = ("Område", "Bånd", "Besvaret", "Positive", "Enighed") if lang == "da" else (
        "Domain", "Band", "Answered", "Favourable", "Agreement"
    )  # fmt: skip
    header_line = next(line for line in lines if line.startswith(headers[0]))
    assert all(h in header_line for h in headers)
