"""Moving about a meeting: jump to any item, mark any item at any time, a note from the spread,
guidance on open questions, half-written open answers kept, anonymous votes, the pace, and
guidance a page at a time on a small screen."""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from peerready.commands.assess_screen import timer_length
from peerready.errors import UsageError
from peerready.meeting.pace import Pace
from peerready.meeting.prompts import Action, Paused, TextPrompt
from peerready.meeting.review import FINISH
from peerready.meeting.view import Screen, guidance_pages
from peerready.model.session import GROUP
from tests.helpers.scripted import Prompt
from tests.meeting.test_assess_flow import NOW, SCORED, Run, all_agree, session_for, votes

MOVE_ON = "move_on"


def test_g_jumps_to_an_item_by_number_or_from_the_list(basic) -> None:
    def by_list(prompt: Prompt) -> str:
        assert [c.label for c in prompt.choices][:2] == [
            "1. Vi ved hvorfor. – ✓",
            "2. Vi ved hvad. – ubesvaret",
        ]
        return "team_ready"

    script: list = ["4", Action.JUMP, "7", "often", "4", "x", "y"]  # 7, then on from there: 8, 9, 10
    script += [Action.JUMP, "", by_list, "5"]  # from the review's question: the list, item 8 again
    script += ["mot_b", "5", "mot_c", "3", "lead_group", "mid", "lead_champion", "high", "lead_budget", "yes"]
    script += [FINISH]
    run = Run(basic, script)
    run.run()
    final = run.assessment.session
    assert final.answers[GROUP]["team_meetings"] == "often"
    assert final.answers[GROUP]["team_ready"] == "5"
    assert "7/10 · Teamet 1/2" in run.screen.screens[2]


def test_a_jump_to_a_number_that_is_not_an_item_is_refused(basic) -> None:
    run = Run(basic, ["4", Action.JUMP, Action.BACK, *SCORED[1:], "", "", FINISH])
    run.run()
    jump = next(p for p in run.asker.asked if isinstance(p, TextPrompt))
    assert jump.check is not None
    assert jump.check("11") == "Skriv et tal fra 1 til 10"
    assert jump.check("3") is None and jump.check("") is None


def test_any_item_can_be_marked_for_discussion_at_any_time(basic) -> None:
    run = Run(basic, ["4", Action.MARK, Action.MARK, Action.MARK, "5", *SCORED[2:], "", "", FINISH])
    final = run.run()
    assert "⚑ Markeret til drøftelse" in run.screen.screens[2]
    assert "Markeringen er fjernet" in run.screen.screens[3]
    assert "⚑ markeret til drøftelse" in run.screen.screens[4]
    assert final.flagged == []  # answered together after the mark: discussed


def test_a_note_from_the_spread_screen(basic) -> None:
    script: list = [*votes("1", "5", "3"), Action.NOTE, "HR mangler", MOVE_ON]
    script += all_agree(SCORED[1:])
    script += [*votes("a", "b", "c"), *votes("d", "e", "f"), FINISH]
    run = Run(basic, script, session_for(basic, "individual", 3))
    final = run.run()
    assert final.notes == {"mot_a": "HR mangler"}
    assert "Note: HR mangler" in run.screen.screens[4]  # the spread again, with the note
    assert final.rounds["mot_a"][0].decision == "stands"


def test_guidance_on_an_open_question(basic) -> None:
    script = [*SCORED, Action.GUIDANCE, "Et besøg", "", FINISH]
    run = Run(basic, script)
    run.run()
    question = run.asker.asked[len(SCORED)]
    assert isinstance(question, TextPrompt) and question.guidance
    assert "vejledning" in question.hint
    assert "Der er ingen vejledning til dette spørgsmål." in run.screen.screens[len(SCORED) + 1]


def test_a_half_written_open_answer_is_kept_through_a_pause(basic) -> None:
    def typing(prompt: Prompt) -> str:
        raise Paused("Et besøg på Ær")

    run = Run(basic, [*SCORED, typing])
    with pytest.raises(KeyboardInterrupt):
        run.assessment.run()
    paused = run.saved[-1]
    assert paused.drafts == {"inspired": {GROUP: "Et besøg på Ær"}}
    assert "inspired" not in paused.answers[GROUP]

    def carry_on(prompt: Prompt) -> str:
        assert prompt.default == "Et besøg på Ær"  # the draft, to finish writing
        return "Et besøg på Ærø"

    final = Run(basic, [carry_on, "", FINISH], paused).run()
    assert final.answers[GROUP]["inspired"] == "Et besøg på Ærø"
    assert final.drafts == {}


def test_a_half_written_note_is_kept_as_the_note(basic) -> None:
    def typing(prompt: Prompt) -> str:
        raise Paused("Vi mangler")

    run = Run(basic, ["4", Action.NOTE, typing])
    with pytest.raises(KeyboardInterrupt):
        run.assessment.run()
    assert run.saved[-1].notes == {"mot_b": "Vi mangler"}


