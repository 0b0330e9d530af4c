"""The report's view model: what a reader is told, in both languages, before any layout."""

from __future__ import annotations

import pytest

from peerready.commands.inputs import load_scored
from peerready.documents.loader import load_instrument
from peerready.documents.sessions import load_session
from peerready.report.appendix import fill, setting_values, sort_key
from peerready.report.baseline import Change, compare
from peerready.report.build import build_report
from peerready.scoring.score import score_session
from tests.conftest import DATA
from tests.helpers.reporting import SAMPLE, SAMPLE_BASELINE, SAMPLE_SESSION

SESSIONS = DATA / "sessions"


@pytest.fixture(scope="module")
def sample():
    return load_scored(SAMPLE_SESSION, str(SAMPLE))


@pytest.fixture(scope="module")
def sample_da(sample):
    instrument, result = sample
    earlier, asked = load_scored(SAMPLE_BASELINE, str(SAMPLE))[1], None
    return build_report(instrument, result, "da", comparison=compare(result, instrument, earlier, asked))


def test_cover_counts_participants_by_role(sample_da) -> None:
    facts = {f.label: f.value for f in sample_da.cover.facts}
    assert facts["Deltagere"] == "8 (4 medarbejdere, 2 ledere, 1 fra HR, 1 peer-medarbejder)"
    assert facts["Besvarelse"] == "Hver deltager for sig"
    assert sample_da.cover.date == "23. november 2026"
    assert sample_da.cover.organisation == "Bostedet Søbakken – Socialpsykiatrien på Ærø"


def test_consensus_cover_counts_people_not_answer_sets(basic) -> None:
    result = score_session(basic, load_session(SESSIONS / "consensus.json"))
    report = build_report(basic, result, "en")
    facts = {f.label: f.value for f in report.cover.facts}
    assert facts["Participants"] == "3 (1 leader, 1 peer worker, 1 with no role given)"
    assert "the answers 3 participants agreed on together" in report.appendix.introduction


def test_verdict_names_the_critical_domain_that_caps_it(sample_da) -> None:
    verdict = sample_da.verdict
    assert verdict.label == "Ikke parat endnu"
    assert verdict.score == "50"
    assert verdict.rank == "low"
    # the critical domains that cap it are named in one line, not a sentence each
    assert verdict.reasons[1] == "1 af 3 kritiske områder ligger på laveste niveau: »Supervision og støtte«."
    assert not any("er et kritisk område" in reason for reason in verdict.reasons)
    assert (verdict.delta.mark, verdict.delta.text) == ("▲", "+17")


def test_domains_have_pages_only_when_scored(sample_da) -> None:
    assert [d.id for d in sample_da.domains] == [
        "motivation", "leadership", "role", "employment", "support", "culture",
    ]  # fmt: skip
    assert sample_da.chart.rows[0].lines == ["★ Motivation og formål"]
    (vision,) = sample_da.open_questions  # one domain of open questions, the vision built last
    assert vision.title == "Motivation og vision"
    assert [q.statement for q in vision.questions] == [False, False, True]
    assert vision.questions[2].answers[0].startswith("Vi blev inspireret af besøget")
    assert len(vision.questions[0].answers) == 3  # every participant's answer, unattributed


def test_individual_items_show_the_spread_of_votes_in_danish_numbers(sample_da) -> None:
    leadership = next(d for d in sample_da.domains if d.id == "leadership")
    budget = next(i for i in leadership.items if i.id == "lead_budget")
    assert budget.distribution == "Nej 2, Delvist 2, Ja 0"  # an empty answer keeps its place
    assert budget.extra == "4 ved ikke"
    assert budget.agreement == "0,50"
    assert not budget.low_agreement  # nobody says "yes": the split cannot change the conclusion
    assert budget.note == "Afklares på budgetmødet i januar."
    # a diverging palette: the lowest answer warm, the middle one neutral, the highest blue
    assert [(s.tone, s.width) for s in budget.segments] == [("low-2", 50.0), ("mid", 50.0), ("high-2", 0.0)]
    assert leadership.favourable == "65 %"
    assert leadership.spread == "50–83"
    assert [legend.label for legend in leadership.legends] == ["Praksis", "Ja / delvist / nej"]


