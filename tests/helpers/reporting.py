"""Shared pieces of the report tests: the sample data and sessions made up for any questionnaire."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from peerready.documents.sessions import save_session
from peerready.model.ids import DONT_KNOW
from peerready.model.instrument import Instrument
from peerready.model.questionnaire import TextItem
from peerready.model.session import GROUP, Respondent, Session, reference_to
from tests.conftest import DATA

REPORT = DATA / "report"
SAMPLE = REPORT / "sample.yaml"
SAMPLE_SESSION = REPORT / "sample-session.json"
SAMPLE_BASELINE = REPORT / "sample-baseline.json"
BRAND = REPORT / "brand.yaml"
ROLES = ("leader", "staff", "staff", "hr", "peer_worker", "staff")
HTML_NOTE = '<img src="file:///etc/hostname"> <b>fed</b> & «citat»'


def made_up_session(instrument: Instrument, *, mode: str = "individual", respondents: int = 6) -> Session:
    """Answers to every item of any questionnaire, spread over its options, with a note that
    contains HTML and open answers with Danish letters."""
    q = instrument.questionnaire
    people = [Respondent(id=str(n + 1), role=ROLES[n % len(ROLES)]) for n in range(respondents)]  # type: ignore[arg-type]
    sets = [GROUP] if mode == "consensus" else [p.id for p in people]
    weak = {d.id for index, d in enumerate(q.domains) if index % 3 == 0}  # a third of the domains lag
    answers: dict[str, dict[str, str]] = {}
    for n, key in enumerate(sets):
        mine = {}
        for position, item in enumerate(q.all_items):
            if isinstance(item, TextItem):
                mine[item.id] = f"Svar {n + 1} med æ, ø og å"
            elif (n + position) % 7 == 6:
                mine[item.id] = DONT_KNOW
            else:  # mostly agreed, one person a step lower each time
                options = sorted(q.options_of(item), key=lambda o: o.points)
                level = 1 if q.domain_of_item[item.id].id in weak else len(options) - 1
                mine[item.id] = options[max(0, level - (n == position % respondents))].id
        answers[key] = mine
    return Session(
        questionnaire=reference_to(q),
        organisation="Afdeling Øst – Århus",
        date=dt.date(2026, 11, 23),
        language="da",
        mode=mode,  # type: ignore[arg-type]
        respondents=people,
        answers=answers,
        notes={q.all_items[0].id: HTML_NOTE},
        flagged=[q.all_items[0].id],
        complete=True,
    )


def write_session(session: Session, folder: Path, name: str = "session.json") -> Path:
    path = folder / name
    save_session(session, path)
    return path


def weakest_session(instrument: Instrument) -> Session:
    """A weak organisation: the group agreed on the lowest answer to every statement."""
    q = instrument.questionnaire
    lowest = {
        item.id: min(q.options_of(item), key=lambda o: o.points).id
        for item in q.all_items
        if not isinstance(item, TextItem)
    }
    return Session(
        questionnaire=reference_to(q),
        organisation="Bostedet Svag",
        date=dt.date(2026, 11, 23),
        language="da",
        mode="consensus",
        respondents=[Respondent(id="1", role="leader"), Respondent(id="2", role="staff")],
        answers={GROUP: lowest},
        complete=True,
    )


DEPARTMENTS = ("Afdeling Nord", "Afdeling Syd", "Afdeling Øst")


def survey_export(instrument: Instrument, folder: Path, respondents: int = 60) -> Path:
    """A staff survey as a CSV export: one row per respondent, an 'afdeling' column, every
    statement answered by its option label; the departments lean low, middle and high."""
    q = instrument.questionnaire
    items = [item for item in q.all_items if not isinstance(item, TextItem)]
    rows = [";".join(["respondent", "afdeling", *(item.id for item in items)])]
    for n in range(respondents):
        department = n % len(DEPARTMENTS)
        answers = []
        for position, item in enumerate(items):
            options = sorted(q.options_of(item), key=lambda o: o.points)
            lean = department * (len(options) - 1) / 2  # 0, the middle, the top
            level = round(lean + ((n + position) % 3 - 1) * 0.8)
            answers.append(options[max(0, min(len(options) - 1, level))].label.da)
        rows.append(";".join([f"R{n + 1:03}", DEPARTMENTS[department], *answers]))
    path = folder / "survey.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path
