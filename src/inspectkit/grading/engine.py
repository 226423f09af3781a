"""Combine the strands into a proposed grade by the framework's rules, and explain it.

Every number comes from the framework file: strand weights, grade bands, caps, the scale's
conditions, the conflict rule and the minimum evidence. Below the minimum no grade is proposed;
the explanation says what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from inspectkit.evidence.folder import EvidenceFolder
from inspectkit.framework.models import Framework, Grading
from inspectkit.grading.caps import AppliedCap, applied_caps
from inspectkit.grading.conflicts import Collapse, Conflict, find_collapse, find_conflict
from inspectkit.grading.rules import (
    STRAND_NAMES,
    HeldCondition,
    StrandScore,
    band_of,
    decide,
    why_not,
)
from inspectkit.grading.sensitivity import Change, changes, smallest
from inspectkit.grading.strands import (
    QualitativeStrand,
    RecordsStrand,
    SurveysStrand,
    qualitative_strand,
    records_strand,
    surveys_strand,
)
from inspectkit.quantify import round_percent

__all__ = ["STRAND_NAMES", "AppliedCap", "Proposal", "StrandScore", "propose"]


@dataclass(frozen=True)
class Proposal:
    """The proposed grade of one indicator with everything that explains it."""

    indicator: str
    title: str
    grade: int | None
    score: Decimal | None
    band_grade: int | None
    strands: tuple[StrandScore, ...]
    records: RecordsStrand
    surveys: SurveysStrand
    qualitative: QualitativeStrand
    caps: tuple[AppliedCap, ...]
    missing: tuple[str, ...]
    drivers: tuple[str, ...]
    lift: tuple[str, ...]
    held: tuple[HeldCondition, ...] = ()
    conflict: Conflict | None = None
    collapse: Collapse | None = None
    changes: tuple[Change, ...] = ()
    lower: tuple[str, ...] = ()


def propose(folder: EvidenceFolder, fw: Framework, indicator: str) -> Proposal:
    """The proposed grade of ``indicator`` from the folder's evidence."""
    assert fw.grading is not None
    rules = fw.grading
    ind = fw.indicator(indicator)
    records = records_strand(folder, fw, indicator)
    surveys = surveys_strand(folder, fw, indicator)
    quality = qualitative_strand(folder, fw, indicator)
    strands = _strand_scores(rules, records, surveys, quality)
    counting = [s for s in strands if s.counts and s.score is not None]
    title = ind.title if ind else indicator
    drivers = _drivers(records, surveys, quality)
    if len(counting) < rules.minimum.strands:
        missing = tuple(f"{STRAND_NAMES[s.name]}: {s.amount}" for s in strands if not s.counts)
        needed = (
            f"at least {rules.minimum.strands} strands with enough evidence "
            f"(found {len(counting)})",
        )
        return Proposal(
            indicator,
            title,
            None,
            None,
            None,
            strands,
            records,
            surveys,
            quality,
            (),
            needed + missing,
            drivers,
            (),
        )
    found = applied_caps(rules, fw, records, surveys, quality)
    cap_grades = [c.max_grade for c in found]
    improvements = [(i.id, i.significance) for i in quality.improvements]
    decision = decide(fw, counting, cap_grades, improvements)
    caps = tuple(
        AppliedCap(
            c.id,
            c.description,
            c.max_grade,
            c.because,
            c.evidence,
            c.max_grade == decision.capped and c.max_grade < decision.band,
        )
        for c in found
    )
    moves = changes(fw, counting, cap_grades, improvements, decision.grade)
    return Proposal(
        indicator,
        title,
        decision.grade,
        decision.score,
        decision.band,
        strands,
        records,
        surveys,
        quality,
        caps,
        (),
        drivers,
        _lift(fw, decision.grade, caps, decision.held, moves)
        or _stuck(fw, decision.grade, counting, improvements),
        decision.held,
        find_conflict(fw, counting),
        find_collapse(fw, counting, decision, cap_grades, improvements),
        moves,
        _lower(fw, moves),
    )


