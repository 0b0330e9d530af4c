"""Properties of batch scoring: how an export is written (encoding, delimiter, column and row
order) never changes the scores."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from peerready.exports.load import NothingScored, load_export_result
from peerready.exports.options import ExportOptions
from tests.conftest import BASIC
from tests.helpers.simple_path import simple_result
from tests.helpers.surveys import HEADER, careless, exports, write


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
