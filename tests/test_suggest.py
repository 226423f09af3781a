"""The one did-you-mean helper: earliest choice on a tie, letter case folded on request."""

from __future__ import annotations

from inspectkit.suggest import closest, did_you_mean


def test_earliest_of_equally_close_choices_wins() -> None:
    assert closest("2.7", ["2.1", "2.2"]) == "2.1"
    assert closest("2.7", ["2.2", "2.1"]) == "2.2"


def test_fold_case_compares_without_case_and_returns_the_spelling() -> None:
    labels = ["Excellent", "Very good", "Good"]
    assert did_you_mean("VERY GUD", labels, fold_case=True) == "Did you mean 'Very good'?"
    assert did_you_mean("VERY GUD", labels) == ""
    assert did_you_mean("nothing alike", labels, fold_case=True) == ""
