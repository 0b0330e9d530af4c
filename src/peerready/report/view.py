"""The report as plain, already formatted values: what every output format lays out.

Numbers and dates are formatted for the report's language here, so templates only place
text; user text stays plain `str` and the templates escape it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from peerready.i18n import Lang
from peerready.report.chart_shapes import BarChart
from peerready.report.plan_view import Executive, PlanView, RecRef


@dataclass(frozen=True)
class Accent:
    """The brand colour, and what text can be set in: never a colour that is hard to read."""

    colour: str
    text: str  # headings: the accent itself when it reads well on white, else a dark default
    on: str  # text on an accent background: white or near-black


@dataclass(frozen=True)
class BrandView:
    name: str
    contact: str | None
    accent: Accent
    logo: str | None  # a data: URI


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class Cover:
    kicker: str  # "Parathedsrapport", or "… · Spørgeskemaundersøgelse"
    organisation: str  # the organisation, or that it was not given: never the questionnaire's title
    prepared_for: str | None  # "Udarbejdet for …"
    title: str
    date: str | None
    facts: list[Fact]


@dataclass(frozen=True)
class Delta:
    """A change from the baseline, shown with a mark that survives greyscale printing."""

    direction: str  # up | down | same
    mark: str
    text: str  # "+12", "−8", "±0"
    before: str


@dataclass(frozen=True)
class VerdictView:
    label: str
    score: str | None
    rank: str  # low | mid | top | none: for styling only; the label carries the meaning
    provisional: bool
    reasons: list[str]  # the score, then the caps, the critical domains' in one line
    delta: Delta | None


@dataclass(frozen=True)
class Segment:
    count: int
    width: float  # percent of the bar; 0 for an option nobody chose, which keeps its place
    tone: str  # "low-2" … "low-1", "mid", "high-1" … "high-2": a diverging palette around the middle
    label: str


@dataclass(frozen=True)
class ItemView:
    number: int
    id: str
    text: str
    answer: str | None  # consensus: the agreed option
    anchor: str | None  # … and what that level means on an anchored scale
    segments: list[Segment]
    distribution: str  # the segments as text, e.g. "Helt enig 4, Delvist enig 2"
    extra: str  # "2 ved ikke · 1 ikke relevant"
    score: str
    favourable: str
    agreement: str
    low_agreement: bool
    flagged: bool
    note: str | None
    delta: Delta | None  # the change from the baseline, item by item


@dataclass(frozen=True)
class Legend:
    label: str
    options: list[tuple[str, str]]  # (tone, option label), lowest first


@dataclass(frozen=True)
class Distribution:
    """Many respondents' own domain scores: a strip from the lowest to the highest, the middle
    band one standard deviation either side of the mean (x positions in percent)."""

    text: str
    low: float
    high: float
    band_from: float
    band_to: float
    mean: float


@dataclass(frozen=True)
class DomainView:
    id: str
    title: str
    description: str
    critical: bool
    scored: bool
    score: str
    band: str
    rank: str
    favourable: str
    coverage: str
    agreement: str
    low_agreement: bool
    spread: str | None
    distribution: Distribution | None
    delta: Delta | None
    new: bool
    items: list[ItemView]
    legends: list[Legend]
    refs: list[RecRef]  # its recommendations, written out once in the action plan


@dataclass(frozen=True)
class Highlight:
    text: str
    domain: str
    value: str  # in the reader's words: the answer given, or how many gave it


@dataclass(frozen=True)
class GroupCell:
    value: str
    rank: str  # low | mid | top | none: the heat map's shade; the number carries the meaning


@dataclass(frozen=True)
class GroupRow:
    label: str
    cells: list[GroupCell]
    spread: str = ""  # where the domain's disagreement lies: between the groups or within them


@dataclass(frozen=True)
class Groups:
    """Scores per group: a column per group (few), a row per domain (many), shaded by level."""

    title: str  # "Score efter afdeling": named after the grouping
    columns: list[str]
    rows: list[GroupRow]
    difference: str | None  # the largest difference between two groups, in words
    hidden: str | None
    split: str | None = None  # what ≠ in a cell means, when a group is split within itself


@dataclass(frozen=True)
class OpenQuestion:
    question: str
    answers: list[str]
    statement: bool  # a statement the group wrote from its answers (e.g. the vision), set large
    note: str | None


@dataclass(frozen=True)
class OpenDomain:
    """A domain's open questions, in the questionnaire's order."""

    title: str
    questions: list[OpenQuestion]


@dataclass(frozen=True)
class ComparisonRow:
    title: str
    before: str
    now: str
    delta: Delta | None
    note: str | None


@dataclass(frozen=True)
class ComparisonView:
    heading: str
    rows: list[ComparisonRow]
    gone: list[str]
    notes: list[str]  # the noise threshold, and when the respondents differ


@dataclass(frozen=True)
class GlossaryView:
    term: str
    definition: str


@dataclass(frozen=True)
class SourceLine:
    number: int
    text: str
    url: str | None


@dataclass(frozen=True)
class InspirationView:
    name: str
    description: str
    url: str | None


@dataclass(frozen=True)
class Appendix:
    introduction: str
    method: list[str]
    glossary: list[GlossaryView]
    sources: list[SourceLine]  # numbered: citations point here
    literature: list[SourceLine]
    projects: list[InspirationView]  # Danish projects to learn from
    organisations: list[InspirationView]  # knowledge organisations


@dataclass(frozen=True)
class Report:
    lang: Lang
    answers_lang: Lang  # what the group wrote their notes and open answers in
    title: str  # the document's title (browser tab, PDF metadata)
    words: dict[str, str]
    cover: Cover
    brand: BrandView | None
    accent: Accent
    footer: str  # on every page: the consultant and their contact, or the tool
    executive: Executive
    verdict: VerdictView
    chart: BarChart
    domains: list[DomainView]
    strengths: list[Highlight]
    best_domain: str | None  # named when no item is a strength yet but one domain leads
    gaps: list[Highlight]
    disagreements: list[Highlight]
    more_disagreements: int
    flagged: list[Highlight]
    groups: Groups | None
    comparison: ComparisonView | None
    open_questions: list[OpenDomain]
    plan: PlanView
    appendix: Appendix
    generator: str
    warnings: list[str] = field(default_factory=list)
