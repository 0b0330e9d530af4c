"""The summary `peerready score` prints and `peerready assess` ends with."""

from __future__ import annotations

import json
import re

from tests.conftest import BASIC, DATA

SESSIONS = DATA / "sessions"


def test_consensus_is_the_groups_answers_and_items_are_numbered_with_their_scores(run) -> None:
    out = run("score", SESSIONS / "consensus.json", "-q", BASIC).out
    assert out.splitlines()[0] == (
        "Afdeling Øst – Århus · Grundlæggende parathed · 23. november 2026 · gruppens fælles svar"
    )
    assert "Styrker\n• 1. Vi ved hvorfor. – 100\n• 4. Der er en arbejdsgruppe. – 100\n" in out
    assert "Huller\n• 8. Teamet er klar. – 25\n" in out


def test_splits_with_their_spread_and_items_marked_for_discussion(run, tmp_path) -> None:
    data = json.loads((SESSIONS / "individual.json").read_text(encoding="utf-8"))
    data["flagged"] = ["mot_a", "team_meetings"]
    session = tmp_path / "flagged.json"
    session.write_text(json.dumps(data), encoding="utf-8")
    out = run("score", session, "-q", BASIC, "--lang", "en").out
    assert "· 12 respondents\n" in out
    # Widest spread first: what most needs discussing heads the list.
    assert "Low agreement – discuss\n• 8. The team is ready. – on average 2.00 steps from the middle\n" in out
    assert "• 3. We know how. – on average 1.00 steps from the middle\n" in out
    # Marked items that also disagree are listed once, under low agreement.
    assert "Marked for discussion\n• 1. We know why. – 88\n\n" in out


def test_groups_say_whether_spread_lies_between_or_within_them(run) -> None:
    out = run("score", SESSIONS / "individual.json", "-q", BASIC, "--lang", "en").out
    # staff all score leadership 50 and the others all 67: every difference is between the groups
    assert re.search(r"Leadership\s*│\s*50\s*│\s*67\s*│ between groups \(η² 1\.00\)", out)
    assert re.search(r"The team\s*│\s*50\s*│\s*50\s*│ within groups \(η² 0\.00\)", out)
