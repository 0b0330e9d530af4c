"""How long `peerready report` takes to make a realistic PDF, next to weasyprint's own time for
the same final HTML, measured in the same run.

The report is the sample in tests/data/report/: every domain, 8 respondents answering
separately, notes, open answers, a baseline and a brand. Run from the repository root:

    .venv/bin/python benchmarks/report_bench.py [ROUNDS]

Warm: in one process after a warm-up, the two interleaved, median of ROUNDS (default 5).
Cold: a fresh `peerready report` process against a fresh process that imports weasyprint and
renders the same HTML, interleaved, median and best of 5 each. Our overhead is the difference;
cold, it is mostly the start-up every peerready command pays (typer, rich, pydantic, and our
own modules, which are compiled afresh on each start when PYTHONDONTWRITEBYTECODE is set).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from peerready.commands.inputs import load_scored
from peerready.commands.report import Options, make
from peerready.report import pdf, render
from peerready.report.baseline import compare, load_baseline
from peerready.report.brand import load_brand
from peerready.report.build import build_report

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "report"
SESSION = DATA / "sample-session.json"
OPTIONS = Options(
    questionnaire=str(DATA / "sample.yaml"), baseline=DATA / "sample-baseline.json", brand=DATA / "brand.yaml"
)


def final_html() -> str:
    instrument, result = load_scored(SESSION, OPTIONS.questionnaire)
    assert OPTIONS.baseline is not None and OPTIONS.brand is not None
    comparison = compare(result, instrument, *load_baseline(OPTIONS.baseline, instrument))
    report = build_report(instrument, result, "da", comparison=comparison, brand=load_brand(OPTIONS.brand))
    return render.render_html(report, paged=True)


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def warm(rounds: int) -> tuple[list[float], list[float], int]:
    html = final_html()
    weasyprint = pdf.weasyprint()

    def ours() -> None:
        make(SESSION, "pdf", "da", OPTIONS)

    def theirs() -> None:
        weasyprint.HTML(string=html).write_pdf(pdf_variant=pdf.PDF_VARIANT)

    pages = pdf.html_to_pdf(html).pages  # warm-up, and the page count
    ours_times, theirs_times = [], []
    for _ in range(rounds):
        ours_times.append(timed(ours))
        theirs_times.append(timed(theirs))
    return ours_times, theirs_times, pages


COLD_RUNS = 5
COLD_WEASYPRINT = """
import sys
import weasyprint
weasyprint.HTML(filename=sys.argv[1]).write_pdf(pdf_variant="pdf/ua-1")
"""


def cold(folder: Path) -> tuple[list[float], list[float]]:
    html = folder / "report.html"
    html.write_text(final_html(), encoding="utf-8")
    peerready = [
        sys.executable, "-m", "peerready", "report", str(SESSION), "-q", str(OPTIONS.questionnaire),
        "--baseline", str(OPTIONS.baseline), "--brand", str(OPTIONS.brand), "-o", str(folder / "r.pdf"),
    ]  # fmt: skip
    alone = [sys.executable, "-c", COLD_WEASYPRINT, str(html)]
    ours_times, theirs_times = [], []
    for _ in range(COLD_RUNS):
        ours_times.append(timed(lambda: subprocess.run(peerready, check=True, capture_output=True)))
        theirs_times.append(timed(lambda: subprocess.run(alone, check=True, capture_output=True)))
    return ours_times, theirs_times


def line(label: str, ours: list[float], theirs: list[float]) -> str:
    mine, render_only = statistics.median(ours), statistics.median(theirs)
    overhead = mine - render_only
    return (
        f"{label:5} peerready report {mine:5.2f} s (best {min(ours):.2f})   "
        f"weasyprint alone {render_only:5.2f} s (best {min(theirs):.2f})   "
        f"overhead {overhead:+.2f} s = {overhead / render_only:+.0%} of the render"
    )


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    ours, theirs, pages = warm(rounds)
    print(f"sample report: {pages} pages, 1 chart; medians (warm: {rounds} rounds, cold: {COLD_RUNS} runs)")
    print(line("warm", ours, theirs))
    with tempfile.TemporaryDirectory() as folder:
        print(line("cold", *cold(Path(folder))))


if __name__ == "__main__":
    main()
