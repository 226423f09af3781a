"""Quantifier words are true of the exact counts, and the figure shown never contradicts them.

Every edge of the built-in bands is tried with exact fractions (k/n and a hair either side),
under every rounding method a framework file may choose; a property test then checks every
k out of n up to 1000.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspectkit.framework.models import Quantifiers, Rounding
from inspectkit.framework.registry import Registry
from inspectkit.quantify import at_least, holds, pieces, proportion, term_for
from tests.conftest import ROOT

BASE = Registry(()).load("quality-framework-2019").framework.quantifiers
MINI = Registry([ROOT / "tests" / "data" / "frameworks"]).load("mini").framework.quantifiers
assert BASE is not None and MINI is not None
METHODS = get_args(Rounding.model_fields["method"].annotation)
HAIR = Fraction(1, 10**9)
WORDS = re.compile(r"^(?P<label>.+) \((?P<percent>[0-9.]+)%\)$")


def with_rounding(q: Quantifiers, method: str, decimals: int = 0) -> Quantifiers:
    return q.model_copy(update={"rounding": Rounding(method=method, decimals=decimals)})


# --- the examples of issue 12 ----------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "total", "words"),
    [
        (199, 200, "almost all (99.5%)"),  # was "all (100%)"
        (1, 250, "few (0.4%)"),  # was "none (0%)"
        (99, 200, "less than half (49.5%)"),  # was "the majority (50%)"
        (113, 125, "almost all (90.4%)"),  # over 90% is almost all
        (9, 10, "most (90%)"),
        (1, 2, "the majority (50%)"),
        (149, 200, "the majority (74.5%)"),  # most starts at exactly 75%
        (3, 4, "most (75%)"),
        (3, 20, "few (15%)"),  # 15% is held by two bands: the lower wins
        (31, 200, "less than half (16%)"),  # 15.5% rounds to 16%, still the band
        (301, 2000, "less than half (15.1%)"),  # 15.05% shown to one place is enough
        (2, 3, "the majority (67%)"),
        (41, 50, "most (82%)"),
        (999, 1000, "almost all (99.9%)"),
        (9999, 10000, "almost all (99.99%)"),
        (1, 10000, "few (0.01%)"),
        (0, 7, "none (0%)"),
        (7, 7, "all (100%)"),
    ],
)
def test_words_for_exact_counts(count: int, total: int, words: str) -> None:
    assert proportion(BASE, count, total).words == words


def test_nothing_counted() -> None:
    assert proportion(BASE, 0, 0).words == "none counted"
    assert proportion(BASE, 0, 0).exact is None


# --- every edge of the built-in bands, exactly and a hair either side -------------------


@pytest.mark.parametrize(
    ("percent", "term"),
    [
        (Fraction(0), "none"),
        (HAIR, "few"),
        (Fraction(15) - HAIR, "few"),
        (Fraction(15), "few"),  # shared edge: tie_break lower
        (Fraction(15) + HAIR, "less-than-half"),
        (Fraction(50) - HAIR, "less-than-half"),
        (Fraction(50), "majority"),
        (Fraction(75) - HAIR, "majority"),
        (Fraction(75), "most"),
        (Fraction(90), "most"),
        (Fraction(90) + HAIR, "almost-all"),
        (Fraction(100) - HAIR, "almost-all"),
        (Fraction(100), "all"),
    ],
)
def test_every_edge_of_the_builtin_bands(percent: Fraction, term: str) -> None:
    found = term_for(BASE, percent)
    assert found is not None and found.id == term


def test_ties_follow_the_file() -> None:
    higher = BASE.model_copy(update={"tie_break": "higher"})
    assert [proportion(q, 3, 20).words for q in (BASE, higher)] == [
        "few (15%)",
        "less than half (15%)",
    ]


@pytest.mark.parametrize("tie_break", ["lower", "higher"])
def test_open_edges_hold_whatever_the_tie_break(tie_break: str) -> None:
    """'none' and 'most' keep 0% and 90%: 'few' and 'almost all' leave them out themselves."""
    q = BASE.model_copy(update={"tie_break": tie_break})
    assert [term_for(q, x).id for x in (0, 90, 50, 75, 100)] == [  # type: ignore[union-attr]
        "none",
        "most",
        "majority",
        "most",
        "all",
    ]


def test_builtin_bands_as_applied() -> None:
    got = [
        (p.low, p.low_inclusive, p.high, p.high_inclusive, p.term and p.term.id)
        for p in pieces(BASE)
    ]
    assert got == [
        (0, True, 0, True, "none"),
        (0, False, 15, True, "few"),
        (15, False, 50, False, "less-than-half"),
        (50, True, 75, False, "majority"),
        (75, True, 90, True, "most"),
        (90, False, 100, False, "almost-all"),
        (100, True, 100, True, "all"),
    ]


def test_a_cap_on_most_needs_at_least_three_quarters() -> None:
    assert not at_least(BASE, Fraction(149 * 100, 200), "most")
    assert at_least(BASE, Fraction(75), "most")
    assert at_least(BASE, Fraction(100), "most")
    assert not at_least(BASE, Fraction(90), "almost-all")
    assert at_least(BASE, Fraction(90) + HAIR, "almost-all")


# --- each rounding method the file allows -----------------------------------------------

# For each method: how 199/200, 1/250, 99/200, 165/200 (82.5%) and 1999/2000 (99.95%) read.
BY_METHOD = {
    "half-up": ["almost all (99.5%)", "few (0.4%)", "less than half (49.5%)", "most (83%)"],
    "half-even": ["almost all (99.5%)", "few (0.4%)", "less than half (49.5%)", "most (82%)"],
    "down": ["almost all (99%)", "few (0.4%)", "less than half (49%)", "most (82%)"],
    "up": ["almost all (99.5%)", "few (1%)", "less than half (49.5%)", "most (83%)"],
}
CASES = [(199, 200), (1, 250), (99, 200), (165, 200)]


def test_every_method_is_tested() -> None:
    assert set(BY_METHOD) == set(METHODS)


@pytest.mark.parametrize("method", METHODS)
def test_each_rounding_method(method: str) -> None:
    q = with_rounding(BASE, method)
    assert [proportion(q, k, n).words for k, n in CASES] == BY_METHOD[method]


@pytest.mark.parametrize(
    ("method", "words"),
    [
        ("half-up", ["almost all (99.95%)", "less than half (33.3%)"]),
        ("half-even", ["almost all (99.95%)", "less than half (33.3%)"]),
        ("down", ["almost all (99.9%)", "less than half (33.3%)"]),
        ("up", ["almost all (99.95%)", "less than half (33.4%)"]),
    ],
)
def test_one_decimal_place_widens_only_where_needed(method: str, words: list[str]) -> None:
    q = with_rounding(BASE, method, decimals=1)
    assert [proportion(q, 1999, 2000).words, proportion(q, 1, 3).words] == words


# --- old framework files: bands in whole percentages, gaps between them -----------------


@pytest.mark.parametrize(
    ("count", "total", "words"),
    [
        (199, 200, "almost all (99.5%)"),  # the gap 99..100 goes below: 'all' is one point
        (1, 250, "few (0.4%)"),
        (99, 200, "less than half (49.5%)"),
        (149, 200, "the majority (74.5%)"),
        (113, 125, "most (90%)"),  # this file starts 'almost all' at 91
        (3, 20, "few (15%)"),
        (0, 9, "none (0%)"),
    ],
)
def test_an_old_file_keeps_its_meaning_without_the_new_fields(
    count: int, total: int, words: str
) -> None:
    assert MINI.gaps == "lower" and all(t.min_inclusive and t.max_inclusive for t in MINI.terms)
    assert proportion(MINI, count, total).words == words


def test_gaps_higher_gives_the_band_above_but_never_a_single_point() -> None:
    q = MINI.model_copy(update={"gaps": "higher"})
    assert proportion(q, 99, 200).words == "the majority (50%)"
    assert proportion(q, 113, 125).words == "almost all (90.4%)"
    assert proportion(q, 199, 200).words == "almost all (99.5%)"


# --- properties over every k out of n ----------------------------------------------------


def _claims(label: str, k: int, n: int) -> bool:
    """What each built-in word says about k out of n, written from the published bands."""
    return {
        "all": k == n,
        "almost all": 10 * k > 9 * n and k < n,
        "most": 4 * k >= 3 * n and 10 * k <= 9 * n,
        "the majority": 2 * k >= n and 4 * k < 3 * n,
        "less than half": 20 * k > 3 * n and 2 * k < n,
        "few": k > 0 and 20 * k <= 3 * n,
        "none": k == 0,
    }[label]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(
    st.integers(1, 1000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))),
    st.sampled_from(METHODS),
    # An old file's bands are written at its own decimals (the gap rule works at that step).
    st.sampled_from([(BASE, 0), (BASE, 1), (BASE, 2), (MINI, MINI.rounding.decimals)]),
)
def test_the_word_holds_and_the_figure_agrees(
    kn: tuple[int, int], method: str, file: tuple[Quantifiers, int]
) -> None:
    k, n = kn
    base, decimals = file
    q = with_rounding(base, method, decimals)
    found = proportion(q, k, n)
    share = Fraction(100 * k, n)
    assert found.term is not None and found.percent is not None and found.exact == share
    match = WORDS.match(found.words)
    assert match is not None and match["label"] == found.term.label
    shown = Decimal(match["percent"])
    # The figure, read back from the words, gets the same word by the same rule ...
    assert term_for(q, shown) == found.term
    # ... and is the share rounded, to the file's decimals or more, never further off.
    assert abs(Fraction(shown) - share) <= Fraction(1, 10**decimals)
    assert shown == found.percent
    if base is BASE:
        # The built-in bands have no gaps: the term's own band holds the exact share, and
        # the word says only what is true of k out of n.
        assert holds(found.term, share)
        assert _claims(found.term.label, k, n)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.fractions(min_value=0, max_value=100), st.sampled_from([BASE, MINI]))
def test_pieces_are_the_rule(x: Fraction, q: Quantifiers) -> None:
    inside = [
        p
        for p in pieces(q)
        if (p.low < x or (p.low == x and p.low_inclusive))
        and (x < p.high or (x == p.high and p.high_inclusive))
    ]
    assert len(inside) == 1
    assert inside[0].term == term_for(q, x)


@pytest.mark.parametrize("method", METHODS)
def test_every_share_up_to_a_hundred_and_twenty(method: str) -> None:
    """Exhaustively, for every 0 <= k <= n <= 120: the word is true and the figure agrees."""
    q = with_rounding(BASE, method)
    for n in range(1, 121):
        for k in range(n + 1):
            found = proportion(q, k, n)
            assert found.term is not None and _claims(found.term.label, k, n), (k, n)
            assert term_for(q, found.percent) == found.term, (k, n, found.words)
