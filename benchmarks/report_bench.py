"""How long `peerready report` takes to make a PDF, and how many pages it has, next to
weasyprint's own time for the same final HTML, measured in the same run.

Two reports: a weak organisation on the bundled `readiness` questionnaire (the group agreed on
the lowest answer throughout: the longest action plan), and the sample in tests/data/report/
(8 respondents answering separately, notes, open answers, a baseline and a brand). Run from the
repository root:

    .venv/bin/python benchmarks/report_bench.py [ROUNDS]

Warm: in one process after a warm-up, ours (score, lay out, render) and weasyprint alone (render
the same HTML) interleaved, median of ROUNDS (default 5); the ratio is ours over theirs, and the
target is at most 1.25. Cold (the sample): a fresh `peerready report` process against a fresh
process that imports weasyprint and renders the same HTML, median and best of 5 each; cold, the
difference is mostly the start-up every peerready command pays.
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
from peerready.documents.loader import load_instrument
from peerready.report import pdf, render
from peerready.report.baseline import compare, load_baseline
from peerready.report.brand import load_brand
from peerready.report.build import build_report

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the checkout's test helpers: the same weak report the page tests render
from tests.helpers.reporting import weakest_session, write_session  # noqa: E402

DATA = ROOT / "tests" / "data" / "report"
SESSION = DATA / "sample-session.json"
OPTIONS = Options(
    questionnaire=str(DATA / "sample.yaml"), baseline=DATA / "sample-baseline.json", brand=DATA / "brand.yaml"
)
TARGET = 1.25


def weak_session(folder: Path) -> Path:
    """The weak organisation the page-limit tests render (tests/helpers/reporting.py), so the
    benchmark times the very report those tests hold to 16 pages."""
    return write_session(weakest_session(load_instrument("readiness")), folder, "weak.json")


def final_html(session: Path, options: Options) -> str:
    instrument, result = load_scored(session, options.questionnaire)
    comparison = None
    if options.baseline is not None:
        comparison = compare(result, instrument, *load_baseline(options.baseline, instrument))
    brand = load_brand(options.brand) if options.brand is not None else None
    report = build_report(instrument, result, "da", comparison=comparison, brand=brand)
    return render.render_html(report, paged=True)


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def warm(session: Path, options: Options, rounds: int) -> tuple[list[float], list[float], int]:
    html = final_html(session, options)
    weasyprint = pdf.weasyprint()

    def ours() -> None:
        make(session, "pdf", "da", options)

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
    html.write_text(final_html(SESSION, OPTIONS), encoding="utf-8")
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
    ratio = mine / render_only
    verdict = "ok" if ratio <= TARGET else f"over the {TARGET}× target"
    return (
        f"  {label:5} peerready report {mine:5.2f} s (best {min(ours):.2f})   "
        f"weasyprint alone {render_only:5.2f} s (best {min(theirs):.2f})   "
        f"ratio {ratio:.2f}× ({verdict})"
    )


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    print(f"medians of {rounds} warm rounds and {COLD_RUNS} cold runs")
    with tempfile.TemporaryDirectory() as folder:
        weak = weak_session(Path(folder))
        ours, theirs, pages = warm(weak, Options(brand=OPTIONS.brand), rounds)
        print(f"weak organisation on readiness: {pages} pages")
        print(line("warm", ours, theirs))
        ours, theirs, pages = warm(SESSION, OPTIONS, rounds)
        print(f"sample (8 respondents, baseline, brand): {pages} pages")
        print(line("warm", ours, theirs))
        print(line("cold", *cold(Path(folder))))


if __name__ == "__main__":
    main()
