"""The report as plain, already formatted values: what every output format lays out.

Numbers and dates are formatted for the report's language here, so templates only place
text; user text stays plain `str` and the templates escape it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from peerready.i18n import Lang
from peerready.report.chart_shapes import BarChart


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
    organisation: str | None
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
    reasons: list[str]
    delta: Delta | None


@dataclass(frozen=True)
class Segment:
    count: int
    width: float  # percent of the bar
    shade: int  # 0 (lowest option) … 4 (highest)
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


@dataclass(frozen=True)
class Legend:
    label: str
    options: list[tuple[int, str]]  # (shade, option label), lowest first


@dataclass(frozen=True)
class Citation:
    quote: str | None
    source: str


@dataclass(frozen=True)
class RecommendationView:
    key: str  # "A1": its number in the action plan
    title: str
    text: str
    because: list[str]
    priority: str
    priority_id: str
    owner: str
    timeframe: str
    domains: str
    citations: list[Citation]


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
    delta: Delta | None
    new: bool
    items: list[ItemView]
    legends: list[Legend]
    recommendations: list[RecommendationView]
    see_also: list[RecommendationView]


@dataclass(frozen=True)
class Highlight:
    text: str
    domain: str
    value: str


@dataclass(frozen=True)
class GroupRow:
    label: str
    values: list[str]


@dataclass(frozen=True)
class Groups:
    """Scores per role: a column per group (few), a row per domain (many)."""

    columns: list[str]
    rows: list[GroupRow]
    hidden: str | None


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


@dataclass(frozen=True)
class GlossaryView:
    term: str
    definition: str


@dataclass(frozen=True)
class InspirationView:
    name: str
    description: str
    url: str | None


@dataclass(frozen=True)
class Appendix:
    method: list[str]
    glossary: list[GlossaryView]
    sources: list[str]
    literature: list[str]
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
    introduction: str
    verdict: VerdictView
    chart: BarChart
    domains: list[DomainView]
    strengths: list[Highlight]
    gaps: list[Highlight]
    disagreements: list[Highlight]
    more_disagreements: int
    flagged: list[Highlight]
    groups: Groups | None
    comparison: ComparisonView | None
    open_questions: list[OpenDomain]
    actions: list[RecommendationView]
    more_actions: list[RecommendationView]  # written out after the plan: no domain page of their own
    appendix: Appendix
    generator: str
    warnings: list[str] = field(default_factory=list)
