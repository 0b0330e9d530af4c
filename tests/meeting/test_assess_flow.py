"""The assessment's question loop, driven by scripted answers: both modes, back, skip, notes,
guidance, the spread of votes, the review and resuming."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from peerready.meeting.flow import FINISH, Assessment
from peerready.meeting.prompts import Action, ChoicePrompt, TextPrompt
from peerready.meeting.steps import new_session, with_answer
from peerready.model.ids import DONT_KNOW, NOT_APPLICABLE
from peerready.model.instrument import Instrument
from peerready.model.session import GROUP, Respondent, Session
from peerready.scoring.score import score_session
from tests.helpers.scripted import Prompt, Screen, ScriptedAsker

NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)
# basic.yaml in order: mot_a mot_b mot_c (1–5), lead_group lead_champion (anchored low/mid/high),
# lead_budget (checklist), team_meetings (choice), team_ready (1–5), inspired, statement (open).
SCORED = ["4", "5", "3", "mid", "high", "yes", "often", "4"]


def session_for(
    basic: Instrument, mode: str = "consensus", people: int = 1, *, rotate: bool = False
) -> Session:
    """A new session; the voting order is fixed unless a test is about its rotation."""
    respondents = [Respondent(id=str(n), name=f"P{n}" if n == 1 else None) for n in range(1, people + 1)]
    session = new_session(
        basic.questionnaire,
        organisation="Testhuset",
        date=NOW.date(),
        language="da",
        mode=mode,  # type: ignore[arg-type]
        respondents=respondents,
        now=NOW,
    )
    return session.model_copy(update={"rotate": rotate})


class Run:
    """An assessment with a script, recording every saved session and every screen."""

    def __init__(
        self, basic: Instrument, script: list, session: Session | None = None, lang="da", greeting=None
    ) -> None:
        self.asker = ScriptedAsker(list(script))
        self.saved: list[Session] = []
        self.screen = Screen()
        self.assessment = Assessment(
            basic,
            session or session_for(basic),
            lang,
            self.asker,
            self.saved.append,
            self.screen.show,
            greeting,
            clock=lambda: NOW,
        )

    def run(self) -> Session:
        final = self.assessment.run()
        assert not self.asker.script, f"steps left over: {self.asker.script}"
        return final


def expect_choices(labels: list[str], answer: str):
    """A step that checks the choices offered (e.g. the review's list) before answering."""

    def step(prompt: Prompt) -> str:
        assert isinstance(prompt, ChoicePrompt)
        assert [c.label for c in prompt.choices] == labels
        return answer

    return step


def expect_default(default: str, answer: str):
    def step(prompt: Prompt) -> str:
        assert prompt.default == default
        return answer

    return step


def test_consensus_walks_every_item_and_saves_after_each_answer(basic) -> None:
    def vision(prompt: Prompt) -> str:
        assert isinstance(prompt, TextPrompt)
        assert prompt.default == "Vi blev inspireret af et besøg på Ærø."  # the draft, filled in
        return prompt.default + "\nOg af vores egne erfaringer."

    run = Run(basic, [*SCORED, "et besøg på Ærø", vision, FINISH])
    final = run.run()
    assert final.answers[GROUP] == {
        "mot_a": "4", "mot_b": "5", "mot_c": "3", "lead_group": "mid", "lead_champion": "high",
        "lead_budget": "yes", "team_meetings": "often", "team_ready": "4",
        "inspired": "et besøg på Ærø",
        "statement": "Vi blev inspireret af et besøg på Ærø.\nOg af vores egne erfaringer.",
    }  # fmt: skip
    assert final.complete
    # Saved after every answer (and where the group is), then once more as complete.
    counts = [len(s.answers.get(GROUP, {})) for s in run.saved]
    assert counts == [*range(1, 11), 10]
    assert not run.saved[-2].complete
    assert run.saved[-1].position is None  # finished: nowhere to resume
    assert "1/10 · Motivation 1/3 · kritisk område" in run.screen.screens[0]
    assert "Vi ved hvorfor." in run.screen.screens[0]


def test_the_choices_are_the_options_with_keys_and_anchor_texts(basic) -> None:
    run = Run(basic, [*SCORED, "", "", FINISH])
    run.run()
    agree, anchored, checklist = run.asker.asked[0], run.asker.asked[3], run.asker.asked[5]
    assert isinstance(agree, ChoicePrompt) and isinstance(anchored, ChoicePrompt)
    assert [(c.key, c.label) for c in agree.choices] == [
        ("1", "Helt uenig"), ("2", "Delvist uenig"), ("3", "Hverken eller"), ("4", "Delvist enig"),
        ("5", "Helt enig"), ("v", "Ved ikke"), ("i", "Ikke relevant"),
    ]  # fmt: skip
    assert agree.gap_before == 5
    assert [(c.label, c.detail) for c in anchored.choices[:3]] == [
        ("Skal udvikles", "Ingen gruppe."),
        ("Tilstrækkeligt", "En gruppe."),
        ("Forbilledligt", "En bred gruppe."),
    ]
    assert isinstance(checklist, ChoicePrompt)
    assert [c.label for c in checklist.choices[:3]] == ["Ja", "Delvist", "Nej"]
    assert agree.hint.startswith("↑↓/1–5 vælg · Enter bekræft · ← tilbage · s spring over · n note")
    assert anchored.hint.startswith("↑↓/1–3 vælg")


def test_english_texts_and_keys(basic) -> None:
    run = Run(basic, [DONT_KNOW, NOT_APPLICABLE, *SCORED[2:], "", "", FINISH], lang="en")
    final = run.run()
    first = run.asker.asked[0]
    assert isinstance(first, ChoicePrompt)
    assert first.message == "Your answer"
    assert [(c.key, c.label) for c in first.choices[-2:]] == [("d", "Don't know"), ("a", "Not applicable")]
    assert final.answers[GROUP]["mot_a"] == DONT_KNOW
    assert final.answers[GROUP]["mot_b"] == NOT_APPLICABLE
    assert "1/10 · Motivation 1/3 · critical domain" in run.screen.screens[0]


def test_back_goes_to_the_previous_item_with_its_answer_and_then_on(basic) -> None:
    script = ["4", Action.BACK, expect_default("4", "2"), *SCORED[1:], "", "", FINISH]
    final = Run(basic, script).run()
    assert final.answers[GROUP]["mot_a"] == "2"
    assert final.answers[GROUP]["mot_b"] == "5"


def test_back_returns_to_the_open_item_not_through_answered_ones(basic) -> None:
    run = Run(basic, ["4", "5", Action.BACK, Action.BACK, "1", *SCORED[2:], "", "", FINISH])
    final = run.run()
    assert final.answers[GROUP]["mot_a"] == "1"
    assert final.answers[GROUP]["mot_b"] == "5"  # answered: not asked again on the way forward
    assert [p.default for p in run.asker.asked[:6]] == [None, None, None, "5", "4", None]


def test_back_at_the_first_item_says_so(basic) -> None:
    run = Run(basic, [Action.BACK, *SCORED, "", "", FINISH])
    run.run()
    assert "Det er det første spørgsmål." in run.screen.screens[1]


def test_skipped_items_are_listed_at_the_review_and_can_be_answered_there(basic) -> None:
    review = expect_choices(
        [
            "2. Vi ved hvad. – ubesvaret",
            "9. Hvad inspirerede jer? – ubesvaret",
            "10. Vores vision – ubesvaret",
            "Afslut alligevel (3 spørgsmål er ikke besvaret)",
        ],
        "mot_b",
    )
    script = ["4", Action.SKIP, *SCORED[2:], "", "", review, "5", FINISH]
    run = Run(basic, script)
    final = run.run()
    assert final.answers[GROUP]["mot_b"] == "5"
    assert "3 spørgsmål mangler svar." in run.screen.screens[10]
    assert "Motivation 2/3   Ledelse 3/3   Teamet 2/2   Vision 0/2" in run.screen.screens[10]
    assert final.complete


def test_the_review_can_step_back_into_the_last_item(basic) -> None:
    script = [*SCORED, "a", "b", Action.BACK, expect_default("b", "c"), FINISH]
    final = Run(basic, script).run()
    assert final.answers[GROUP]["statement"] == "c"


def test_an_empty_open_answer_removes_it(basic) -> None:
    script = [*SCORED, "a", "b", Action.BACK, "   ", "statement", "d", FINISH]
    final = Run(basic, script).run()
    assert final.answers[GROUP]["statement"] == "d"


def test_notes_are_saved_at_once_and_an_empty_note_removes_it(basic) -> None:
    def edit_note(prompt: Prompt) -> str:
        assert prompt.default == "Vi mangler HR"
        return ""

    run = Run(basic, ["4", Action.NOTE, "  Vi mangler HR ", "5", Action.BACK, Action.NOTE, edit_note, "5"])
    run.asker.script += [*SCORED[2:], "", "", FINISH]
    final = run.run()
    assert next(s.notes for s in run.saved if s.notes) == {"mot_b": "Vi mangler HR"}
    assert "Note: Vi mangler HR" in run.screen.screens[2]
    assert final.notes == {}


def test_guidance_and_sources_on_request(basic) -> None:
    run = Run(basic, ["4", "5", "3", Action.GUIDANCE, Action.GUIDANCE, *SCORED[3:], "", "", FINISH])
    run.run()
    first, second = run.asker.asked[0], run.asker.asked[1]
    assert isinstance(first, ChoicePrompt) and isinstance(second, ChoicePrompt)
    assert Action.GUIDANCE in first.actions  # mot_a cites a source
    assert Action.GUIDANCE not in second.actions  # mot_b has neither guidance nor sources
    shown, hidden = run.screen.screens[4], run.screen.screens[5]
    assert "Hvorfor det er vigtigt: Fordi." in shown
    assert "Sådan ser det godt ud: Sådan." in shown
    assert "Hvorfor det er vigtigt" not in hidden
    assert "Der er en arbejdsgruppe." in hidden


def test_ctrl_c_stops_with_every_answer_given_so_far_saved(basic) -> None:
    run = Run(basic, ["4", "5", KeyboardInterrupt])
    with pytest.raises(KeyboardInterrupt):
        run.assessment.run()
    assert run.saved[-1].answers[GROUP] == {"mot_a": "4", "mot_b": "5"}
    assert not run.saved[-1].complete


def test_resuming_starts_at_the_first_open_item_and_keeps_everything(basic) -> None:
    session = session_for(basic)
    for item, value in [("mot_a", "1"), ("mot_b", "2"), ("mot_c", "3"), ("lead_budget", "no")]:
        session = with_answer(session, GROUP, item, value)
    session = session.model_copy(update={"notes": {"mot_a": "kept"}})
    run = Run(basic, ["mid", "high", "often", "4", "", "", FINISH], session)
    final = run.run()
    assert "4/10 · Ledelse 1/3" in run.screen.screens[0]
    assert final.answers[GROUP]["mot_a"] == "1"
    assert final.answers[GROUP]["lead_budget"] == "no"
    assert final.notes == {"mot_a": "kept"}


def test_a_finished_session_goes_straight_to_the_review(basic) -> None:
    session = session_for(basic)
    for item, value in zip([i.id for i in basic.questionnaire.all_items], [*SCORED, "x", "y"], strict=True):
        session = with_answer(session, GROUP, item, value)
    run = Run(basic, [FINISH], session, greeting="Fortsætter Testhuset")
    run.run()
    assert "Fortsætter Testhuset" in run.screen.screens[0]
    assert "Alle spørgsmål er besvaret." in run.screen.screens[0]


# Individual votes: blind until the last vote, then the spread and the group's decision.
MOVE_ON, REVOTE, MARK = "move_on", "d", "m"


def votes(*values: str) -> list[str]:
    return list(values)


def all_agree(values: list[str], people: int = 3) -> list[str]:
    """Everyone votes the same on each item, and the group moves on."""
    return [step for value in values for step in [*[value] * people, MOVE_ON]]


def test_individual_votes_are_blind_until_the_last_then_the_spread(basic) -> None:
    def decide(prompt: Prompt) -> str:
        assert isinstance(prompt, ChoicePrompt)
        assert [(c.value, c.key) for c in prompt.choices] == [(MOVE_ON, None), (REVOTE, "d"), (MARK, "m")]
        assert prompt.default == MOVE_ON  # Enter moves on, whatever the agreement
        assert prompt.choices[0].label == "Gå videre – uenigheden står"
        return MARK

    script: list = [*votes("1", "5", "3"), decide, *votes("4", "4", "4"), MOVE_ON]
    script += all_agree(SCORED[2:])
    review = expect_choices(
        [
            "1. Vi ved hvorfor. – ⚑ markeret til drøftelse",
            "10. Vores vision – 1 af 3 svar",
            "Afslut alligevel (1 spørgsmål er ikke besvaret)",
        ],
        FINISH,
    )
    script += [*votes("a", "", "c"), "x", Action.SKIP, review]
    run = Run(basic, script, session_for(basic, "individual", 3))
    final = run.run()
    # While voting, each vote is only ✓ (given) or … (to come): never what it was.
    assert "Stemmer\nP1: ✓   › Deltager 2: …   Deltager 3: …" in run.screen.screens[1]
    assert "✓ P1 har stemt" in run.screen.screens[1]
    assert all(": 1 " not in screen for screen in run.screen.screens[:3])
    assert [p.default for p in run.asker.asked[:3]] == [None, None, None]  # blind: nothing marked
    spread = run.screen.screens[3]
    assert "Spredning" in spread
    # Who gave which answer, beside its bar.
    assert re.search(r"\n1  Helt uenig +█+ +1 +P1 *\n", spread)
    assert re.search(r"\n3  Hverken eller +█+ +1 +Deltager 3 *\n", spread)
    assert re.search(r"\n5  Helt enig +█+ +1 +Deltager 2 *\n", spread)
    assert "I snit 1,33 trin fra midten · Lav enighed – tal om det" in spread
    assert final.flagged == ["mot_a"]
    assert final.answers["1"]["mot_a"] == "1" and final.answers["2"]["mot_a"] == "5"
    assert final.answers["2"].get("inspired") is None  # an empty open answer leaves that person out
    assert final.rounds["mot_a"][0].decision == "flag"
    assert final.rounds["mot_b"][0].decision == "accept"
    assert run.asker.asked[2].message == "Deltager 3 · 3/3"
    # The spread shown is what scoring says about the item.
    assert "mot_a" in score_session(basic, final).low_agreement


def test_discuss_and_vote_again_keeps_both_rounds_and_the_decisions(basic) -> None:
    script: list = [*votes("1", "5", "3"), REVOTE, *votes("4", "4", "5"), MOVE_ON]
    script += all_agree(SCORED[1:])
    script += [*votes("a", "b", "c"), *votes("d", "e", "f"), FINISH]
    run = Run(basic, script, session_for(basic, "individual", 3))
    final = run.run()
    assert "Runde 2: stem igen" in run.screen.screens[4]
    first, second = final.rounds["mot_a"]
    assert (first.votes, first.decision) == ({"1": "1", "2": "5", "3": "3"}, "revote")
    assert (second.votes, second.decision) == ({"1": "4", "2": "4", "3": "5"}, "accept")
    assert [final.answers[p]["mot_a"] for p in ("1", "2", "3")] == ["4", "4", "5"]  # the last round counts
    assert final.flagged == []


def test_moving_on_with_low_agreement_is_recorded_as_standing(basic) -> None:
    script: list = [*votes("1", "5", "3"), MOVE_ON, *all_agree(SCORED[1:])]
    script += [*votes("a", "b", "c"), *votes("d", "e", "f"), FINISH]
    final = Run(basic, script, session_for(basic, "individual", 3)).run()
    assert final.rounds["mot_a"][0].decision == "stands"


def test_a_marked_item_is_voted_on_again_from_the_review(basic) -> None:
    script: list = [*votes("1", "5", "3"), MARK, *all_agree(SCORED[1:])]
    script += [*votes("a", "b", "c"), *votes("d", "e", "f")]
    review = expect_choices(["1. Vi ved hvorfor. – ⚑ markeret til drøftelse", "Afslut vurderingen"], "mot_a")

    # From the review: the spread and the decision again; d opens a second round.
    def decided(prompt: Prompt) -> str:
        assert prompt.default == MOVE_ON  # Enter moves on, even on a marked item
        assert prompt.message == "Hvad vil I gøre? (besluttet: markeret til senere)"
        return REVOTE

    script += [review, decided, *votes("3", "4", "3"), MOVE_ON, FINISH]
    final = Run(basic, script, session_for(basic, "individual", 3)).run()
    assert final.flagged == []
    # The first round's decision is now the re-vote; the second round's is to move on.
    assert [r.decision for r in final.rounds["mot_a"]] == ["revote", "accept"]
    assert [final.answers[p]["mot_a"] for p in ("1", "2", "3")] == ["3", "4", "3"]


def test_back_from_a_re_vote_returns_to_the_decision(basic) -> None:
    script: list = [*votes("1", "5", "3"), REVOTE, Action.BACK, MARK, *all_agree(SCORED[1:])]
    script += [*votes("a", "b", "c"), *votes("d", "e", "f"), FINISH]
    final = Run(basic, script, session_for(basic, "individual", 3)).run()
    assert len(final.rounds["mot_a"]) == 1
    assert final.rounds["mot_a"][0].decision == "flag"


def test_back_between_votes_and_across_items(basic) -> None:
    # ← at the second voter takes the first vote back, to give it again.
    script: list = ["4", Action.BACK, "2", "4", "4", MOVE_ON]
    # ← at the first voter of mot_b goes back to mot_a's decision; ← there takes back its last vote.
    script += [Action.BACK, Action.BACK, "5", MOVE_ON]
    script += ["3", "3", "3", MOVE_ON]
    script += all_agree(SCORED[2:])
    script += [*votes("a", "b", "c"), *votes("d", "e", "f"), FINISH]
    final = Run(basic, script, session_for(basic, "individual", 3)).run()
    assert [final.answers[p]["mot_a"] for p in ("1", "2", "3")] == ["2", "4", "5"]
    assert [final.answers[p]["mot_b"] for p in ("1", "2", "3")] == ["3", "3", "3"]


def test_skipping_an_item_leaves_its_missing_votes_for_the_review(basic) -> None:
    script: list = ["4", Action.SKIP]
    script += all_agree(SCORED[1:])
    script += [*votes("a", "b", "c"), *votes("d", "e", "f")]

    review = expect_choices(
        ["1. Vi ved hvorfor. – 1 af 3 stemmer", "Afslut alligevel (1 spørgsmål er ikke besvaret)"], "mot_a"
    )
    script += [review, "5", "4", MOVE_ON, FINISH]  # only the two missing votes are asked
    final = Run(basic, script, session_for(basic, "individual", 3)).run()
    assert [final.answers[p]["mot_a"] for p in ("1", "2", "3")] == ["4", "5", "4"]


def test_dont_know_is_shown_in_the_spread_though_not_scored(basic) -> None:
    script: list = ["4", "4", DONT_KNOW, MOVE_ON]
    script += [*all_agree(SCORED[1:]), *votes("a", "b", "c"), *votes("d", "e", "f"), FINISH]
    run = Run(basic, script, session_for(basic, "individual", 3))
    run.run()
    first_spread = run.screen.screens[3]
    assert re.search(r"\n4  Delvist enig +█+ +2 +P1, Deltager 2 *\n", first_spread)
    assert re.search(r"\nVed ikke +█+ +1 +Deltager 3 *\n", first_spread)


def test_a_single_vote_has_a_spread_but_no_agreement(basic) -> None:
    script: list = ["4", MOVE_ON, *all_agree(SCORED[1:], people=1), "a", "b", FINISH]
    run = Run(basic, script, session_for(basic, "individual", 1))
    run.run()
    assert "Spredning" in run.screen.screens[1]
    assert "trin fra midten" not in run.screen.screens[1]


def test_the_voting_order_rotates_from_item_to_item(basic) -> None:
    script: list = [*all_agree(SCORED), *votes("a", "b", "c"), *votes("d", "e", "f"), FINISH]
    run = Run(basic, script, session_for(basic, "individual", 3, rotate=True))
    run.run()
    firsts = [p.message for p in run.asker.asked if p.message.endswith("/3")][::3][:4]
    assert firsts == ["P1 · 1/3", "Deltager 2 · 2/3", "Deltager 3 · 3/3", "P1 · 1/3"]


def test_back_from_an_open_question(basic) -> None:
    script = [*SCORED, Action.BACK, expect_default("4", "5"), "a", "b", FINISH]
    final = Run(basic, script).run()
    assert final.answers[GROUP]["team_ready"] == "5"


def test_answering_together_settles_an_item_marked_for_discussion(basic) -> None:
    session = session_for(basic).model_copy(update={"flagged": ["mot_b"]})
    run = Run(basic, [*SCORED, "a", "b", FINISH], session)
    assert run.run().flagged == []
    assert "⚑ markeret til drøftelse" in run.screen.screens[1]
