"""Typesetting rules for the report's own prose, and how far a score must move to count."""

from __future__ import annotations

import pytest

from peerready.report.baseline import Change
from peerready.report.noise import default_threshold
from peerready.report.typeset import css_string, keep_last_word, link, prose, with_links


def test_a_short_last_word_is_bound_to_the_one_before() -> None:
    assert keep_last_word("Det er en opgave til") == "Det er en opgave\u00a0til"
    assert keep_last_word("Det er en lang opgave") == "Det er en lang opgave"  # long enough alone
    assert keep_last_word("til") == "til"


def test_a_compound_may_break_at_its_hyphen_but_is_never_hyphenated_after_it() -> None:
    html = str(prose("Vi ansætter peer-medarbejdere <nu>"))
    assert '<span class="compound">peer-medarbejdere</span>' in html
    assert "&lt;nu&gt;" in html  # escaped before any markup is added


def test_web_addresses_become_links_and_nothing_else_does() -> None:
    assert str(link("https://www.sst.dk/da/udgivelser")) == (
        '<a class="url" href="https://www.sst.dk/da/udgivelser">https://www.sst.dk/da/udgivelser</a>'
    )
    assert str(link('javascript:alert("x")')) == "javascript:alert(&#34;x&#34;)"  # text, not a link
    shown = str(with_links("Se https://example.org/a?b=1&c=2. <b>Tak</b>"))
    assert '<a class="url" href="https://example.org/a?b=1&amp;c=2">' in shown
    assert shown.endswith(". &lt;b&gt;Tak&lt;/b&gt;")  # the full stop is not part of the address


def test_a_footer_text_cannot_leave_its_css_string() -> None:
    text = 'Mette "Ærø" </style><script>'
    shown = css_string(text)
    assert shown.startswith('"') and shown.endswith('"')
    assert '"' not in shown[1:-1] and "<" not in shown and "\\22 " in shown
    assert "Ærø" in shown  # letters stay as they are


@pytest.mark.parametrize(
    ("levels", "items", "respondents", "points"),
    [
        (3, 5, 1, 10.0),  # a group's one answer moved one level on one of five items
        (3, 5, 4, 5.0),  # four people: half as far
        (5, 1, 1, 25.0),  # one statement on a five-level scale
    ],
)
def test_the_noise_threshold_follows_the_scale_and_the_group_size(levels, items, respondents, points) -> None:
    assert default_threshold(levels, items, respondents) == pytest.approx(points)


def test_a_move_within_the_threshold_is_no_change() -> None:
    assert Change(40.0, 47.0, threshold=10.0).direction == "same"
    assert Change(40.0, 50.0, threshold=10.0).direction == "up"
    assert Change(40.0, 30.0, threshold=10.0).direction == "down"
