"""The smallest change that moves a proposal: it moves it, and anything smaller does not.

Asserted on the results for every graded scenario of tests/grading/scenarios.yaml: the change
reported for each strand, applied with the rest unchanged, lands on the grade it names; the
nearest share between now and then (one answer fewer, or a tenth of a point) leaves the grade.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest

from inspectkit.grading.engine import Proposal, propose
from inspectkit.grading.rules import decide
from inspectkit.grading.sensitivity import Change
from tests.test_grading_scenarios import FRAMEWORK, INDICATOR, SPEC, build

GRADED = [s for s in SPEC["scenarios"] if s["expect"].get("grade", 0) is not None]


def _grade_with(proposal: Proposal, change: Change, share: Fraction) -> int:
    counting = [s for s in proposal.strands if s.counts and s.score is not None]
    trial = [s.at(share) if s.name == change.strand else s for s in counting]
    improvements = [(i.id, i.significance) for i in proposal.qualitative.improvements]
    return decide(FRAMEWORK, trial, [c.max_grade for c in proposal.caps], improvements).grade


def _step(change: Change) -> Fraction:
    return Fraction(100, change.of) if change.of else Fraction(1, 10)


@pytest.mark.parametrize("scenario", GRADED, ids=lambda s: s["name"])
def test_the_reported_change_is_the_smallest_that_moves(scenario: dict[str, Any]) -> None:
    proposal = propose(build(scenario), FRAMEWORK, INDICATOR)
    assert proposal.grade is not None
    for change in proposal.changes:
        moved = _grade_with(proposal, change, change.then)
        assert moved == change.grade
        assert (moved > proposal.grade) == (change.direction == "up")
        sign = -1 if change.direction == "up" else 1
        nearer = change.then + sign * _step(change)
        if (nearer - change.now) * sign < 0:  # still on the far side of now
            assert _grade_with(proposal, change, nearer) == proposal.grade


def test_the_named_picture_says_what_would_make_it_excellent_and_what_would_lower_it() -> None:
    named = next(s for s in SPEC["scenarios"] if s["name"].startswith("named picture"))
    proposal = propose(build(named), FRAMEWORK, INDICATOR)
    # Records and surveys both miss "almost all": no change in one strand alone lifts it.
    assert not [t for t in proposal.lift if t.startswith("Smallest change up")]
    assert proposal.lift == (
        "Meet the condition for 6 (excellent: outstanding or sector leading): record reading: "
        "most (90%) of record answers positive, not almost all; surveys: most (90%) of people "
        "agreeing, not almost all.",
    )
    assert proposal.lower == (
        "Smallest change down: 4 Good with surveys at 74.9% (now 90.0%), the rest unchanged.",
    )


def test_one_strand_short_of_excellent_names_the_answers_needed() -> None:
    edge = next(s for s in SPEC["scenarios"] if s["name"].startswith("records at exactly 90%"))
    proposal = propose(build(edge), FRAMEWORK, INDICATOR)
    up = [t for t in proposal.lift if t.startswith("Smallest change up")]
    # 1,600 answers (200 records x 8 questions); just over 90% is 1,441 positive: 1 more.
    assert up == [
        "Smallest change up: 6 Excellent with record reading at 90.1% (now 90.0%): 1 more "
        "positive answer(s) of 1600, the rest unchanged."
    ]
