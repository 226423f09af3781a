"""Did-you-mean suggestions that prefer the earliest of equally close choices.

difflib's own helper breaks ties by the string that sorts last, so '2.7' would suggest
'2.2' before '2.1'; here the order the framework lists things in wins.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher


def closest(
    word: str, choices: Iterable[str], cutoff: float = 0.6, *, fold_case: bool = False
) -> str | None:
    """The choice most like ``word`` (ratio at least ``cutoff``), earliest on a tie.

    With ``fold_case`` letter case is ignored in the comparison; the choice is returned as
    it is spelt.
    """
    best, best_ratio = None, cutoff
    probe = word.casefold() if fold_case else word
    for choice in choices:
        matcher = SequenceMatcher(None, probe, choice.casefold() if fold_case else choice)
        if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio or (best is None and ratio >= best_ratio):
            best, best_ratio = choice, ratio
    return best


def did_you_mean(
    word: str,
    choices: Iterable[str],
    cutoff: float = 0.6,
    *,
    fold_case: bool = False,
    shown: str = "{}",
) -> str:
    """ "Did you mean 'x'?" or an empty string (see :func:`closest`); ``shown`` dresses the
    choice ("{}.csv")."""
    match = closest(word, choices, cutoff, fold_case=fold_case)
    return f"Did you mean '{shown.format(match)}'?" if match else ""
