"""How long the group waits between giving an answer and seeing the next prompt in
`peerready assess`: the answer recorded, the session saved atomically (temporary file, fsync,
rename, fsync of the folder), the next card drawn and the next prompt built and run.

The real question loop (`Assessment`) runs with the real terminal prompts over a pipe, every
key queued in advance, on a session where 8 participants have answered every item but the
last participant, in the second round of votes on every item (the first round kept in the file):
each item then asks that one vote and what the group makes of the spread, two full answer →
save → next prompt cycles on a full-size session file with its round history. Printed against
baselines measured in the same run on the same document: a bare `json.dumps` + write, and the
same with fsync (what durability costs on this disk at the least).

    .venv/bin/python benchmarks/assess_step.py [--rounds 5] [--questionnaire ID|FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from peerready import resources
from peerready.documents.loader import load_instrument
from peerready.documents.sessions import save_session, session_json
from peerready.meeting.flow import Assessment
from peerready.meeting.state import decide, record_vote
from peerready.meeting.steps import new_session
from peerready.meeting.terminal import TerminalAsker
from peerready.model.instrument import Instrument
from peerready.model.questionnaire import Questionnaire, TextItem
from peerready.model.session import Respondent, Session

PEOPLE = 8
NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)


def widened(instrument: Instrument, items: int) -> Instrument:
    """The questionnaire with its items repeated (new ids) up to `items`, as the rewritten
    bundled content will be (35–50 items)."""
    data = instrument.questionnaire.model_dump(mode="json")
    originals = [dict(item) for domain in data["domains"] for item in domain["items"]]
    copy = 0
    while sum(len(d["items"]) for d in data["domains"]) < items:
        copy += 1
        for domain in data["domains"]:
            for item in list(domain["items"])[: len(originals)]:
                if sum(len(d["items"]) for d in data["domains"]) >= items:
                    break
                if item.get("kind") == "text" or "_x" in item["id"]:
                    continue
                domain["items"].append(dict(item, id=f"{item['id']}_x{copy}"))
    return Instrument(Questionnaire.model_validate(data), None, "widened")


def almost_answered(instrument: Instrument) -> Session:
    """Every item with a first round of votes from all 8, discussed and voted again (the round
    history a long meeting leaves in the file), and a second round where participants 1–7 have
    voted and participant 8 is still to vote."""
    q = instrument.questionnaire
    session = new_session(
        q,
        organisation="Afdeling Øst – Århus",
        date=NOW.date(),
        language="da",
        mode="individual",
        respondents=[Respondent(id=str(n), name=f"Deltager {n}") for n in range(1, PEOPLE + 1)],
        now=NOW,
    )
    for item in q.all_items:
        if isinstance(item, TextItem):
            first = second = "Et længere svar om hvorfor vi vil ansætte peer-medarbejdere, med æ, ø og å."
        else:
            first, second = q.options_of(item)[0].id, q.options_of(item)[-1].id  # all agree in round 2
        for person in range(1, PEOPLE + 1):
            session = record_vote(session, item.id, 1, str(person), first, now=NOW)
        session = decide(session, item.id, "revote", now=NOW)
        for person in range(1, PEOPLE):
            session = record_vote(session, item.id, 2, str(person), second, now=NOW)
    return session


def keys_for(instrument: Instrument) -> tuple[str, int]:
    """The keys participant 8 and the facilitator press, and how many prompts they answer."""
    keys, prompts = [], 0
    for item in instrument.questionnaire.all_items:
        if isinstance(item, TextItem):
            keys.append("Vi er enige.\r")
            prompts += 1
        else:
            keys.append(str(len(instrument.questionnaire.options_of(item))) + "\r")  # vote, move on
            prompts += 2
    keys.append("\r")  # the review: finish
    return "".join(keys), prompts + 1


@dataclass
class Timings:
    prompts: int = 0
    total: float = 0.0  # the whole run, baselines excluded
    saves: list[float] = field(default_factory=list)
    bare: list[float] = field(default_factory=list)  # json.dumps + write of the same document
    durable: list[float] = field(default_factory=list)  # the same, with fsync


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def write_plain(document: dict[str, object], path: Path, *, durable: bool) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps(document, ensure_ascii=False, indent=2))
        if durable:
            handle.flush()
            os.fsync(handle.fileno())


def one_run(instrument: Instrument, folder: Path) -> Timings:
    """The whole assessment for the last participant; at every save, the baselines are measured
    just before it on the same document (and left out of the run's time)."""
    session = almost_answered(instrument)
    path = folder / "session.json"
    save_session(session, path)
    screen = Console(file=io.StringIO(), width=100, height=30, color_system=None)
    timings = Timings()

    def store(latest: Session) -> None:
        document = latest.model_dump(mode="json")
        timings.bare.append(timed(lambda: write_plain(document, folder / "bare.json", durable=False)))
        timings.durable.append(timed(lambda: write_plain(document, folder / "durable.json", durable=True)))
        timings.saves.append(timed(lambda: save_session(latest, path)))

    keys, timings.prompts = keys_for(instrument)
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        asker = TerminalAsker(input=pipe, output=DummyOutput())
        run = Assessment(instrument, session, "da", asker, store, screen.print)
        elapsed = timed(run.run)
    timings.total = elapsed - sum(timings.bare) - sum(timings.durable)
    return timings


def report(label: str, instrument: Instrument, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        one_run(instrument, folder)  # warm-up: imports, caches
        runs = [one_run(instrument, folder) for _ in range(rounds)]
    median = statistics.median
    step = median(r.total / r.prompts for r in runs)
    save = median(t for r in runs for t in r.saves)
    bare = median(t for r in runs for t in r.bare)
    durable = median(t for r in runs for t in r.durable)
    ui = median((r.total - sum(r.saves)) / r.prompts for r in runs)
    size = len(session_json(almost_answered(instrument)).encode()) / 1024
    items = len(instrument.questionnaire.all_items)
    print(f"\n{label}: {items} items × {PEOPLE} participants, session file ~{size:.0f} KiB")
    print(f"  baseline: json.dumps + write          {bare * 1000:6.2f} ms")
    print(f"  baseline: json.dumps + write + fsync  {durable * 1000:6.2f} ms")
    print(f"  save_session (atomic, 2 fsyncs)       {save * 1000:6.2f} ms  {save / bare:5.1f}× bare")
    print(f"  drawing and running the next prompt   {ui * 1000:6.2f} ms  {ui / bare:5.1f}× bare")
    print(
        f"  answer → saved → next prompt          {step * 1000:6.2f} ms  {step / bare:5.1f}× bare, "
        f"{step / durable:4.1f}× the durable baseline"
    )
    print(f"  (medians over {rounds} runs of {runs[0].prompts} prompts; baselines measured at each save)")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--questionnaire", help="a questionnaire file or id (default: the bundled default)")
    args = parser.parse_args()
    instrument = load_instrument(args.questionnaire or resources.DEFAULT_QUESTIONNAIRE)
    report(f"'{instrument.questionnaire.id}'", instrument, args.rounds)
    if len(instrument.questionnaire.all_items) < 50:
        report("the same, widened to 50 items", widened(instrument, 50), args.rounds)


if __name__ == "__main__":
    main()
