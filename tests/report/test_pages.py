"""The rendered PDF page by page, as a leader and a consultant would leaf through it.

Three reports as the issue tried them: a weak organisation on `readiness` (every answer the
lowest), the README's sample (individual answers, a baseline and a brand), and a 60-person
survey on `readiness` in three departments grouped by `--group-by afdeling`.
"""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from peerready.commands.report import Options, make
from peerready.documents.loader import load_instrument
from peerready.exports.options import ExportOptions
from tests.helpers.reporting import (
    BRAND,
    DEPARTMENTS,
    SAMPLE,
    SAMPLE_BASELINE,
    SAMPLE_SESSION,
    survey_export,
    weakest_session,
    write_session,
)

pytestmark = pytest.mark.pdf

PAGE_TOP = 841.9 - 18 * 72 / 25.4  # the body's edges on an A4 page with the report's margins
PAGE_BOTTOM = 16 * 72 / 25.4
CHAPTERS = ("Kort fortalt", "Sammenfatning", "Motivation og vision", "Handlingsplan", "Bilag B")
FOOTER = "Mette Ærø, Peer-Rådgivning ApS · mette@example.dk · +45 12 34 56 78"


def _render(answers, options: Options) -> PdfReader:
    made = make(answers, "pdf", "da", options)
    assert isinstance(made.content, bytes)
    return PdfReader(io.BytesIO(made.content))


@pytest.fixture(scope="module")
def weak(tmp_path_factory) -> PdfReader:
    session = write_session(weakest_session(load_instrument("readiness")), tmp_path_factory.mktemp("weak"))
    return _render(session, Options(brand=BRAND))


@pytest.fixture(scope="module")
def sample() -> PdfReader:
    return _render(SAMPLE_SESSION, Options(questionnaire=str(SAMPLE), baseline=SAMPLE_BASELINE, brand=BRAND))


@pytest.fixture(scope="module")
def survey(tmp_path_factory) -> PdfReader:
    export = survey_export(load_instrument("readiness"), tmp_path_factory.mktemp("survey"))
    options = Options(
        questionnaire="readiness",
        export=ExportOptions(group_by="afdeling"),
        organisation="Kommune Nord",
    )
    return _render(export, options)


def lines(page) -> list[tuple[float, str]]:
    """(height on the page, text) of each piece of text, top first."""
    found: list[tuple[float, str]] = []

    def visit(text, cm, tm, font, size) -> None:
        if text.strip():
            found.append((cm[3] * tm[5] + cm[5], text.strip()))

    page.extract_text(visitor_text=visit)
    return sorted(found, key=lambda pair: -pair[0])


def body(page) -> list[tuple[float, str]]:
    """The text between the running header and the footer."""
    return [(y, text) for y, text in lines(page) if PAGE_BOTTOM < y < PAGE_TOP]


def fullness(page) -> float:
    shown = body(page)
    return 0.0 if not shown else (PAGE_TOP - min(y for y, _ in shown)) / (PAGE_TOP - PAGE_BOTTOM)


def starts_chapter(page) -> bool:
    shown = body(page)
    return bool(shown) and shown[0][1].startswith(CHAPTERS)


def rows(page) -> list[str]:
    """The text at each height on the page, left to right: a label and its value read as one."""
    found: dict[int, list[tuple[float, str]]] = {}

    def visit(text, cm, tm, font, size) -> None:
        if text.strip():
            found.setdefault(round(cm[3] * tm[5] + cm[5]), []).append((cm[0] * tm[4] + cm[4], text.strip()))

    page.extract_text(visitor_text=visit)
    joined = (" ".join(t for _, t in sorted(found[y])) for y in sorted(found, reverse=True))
    return [line.replace("\u00a0", " ") for line in joined]  # a no-break space reads as a space


def flat(page) -> str:
    return " ".join(page.extract_text().split())


@pytest.mark.parametrize("name", ["weak", "sample", "survey"])
def test_the_executive_summary_is_page_two_and_fits_on_it(name, request) -> None:
    reader = request.getfixturevalue(name)
    two, three = flat(reader.pages[1]), flat(reader.pages[2])
    assert "Kort fortalt" in two and "Samlet vurdering: »" in two
    assert "De første skridt" in two
    assert "Det skal I måle næste gang" in two
    assert three.count("Sammenfatning") >= 1  # the summary page follows: nothing spilled over


