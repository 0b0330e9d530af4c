"""Writes the golden exports of tests/data/exports/golden/<platform>/ as each platform lays its
export out (from its documentation; see docs in the module docstrings of
peerready.exports.platforms). Deterministic: run it again after changing it, then regenerate the
expected results with PEERREADY_REGENERATE=1 and check the difference by hand.

    .venv/bin/python tests/data/exports/make_platform_exports.py
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

from openpyxl import Workbook

GOLDEN = Path(__file__).parent / "golden"
AGREE = ["Helt uenig", "Delvist uenig", "Hverken eller", "Delvist enig", "Helt enig"]
LEVEL = ["Skal udvikles", "Tilstrækkeligt", "Forbilledligt"]
BUDGET = ["Ja", "Delvist", "Nej"]
MEETINGS = ["Aldrig", "Nogle gange", "Tit"]
MATRIX = "Hvor enig er du i følgende udsagn?"
TEXTS = {
    "mot_a": "Vi ved hvorfor.",
    "mot_b": "Vi ved hvad.",
    "mot_c": "Vi ved hvordan.",
    "lead_group": "Der er en arbejdsgruppe.",
    "lead_champion": "Der er en drivkraft.",
    "lead_budget": "Der er et budget.",
    "team_meetings": "Hvor ofte taler teamet om det?",
    "team_ready": "Teamet er klar.",
}


def answers(seed: int, n: int) -> list[dict[str, int]]:
    """Per respondent, each item's answer as a 1-based position in its list of labels."""
    rng = random.Random(seed)
    sizes = {"mot_a": 5, "mot_b": 5, "mot_c": 5, "lead_group": 3, "lead_champion": 3}
    sizes |= {"lead_budget": 3, "team_meetings": 3, "team_ready": 5}
    return [{item: rng.randint(1, size) for item, size in sizes.items()} for _ in range(n)]


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",", bom: bool = False) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(("\ufeff" if bom else "") + buffer.getvalue(), encoding="utf-8", newline="")


