"""A PDF run leaves nothing behind in the temporary folder, and a warning about the logo names it
instead of printing the whole image."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from peerready.report import pdf
from tests.conftest import BASIC, DATA


def test_a_pdf_run_leaves_no_weasyprint_folder(tmp_path: Path) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    output = tmp_path / "report.pdf"
    command = [sys.executable, "-m", "peerready", "report", str(DATA / "sessions" / "consensus.json")]
    command += ["-q", str(BASIC), "-o", str(output), "--brand", str(DATA / "report" / "brand.yaml")]
    done = subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, "TMPDIR": str(temporary)}, check=False
    )
    assert done.returncode == 0, done.stderr
    assert output.read_bytes().startswith(b"%PDF")
    assert list(temporary.iterdir()) == []


def test_a_warning_about_the_logo_does_not_print_the_image() -> None:
    uri = "data:image/svg+xml;base64," + "PHN2Zz4=" * 200_000
    with pdf._quiet_weasyprint() as log:
        logging.getLogger("weasyprint").warning("Failed to load image at '%s': broken", uri)
    assert log.messages == ["Failed to load image at the brand's logo (image/svg+xml): broken"]
