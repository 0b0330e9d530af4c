"""A session answered on an older version of a bundled questionnaire (readiness 0.2.0, before the
bands, caps and agreement rules changed) is refused by default and scored when allowed."""

from __future__ import annotations

from peerready.documents.loader import load_instrument
from peerready.documents.sessions import load_session
from peerready.scoring.score import score_session
from tests.conftest import DATA

OLD = DATA / "versions" / "readiness-0.2.0.json"


def test_an_old_session_is_refused_without_the_flag(run) -> None:  # type: ignore[no-untyped-def]
    result = run("score", OLD)
    assert result.code == 2
    assert "answered on 'readiness' 0.2.0" in result.err
    assert "--allow-version-mismatch" in result.err


def test_an_old_session_still_scores_with_the_flag(run) -> None:  # type: ignore[no-untyped-def]
    readiness = load_instrument("readiness")
    result = score_session(readiness, load_session(OLD), allow_version_mismatch=True)
    assert result.questionnaire.version == readiness.questionnaire.version != "0.2.0"
    assert result.verdict.band == "getting_ready"  # "partly" throughout: every domain at 40–50
    assert result.warnings and result.warnings[0].startswith("questionnaire changed since the session")
    assert run("score", OLD, "--allow-version-mismatch").code == 0
