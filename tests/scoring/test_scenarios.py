"""Golden scenarios: answer sets described in words, each with its verdict, the caps that limit
it, the items flagged for disagreement and the first phase of the action plan – worked out by
hand in the comment at the top of each file (tests/data/scenarios)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from peerready.documents.loader import load_instrument
from tests.conftest import DATA
from tests.helpers.answering import answers, scored

SCENARIOS = sorted((DATA / "scenarios").glob("*.yaml"))


def outcome(spec: dict[str, Any]) -> dict[str, Any]:
    instrument = load_instrument(spec["questionnaire"])
    q = instrument.questionnaire
    answer_sets = [
        answers(q, r.get("default", "top"), r.get("domains"), r.get("items"))
        for r in spec["respondents"]
        for _ in range(r.get("count", 1))  # `count`: that many people answering alike
    ]
    result = scored(instrument, answer_sets)
    caps = [r.domain or r.items[0] for r in result.verdict.reasons if r.kind == "cap"]
    found: dict[str, Any] = {
        "verdict": result.verdict.band,
        "uncapped": result.verdict.uncapped_band,
        "caps": caps,
        "flagged": result.low_agreement,
    }
    if "first_phase" in spec["expect"]:
        plan = result.recommendations
        first = plan[0].phase if plan else None
        found["first_phase"] = [r.id for r in plan if r.phase == first and not r.later]
    if "later" in spec["expect"]:
        found["later"] = [r.id for r in result.recommendations if r.later]
    return found


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_scenario(path: Path) -> None:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert path.read_text(encoding="utf-8").startswith("# "), "explain the expected outcome by hand"
    assert outcome(spec) == spec["expect"]
