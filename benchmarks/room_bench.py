"""How fast the room counts a vote: 30 phones tap at once, and the time from each tap until the
facilitator's screen shows a count that includes it (the vote saved atomically to the session
file and the waiting screen drawn), as p50/p95/max; and the memory of the process that runs the
server and the facilitator's side.

The real room runs in this process, bound to 127.0.0.1 only: the web server in its thread, the
meeting (`Assessment` with the room's voting) in the main thread, with no keys pressed, drawing
to a console in memory. The phones run in a second process, as a phone would: each joins with
the code, keeps its live-update stream open, waits for the statement to appear on that stream,
then all tap together and send the vote. Printed against a baseline measured in the same run:
30 plain requests at once for the room's stylesheet (the floor of an HTTP request here).

    .venv/bin/python benchmarks/room_bench.py [--phones 30] [--rounds 8]

Target: p95 under 100 ms.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import http.client
import io
import json
import multiprocessing
import resource
import select
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from urllib.parse import urlencode

import psutil
from rich.console import Console, RenderableType

from peerready import resources
from peerready.documents.loader import load_instrument
from peerready.documents.sessions import save_session
from peerready.meeting.flow import Assessment
from peerready.meeting.prompts import Action, ChoicePrompt, TextPrompt
from peerready.meeting.steps import new_session
from peerready.meeting.voting import MOVE_ON
from peerready.model.session import Respondent
from peerready.room.options import RoomOptions
from peerready.room.run import run_room

HOST = "127.0.0.1"


# -- the phones (a second process) ------------------------------------------------------------


def phones(origin: str, code: str, count: int, rounds: int, out: Connection) -> None:
    """Join, follow the stream, and at each new statement tap together; send back the tap times."""
    port = int(origin.rsplit(":", 1)[1])
    tokens = [_join(port, origin, code) for _ in range(count)]
    out.send("joined")
    baseline = _together(count, lambda: _get(port, "/static/room.css"))
    ready = threading.Barrier(count)
    taps: list[list[tuple[str, float]]] = [[] for _ in range(rounds)]

    def phone(token: str) -> None:
        stream = http.client.HTTPConnection(HOST, port, timeout=60)
        stream.request("GET", "/events", headers={"Cookie": f"peerready_seat={token}"})
        lines = stream.getresponse()
        seen: set[str] = set()
        for number in range(rounds):
            item = _next_ballot(lines, seen)
            ready.wait()  # everyone has the statement: tap together
            started = time.monotonic()
            _vote(port, origin, token, item, "dont_know")  # an answer every statement offers
            taps[number].append((token, started))
        stream.close()

    threads = [threading.Thread(target=phone, args=(t,)) for t in tokens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out.send((baseline, taps))


def _join(port: int, origin: str, code: str) -> str:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    body = urlencode({"code": code})
    headers = {"Origin": origin, "Content-Type": "application/x-www-form-urlencoded"}
    connection.request("POST", "/j", body, headers)
    answer = connection.getresponse()
    answer.read()
    cookie = answer.getheader("set-cookie") or ""
    connection.close()
    return cookie.split(";", 1)[0].split("=", 1)[1]


def _next_ballot(lines: http.client.HTTPResponse, seen: set[str]) -> str:
    while True:
        line = lines.readline().decode()
        if not line.startswith("data: "):
            continue
        state = json.loads(line[6:])
        if state["open"] and state["key"] not in seen:
            seen.add(state["key"])
            return str(state["key"].split(":")[0])


def _vote(port: int, origin: str, token: str, item: str, value: str) -> None:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    body = urlencode({"item": item, "round": "1", "value": value})
    headers = {
        "Origin": origin,
        "Cookie": f"peerready_seat={token}",
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/json",
    }
    connection.request("POST", "/vote", body, headers)
    answer = connection.getresponse()
    answer.read()
    connection.close()
    if answer.status != 200:
        raise RuntimeError(f"vote refused: {answer.status}")


def _get(port: int, path: str) -> None:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    connection.request("GET", path)
    connection.getresponse().read()
    connection.close()


def _together(count: int, request: Callable[[], None]) -> list[float]:
    """`count` requests at once; each one's time."""
    barrier = threading.Barrier(count)
    times: list[float] = []

    def one() -> None:
        barrier.wait()
        started = time.monotonic()
        request()
        times.append(time.monotonic() - started)

    threads = [threading.Thread(target=one) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return times


# -- the facilitator (this process) -----------------------------------------------------------


class Facilitator:
    """The keyboard and screen of the meeting: no keys pressed, every screen drawn in memory,
    and the moment each seat's vote was first on the screen."""

    def __init__(self, rounds: int) -> None:
        self.console = Console(file=io.StringIO(), width=100, color_system=None)
        self.shown: dict[int, dict[str, float]] = {}  # round → seat → when its vote was first shown
        self.rounds = rounds
        self.decisions = 0
        self.start = threading.Event()
        self.meeting: Assessment | None = None
        self.joined_memory = 0  # bytes, once every phone has joined

    def read(self, timeout: float, wake: int) -> str | None:
        if not self.start.is_set():
            self.start.wait()
            return "enter"
        select.select([wake], [], [], timeout)
        return None

    def show(self, renderable: RenderableType) -> None:
        self.console.print(renderable)
        self.console.file = io.StringIO()
        assert self.meeting is not None
        session = self.meeting.session
        now = time.monotonic()
        for item, rounds in session.rounds.items():
            mine = self.shown.setdefault(self.decisions, {})
            if rounds and rounds[-1].decision is None and item == session.position:
                for seat in rounds[-1].voted:
                    mine.setdefault(seat, now)

    def choose(self, prompt: ChoicePrompt) -> str | Action:
        self.decisions += 1
        if self.decisions >= self.rounds:
            raise KeyboardInterrupt  # the last round is on the screen: the facilitator pauses
        values = [c.value for c in prompt.choices]
        return MOVE_ON if MOVE_ON in values else values[0]

    def text(self, prompt: TextPrompt) -> str | Action:  # noqa: ARG002
        return ""  # open answers left empty: only the votes are measured


def run(count: int, rounds: int) -> None:
    instrument = load_instrument(resources.DEFAULT_QUESTIONNAIRE)
    now = dt.datetime.now().astimezone()
    session = new_session(
        instrument.questionnaire,
        organisation="Benchmark",
        date=now.date(),
        language="da",
        mode="individual",
        respondents=[Respondent(id=str(n)) for n in range(1, count + 1)],
        now=now,
    )
    folder = Path(tempfile.mkdtemp())
    path = folder / "benchmark.json"
    save_session(session, path)
    facilitator = Facilitator(rounds)
    meeting = Assessment(
        instrument, session, "da", facilitator, lambda s: save_session(s, path), facilitator.show
    )
    facilitator.meeting = meeting
    process = psutil.Process()
    before = process.memory_info().rss
    from_phones, to_main = multiprocessing.get_context("spawn").Pipe(duplex=False)

    def phones_when_open() -> None:
        record = json.loads((folder / ".benchmark.json.room").read_text())
        origin = f"http://{HOST}:{record['port']}"
        context = multiprocessing.get_context("spawn")
        child = context.Process(target=phones, args=(origin, record["code"], count, rounds, to_main))
        child.start()
        assert from_phones.recv() == "joined"
        facilitator.joined_memory = process.memory_info().rss
        facilitator.start.set()
        child.join()

    def wait_for_room() -> None:
        while not (folder / ".benchmark.json.room").exists():
            time.sleep(0.01)
        phones_when_open()

    helper = threading.Thread(target=wait_for_room)
    helper.start()
    with contextlib.suppress(KeyboardInterrupt):  # the facilitator's pause after the last round
        run_room(meeting, path, RoomOptions(host=HOST), keys=facilitator)
    baseline, taps = from_phones.recv()
    helper.join()
    report(count, rounds, baseline, taps, meeting, facilitator, before, path)


def report(
    count: int,
    rounds: int,
    baseline: list[float],
    taps: list[list[tuple[str, float]]],
    meeting: Assessment,
    facilitator: Facilitator,
    before: int,
    path: Path,
) -> None:
    from peerready.room.codes import token_digest

    record = json.loads(path.with_name(f".{path.name}.room").read_text())
    seats = record["seats"]
    latencies: list[float] = []
    for number, round_taps in enumerate(taps):
        shown = facilitator.shown.get(number, {})
        for token, tapped in round_taps:
            seat = seats[token_digest(token)]
            latencies.append(shown[seat] - tapped)
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    floor = sorted(baseline)[int(0.95 * (len(baseline) - 1))]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(f"\n{count} phones voting at once, {rounds} rounds ({len(latencies)} votes), server on {HOST}")
    print(f"  baseline: {count} requests at once for a stylesheet, p95   {floor * 1000:7.1f} ms")
    print(
        f"  tap → facilitator's count, p50                    {statistics.median(latencies) * 1000:7.1f} ms"
    )
    print(
        f"  tap → facilitator's count, p95                    {p95 * 1000:7.1f} ms"
        f"  {p95 / floor:5.1f}× baseline  (target < 100 ms: {'met' if p95 < 0.1 else 'NOT met'})"
    )
    print(f"  tap → facilitator's count, max                    {latencies[-1] * 1000:7.1f} ms")
    during = facilitator.joined_memory
    print(
        f"  memory of this process (server + facilitator): {before / 2**20:.0f} MiB before the room, "
        f"{during / 2**20:.0f} MiB with {count} phones joined, peak {peak / 2**20:.0f} MiB"
    )
    votes = sum(len(r.voted) for rounds_ in meeting.session.rounds.values() for r in rounds_)
    print(f"  votes saved in the session file: {votes}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--phones", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=8)
    arguments = parser.parse_args()
    run(arguments.phones, arguments.rounds)


if __name__ == "__main__":
    main()