def test_consensus_items_show_the_agreed_answer_with_its_anchor(basic) -> None:
    result = score_session(basic, load_session(SESSIONS / "consensus.json"))
    report = build_report(basic, result, "da")
    leadership = next(d for d in report.domains if d.id == "leadership")
    group = leadership.items[0]
    assert (group.answer, group.anchor) == ("Forbilledligt", "En bred gruppe.")
    assert leadership.legends == []
    team = next(d for d in report.domains if d.id == "team")
    assert team.items[1].note == "<script>alert(1)</script> teamet er usikkert"  # escaped by the templates


def test_a_domain_without_enough_answers_says_so(basic) -> None:
    result = score_session(basic, load_session(SESSIONS / "insufficient.json"))
    report = build_report(basic, result, "en")
    team = next(d for d in report.domains if d.id == "team")
    assert (team.scored, team.score, team.band) == (False, "–", "Too few answers")
    assert team.items[0].answer == "Don't know"
    assert team.items[1].answer == "Not applicable"
    row = next(r for r in report.chart.rows if r.lines == ["The team"])
    assert row.bar is None
    assert "The team: too few answers" in report.chart.title


def test_long_domain_names_wrap_in_the_chart_and_never_run_off(basic) -> None:
    long_title = "Et meget langt områdenavn, der slet ikke kan stå på én linje i diagrammet og bliver ved"
    q = basic.questionnaire
    renamed = [
        d.model_copy(update={"title": d.title.model_copy(update={"da": long_title})}) for d in q.domains
    ]
    instrument = type(basic)(q.model_copy(update={"domains": renamed}), basic.catalogue, basic.origin)
    result = score_session(instrument, load_session(SESSIONS / "consensus.json"), allow_version_mismatch=True)
    row = build_report(instrument, result, "da").chart.rows[0]
    assert len(row.lines) == 3
    assert row.lines[-1].endswith(" …")
    assert all(len(line) <= 31 for line in row.lines)


def test_items_no_longer_in_the_questionnaire_are_left_out_of_the_summary(basic) -> None:
    result = score_session(basic, load_session(SESSIONS / "individual.json"))
    result = result.model_copy(update={"flagged": ["removed_item", "team_meetings"]})
    assert [h.text for h in build_report(basic, result, "en").flagged] == [
        "How often does the team talk about it?"
    ]


def test_the_plan_is_phased_and_numbered_in_the_results_order(sample_da) -> None:
    plan = sample_da.plan
    assert plan.title == "Handlingsplan – første fase: Før ansættelse"
    # the result's order: what holds the verdict back first (the funding rule, then the role)
    assert [(a.key, a.title) for a in plan.first[:2]] == [
        ("1", "Sikr finansieringen"),
        ("2", "Definér og afgræns peer-funktionen"),
    ]
    assert [a.priority for a in plan.first] == ["Høj", "Mellem", "Høj", "Høj"]
    first = plan.first[0]
    assert (first.owner, first.phase, first.horizon) == ("Ledelsen", "Før ansættelse", "60 dage")
    # the later phases go to the annex, in plan order, numbered on from the first phase
    later = [(p.title, [a.key for a in p.actions]) for p in plan.later]
    assert later == [("De første tre måneder", ["5", "6"])]


def test_citations_point_into_the_numbered_source_list(sample_da) -> None:
    first = next(a for a in sample_da.plan.first if a.title.startswith("Nedsæt en arbejdsgruppe"))
    assert first.citations[0].label == "[1, »Ledelse og organisatorisk parathed«]"
    assert first.citations[0].quote.startswith("»Nedsæt en arbejdsgruppe")  # the first phase quotes
    assert sample_da.appendix.sources[0].number == 1
    assert sample_da.appendix.sources[0].text.startswith("Socialstyrelsen 2016.")
    later = next(a for p in sample_da.plan.later for a in p.actions if a.title.startswith("Tag en fælles"))
    assert later.citations[0].label == "[2, »Kultur på arbejdspladsen«, s. 12]"  # with the page
    assert later.citations[0].quote is None  # the annex cites without quoting
    assert sample_da.appendix.sources[1].text.startswith("Testkilde 2026.")


