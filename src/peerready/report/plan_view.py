"""The views of what a leader reads first: the one-page summary and the action plan, phase by phase.

Plain, formatted values like the rest of the report's view (report/view.py); kept apart so that
each module stays about one thing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Citation:
    """'[2, s. 12]': a number in the source list, with the quoted passage where it is shown."""

    number: int
    label: str
    short: str  # '[2, s. 12]': the number and page alone, where space is short
    quote: str | None


@dataclass(frozen=True)
class RecommendationView:
    key: str  # its number in the action plan, "1", "2", …
    title: str
    text: str
    because: list[str]
    priority: str
    priority_id: str
    owner: str
    phase: str
    horizon: str  # "30 dage", …
    later: bool
    domains: str
    citations: list[Citation]


@dataclass(frozen=True)
class RecRef:
    """A domain page's pointer to a recommendation written out in the plan."""

    key: str
    title: str


@dataclass(frozen=True)
class PhaseView:
    title: str
    actions: list[RecommendationView]


@dataclass(frozen=True)
class PlanView:
    """The first phase on a page of its own; everything else in the annex, phase by phase."""

    title: str  # "Handlingsplan – første fase: Før ansættelse"
    first: list[RecommendationView]
    later: list[PhaseView]

    @property
    def empty(self) -> bool:
        return not self.first and not self.later


@dataclass(frozen=True)
class Executive:
    """Page 2: where the organisation stands, what blocks it, what to do first, what to watch."""

    standing: str
    reasons: list[str]  # a rule that capped the verdict, or too few answers to be sure
    blockers: str | None
    first_steps: list[RecommendationView]
    watch: list[str]