def test_a_weak_organisation_on_readiness_fits_in_sixteen_pages(weak) -> None:
    assert len(weak.pages) <= 16
    assert "4 af 4 kritiske områder ligger på laveste niveau:" in flat(weak.pages[1])


@pytest.mark.parametrize("name", ["weak", "sample", "survey"])
def test_no_page_is_under_a_third_full_except_a_chapters_last(name, request) -> None:
    reader = request.getfixturevalue(name)
    pages = reader.pages
    for number in range(1, len(pages) - 1):  # the cover is a page of its own, and so is the last
        if starts_chapter(pages[number + 1]):
            continue
        assert fullness(pages[number]) >= 1 / 3, (
            f"page {number + 1} of {name} is {fullness(pages[number]):.0%} full"
        )


@pytest.mark.parametrize("name", ["weak", "sample"])
def test_the_brand_and_contact_are_in_every_footer(name, request) -> None:
    reader = request.getfixturevalue(name)
    for number, page in enumerate(reader.pages[1:], start=2):
        footer = [text for y, text in lines(page) if y < PAGE_BOTTOM]
        assert FOOTER in footer, f"page {number}"
    assert "Udarbejdet for" in flat(reader.pages[0])


def test_the_cover_label_reads_as_a_word(sample) -> None:
    assert "Parathedsrapport" in flat(sample.pages[0])


def test_links_are_clickable_and_never_hyphenated(weak) -> None:
    instrument = load_instrument("readiness")
    urls = {s.url for s in instrument.sources.values() if s.url}
    assert urls
    text = "".join(page.extract_text() for page in weak.pages)
    joined = text.replace("\n", "")  # a long address may wrap, but never at an added hyphen
    targets = set()
    for page in weak.pages:
        for note in page.get("/Annots") or []:
            action = note.get_object().get("/A")
            if action and "/URI" in action:
                targets.add(str(action["/URI"]))
    for url in urls:
        assert url in joined, url
        assert url in targets, url  # clickable
    assert not re.search(r"https?://\S*\u2010", text)


def test_danish_takes_danish_quotation_marks(weak, sample) -> None:
    for reader in (weak, sample):
        text = " ".join(flat(page) for page in reader.pages)
        assert re.search(r"»[^«»]+«", text)
        assert not re.search(r"«\w[^«»]*»", text)  # never the other way round


def test_a_compound_is_not_hyphenated_after_its_hyphen(weak) -> None:
    text = "\n".join(page.extract_text() for page in weak.pages)
    assert not re.search(r"-\w+\u2010\n", text)  # "peer-medar‐\nbejdere"


def test_the_group_table_is_named_after_the_grouping(survey) -> None:
    text = " ".join(flat(page) for page in survey.pages)
    assert "Score efter afdeling" in text
    assert "Score efter rolle" not in text
    assert "Størst er forskellen i »" in text
    # differences between the departments are told apart from disagreement within them
    assert "forskellene ligger" in text.lower()  # a column heading, set in capitals
    assert re.search(r"mellem grupperne \(η² [01],\d\d\)", text)


def test_a_survey_cover_says_it_is_a_survey(survey) -> None:
    cover = rows(survey.pages[0])
    assert "Parathedsrapport · Spørgeskemaundersøgelse" in cover
    assert "Besvarelser 60" in cover
    assert "Besvarelser efter afdeling " + ", ".join(f"{d} 20" for d in DEPARTMENTS) in cover
    assert any(line.startswith("Datafil survey.csv (") for line in cover)  # and the platform
    assert "Kommune Nord" in cover  # the organisation, never the questionnaire's title in its place


def test_many_respondents_show_a_distribution(survey) -> None:
    text = " ".join(flat(page) for page in survey.pages)
    assert re.search(
        r"Deltagernes egne scorer: gennemsnit \d+; de fleste mellem \d+ og \d+; spænd \d+–\d+", text
    )


@pytest.mark.parametrize(("name", "most"), [("weak", 16), ("sample", 12), ("survey", 20)])
def test_page_counts_stay_within_their_limits(name, most, request) -> None:
    assert len(request.getfixturevalue(name).pages) <= most
