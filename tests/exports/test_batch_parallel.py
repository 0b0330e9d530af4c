"""A large CSV export scored in two processes gives exactly what one pass gives: the golden
exports, bad rows in either half, a respondent id in both halves, quotes that mislead the
split, an error in the second half, and random files."""

from __future__ import annotations

import csv
import os
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerready.cli.main import main
from peerready.errors import InputError
from peerready.exports import load, parallel
from peerready.exports.csvsource import open_csv
from peerready.exports.load import NothingScored, load_export_result
from peerready.exports.options import ExportOptions
from tests.conftest import BASIC, DATA
from tests.exports.test_exports import _options as export_options
from tests.helpers.surveys import HEADER, LABELS, careless, exports, write

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or not hasattr(os, "sched_getaffinity"), reason="two processes only on Linux"
)
OPTIONS = ExportOptions(group_by="afdeling", by_role=True, min_group_size=2, language="en")
Dumped = tuple[dict[str, Any], dict[str, Any]]  # the result and the batch summary
GOLDEN_CSV = sorted(  # the CSV files (a workbook named .csv is read in one pass)
    p for p in (DATA / "exports" / "golden").glob("*/answers.csv") if not p.read_bytes().startswith(b"PK")
)


class Split:
    """Forces the two-process path on small files and records how it went."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.outcomes: list[str] = []
        monkeypatch.setattr(parallel, "PARALLEL_FROM", 0)
        monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1})  # also on one core
        absorb, feed = parallel._absorb, parallel.feed_in_two

        def recording_absorb(*args: Any) -> bool:
            merged = absorb(*args)
            self.outcomes.append("merged" if merged else "second half read again")
            return merged

        def recording_feed(*args: Any) -> Any:
            scorer = feed(*args)
            if scorer is None:
                self.outcomes.append("one pass")
            return scorer

        monkeypatch.setattr(parallel, "_absorb", recording_absorb)
        monkeypatch.setattr(load, "feed_in_two", recording_feed)


def one_pass(path: Path, options: ExportOptions = OPTIONS) -> Dumped:
    _, result, summary = load_export_result(path, str(BASIC), options)
    return result.model_dump(), summary.model_dump()


def in_two(
    path: Path, split: Split, options: ExportOptions = OPTIONS
) -> tuple[dict[str, Any], dict[str, Any]]:
    split.outcomes.clear()
    return one_pass(path, options)


def export(folder: Path, lines: list[str]) -> Path:
    path = folder / "export.csv"
    path.write_text("\r\n".join([",".join(HEADER), *lines]) + "\r\n", encoding="utf-8")
    return path


def answers(n: int, bad: bool = False) -> str:
    cells = [options[(n + i) % len(options)] for i, options in enumerate(map(list, LABELS.values()))]
    return ",".join(["9", *cells[1:]] if bad else cells)


@pytest.mark.parametrize("path", GOLDEN_CSV, ids=lambda p: p.parent.name)
@pytest.mark.parametrize("include_incomplete", [False, True], ids=["as given", "incomplete included"])
def test_golden_exports_give_the_same_result(path: Path, include_incomplete: bool, monkeypatch) -> None:
    options = replace(export_options(path.parent), include_incomplete=include_incomplete)
    expected = one_pass(path, options)
    split = Split(monkeypatch)
    assert in_two(path, split, options) == expected
    assert split.outcomes == ["merged"]


def test_bad_rows_in_both_halves_keep_their_lines(tmp_path, monkeypatch) -> None:
    lines = [f"r{n},Øst,staff,{answers(n, bad=n in (3, 17))}" for n in range(20)]
    path = export(tmp_path, lines)
    expected = one_pass(path)
    split = Split(monkeypatch)
    assert in_two(path, split) == expected
    assert split.outcomes == ["merged"]
    assert [r["line"] for r in expected[1]["rejected"]] == [5, 19]


def test_an_id_in_both_halves_is_read_in_file_order(tmp_path, monkeypatch) -> None:
    lines = [f"r{n % 15},Øst,staff,{answers(n)}" for n in range(20)]  # r0–r4 again at the end
    path = export(tmp_path, lines)
    expected = one_pass(path)
    split = Split(monkeypatch)
    assert in_two(path, split) == expected
    assert split.outcomes == ["second half read again"]
    assert [r["line"] for r in expected[1]["rejected"]] == [17, 18, 19, 20, 21]


def test_a_quote_that_misleads_the_split_gives_one_pass(tmp_path, monkeypatch) -> None:
    """A quote inside an unquoted field is a plain character to CSV readers, so counting quotes
    puts the split inside the quoted comment that follows; the sentinel line notices."""
    header = ",".join([*HEADER, "comment"])
    body = [f"r{n},Øst,staff,{answers(n)},ok" for n in range(6)]
    body += [f'r6,Øst,staff,{answers(6)},5 "inches'] + [
        f"r{n},Øst,staff,{answers(n)},ok" for n in range(7, 9)
    ]
    body += [f'r9,Øst,staff,{answers(9)},"one' + "\r\ntwo" * 40 + '"']
    body += [f"r{n},Øst,staff,{answers(n)},ok" for n in range(10, 12)]
    path = tmp_path / "export.csv"
    path.write_text("\r\n".join([header, *body]) + "\r\n", encoding="utf-8")
    expected = one_pass(path)
    split = Split(monkeypatch)
    assert in_two(path, split) == expected
    assert split.outcomes == ["one pass"]
    assert expected[1]["counts"]["scored"] == 12


def test_an_error_in_the_second_half_is_the_one_a_single_pass_gives(tmp_path, monkeypatch) -> None:
    lines = [f"r{n},{'_others' if n == 15 else 'Øst'},staff,{answers(n)}" for n in range(20)]
    path = export(tmp_path, lines)
    with pytest.raises(InputError) as single:
        one_pass(path)
    split = Split(monkeypatch)
    with pytest.raises(InputError) as double:
        in_two(path, split)
    assert str(double.value) == str(single.value)
    assert "line 17" in str(single.value)


def test_the_split_is_at_a_line_end_outside_quotes(tmp_path) -> None:
    comment = '"a long comment' + "\r\nwith a line" * 30 + '"'
    lines = [f"r{n},Øst,staff,{answers(n)}" for n in range(4)] + [f"r4,Øst,staff,{answers(4)},{comment}"]
    lines += [f"r{n},Øst,staff,{answers(n)}" for n in range(5, 7)]
    path = export(tmp_path, lines)
    source = open_csv(path, "utf-8", None)
    source.close()
    assert source.span is not None
    at = parallel.split_point(source.span)
    data = path.read_bytes()
    assert at is not None and data[at - 1 : at] == b"\n"
    assert data[:at].count(b'"') % 2 == 0
    assert data[at:].startswith(b"r5,")  # past the comment that straddles the middle


def test_small_files_and_one_core_are_read_in_one_pass(tmp_path, monkeypatch) -> None:
    path = export(tmp_path, [f"r1,Øst,staff,{answers(1)}"])
    source = open_csv(path, "utf-8", None)
    source.close()
    assert parallel.usable(source) is None  # far below PARALLEL_FROM
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 0)
    assert parallel.usable(source) is not None or len(os.sched_getaffinity(0)) < 2
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0})
    assert parallel.usable(source) is None


@settings(max_examples=30, deadline=None)
@given(st.one_of(exports, careless), st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
def test_two_processes_equal_one_pass(rows, encoding) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch, tempfile.TemporaryDirectory() as folder:
        path = write(rows, Path(folder), encoding, ";", list(range(len(HEADER))))
        try:
            expected: Any = one_pass(path)
        except NothingScored as exc:
            expected = str(exc)
        split = Split(monkeypatch)
        try:
            got: Any = in_two(path, split)
        except NothingScored as exc:
            got = str(exc)
    assert got == expected
    assert split.outcomes in (["merged"], ["second half read again"], ["one pass"])


def test_without_fork_one_process_does_it_all(tmp_path, monkeypatch) -> None:
    lines = [f"r{n},Øst,staff,{answers(n)}" for n in range(20)]
    path = export(tmp_path, lines)
    expected = one_pass(path)
    split = Split(monkeypatch)

    def no_fork() -> int:
        raise OSError("fork refused")

    monkeypatch.setattr(os, "fork", no_fork)
    assert in_two(path, split) == expected
    assert split.outcomes == ["one pass"]


def test_the_first_thousand_problems_are_the_same_in_two_processes(tmp_path, monkeypatch) -> None:
    """Ragged rows (every 7th) among rows with a bad answer, and a few good ones."""
    lines = [
        f"r{n},Øst,1" if n % 7 == 0 else f"r{n},Øst,staff,{answers(n, bad=n % 11 != 0)}" for n in range(2400)
    ]
    path = export(tmp_path, lines)
    expected = one_pass(path)
    split = Split(monkeypatch)
    assert in_two(path, split) == expected
    assert split.outcomes == ["merged"]
    listed = [r["line"] for r in expected[1]["rejected"]]
    assert listed == [n + 2 for n in range(2400) if n % 7 == 0 or n % 11 != 0][:1000]


def test_windows_1252_in_the_second_half_is_read_again_as_such(tmp_path, monkeypatch) -> None:
    """Past the first 64 KB, where the encoding was guessed from: the copy cannot read its half,
    this process meets the same byte, and the file is checked whole and read again."""
    lines = [f"r{n},{'Århus' if n == 2900 else 'Vest'},staff,{answers(n)}" for n in range(3000)]
    path = tmp_path / "export.csv"
    path.write_bytes(("\r\n".join([",".join(HEADER), *lines]) + "\r\n").encode("cp1252"))
    assert path.read_bytes().index("Å".encode("cp1252")) > 1 << 16
    expected = one_pass(path, replace(OPTIONS, encoding="cp1252"))
    split = Split(monkeypatch)
    got = in_two(path, split)
    assert split.outcomes == ["merged"]  # the second reading, as Windows-1252
    assert got[1]["source"]["encoding"] == "cp1252"
    assert got == expected


def test_a_filled_in_template_gives_the_same_result(tmp_path, monkeypatch) -> None:
    """Its explanation row comes before the data: the halves start after it."""
    from tests.exports.test_batch_cli import rows_for

    sheet = tmp_path / "sheet.csv"
    assert main(["template", str(BASIC), "--to", "csv", "-o", str(sheet)]) == 0
    with sheet.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows_for(40, group=lambda i: ["Øst", "Vest"][i % 2]))
    expected = one_pass(sheet, replace(OPTIONS, group_by="group"))
    split = Split(monkeypatch)
    assert in_two(sheet, split, replace(OPTIONS, group_by="group")) == expected
    assert split.outcomes == ["merged"]
    assert expected[1]["counts"]["scored"] == 40
