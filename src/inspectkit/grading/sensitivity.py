"""The smallest change in one strand that moves the proposed grade up or down a point.

The decision is asked again with one strand's positive share changed and the rest unchanged.
Where each answer counts equally (record reading; pooled surveys) the shares tried are those
whole answers can make; otherwise a tenth of a percentage point at a time. A higher share never
lowers the grade (bands, caps and conditions all rise with it), so a binary search finds the
nearest share that moves the grade.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from inspectkit.framework.models import Framework
from inspectkit.grading.rules import StrandScore, decide

GRID = 1000  # tenths of a percentage point


@dataclass(frozen=True)
class Change:
    """A change in one strand that moves the proposal.

    Attributes:
        direction: ``up`` or ``down``.
        strand: The strand changed.
        grade: The grade the proposal would move to.
        now: The strand's share now (exact percentage).
        then: The share that moves it (exact percentage).
        answers: Answers that would have to change, where each answer counts equally; else 0.
        of: How many answers the share is over (0 where answers are not counted equally).
    """

    direction: str
    strand: str
    grade: int
    now: Fraction
    then: Fraction
    answers: int
    of: int

    @property
    def points(self) -> Fraction:
        """How far the strand's share moves, in percentage points."""
        return abs(self.then - self.now)


def _candidates(strand: StrandScore) -> list[Fraction]:
    if strand.units:
        return [Fraction(k * 100, strand.units) for k in range(strand.units + 1)]
    return [Fraction(i, 10) for i in range(GRID + 1)]


def _first(items: Sequence[Fraction], test: Callable[[Fraction], bool]) -> int:
    """Index of the first item for which ``test`` holds (it holds for every later one)."""
    low, high = 0, len(items)
    while low < high:
        mid = (low + high) // 2
        if test(items[mid]):
            high = mid
        else:
            low = mid + 1
    return low


def changes(
    fw: Framework,
    counting: Sequence[StrandScore],
    cap_grades: Sequence[int],
    improvements: Sequence[tuple[str, str]],
    grade: int,
) -> tuple[Change, ...]:
    """For each counting strand, the nearest share that lifts and that lowers the grade."""
    out: list[Change] = []
    for index, strand in enumerate(counting):
        if strand.share is None or not strand.weight:
            continue
        current = strand.share

        def grade_at(share: Fraction, index: int = index, strand: StrandScore = strand) -> int:
            trial = [*counting[:index], strand.at(share), *counting[index + 1 :]]
            return decide(fw, trial, cap_grades, improvements).grade

        options = _candidates(strand)
        above = [c for c in options if c > current]
        found = _first(above, lambda c: grade_at(c) > grade)
        if found < len(above):
            out.append(_change("up", strand, grade_at(above[found]), above[found]))
        below = [c for c in options if c < current]
        found = _first(below, lambda c: grade_at(c) >= grade) - 1
        if found >= 0:
            out.append(_change("down", strand, grade_at(below[found]), below[found]))
    return tuple(out)


def _change(direction: str, strand: StrandScore, grade: int, then: Fraction) -> Change:
    assert strand.share is not None
    moved = abs(then - strand.share) * strand.units / 100 if strand.units else Fraction(0)
    return Change(direction, strand.name, grade, strand.share, then, int(moved), strand.units)


def smallest(found: Sequence[Change], direction: str) -> Change | None:
    """The change in ``direction`` that moves a strand's share least."""
    ways = [c for c in found if c.direction == direction]
    return min(ways, key=lambda c: (c.points, c.strand)) if ways else None
