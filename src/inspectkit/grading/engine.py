"""Combine the strands into a proposed grade by the framework's rules, and explain it.

Every number comes from the framework file: strand weights, grade bands, caps and the minimum
evidence. Below the minimum no grade is proposed; the explanation says what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from inspectkit.evidence.folder import EvidenceFolder
from inspectkit.framework.models import Cap, Framework, Grading
from inspectkit.grading.strands import (
    QualitativeStrand,
    RecordsStrand,
    SurveysStrand,
    qualitative_strand,
    records_strand,
    surveys_strand,
)
from inspectkit.quantify import at_least, round_percent

STRAND_NAMES = {
    "records": "record reading",
    "surveys": "surveys",
    "qualitative": "qualitative evidence",
}


@dataclass(frozen=True)
class StrandScore:
    """One strand's score and whether it has enough evidence to count."""

    name: str
    score: Decimal | None
    weight: Decimal
    counts: bool
    amount: str  # e.g. "96 records (at least 10 needed)"


@dataclass(frozen=True)
class AppliedCap:
    """A cap whose condition holds, and the evidence that makes it hold."""

    id: str
    description: str
    max_grade: int
    because: str
    evidence: tuple[str, ...]
    binding: bool


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
    drivers = _drivers(records, surveys, quality)
    title = ind.title if ind else indicator
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
    total_weight = sum((s.weight for s in counting), Decimal(0))
    score = (
        sum((s.weight * s.score for s in counting if s.score is not None), Decimal(0))
        / total_weight
    )
    score = score.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    band = max(b.grade for b in rules.bands if Decimal(str(b.min_score)) <= score)
    found = _caps(rules, fw, records, surveys, quality)
    grade = min([band, *(c.max_grade for c in found)])
    caps = tuple(
        AppliedCap(
            c.id,
            c.description,
            c.max_grade,
            c.because,
            c.evidence,
            c.max_grade == grade and c.max_grade < band,
        )
        for c in found
    )
    lift = _lift(fw, rules, grade, band, score, counting, caps, total_weight)
    return Proposal(
        indicator,
        title,
        grade,
        score,
        band,
        strands,
        records,
        surveys,
        quality,
        caps,
        (),
        drivers,
        lift,
    )


def _strand_scores(
    rules: Grading, records: RecordsStrand, surveys: SurveysStrand, quality: QualitativeStrand
) -> tuple[StrandScore, ...]:
    minimum = rules.minimum
    weights = rules.weights
    return (
        StrandScore(
            "records",
            records.score,
            Decimal(str(weights.records)),
            records.records >= minimum.records,
            f"{records.records} records (at least {minimum.records} needed)",
        ),
        StrandScore(
            "surveys",
            surveys.score,
            Decimal(str(weights.surveys)),
            surveys.answers >= minimum.survey_responses,
            f"{surveys.answers} answers (at least {minimum.survey_responses} needed)",
        ),
        StrandScore(
            "qualitative",
            quality.score,
            Decimal(str(weights.qualitative)),
            quality.items >= minimum.qualitative_items,
            f"{quality.items} strengths or areas for improvement (at least "
            f"{minimum.qualitative_items} needed)",
        ),
    )


def _caps(
    rules: Grading,
    fw: Framework,
    records: RecordsStrand,
    surveys: SurveysStrand,
    quality: QualitativeStrand,
) -> list[AppliedCap]:
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


def _lift(
    fw: Framework,
    rules: Grading,
    grade: int,
    band: int,
    score: Decimal,
    counting: list[StrandScore],
    caps: tuple[AppliedCap, ...],
    total: Decimal,
) -> tuple[str, ...]:
    """What would lift the grade one point: every cap in the way, then the score needed."""
    blocking = [c for c in caps if c.max_grade <= grade]
    resolve = tuple(
        f"Resolve what holds the grade at {c.max_grade}: {c.because} ({', '.join(c.evidence)})."
        for c in blocking
    )
    if band > grade:  # the score already reaches higher: only the caps stand in the way
        return resolve
    higher = [b for b in rules.bands if b.grade > grade]
    if not higher:
        return ("The grade is already the top of the scale.",)
    target = min(higher, key=lambda b: b.grade)
    need = Decimal(str(target.min_score)) - score
    point = fw.scale_point(target.grade)
    label = point.label if point else str(target.grade)
    ways = []
    for strand in counting:
        if strand.score is None or not strand.weight:
            continue
        wanted = strand.score + need * total / strand.weight
        if wanted <= 100 and fw.quantifiers is not None:
            ways.append(
                f"{STRAND_NAMES[strand.name]} at "
                f"{round_percent(fw.quantifiers, wanted)}% (now "
                f"{round_percent(fw.quantifiers, strand.score)}%)"
            )
    tail = f": for example {'; or '.join(ways)}, the rest unchanged" if ways else ""
    return (
        *resolve,
        f"To reach {target.grade} ({label}) the combined score must rise from {score} to "
        f"{target.min_score:g}{tail}.",
    )
