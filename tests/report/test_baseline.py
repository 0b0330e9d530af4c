"""Comparing with an earlier assessment: a session or a result, the same questionnaire, any version."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peerready.commands.inputs import load_scored
from peerready.documents.loader import load_instrument
from peerready.documents.sessions import load_session, save_session
from peerready.errors import InputError
from peerready.model.session import reference_to
from peerready.report.baseline import compare, load_baseline
from peerready.report.build import build_report
from tests.conftest import DATA
from tests.helpers.reporting import REPORT, SAMPLE, SAMPLE_BASELINE, SAMPLE_SESSION


@pytest.fixture(scope="module")
def current():
    return load_scored(SAMPLE_SESSION, str(SAMPLE))


def _result_json(run, session: Path, questionnaire: Path, target: Path) -> Path:
    assert run("score", session, "-q", questionnaire, "--format", "json", "-o", target).code == 0
    return target


def test_a_session_and_its_result_make_the_same_comparison(current, run, tmp_path) -> None:
    instrument, result = current
    from_session = compare(result, instrument, *load_baseline(SAMPLE_BASELINE, instrument))
    scored = _result_json(run, SAMPLE_BASELINE, SAMPLE, tmp_path / "old.json")
    from_result = compare(result, instrument, *load_baseline(scored, instrument))
    assert from_session == from_result
    assert from_session.domains["leadership"].before == pytest.approx(14.583, abs=0.001)
    assert from_session.new == [] and from_session.gone == [] and from_session.warnings == []


def test_a_baseline_of_another_questionnaire_is_refused(current) -> None:
    instrument, _ = current
    with pytest.raises(InputError, match="assessment of questionnaire 'basic', not 'sample-readiness'"):
        load_baseline(DATA / "sessions" / "individual.json", instrument)


def test_a_baseline_must_be_a_session_or_a_result(current) -> None:
    instrument, _ = current
    with pytest.raises(InputError, match="a baseline must be a session file"):
        load_baseline(SAMPLE, instrument)


def test_a_later_baseline_is_reported(current, tmp_path) -> None:
    instrument, result = current
    later = load_session(SAMPLE_BASELINE).model_copy(update={"date": result.date.replace(year=2027)})
    save_session(later, tmp_path / "later.json")
    comparison = compare(result, instrument, *load_baseline(tmp_path / "later.json", instrument))
    assert comparison.warnings == [
        "the baseline is dated 2027-11-23, after this assessment (2026-11-23); "
        "the changes shown run backwards in time"
    ]


def _new_version(folder: Path) -> Path:
    """Version 2.0.0 of the sample: 'culture' is renamed 'workplace', and 'learning' is new."""
    text = SAMPLE.read_text(encoding="utf-8").replace('version: "1.0.0"', 'version: "2.0.0"')
    text = text.replace("  - id: culture\n", "  - id: workplace\n")
    text = text.replace(
        "  - id: vision\n",
        "  - id: learning\n"
        "    title: {da: Læring, en: Learning}\n"
        "    description: {da: Lærer vi?, en: Do we learn?}\n"
        "    items:\n"
        "      - {id: learn_review, kind: checklist, text: {da: Vi følger op., en: We follow up.}}\n"
        "  - id: vision\n",
    )
    catalogue = (REPORT / "sample-catalogue.yaml").read_text(encoding="utf-8").replace("culture", "workplace")
    (folder / "sample-catalogue.yaml").write_text(catalogue, encoding="utf-8")
    path = folder / "sample-v2.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_across_versions_domains_are_matched_by_id(run, tmp_path) -> None:
    newer = load_instrument(str(_new_version(tmp_path)))
    answers = load_session(SAMPLE_SESSION)
    session = answers.model_copy(update={"questionnaire": reference_to(newer.questionnaire)})
    save_session(session, tmp_path / "now.json")
    instrument, result = load_scored(tmp_path / "now.json", str(tmp_path / "sample-v2.yaml"))
    old_result = _result_json(run, SAMPLE_BASELINE, SAMPLE, tmp_path / "old.json")
    comparison = compare(result, instrument, *load_baseline(old_result, instrument))
    assert comparison.version == "1.0.0"
    assert comparison.new == ["workplace", "learning"]
    assert [(g.domain, round(g.score or 0)) for g in comparison.gone] == [("culture", 62)]
    assert set(comparison.domains) == {"motivation", "leadership", "role", "employment", "support"}
    shown = build_report(instrument, result, "en", comparison=comparison).comparison
    notes = {row.title: row.note for row in shown.rows}
    assert notes["Colleagues and culture"] == notes["Learning"] == "new domain"
    assert shown.gone == ["Colleagues and culture (62)"]


def test_an_old_session_is_scored_on_the_new_version(tmp_path) -> None:
    newer = load_instrument(str(_new_version(tmp_path)))
    comparison_input = load_baseline(SAMPLE_BASELINE, newer)
    assert comparison_input[1] is not None  # the items the old version asked
    session = load_session(SAMPLE_SESSION).model_copy(
        update={"questionnaire": reference_to(newer.questionnaire)}
    )
    save_session(session, tmp_path / "now.json")
    instrument, result = load_scored(tmp_path / "now.json", str(tmp_path / "sample-v2.yaml"))
    comparison = compare(result, instrument, *comparison_input)
    assert comparison.new == ["learning"]  # 'workplace' asks the same items 'culture' did
    assert "workplace" in comparison.domains


def test_an_old_session_that_no_longer_fits_points_to_the_result_route(tmp_path) -> None:
    folder = tmp_path
    path = _new_version(folder)
    path.write_text(
        path.read_text(encoding="utf-8").replace("{id: peer, points: 2,", "{id: peers, points: 2,"),
        encoding="utf-8",
    )
    newer = load_instrument(str(path))
    with pytest.raises(InputError, match=r"do not fit this version .* peerready score OLD.json"):
        load_baseline(SAMPLE_BASELINE, newer)


def test_result_json_is_validated_with_located_errors(current, tmp_path) -> None:
    instrument, _ = current
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"format": "peerready-result/1", "respondents": "many"}), encoding="utf-8")
    with pytest.raises(InputError, match=r"broken.json:1:\d+: respondents"):
        load_baseline(broken, instrument)


# Written by peerready before the action plan's phases (575c69e): `peerready score
# tests/data/sessions/consensus.json -q tests/data/questionnaires/valid/basic.yaml --format json`.
OLD_RESULT = DATA / "baselines" / "old-result-1.json"
CONSENSUS = DATA / "sessions" / "consensus.json"
BASIC = DATA / "questionnaires" / "valid" / "basic.yaml"


def test_a_result_from_the_previous_version_is_a_baseline(run, tmp_path) -> None:
    old = json.loads(OLD_RESULT.read_text(encoding="utf-8"))
    assert "phase" not in old["recommendations"][0]  # what the result format requires now
    session = json.loads(CONSENSUS.read_text(encoding="utf-8"))
    session["answers"]["group"]["team_ready"] = "5"  # the team has moved on since
    now = tmp_path / "now.json"
    now.write_text(json.dumps(session, ensure_ascii=False), encoding="utf-8")
    instrument, result = load_scored(now, str(BASIC))

    comparison = compare(result, instrument, *load_baseline(OLD_RESULT, instrument))

    before = {d["domain"]: d["score"] for d in old["domains"] if d["status"] != "unscored"}
    assert {k: c.before for k, c in comparison.domains.items()} == pytest.approx(before)
    assert comparison.overall.before == pytest.approx(old["verdict"]["score"])
    assert (comparison.version, comparison.date.isoformat()) == ("1.2.0", old["date"])
    assert comparison.domains["team"].direction == "up"
    assert comparison.items["team_ready"].before == pytest.approx(25)

    report = run("report", now, "-q", BASIC, "--baseline", OLD_RESULT, "-f", "md", "--lang", "en")
    assert report.code == 0, report.err
    assert "| The team | 100 | In place | 100% | 100% | – | ▲ +38 |" in report.out
    assert "Compared with the assessment of 23 November 2026 (version 1.2.0)." in report.out


def test_validate_still_holds_a_result_to_the_current_format(run) -> None:
    checked = run("validate", OLD_RESULT)
    assert checked.code == 2
    assert "old-result-1.json:381:5: recommendations[0].phase: required field is missing" in checked.err