def qualtrics() -> None:
    """Three header rows (ids, question texts, ImportIds); Finished 1/0; Status 0 (IP address) or
    1 (survey preview); numeric recode values 1…n for every choice."""
    meta = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished"]
    meta += ["RecordedDate", "ResponseId", "DistributionChannel", "UserLanguage"]
    texts = ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)"]
    texts += ["Finished", "Recorded Date", "Response ID", "Distribution Channel", "User Language"]
    ids = ["startDate", "endDate", "status", "ipAddress", "progress", "duration", "finished"]
    ids += ["recordedDate", "_recordId", "distributionChannel", "userLanguage"]
    questions = ["Q1_1", "Q1_2", "Q1_3", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7"]
    items = list(TEXTS)
    header = [*meta, *questions]
    question_texts = [f"{MATRIX} - {TEXTS[i]}" for i in items[:3]] + [TEXTS[i] for i in items[3:]]
    second = [*texts, *question_texts, "Hvad inspirerede jer?"]
    third = [f'{{"ImportId":"{i}"}}' for i in ids]
    third += [f'{{"ImportId":"QID{q[1:].replace("_", "_")}"}}' for q in questions]
    rows = [header, second, third]
    for n, given in enumerate(answers(101, 14)):
        status, finished = ("1", "1") if n == 4 else ("0", "0" if n in (7, 11) else "1")
        start = f"2026-10-{n + 1:02d} 09:00:00"
        row = [
            start,
            start.replace("09:00", "09:10"),
            status,
            f"10.0.0.{n}",
            "100" if finished == "1" else "40",
        ]
        row += ["600", finished, start, f"R_{n:03d}xYz", "anonymous", "DA"]
        row += [str(given[i]) for i in items]
        row.append("At se det virke" if n == 2 else "")
        rows.append(row)
    write_csv(GOLDEN / "qualtrics" / "answers.csv", rows, bom=True)


def surveymonkey() -> None:
    """Two header rows; the matrix question's text once over its first column; answers as texts."""
    meta = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address"]
    meta += ["First Name", "Last Name", "Custom Data 1", "Afdeling"]
    items = list(TEXTS)
    top = [*meta, MATRIX, "", "", *(TEXTS[i] for i in items[3:])]
    below = [""] * len(meta) + [TEXTS[i] for i in items[:3]] + ["Response"] * (len(items) - 3)
    labels = {"lead_group": LEVEL, "lead_champion": LEVEL, "lead_budget": BUDGET, "team_meetings": MEETINGS}
    rows = [top, below]
    for n, given in enumerate(answers(202, 12)):
        row = [str(114000000 + n), "431000001", "10/01/2026 09:00:00 AM", "10/01/2026 09:10:00 AM"]
        row += ["", "", "", "", "", ["Vest", "Øst", ""][n % 3]]
        row += [labels.get(i, AGREE)[given[i] - 1] for i in items]
        rows.append(row)
    write_csv(GOLDEN / "surveymonkey" / "answers.csv", rows)


def surveyxact() -> None:
    """A workbook whose first sheet is the codebook ("Labels": variable, value, label) and whose
    "Dataset" sheet has numeric codes, a mostly empty `id`, background and status variables."""
    book = Workbook()
    labels = book.active
    assert labels is not None
    labels.title = "Labels"
    variables = {f"s_{n + 1}": item for n, item in enumerate(TEXTS)}
    lists = {"lead_group": LEVEL, "lead_champion": LEVEL, "lead_budget": BUDGET, "team_meetings": MEETINGS}
    labels.append(["Variable", "Value", "Label"])
    for variable, item in variables.items():
        codes = lists.get(item, AGREE)
        for value, label in enumerate(codes, start=1):
            labels.append([variable if value == 1 else None, value, label])
        if item not in lists:
            labels.append([None, 6, "Ved ikke"])
    data = book.create_sheet("Dataset")
    data.append(["id", "email", "b_afdeling", *variables, *(f"statoverall_{n}" for n in range(1, 6))])
    for n, given in enumerate(answers(303, 24)):
        status = 3 if n in (5, 17) else 4
        codes = [given[i] if not (n % 7 == 3 and i == "mot_b") else 6 for i in variables.values()]
        row: list[object] = ["T1" if n == 0 else None, None, ["Vest", "Øst", "Syd"][n % 3], *codes]
        row += [1 if status == s else 0 for s in range(1, 6)]
        data.append(row)
    book.save(GOLDEN / "surveyxact-xlsx" / "answers.xlsx")


def limesurvey_r() -> None:
    """The R/SPSS-style data file: question codes as headers, NA for no answer (and in submitdate
    for an unfinished response)."""
    codes = {"mot_a": "mota", "mot_b": "motb", "mot_c": "motc", "lead_group": "leadgroup"}
    codes |= {"lead_champion": "leadchampion", "lead_budget": "leadbudget", "team_meetings": "teammeetings"}
    codes |= {"team_ready": "teamready"}
    option_ids = {"lead_group": ["low", "mid", "high"], "lead_champion": ["low", "mid", "high"]}
    option_ids |= {"lead_budget": ["yes", "partly", "no"], "team_meetings": ["never", "sometimes", "often"]}
    rows = [["id", "submitdate", "lastpage", "startlanguage", *codes.values()]]
    for n, given in enumerate(answers(404, 13)):
        submitted = "NA" if n in (3, 9) else f"2026-11-{n + 1:02d} 10:00:00"
        cells = [option_ids.get(i, ["1", "2", "3", "4", "5"])[given[i] - 1] for i in codes]
        if n % 4 == 1:
            cells[1] = "NA"  # mot_b not answered
        rows.append([str(n + 1), submitted, "2" if submitted == "NA" else "3", "da", *cells])
    write_csv(GOLDEN / "limesurvey-r" / "answers.csv", rows)


def redcap_forms() -> None:
    """Three forms: a profile form, the readiness form (its budget a checkbox field with codes
    1–3) and a follow-up form most records have not begun. Only the readiness form decides."""
    items = ["mot_a", "mot_b", "mot_c", "lead_group", "lead_champion"]
    header = ["record_id", "redcap_survey_identifier", "afdeling", "profile_complete", *items]
    header += ["budget___1", "budget___2", "budget___3", "team_meetings", "team_ready", "readiness_complete"]
    header += ["followup_note", "followup_complete"]
    level = ["low", "mid", "high"]
    meetings = ["never", "sometimes", "often"]
    rows = [header]
    for n, given in enumerate(answers(505, 12)):
        row = [str(n + 1), "", ["Vest", "Øst"][n % 2], "2"]
        row += [str(given[i]) if i.startswith("mot") else level[given[i] - 1] for i in items]
        row += ["1" if given["lead_budget"] == code else "0" for code in (1, 2, 3)]
        row += [meetings[given["team_meetings"] - 1], str(given["team_ready"]), "0" if n == 6 else "2"]
        row += ["ok" if n == 2 else "", "2" if n == 2 else "0"]
        rows.append(row)
    write_csv(GOLDEN / "redcap-forms" / "answers.csv", rows)


def kobo_xlsx() -> None:
    """The main sheet (field names with group paths, meta columns) and a repeat group's sheet,
    whose rows point back to their submission and are not respondents."""
    book = Workbook()
    main = book.active
    assert main is not None
    main.title = "Peer readiness"
    items = [f"{'motivation' if i.startswith('mot') else 'rest'}/{i}" for i in TEXTS]
    main.append(["start", "end", *items, "__version__", "_id", "_uuid", "_submission_time", "_index"])
    names = {"lead_group": ["low", "mid", "high"], "lead_champion": ["low", "mid", "high"]}
    names |= {"lead_budget": ["yes", "partly", "no"], "team_meetings": ["never", "sometimes", "often"]}
    for n, given in enumerate(answers(606, 10)):
        cells = [names.get(i, ["1", "2", "3", "4", "5"])[given[i] - 1] for i in TEXTS]
        main.append(
            ["2026-11-20T10:00", "2026-11-20T10:09", *cells, "vAbc", 7000 + n, f"u-{n}", "2026", n + 1]
        )
    repeat = book.create_sheet("members")
    repeat.append(["member_name", "_index", "_parent_table_name", "_parent_index", "_submission__id"])
    for n in range(6):
        repeat.append([f"m{n}", n + 1, "Peer readiness", n % 3 + 1, 7000 + n % 3])
    book.save(GOLDEN / "kobo-xlsx" / "answers.xlsx")


if __name__ == "__main__":
    qualtrics()
    surveymonkey()
    surveyxact()
    limesurvey_r()
    redcap_forms()
    kobo_xlsx()
