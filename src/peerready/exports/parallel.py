"""A large CSV export scored by two processes at once: this one reads the first half of the data
lines while a forked copy of it reads the second, whose tallies are then merged in.

The merged tallies are the ones a single pass gives, because a scorer's state is sums and
first-seen orders, and the copy's half comes after ours in the file. Where they could differ,
it is not used: a respondent id found in both halves (the first one must win) or a copy that
failed make this process read the second half itself, with the copy's work thrown away; a split
point that turns out not to be a record boundary (or a problem that stops the first half) makes
the caller read the whole file again, in one pass.
Only where fork is safe and pays: Linux with two free cores, no threads, a file of
`PARALLEL_FROM` bytes or more, and no per-respondent output (which must come in file order).
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from operator import attrgetter
from typing import NoReturn

from peerready.errors import InputError
from peerready.exports.checker import RowProblem
from peerready.exports.counts import MAX_PROBLEMS, Key, RowCounts
from peerready.exports.csvsource import Misplaced, read_part
from peerready.exports.engine import BatchScorer
from peerready.exports.patterns import Bucket, combine
from peerready.exports.sniff import BLOCK
from peerready.exports.source import ExportReader, Progress, Span

PARALLEL_FROM = 2 << 20  # bytes of data below which forking costs more than it saves
SEARCH = 1 << 20  # how far past the middle to look for a line end outside quotes


@dataclass
class Half:
    """What a scorer learned from one half of the file: everything that is merged."""

    counts: RowCounts
    problems: list[RowProblem]
    buckets: dict[Key, Bucket]
    texts: dict[str, list[str]]
    group_labels: dict[str, str]
    groups: dict[str, str]
    roles: Counter[str]
    seen: set[str]
    learned: list[tuple[dict[object, tuple[int, ...]], dict[object, int]]]


def usable(source: ExportReader) -> Span | None:
    span = source.span
    if span is None or span.size - span.start < PARALLEL_FROM:
        return None
    if not hasattr(os, "fork") or not hasattr(os, "sched_getaffinity"):
        return None  # fork is only trusted on Linux (macOS's system libraries are not fork-safe)
    if len(os.sched_getaffinity(0)) < 2 or threading.active_count() > 1:
        return None
    return span


def split_point(span: Span) -> int | None:
    """The start of a line near the middle of the data that is outside any quoted field: an even
    number of quote characters before it (an escaped quote "" counts two)."""
    middle = span.start + (span.size - span.start) // 2
    quotes = 0
    with span.path.open("rb") as handle:
        handle.seek(span.start)
        left = middle - span.start
        while left > 0 and (block := handle.read(min(BLOCK, left))):
            quotes += block.count(b'"')
            left -= len(block)
        tail = handle.read(SEARCH)
    at = 0
    while (newline := tail.find(b"\n", at)) >= 0:
        quotes += tail.count(b'"', at, newline)
        at = newline + 1
        if quotes % 2 == 0:
            return middle + at if middle + at < span.size else None
    return None


def feed_in_two(
    source: ExportReader, make: Callable[[], BatchScorer], progress: Progress | None
) -> BatchScorer | None:
    """A scorer fed with every data row of the source, or None when the caller must read it alone.
    Not for a scorer with per-respondent output, which must be written in the file's order."""
    span = usable(source)
    split = split_point(span) if span is not None else None
    if span is None or split is None:
        return None
    scorer = make()
    reading, writing = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # a sandbox without fork, or no room for another process: one will do
        os.close(reading)
        os.close(writing)
        return None
    if pid == 0:  # pragma: no cover - the copy ends in os._exit, where coverage cannot record it
        os.close(reading)
        _copy(span, split, scorer, writing)
    os.close(writing)
    with os.fdopen(reading, "rb") as pipe:
        received = False
        try:
            lines: list[int] = []
            for chunk in read_part(span, span.start, split, span.first_line, lines):
                scorer.feed(chunk.rows, chunk.positions)
                if progress is not None:
                    progress(2 * chunk.done - span.start, span.size)
            data = pipe.read()
            received = True
        except (Misplaced, InputError):  # a misplaced split can make errors of its own: read in one pass
            return None
        finally:
            if not received:
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    offset = span.first_line - 1 + lines[0]
    if not data or not _absorb(scorer, pickle.loads(data), offset):  # our own fork's bytes
        for chunk in read_part(span, split, None, offset + 1, []):
            scorer.feed(chunk.rows, chunk.positions)
    return scorer


def _copy(span: Span, split: int, scorer: BatchScorer, writing: int) -> NoReturn:  # pragma: no cover
    """The forked copy: score the second half, send what was learned, and leave at once (no
    clean-up of the parent's state, no flushing of its buffers)."""
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends the copy; the parent reports it
        for chunk in read_part(span, split, None, 1, []):
            scorer.feed(chunk.rows, chunk.positions)
        with os.fdopen(writing, "wb") as pipe:
            pickle.dump(_half(scorer), pipe, protocol=pickle.HIGHEST_PROTOCOL)
        status = 0
    except BaseException:  # the parent reads this half itself and meets the problem there
        pass
    finally:
        os._exit(status)


def _half(scorer: BatchScorer) -> Half:  # pragma: no cover - runs in the copy
    return Half(
        counts=scorer.counts,
        problems=scorer.problems,
        buckets=scorer.buckets,
        texts=scorer.texts,
        group_labels=scorer.group_labels,
        groups=scorer.groups,
        roles=scorer.roles,
        seen=scorer.seen,
        learned=[(block.codes, block.partial) for block in scorer.blocks],
    )


def _absorb(scorer: BatchScorer, half: Half, offset: int) -> bool:
    """Merge the second half's tallies into the scorer of the first (False: an id in both)."""
    if not scorer.seen.isdisjoint(half.seen):
        return False
    scorer.seen |= half.seen
    mine = scorer.counts
    for name in (f.name for f in fields(RowCounts) if f.name != "reasons"):
        setattr(mine, name, getattr(mine, name) + getattr(half.counts, name))
    mine.reasons.update(half.counts.reasons)
    room = max(MAX_PROBLEMS - len(scorer.problems), 0)
    first = sorted(half.problems, key=attrgetter("position"))[:room]
    scorer.problems += [replace(p, position=p.position + offset) for p in first]
    blocks = len(scorer.blocks)
    for key, bucket in half.buckets.items():
        parts = [b for b in (scorer.buckets.get(key), bucket) if b is not None]
        scorer.buckets[key] = combine(parts, blocks)
    for item, texts in half.texts.items():
        scorer.texts.setdefault(item, []).extend(texts)
    for group, label in half.group_labels.items():
        scorer.group_labels.setdefault(group, label)
    for raw, group in half.groups.items():
        scorer.groups.setdefault(raw, group)
    scorer.roles.update(half.roles)
    for block, (codes, partial) in zip(scorer.blocks, half.learned, strict=True):
        block.codes.update(codes)
        block.partial.update(partial)
    return True
