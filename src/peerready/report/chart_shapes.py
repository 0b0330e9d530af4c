"""The summary chart as shapes and text, ready for `bars.svg.j2` to draw.

Apart from charts.py, which computes them, so that the report's view can hold a chart
without importing the code that builds one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rect:
    x: float
    width: float
    shade: str


@dataclass(frozen=True)
class Row:
    y: float  # top of the row
    height: float
    lines: list[str]
    critical: bool
    bands: list[Rect]
    bar: float | None  # bar width; None when the domain has no score
    value: str
    baseline: float | None  # x of the earlier score
    delta: str | None
    spread: tuple[float, float] | None  # x of the lowest and highest respondent's own score
    low_agreement: bool  # marked "≠": the group saw some of its statements differently


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class BarChart:
    height: float
    title: str  # the chart as sentences, for readers who cannot see it (the SVG's <title>)
    rows: list[Row]
    band_labels: list[Tick]
    ticks: list[Tick]
    legend: list[tuple[str, str]]  # (critical | spread | disagreement | baseline, text)
    insufficient: str
