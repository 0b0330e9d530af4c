from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from peerready.cli.main import main
from peerready.documents.loader import load_instrument
from peerready.model.instrument import Instrument

DATA = Path(__file__).parent / "data"
BASIC = DATA / "questionnaires" / "valid" / "basic.yaml"

# Stable terminal output for assertions: wide, no colour.
os.environ["COLUMNS"] = "120"
os.environ["NO_COLOR"] = "1"
os.environ.pop("FORCE_COLOR", None)


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Run the CLI in-process through its real error boundary."""

    def _run(*args: str | Path) -> Run:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return _run


@pytest.fixture(scope="session")
def basic() -> Instrument:
    return load_instrument(str(BASIC))


def strict() -> bool:
    """CI sets PEERREADY_STRICT_TESTS=1: a missing optional tool then fails instead of skipping."""
    return os.environ.get("PEERREADY_STRICT_TESTS") == "1"
