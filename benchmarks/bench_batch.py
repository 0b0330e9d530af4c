"""Batch scoring speed and memory against a floor measured in the same run.

Generates a 40-item questionnaire (10 domains of 4 items) and a CSV export of N respondents,
then times, interleaved and in separate processes:

- floor: a Python process whose csv module merely reads the file (no work per row);
- peerready: the whole `peerready score FILE -q Q -f json` process (start-up, questionnaire,
  reading, checking, scoring, output). On Linux with two cores it reads the file in two
  processes (see src/peerready/exports/parallel.py).

Each is also run on a one-row file, to tell start-up from work. Prints medians and best-of-
rounds, the ratios to the floor (whole process, and work beyond start-up), and peak memory
(max RSS) at two sizes, to show that it does not grow with the number of rows.

    .venv/bin/python benchmarks/bench_batch.py [--rows 100000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ITEMS_PER_DOMAIN = 4
DOMAINS = 10
GROUPS = ["Afdeling Øst – Århus", "Ærø Skole", "Aabenraa/Åbenrå", "Næstved – Hold 3", "HR"]
FLOOR = """import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for row in csv.reader(f):
        pass
"""


def questionnaire() -> str:
    lines = [
        "format: peerready-questionnaire/1",
        "id: bench",
        'version: "1.0.0"',
        "title: {da: Benchmark, en: Benchmark}",
        "description: {da: Genereret., en: Generated.}",
        "scales:",
        "  - id: agree5",
        "    label: {da: Enighed, en: Agreement}",
        "    favourable_from: 4",
        "    options:",
    ]
    for points, label in enumerate(["Helt uenig", "Uenig", "Hverken eller", "Enig", "Helt enig"], start=1):
        lines.append(
            f'      - {{id: "{points}", points: {points}, label: {{da: {label}, en: Level {points}}}}}'
        )
    lines += [
        "bands:",
        "  - {id: low, min: 0, max: 50, label: {da: Lav, en: Low}}",
        "  - {id: high, min: 50, max: 100, label: {da: Høj, en: High}}",
        "domains:",
    ]
    for d in range(DOMAINS):
        lines += [
            f"  - id: d{d}",
            f"    title: {{da: Område {d}, en: Domain {d}}}",
            "    description: {da: x, en: x}",
        ]
        lines.append("    items:")
        for i in range(ITEMS_PER_DOMAIN):
            item = f"q{d * ITEMS_PER_DOMAIN + i:02d}"
            lines.append(
                f"      - {{id: {item}, kind: rated, scale: agree5, "
                f"text: {{da: Udsagn {item}, en: Item {item}}}}}"
            )
    return "\n".join(lines) + "\n"


def export(path: Path, rows: int) -> None:
    rng = random.Random(20261123)
    items = [f"q{n:02d}" for n in range(DOMAINS * ITEMS_PER_DOMAIN)]
    choices = "12345"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(["respondent", "group", *items]) + "\r\n")
        for n in range(rows):
            answers = ",".join(rng.choice(choices) for _ in items)
            handle.write(f'R{n:07d},"{rng.choice(GROUPS)}",{answers}\r\n')


def timed(command: list[str]) -> tuple[float, int]:
    """Wall time and max RSS (KB) of one process, with bytecode caching on, as an installed
    package has it (a source checkout under PYTHONDONTWRITEBYTECODE recompiles at every start)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *command], capture_output=True, text=True, check=False, env=env
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{done.stderr}")
    return elapsed, int(done.stderr.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    peerready = str(Path(sys.executable).with_name("peerready"))
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / "q.yaml").write_text(questionnaire(), encoding="utf-8")
        (base / "floor.py").write_text(FLOOR, encoding="utf-8")
        sizes = {args.rows: base / "big.csv", args.rows // 10: base / "small.csv", 1: base / "one.csv"}
        for rows, path in sizes.items():
            export(path, rows)
        big = sizes[args.rows]
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
        print(
            f"{args.rows:,} respondents × {DOMAINS * ITEMS_PER_DOMAIN} items, "
            f"{big.stat().st_size / 1e6:.1f} MB; {cores} cores "
            f"({'two processes' if cores > 1 and hasattr(os, 'fork') else 'one process'})"
        )
        runs: dict[str, list[tuple[float, int]]] = {
            "floor": [],
            "floor 1 row": [],
            "peerready": [],
            "peerready small": [],
            "peerready 1 row": [],
        }
        score = [peerready, "score", "-q", str(base / "q.yaml"), "-f", "json", "-o", str(base / "out.json")]
        for _ in range(args.rounds):
            runs["floor"].append(timed([sys.executable, str(base / "floor.py"), str(big)]))
            runs["peerready"].append(timed([*score[:2], str(big), *score[2:]]))
            runs["peerready small"].append(timed([*score[:2], str(sizes[args.rows // 10]), *score[2:]]))
            runs["floor 1 row"].append(timed([sys.executable, str(base / "floor.py"), str(sizes[1])]))
            runs["peerready 1 row"].append(timed([*score[:2], str(sizes[1]), *score[2:]]))
    for name, samples in runs.items():
        times = [t for t, _ in samples]
        print(
            f"{name:16} median {statistics.median(times):.3f} s  best {min(times):.3f} s  "
            f"max RSS {max(m for _, m in samples) / 1024:.0f} MB"
        )
    # Medians, and best-of-rounds (noise only ever adds time, so the best runs are the steadiest
    # estimate on a shared machine).
    for label, pick in (("median", statistics.median), ("best", min)):
        t = {name: pick([t for t, _ in samples]) for name, samples in runs.items()}
        work, floor_work = t["peerready"] - t["peerready 1 row"], t["floor"] - t["floor 1 row"]
        print(
            f"{label:6}: whole process {t['peerready'] / t['floor']:.2f}× the floor "
            f"(start-up alone {t['peerready 1 row'] / t['floor']:.2f}×); "
            f"work beyond start-up {work:.3f} s vs {floor_work:.3f} s = {work / floor_work:.2f}× (budget 3×)"
        )
    small = max(m for _, m in runs["peerready small"])
    large = max(m for _, m in runs["peerready"])
    print(
        f"peak memory {args.rows // 10:,} rows → {args.rows:,} rows: "
        f"{small / 1024:.0f} → {large / 1024:.0f} MB"
    )


if __name__ == "__main__":
    main()
