"""SIGTERM and SIGHUP stop a run as Ctrl-C does: temporary files (respondent ids and scores)
removed, a message, and the shell's exit status for the signal."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from peerready.documents.loader import load_instrument
from peerready.scoring.tally import ScoringPlan
from tests.conftest import BASIC


def _large_export(folder: Path, rows: int = 400_000) -> Path:
    plan = ScoringPlan.build(load_instrument(str(BASIC)).questionnaire)
    answers = ",".join(p.option_ids[-1] for p in plan.items)
    lines = [f"respondent,role,{','.join(p.id for p in plan.items)}"]
    lines += [f"r{n},staff,{answers}" for n in range(rows)]
    path = folder / "export.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("number", "code", "word"), [(signal.SIGTERM, 143, "SIGTERM"), (signal.SIGHUP, 129, "SIGHUP")]
)
def test_a_signal_during_score_respondents_cleans_up(
    tmp_path: Path, number: int, code: int, word: str
) -> None:
    export = _large_export(tmp_path)
    command = [sys.executable, "-m", "peerready", "score", str(export), "-q", str(BASIC)]
    command += ["--respondents", str(tmp_path / "resp.csv"), "-f", "json", "-o", str(tmp_path / "r.json")]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".resp.csv.*.tmp")):  # the respondents file is being written
        assert child.poll() is None and time.monotonic() < deadline, "finished before the signal"
        time.sleep(0.01)
    child.send_signal(number)
    _, err = child.communicate(timeout=60)
    assert child.returncode == code, err
    assert "peerready: error: stopped: " in err and word in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.csv"]
