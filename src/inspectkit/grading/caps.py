"""The framework's caps: rules that hold a grade at or below a point whatever the scores say.

A cap's condition is qualitative (items of a finding, significance and themes) or a share
(at least a quantifier term of records, or of an audience, showing a weakness on a question).
"""

from __future__ import annotations

from dataclasses import dataclass

from inspectkit.framework.models import Cap, Framework, Grading
from inspectkit.grading.strands import QualitativeStrand, RecordsStrand, SurveysStrand
from inspectkit.quantify import at_least


@dataclass(frozen=True)
class AppliedCap:
    """A cap whose condition holds, and the evidence that makes it hold."""

    id: str
    description: str
    max_grade: int
    because: str
    evidence: tuple[str, ...]
    binding: bool


def applied_caps(
    rules: Grading,
    fw: Framework,
    records: RecordsStrand,
    surveys: SurveysStrand,
    quality: QualitativeStrand,
) -> list[AppliedCap]:
    """Every cap whose condition holds, with why and the evidence (binding worked out later)."""
    applied = []
    for cap in rules.caps:
        found = _cap_holds(cap, fw, records, surveys, quality)
        if found is not None:
            because, evidence = found
            applied.append(
                AppliedCap(cap.id, cap.description, cap.max_grade, because, evidence, False)
            )
    return applied


def _cap_holds(
    cap: Cap,
    fw: Framework,
    records: RecordsStrand,
    surveys: SurveysStrand,
    quality: QualitativeStrand,
) -> tuple[str, tuple[str, ...]] | None:
    when = cap.when
    if when.finding is not None:
        pool = quality.strengths if when.finding == "strength" else quality.improvements
        hits = [
            i
            for i in pool
            if (not when.significance or i.significance in when.significance)
            and (not when.themes or set(when.themes) & set(i.themes))
        ]
        if len(hits) >= when.minimum_items:
            kinds = "/".join(when.significance) or "any"
            return (
                f"{len(hits)} {kinds} {when.finding.replace('-', ' ')} item(s)",
                tuple(i.id for i in hits),
            )
        return None
    term_id = when.records_negative_at_least or when.survey_negative_at_least
    if term_id is None or fw.quantifiers is None:
        return None
    figures = records.questions if when.records_negative_at_least else surveys.questions
    where = "records read" if when.records_negative_at_least else "respondents"
    for figure in figures:
        share = figure.negative_share
        if share.exact is not None and at_least(fw.quantifiers, share.exact, term_id):
            label = figure.id if not figure.source else f"{figure.source}/{figure.id}"
            return (f"{share.words} of {where} show a weakness on '{label}'", (label,))
    return None