def test_a_recommendation_is_written_once_and_domain_pages_refer_to_it(sample_da) -> None:
    by_id = {d.id: d for d in sample_da.domains}
    funding = next(a for a in sample_da.plan.first if a.title == "Sikr finansieringen")
    assert funding.key in [r.key for r in by_id["leadership"].refs]
    assert funding.key in [r.key for r in by_id["employment"].refs]
    plan = sample_da.plan
    written = [a.title for a in plan.first] + [a.title for p in plan.later for a in p.actions]
    assert written.count("Sikr finansieringen") == 1


def test_a_recommendation_without_a_domain_page_is_in_the_plan(basic) -> None:
    # 'vision' holds only open questions, so it has no page; its advice is in the plan all the same
    result = score_session(basic, load_session(SESSIONS / "capped.json"))
    moved = result.recommendations[0].model_copy(update={"domains": ["vision"]})
    result = result.model_copy(update={"recommendations": [moved]})
    report = build_report(basic, result, "en")
    assert [r.title for r in report.plan.first] == [moved.title.en]
    assert all(not d.refs for d in report.domains)


def test_the_executive_summary_says_where_they_stand_and_what_to_do_first(sample_da) -> None:
    summary = sample_da.executive
    assert summary.standing == "Samlet vurdering: »Ikke parat endnu«, 50 af 100."
    assert summary.blockers == "1 af 3 kritiske områder ligger på laveste niveau: »Supervision og støtte«."
    assert [s.key for s in summary.first_steps] == ["1", "2", "3", "4"]  # the first phase, at most five
    assert summary.watch[0] == "»Supervision og støtte« (19)"  # the weakest critical domain first
    assert summary.watch[-1] == "de 3 udsagn, I så forskelligt på"
    # a rule of the questionnaire that caps the verdict is said too
    (rule,) = summary.reasons
    assert rule == "Der er ikke afsat penge til stillingen, så organisationen kan højst være »På vej«"


def test_highlights_are_named_by_the_answers_given(sample_da, basic) -> None:
    assert sample_da.strengths[0].value == "3 af 4 svarede »Ja«"
    result = score_session(basic, load_session(SESSIONS / "consensus.json"))
    gaps = build_report(basic, result, "da").gaps
    assert all(g.value.startswith("Jeres svar: »") for g in gaps)
    assert all("Score" not in g.value for g in gaps)


def test_summary_names_the_widest_disagreements_first(sample_da) -> None:
    values = [h.value for h in sample_da.disagreements]
    assert values[0] == "Helt uenig 1 · Delvist uenig 2 · Delvist enig 2 · Helt enig 3"  # how they split
    assert len(values) == 3
    assert sample_da.more_disagreements == 0
    assert [h.text for h in sample_da.flagged] == [
        "Kollegerne ser frem til at få en peer-medarbejder.",
        "Det er aftalt, hvem der giver peer-medarbejderen supervision.",
    ]


def test_groups_too_small_are_never_shown(sample_da, basic) -> None:
    assert sample_da.groups is None  # eight people in four roles: every role is too small
    result = score_session(basic, load_session(SESSIONS / "individual.json"))
    report = build_report(basic, result, "en")
    assert report.groups.columns == ["Staff (6)", "Others (small groups) (6)"]
    assert report.groups.rows[0].label == "Overall"
    assert report.groups.hidden.startswith("1 participant in groups with fewer than 5 participants")


def test_comparison_rows_mark_each_change(sample_da) -> None:
    rows = {r.title: r for r in sample_da.comparison.rows}
    assert (rows["Samlet"].before, rows["Samlet"].now) == ("33", "50")
    assert rows["Kolleger og kultur"].delta.mark == "▼"
    assert rows["Kolleger og kultur"].delta.text == "−5"
    assert (rows["Ansættelse og vilkår"].delta.mark, rows["Ansættelse og vilkår"].delta.text) == ("=", "")
    assert sample_da.comparison.notes[0].startswith("Ændringer mindre end")
    assert sample_da.comparison.heading == "Sammenlignet med vurderingen 12. maj 2026 (version 1.0.0)"


@pytest.mark.parametrize(
    ("before", "after", "direction"),
    [
        (41.0, 53.0, "up"),
        (53.2, 52.9, "same"),
        (60.4, 59.6, "same"),
        (50.0, 49.4, "down"),
        (None, 50.0, None),
    ],
)
def test_change_direction_follows_the_whole_points_shown(before, after, direction) -> None:
    assert Change(before, after).direction == direction


