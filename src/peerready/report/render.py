"""Laying out the report with the package's own jinja2 templates: HTML for a browser or for
paged media (the PDF), and Markdown.

Every template is autoescaped, whatever its suffix: user text (organisation, notes, open
answers) can never become markup. Only the package's own CSS and fonts are inserted as is.
"""

from __future__ import annotations

import base64
from functools import cache

import jinja2
from markupsafe import Markup

from peerready import resources
from peerready.output.escape import markdown_text, terminal_text
from peerready.report import typeset
from peerready.report.view import Report

# The fonts the PDF embeds (SIL Open Font License; see report_templates/fonts/).
FONTS = (
    ("Inter-Regular.otf", 400, "normal"),
    ("Inter-Bold.otf", 700, "normal"),
    ("Inter-Italic.otf", 400, "italic"),
)


def _read(name: str) -> str:
    return resources.templates_dir().joinpath(name).read_text(encoding="utf-8")


def _load_template(name: str) -> str | None:
    entry = resources.templates_dir().joinpath(name)
    return entry.read_text(encoding="utf-8") if entry.is_file() else None


def _number(value: float) -> str:
    """SVG coordinates: one decimal is finer than any printer."""
    return f"{value:.1f}".removesuffix(".0")


def _markdown(value: object) -> Markup:
    """User text in the Markdown report: one line, shown as typed (see output.escape); what is
    Markup already (a filter's output) is left as it is."""
    return value if isinstance(value, Markup) else Markup(markdown_text(value))  # escaped here


@cache
def environment(markdown: bool = False) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(_load_template),
        autoescape=True,  # for every template, whatever its suffix
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_markdown if markdown else None,
    )
    env.filters["n"] = _number
    env.filters["cell"] = _markdown
    env.filters["t"] = str if markdown else typeset.prose  # Markdown: escaped by `finalize`
    env.filters["link"] = typeset.link
    env.filters["links"] = _with_links
    env.filters["css"] = _css
    return env


def _with_links(value: object) -> Markup:
    return typeset.with_links(str(value))


def _css(value: object) -> Markup:
    return Markup(typeset.css_string(str(value)))  # every character outside a safe set is escaped


@cache
def stylesheet() -> Markup:
    """The package's CSS with the embedded fonts as data: URIs: the PDF renderer needs to read no
    file at all, and the HTML looks the same on a machine without the fonts."""
    faces = []
    fonts = resources.templates_dir().joinpath("fonts")
    for name, weight, style in FONTS:
        data = base64.b64encode(fonts.joinpath(name).read_bytes()).decode("ascii")
        faces.append(
            f'@font-face {{ font-family: "Inter"; font-weight: {weight}; font-style: {style}; '
            f'src: url("data:font/otf;base64,{data}") format("opentype"); }}'
        )
    return Markup("\n".join(faces) + "\n" + _read("report.css"))  # the package's own files


def render_html(report: Report, *, paged: bool) -> str:
    """The report as one self-contained HTML document: for the PDF (`paged`) or a browser.
    Without control characters: escaping leaves them in user text (an organisation's name), and
    `report -f html` prints the document on the terminal, where they are escape sequences."""
    template = environment().get_template("report.html.j2")
    return terminal_text(template.render(r=report, w=report.words, css=stylesheet(), paged=paged))


def render_markdown(report: Report) -> str:
    return environment(markdown=True).get_template("report.md.j2").render(r=report, w=report.words)
