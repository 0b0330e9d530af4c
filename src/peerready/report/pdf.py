"""HTML → PDF with weasyprint: the only module that imports it, and only when a PDF is made.

The renderer gets a URL fetcher that loads nothing but data: URIs (the package's fonts and
the brand logo are embedded that way by the templates): no file:// reads, no network, even
if something in the document asks for them. weasyprint's log messages are collected rather
than printed; the ones that matter come back as warnings.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Any

from peerready.errors import EXIT_INTERNAL, EnvironmentProblem, PeerreadyError

PDF_VARIANT = "pdf/ua-1"  # tagged, with title and language: readable by screen readers
PANGO_FIX = (
    "install it with 'apt-get install libpango-1.0-0' (Debian/Ubuntu) or 'brew install pango' "
    "(macOS); --format html, md and json work without it"
)
# Expected on machines without libharfbuzz-subset0: weasyprint falls back to fontTools.
EXPECTED = ("Using fontTools instead of HarfBuzz-Subset",)


class RenderError(PeerreadyError):
    """The PDF could not be made from a report peerready built: a bug, not the user's input."""

    exit_code = EXIT_INTERNAL


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int
    warnings: list[str]


@cache
def weasyprint() -> ModuleType:
    """Import weasyprint, or say in one line what the machine lacks."""
    try:
        # Without libharfbuzz-subset0 weasyprint warns at import that it will need it one day
        # (the PDF is fine; the README says how to make it faster), and without Pango it prints
        # a paragraph to stdout before it fails: our one line below says what to do instead.
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore", DeprecationWarning)
            import weasyprint as module
    except OSError as exc:
        raise EnvironmentProblem(
            f"PDF output needs the Pango library, missing here ({exc}); {PANGO_FIX}"
        ) from None
    except ImportError as exc:
        raise EnvironmentProblem(f"PDF output needs weasyprint ({exc}); reinstall peerready") from None
    return module  # type: ignore[no-any-return]  # weasyprint has no type information


@cache
def _fetcher_class() -> type:
    urls = weasyprint().urls

    class DataOnlyFetcher(urls.URLFetcher):  # type: ignore[misc,name-defined]
        """Loads data: URIs and refuses everything else, which stops the rendering."""

        def __init__(self) -> None:
            super().__init__(allowed_protocols=("data",), fail_on_errors=True)

        def fetch(self, url: str, headers: Any = None) -> Any:
            if not url.startswith("data:"):
                raise urls.FatalURLFetchingError(url)
            return super().fetch(url, headers)

    return DataOnlyFetcher


_IMAGE_URI = re.compile(r"'?data:(image/[\w.+-]+)[^'\s]*'?")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        # An image in the report is the brand's logo, embedded whole: name it, do not print it.
        message = _IMAGE_URI.sub(r"the brand's logo (\1)", record.getMessage())
        if not message.startswith(EXPECTED) and message not in self.messages:
            self.messages.append(message)


@contextmanager
def _quiet_weasyprint() -> Iterator[_Collect]:
    logger = logging.getLogger("weasyprint")
    handler = _Collect()
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


@contextmanager
def _own_temporary_folder() -> Iterator[None]:
    """weasyprint keeps the embedded fonts in a weasyprint-* folder it removes only when its
    font configuration is garbage-collected, which never happens when peerready leaves at once
    (see peerready.__main__): its folders go inside one of ours, removed whatever happens."""
    before = tempfile.tempdir
    with tempfile.TemporaryDirectory(prefix="peerready-pdf-") as folder:
        tempfile.tempdir = folder
        try:
            yield
        finally:
            tempfile.tempdir = before


def html_to_pdf(html: str) -> Rendered:
    module = weasyprint()
    fatal = module.urls.FatalURLFetchingError
    with _quiet_weasyprint() as log, _own_temporary_folder():
        try:
            document = module.HTML(string=html, url_fetcher=_fetcher_class()()).render()
            pdf = document.write_pdf(pdf_variant=PDF_VARIANT)
        except fatal as exc:
            refused = str(exc.__cause__ or exc)[:120]
            raise RenderError(f"the report asked to load '{refused}', which peerready never loads") from None
    return Rendered(pdf=pdf, pages=len(document.pages), warnings=log.messages)