def test_method_fills_the_settings_in_and_leaves_other_braces_alone(sample_da) -> None:
    method = " ".join(sample_da.appendix.method)
    assert "under 60\u00a0% af svarene" in method
    assert "under 0,70 markeres" in method
    assert "under 5 deltagere" in method
    assert "{ukendt} står, som det står." in method
    assert fill("{x} {min_group_size} {", {"min_group_size": "5"}) == "{x} 5 {"
    given = {"min_coverage": 0.75, "agreement_threshold": 0.6, "min_group_size": 3, "first_phase_actions": 5}
    assert setting_values(given | {"group_effect": 0.2}, "en") == {
        "min_coverage": "75%",
        "agreement_threshold": "0.60",
        "min_group_size": "3",
        "first_phase_actions": "5",
        "high_priority_actions": "10",  # not given: the default
        "group_effect": "0.20",
    }


def test_default_method_text_is_used_without_one_in_the_catalogue(basic) -> None:
    result = score_session(basic, load_session(SESSIONS / "individual.json"))
    method = build_report(basic, result, "en").appendix.method
    assert "rules of thumb" in method[1]
    # the agreement rule the scoring applies (not the retired rwg cut-off), every setting filled in
    assert "five of six alike" in method[3] and "rwg" not in method[3]
    assert not any("{" in paragraph for paragraph in method)


def test_glossary_is_in_danish_alphabetical_order(sample_da) -> None:
    terms = [e.term for e in sample_da.appendix.glossary]
    assert terms == [
        "Enighed (rwg)",
        "Levede erfaringer",
        "Peer-medarbejder",
        "Recovery",
        "Supervision",
        "Åbenhed",
    ]
    assert sorted(["Åbenhed", "Aabenraa", "Zealand", "Ærø"], key=lambda t: sort_key(t, "da")) == [
        "Zealand", "Ærø", "Åbenhed", "Aabenraa",  # aa is å
    ]  # fmt: skip


def test_sources_are_those_cited(sample_da) -> None:
    sources = sample_da.appendix.sources
    assert sources[0].text.startswith("Socialstyrelsen 2016. Peer-støtte på det psykosociale")
    assert sources[0].text.endswith("Socialstyrelsen, 2016.")
    assert any("Shea, C. M." in line.text for line in sample_da.appendix.literature)
    assert sample_da.appendix.literature[0].text.endswith("– Enighedsmålet rwg.")
    # the literature is numbered on from the cited sources, in one list
    assert sample_da.appendix.literature[0].number == len(sources) + 1


def test_english_report_formats_numbers_and_dates_in_english(sample) -> None:
    instrument, result = sample
    report = build_report(instrument, result, "en")
    assert report.cover.date == "23 November 2026"
    leadership = next(d for d in report.domains if d.id == "leadership")
    assert leadership.favourable == "65%"
    assert leadership.items[2].agreement == "0.50"
    assert report.verdict.label == "Not ready yet"
    assert report.answers_lang == "da"  # the group wrote in Danish


def test_bundled_questionnaire_reports_without_knowing_its_ids() -> None:
    from tests.helpers.reporting import made_up_session

    instrument = load_instrument("readiness")
    result = score_session(instrument, made_up_session(instrument))
    report = build_report(instrument, result, "en")
    scored = [d for d in instrument.questionnaire.domains if d.scored_items]
    assert [d.title for d in report.domains] == [d.title.en for d in scored]
    assert len(report.chart.rows) == len(scored)


def test_a_baseline_with_other_respondents_is_said_and_items_show_their_change(sample) -> None:
    instrument, result = sample
    earlier = load_scored(SAMPLE_BASELINE, str(SAMPLE))[1].model_copy(update={"respondents": 5})
    report = build_report(instrument, result, "da", comparison=compare(result, instrument, earlier, None))
    assert report.comparison.notes[1] == (
        "Vurderingerne bygger på forskellige deltagere (5 før, 8 nu); en del af ændringen kan "
        "skyldes, hvem der svarede."
    )
    leadership = next(d for d in report.domains if d.id == "leadership")
    budget = next(i for i in leadership.items if i.id == "lead_budget")
    assert (budget.delta.mark, budget.delta.text, budget.delta.before) == ("▲", "+25", "0")
