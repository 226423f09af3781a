"""The framework's decision: a band over the combined score, the caps, then the scale's conditions.

Kept apart from the strands so that the same decision can be asked again with one strand's
figure changed (:mod:`inspectkit.grading.sensitivity`): "what would move the proposal a point".
Every number and word of the rule comes from the framework's ``grading`` section.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from inspectkit.framework.models import Framework, Grading, ScaleCondition
from inspectkit.quantify import at_least, describe_percent

STRAND_NAMES = {
    "records": "record reading",
    "surveys": "surveys",
    "qualitative": "qualitative evidence",
}
#: What a strand's positive share counts, as the explanation says it.
POSITIVE_OF = {
    "records": "of record answers positive",
    "surveys": "of people agreeing",
    "qualitative": "of the weight in strengths",
}


@dataclass(frozen=True)
class StrandScore:
    """One strand's score, whether it has enough evidence to count, and its own grade."""

    name: str
    score: Decimal | None
    weight: Decimal
    counts: bool
    amount: str  # e.g. "96 records (at least 10 needed)"
    share: Fraction | None = None  # the score, exact
    own_grade: int | None = None  # the band its score reaches on its own
    units: int = 0  # answers behind the share when each counts equally (else 0)

    def at(self, share: Fraction) -> StrandScore:
        """The same strand with another positive share."""
        return replace(self, share=share, score=Decimal(share.numerator) / share.denominator)


@dataclass(frozen=True)
class HeldCondition:
    """A grade's condition the evidence does not meet, and the figure that misses it."""

    grade: int
    meaning: str
    because: str
    provisional: bool


@dataclass(frozen=True)
class Decision:
    """What the rules make of a set of strand scores."""

    score: Decimal
    band: int
    capped: int
    grade: int
    held: tuple[HeldCondition, ...]


def combined_score(counting: Sequence[StrandScore]) -> Decimal:
    """The weighted mean of the counting strands' scores, to one decimal place."""
    total = sum((s.weight for s in counting), Decimal(0))
    score = sum((s.weight * s.score for s in counting if s.score is not None), Decimal(0)) / total
    return score.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def band_of(rules: Grading, score: Decimal) -> int:
    """The grade of the highest band the score reaches."""
    return max(b.grade for b in rules.bands if Decimal(str(b.min_score)) <= score)


def decide(
    fw: Framework,
    counting: Sequence[StrandScore],
    cap_grades: Sequence[int],
    improvements: Sequence[tuple[str, str]],
) -> Decision:
    """Band, then caps, then conditions: the highest grade every rule allows.

    Args:
        fw: The framework, with grading rules.
        counting: The strands with enough evidence, each with its score.
        cap_grades: The highest grade each cap that applies allows.
        improvements: (id, significance) of each area for improvement.
    """
    assert fw.grading is not None
    score = combined_score(counting)
    band = band_of(fw.grading, score)
    capped = min([band, *cap_grades])
    lowest = min(p.grade for p in fw.grading.bands)
    grade, held = capped, []
    while grade > lowest:
        condition = fw.condition(grade)
        because = _unmet(fw, condition, counting, improvements) if condition else None
        if because is None:
            break
        assert condition is not None
        held.append(HeldCondition(grade, condition.meaning, because, condition.provisional))
        grade -= 1
    return Decision(score, band, capped, grade, tuple(held))


def why_not(
    fw: Framework,
    grade: int,
    counting: Sequence[StrandScore],
    improvements: Sequence[tuple[str, str]],
) -> str | None:
    """Why the evidence misses the condition for ``grade``; None when it meets it or none."""
    condition = fw.condition(grade)
    return _unmet(fw, condition, counting, improvements) if condition else None


def _unmet(
    fw: Framework,
    condition: ScaleCondition,
    counting: Sequence[StrandScore],
    improvements: Sequence[tuple[str, str]],
) -> str | None:
    """Why the evidence misses ``condition``, or None when it meets it."""
    reasons = []
    term_id = condition.strands_positive_at_least
    if term_id is not None and fw.quantifiers is not None:
        label = next((t.label for t in fw.quantifiers.terms if t.id == term_id), term_id)
        for strand in counting:
            if strand.share is None or at_least(fw.quantifiers, strand.share, term_id):
                continue
            shown, term = describe_percent(fw.quantifiers, strand.share)
            words = f"{term.label} ({shown}%)" if term else f"{shown}%"
            reasons.append(
                f"{STRAND_NAMES[strand.name]}: {words} {POSITIVE_OF[strand.name]}, not {label}"
            )
    ruled = [i for i, level in improvements if level in condition.ruled_out_by]
    if ruled:
        kinds = " or ".join(condition.ruled_out_by)
        reasons.append(f"{len(ruled)} {kinds} area(s) for improvement ({', '.join(ruled)})")
    return "; ".join(reasons) or None