def _strand_scores(
    rules: Grading, records: RecordsStrand, surveys: SurveysStrand, quality: QualitativeStrand
) -> tuple[StrandScore, ...]:
    minimum = rules.minimum
    weights = rules.weights
    rows = (
        (
            "records",
            records.score,
            records.share,
            weights.records,
            records.records >= minimum.records,
            f"{records.records} records (at least {minimum.records} needed)",
            records.answers,
        ),
        (
            "surveys",
            surveys.score,
            surveys.share,
            weights.surveys,
            surveys.respondents >= minimum.survey_responses,
            f"{surveys.respondents} respondents (at least {minimum.survey_responses} needed)",
            surveys.answers if surveys.pooling == "pooled" else 0,
        ),
        (
            "qualitative",
            quality.score,
            quality.share,
            weights.qualitative,
            quality.items >= minimum.qualitative_items,
            f"{quality.items} strengths or areas for improvement (at least "
            f"{minimum.qualitative_items} needed)",
            0,
        ),
    )
    return tuple(
        StrandScore(
            name,
            score,
            Decimal(str(weight)),
            counts,
            amount,
            share,
            band_of(rules, score) if counts and score is not None else None,
            units,
        )
        for name, score, share, weight, counts, amount, units in rows
    )


def _drivers(
    records: RecordsStrand, surveys: SurveysStrand, quality: QualitativeStrand
) -> tuple[str, ...]:
    """The evidence that moved the grade most: heaviest items, weakest and strongest figures."""
    out = [i.id for i in quality.improvements[:3]] + [i.id for i in quality.strengths[:3]]
    for figures in (records.questions, surveys.questions):
        counted = [f for f in figures if f.counted]
        if counted:
            weakest = min(counted, key=lambda f: (f.positive / f.counted, f.id))
            out.append(weakest.id if not weakest.source else f"{weakest.source}/{weakest.id}")
    return tuple(dict.fromkeys(out))


def _words(fw: Framework, change: Change) -> str:
    assert fw.quantifiers is not None
    point = fw.scale_point(change.grade)
    label = f"{change.grade} {point.label}" if point else str(change.grade)
    then = round_percent(fw.quantifiers, change.then, 1)
    now = round_percent(fw.quantifiers, change.now, 1)
    text = f"{label} with {STRAND_NAMES[change.strand]} at {then}% (now {now}%)"
    if change.of:
        more = "more" if change.direction == "up" else "fewer"
        text += f": {change.answers} {more} positive answer(s) of {change.of}"
    return text + ", the rest unchanged"


def _lift(
    fw: Framework,
    grade: int,
    caps: tuple[AppliedCap, ...],
    held: tuple[HeldCondition, ...],
    moves: tuple[Change, ...],
) -> tuple[str, ...]:
    """What would lift the grade a point: caps and conditions in the way, then the figures."""
    blocking = [c for c in caps if c.max_grade <= grade]
    out = [
        f"Resolve what holds the grade at {c.max_grade}: {c.because} ({', '.join(c.evidence)})."
        for c in blocking
    ]
    out += [f"Meet the condition for {h.grade} ({h.meaning}): {h.because}." for h in held[-1:]]
    assert fw.grading is not None
    if grade >= max(b.grade for b in fw.grading.bands):
        return (*out, "The grade is already the top of the scale.")
    best = smallest(moves, "up")
    if best is not None:
        out.append(f"Smallest change up: {_words(fw, best)}.")
    return tuple(out)


def _stuck(
    fw: Framework,
    grade: int,
    counting: list[StrandScore],
    improvements: list[tuple[str, str]],
) -> tuple[str, ...]:
    """Why no change in one strand alone lifts the grade: what the next grade also needs."""
    reason = why_not(fw, grade + 1, counting, improvements)
    also = f"; {grade + 1} also needs what these miss: {reason}" if reason else ""
    return (f"No change in one strand alone lifts the grade{also}.",)


def _lower(fw: Framework, moves: tuple[Change, ...]) -> tuple[str, ...]:
    """The smallest change in one strand that would lower the grade a point."""
    worst = smallest(moves, "down")
    return (f"Smallest change down: {_words(fw, worst)}.",) if worst else ()
