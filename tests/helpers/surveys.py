"""Survey exports made up for the batch tests: hypothesis strategies for rows, and a writer."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import strategies as st

from peerready.documents.loader import load_instrument
from peerready.scoring.tally import ScoringPlan
from tests.conftest import BASIC

INSTRUMENT = load_instrument(str(BASIC))
PLAN = ScoringPlan.build(INSTRUMENT.questionnaire)
LABELS = {
    item.id: {o.id: [o.id, o.label.da, o.label.en.upper()] for o in INSTRUMENT.questionnaire.options_of(item)}
    for domain in INSTRUMENT.questionnaire.domains
    for item in domain.scored_items
}
SPECIAL = ["", "dont_know", "Ved ikke", "not_applicable", "Ikke relevant"]


def cell(item: str) -> st.SearchStrategy[str]:
    spellings = [s for options in LABELS[item].values() for s in options]
    return st.sampled_from(spellings + SPECIAL)


respondent = st.tuples(
    st.sampled_from(["Afdeling Øst – Århus", "Ærø", "Vest"]),
    st.sampled_from(["leader", "Medarbejder", "HR", "peer_worker"]),
    *(cell(p.id) for p in PLAN.items),
)
exports = st.lists(respondent, min_size=1, max_size=30)
HEADER = ["respondent", "afdeling", "role", *(p.id for p in PLAN.items)]


def write(rows, folder: Path, encoding: str, delimiter: str, order: list[int]) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([HEADER[i] for i in order])
    for n, row in enumerate(rows):
        full = [f"r{n}", *row]
        writer.writerow([full[i] for i in order])
    path = folder / "export.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def with_mistakes(item: str) -> st.SearchStrategy[str]:
    return st.one_of(cell(item), st.sampled_from(["9", "maybe", "-1"]))


careless = st.lists(
    st.tuples(
        st.sampled_from(["Øst", "Vest"]),
        st.sampled_from(["leader", "staff", "chef"]),
        *(with_mistakes(p.id) for p in PLAN.items),
    ),
    min_size=1,
    max_size=30,
)