def test_anonymous_votes_show_only_the_distribution(basic) -> None:
    script: list = [*votes("1", "5", "3"), MOVE_ON, *all_agree(SCORED[1:])]
    script += [*votes("a", "b", "c"), *votes("d", "e", "f"), FINISH]
    run = Run(basic, script, session_for(basic, "anonymous", 3))
    final = run.run()
    spread = run.screen.screens[3]
    assert "Spredning" in spread and "P1" not in spread and "Deltager 2" not in spread
    assert final.rounds["mot_a"][0].ballots == ["1", "3", "5"]
    assert set(final.answers) == {"b1", "b2", "b3"}


def test_an_anonymous_vote_cannot_be_taken_back(basic) -> None:
    script: list = ["1", Action.BACK, "5", "3", MOVE_ON, *all_agree(SCORED[1:])]
    script += [*votes("a", "b", "c"), *votes("d", "e", "f"), FINISH]
    run = Run(basic, script, session_for(basic, "anonymous", 3))
    run.run()
    assert "En anonym stemme kan ikke tages tilbage" in run.screen.screens[2]


def test_time_spent_and_the_projected_finish(basic) -> None:
    now = [NOW]
    session = session_for(basic)
    pace = Pace(basic.questionnaire, session, lambda: now[0], "da", dt.timedelta(minutes=3))
    assert pace.line(session) == ""  # nothing to say in the first minute
    from peerready.meeting.steps import with_answer

    for item in ("mot_a", "mot_b"):
        session = with_answer(session, GROUP, item, "4")
    now[0] = NOW + dt.timedelta(minutes=10)
    assert pace.line(session) == "0:10 brugt · ca. 0:40 tilbage (færdig ca. 10:50)"
    pace.arrive("mot_c")
    now[0] += dt.timedelta(seconds=50)
    assert pace.timer_line() == "⏱ drøftelse 2:10 tilbage"
    now[0] += dt.timedelta(minutes=3)
    assert pace.timer_line() == "⏱ tiden til drøftelse er gået"
    assert pace.domains(session)[0] == ("Motivation", 2, 3)


def test_timer_lengths() -> None:
    assert timer_length("3m") == dt.timedelta(minutes=3)
    assert timer_length("90s") == dt.timedelta(seconds=90)
    assert timer_length("2m30s") == dt.timedelta(minutes=2, seconds=30)
    assert timer_length("4") == dt.timedelta(minutes=4)
    with pytest.raises(UsageError, match="--timer: expected a duration such as 3m"):
        timer_length("soon")


def test_long_guidance_is_shown_a_page_at_a_time_on_a_small_screen() -> None:
    guidance = (("Hvorfor", "ord " * 800),)
    assert guidance_pages(guidance, Screen(80, 24)) > 3
    assert guidance_pages(guidance, Screen(160, 60)) < guidance_pages(guidance, Screen(80, 24))


def test_the_projector_layout_boxes_the_statement_in_a_readable_measure() -> None:
    from peerready.meeting.view import Card, card_view
    from tests.helpers.scripted import render

    card = Card(
        position="3/47 · Ledelse 1/5", critical=False, statement="Ledelsen står bag beslutningen. " * 6
    )
    wide = render(card_view(card, "da", Screen(160, 45, large=True)), width=160)
    assert "┏" in wide and "┃" in wide
    assert max(len(line.rstrip()) for line in wide.splitlines()) <= 90
    normal = render(card_view(card, "da", Screen(80, 24)), width=80)
    assert "┏" not in normal
    assert all(not line.rstrip().endswith("besluti") for line in normal.splitlines())  # whole words


def test_votes_can_come_from_another_source_than_the_terminal(basic) -> None:
    from peerready.meeting.flow import Assessment
    from peerready.meeting.state import record_vote, voters
    from tests.helpers.scripted import Screen as Shown
    from tests.helpers.scripted import ScriptedAsker

    class Phones:
        """Every participant votes 4 (or writes 'fra telefonen') as soon as a round opens."""

        def __init__(self) -> None:
            self.rounds: list[tuple[int, int]] = []

        def collect(self, index: int, round_number: int) -> None:
            self.rounds.append((index, round_number))
            item = basic.questionnaire.all_items[index]
            answer = "fra telefonen" if item.kind == "text" else basic.questionnaire.options_of(item)[0].id
            for voter in voters(assessment.session):
                vote = partial(
                    record_vote, item_id=item.id, round_number=round_number, voter=voter, answer=answer
                )
                assessment.meeting.apply(partial(vote, now=NOW))

    phones = Phones()
    script: list = [MOVE_ON] * 8 + [FINISH]
    asker = ScriptedAsker(script)  # the terminal only decides
    session = session_for(basic, "individual", 3)
    assessment = Assessment(basic, session, "da", asker, lambda s: None, Shown().show, box=phones)
    final = assessment.run()
    assert [index for index, _ in phones.rounds] == list(range(10))
    assert final.answers["2"]["inspired"] == "fra telefonen"
    assert all(p.message == "Hvad vil I gøre?" for p in asker.asked[:8])
