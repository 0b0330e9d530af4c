"""Properties of batch scoring: how an export is written (encoding, delimiter, column and row
order) never changes the scores."""

from __future__ import annotations

import csv
import io
import random
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from peerready.documents.loader import load_instrument
from peerready.exports.load import ExportOptions, NothingScored, load_export_result
from peerready.scoring.tally import ScoringPlan
from tests.conftest import BASIC
from tests.simple_path import simple_result

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


def scores(path: Path):
    options = ExportOptions(group_by="afdeling", by_role=True, min_group_size=2, language="en")
    return load_export_result(path, str(BASIC), options)[1]


@settings(max_examples=40, deadline=None)
@given(
    exports,
    st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
    st.sampled_from([",", ";", "\t"]),
    st.randoms(use_true_random=False),
)
def test_how_the_file_is_written_does_not_change_the_scores(
    rows, encoding, delimiter, rnd: random.Random
) -> None:
    columns = list(range(len(HEADER)))
    rnd.shuffle(columns)
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    with tempfile.TemporaryDirectory() as folder:
        plain = scores(write(rows, Path(folder), "utf-8", ",", list(range(len(HEADER)))))
        other = scores(write(shuffled, Path(folder), encoding, delimiter, columns))
    assert plain.model_dump(exclude={"texts"}) == other.model_dump(exclude={"texts"})


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


@settings(max_examples=60, deadline=None)
@given(st.one_of(exports, careless))
def test_the_fast_path_equals_the_simple_path(rows) -> None:
    """Also with bad rows: a chunk is counted the fast way, found to hold a bad answer in any
    block, uncounted, checked row by row, and its good rows counted again."""
    options = ExportOptions(group_by="afdeling", by_role=True, min_group_size=2, language="en")
    with tempfile.TemporaryDirectory() as folder:
        path = write(rows, Path(folder), "utf-8", ",", list(range(len(HEADER))))
        try:
            fast = load_export_result(path, str(BASIC), options)[1]
        except NothingScored:
            fast = None
        slow = simple_result(path, str(BASIC), options)
    if fast is None:
        assert slow.respondents == 0
    else:
        assert fast.model_dump() == slow.model_dump()
