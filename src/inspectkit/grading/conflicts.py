"""Strands that point to different grades: named, never averaged away.

Each counting strand's score reaches a band on its own (its own grade). When the highest and
the lowest lie the framework's ``conflicts.points`` apart, the strands conflict; when one
strand alone pulls the combined score below ``conflicts.floor`` while the others reach it, the
explanation says that is what happened and what the others point to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from inspectkit.framework.models import Framework
from inspectkit.grading.rules import STRAND_NAMES, Decision, StrandScore, decide


@dataclass(frozen=True)
class Conflict:
    """Strands whose own grades lie far apart, and the sentence that says so."""

    grades: tuple[tuple[str, int], ...]  # (strand, own grade), highest first
    spread: int
    sentence: str


@dataclass(frozen=True)
class Collapse:
    """One strand that alone drags the proposal below the framework's floor."""

    strand: str
    own_grade: int
    floor: int
    without: int
    sentence: str


def _label(fw: Framework, grade: int) -> str:
    point = fw.scale_point(grade)
    return f"{grade} {point.label}" if point else str(grade)


def find_conflict(fw: Framework, counting: Sequence[StrandScore]) -> Conflict | None:
    """The conflict between counting strands, if their own grades lie far enough apart."""
    assert fw.grading is not None
    graded = sorted(
        ((s.name, s.own_grade) for s in counting if s.own_grade is not None),
        key=lambda g: (-g[1], g[0]),
    )
    if len(graded) < 2:
        return None
    spread = graded[0][1] - graded[-1][1]
    if spread < fw.grading.conflicts.points:
        return None
    parts = [f"{STRAND_NAMES[name]} to {_label(fw, grade)}" for name, grade in graded]
    sentence = (
        f"The strands conflict: on its own, {', '.join(parts[:-1])} and {parts[-1]}, "
        f"{spread} points apart; a combined score does not settle this, so the team's "
        "rationale should say how the conflict was weighed."
    )
    return Conflict(tuple(graded), spread, sentence)


def find_collapse(
    fw: Framework,
    counting: Sequence[StrandScore],
    decision: Decision,
    cap_grades: Sequence[int],
    improvements: Sequence[tuple[str, str]],
) -> Collapse | None:
    """One strand pulling the combined score below the floor while the others reach it."""
    assert fw.grading is not None
    floor = fw.grading.conflicts.floor
    if floor is None or decision.band >= floor or len(counting) < 2:
        return None
    low = [s for s in counting if s.own_grade is not None and s.own_grade < floor]
    if len(low) != 1:
        return None
    strand = low[0]
    assert strand.own_grade is not None
    others = [s for s in counting if s is not strand]
    without = decide(fw, others, cap_grades, improvements).grade
    sentence = (
        f"{STRAND_NAMES[strand.name].capitalize()} alone (on its own "
        f"{_label(fw, strand.own_grade)}) pulls the combined score below "
        f"{_label(fw, floor)}, while the other strands reach it; without it the proposal "
        f"would be {_label(fw, without)}."
    )
    return Collapse(strand.name, strand.own_grade, floor, without, sentence)
