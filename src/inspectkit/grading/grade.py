"""``inspectkit grade``: proposed grades beside the team's own evaluations.

The proposal never replaces the team's judgement: both are kept. Where they differ by two
points or more, the evaluation should say why; where evaluators graded independently and
differ, a moderated grade is asked for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from inspectkit.diagnostics import Diagnostic, Severity
from inspectkit.evidence.folder import EvidenceFolder, Placed
from inspectkit.evidence.models import Evaluation
from inspectkit.evidence.sufficiency import Shortfall, shortfalls
from inspectkit.framework.models import Framework
from inspectkit.grading.agreement import krippendorff_alpha
from inspectkit.grading.engine import Proposal, propose
from inspectkit.grading.moderation import Moderation, moderation
from inspectkit.yamlread import YamlDocument


@dataclass(frozen=True)
class Judgement:
    """The team's evaluation of one indicator, as recorded."""

    grade: int | None
    rationale: str
    departure: str
    decided: dt.date | None
    moderated_by: tuple[str, ...]
    independent: tuple[tuple[str, int], ...]

    @property
    def spread(self) -> tuple[int, int] | None:
        """Lowest and highest independent grade, if any were given."""
        grades = [g for _, g in self.independent]
        return (min(grades), max(grades)) if grades else None


@dataclass(frozen=True)
class IndicatorGrade:
    """One graded indicator: the proposal and the team's judgement side by side."""

    proposal: Proposal
    judgement: Judgement | None
    shortfalls: tuple[Shortfall, ...] = ()
    unmoderated: int = 0  # answers to its questions the readings disagree on, unmoderated

    @property
    def final(self) -> int | None:
        """The team's moderated grade, if recorded."""
        return self.judgement.grade if self.judgement else None


@dataclass(frozen=True)
class GradeReport:
    """Every graded indicator of a folder, with agreement and problems."""

    framework: Framework
    partnership: str
    indicators: tuple[IndicatorGrade, ...]
    agreement: Decimal | None
    agreement_units: int
    diagnostics: tuple[Diagnostic, ...]
    fail_under: int | None = None
    require_evaluations: bool = False
    moderation: Moderation | None = None


def scale_value(fw: Framework, grade: int | str | None) -> int | None:
    """A grade given as a number or a label, as the scale's number."""
    if grade is None or fw.scale is None:
        return None
    return fw.scale.value_of(grade)


def _judgement(fw: Framework, ev: Evaluation) -> Judgement:
    independent = tuple(
        (g.evaluator, v) for g in ev.independent if (v := scale_value(fw, g.grade)) is not None
    )
    return Judgement(
        scale_value(fw, ev.grade),
        ev.rationale,
        ev.departure,
        ev.decided,
        tuple(ev.moderated_by),
        independent,
    )


def grade_folder(
    folder: EvidenceFolder,
    fw: Framework,
    *,
    fail_under: int | None = None,
    require_evaluations: bool = False,
) -> GradeReport:
    """Propose a grade for each graded indicator of a folder checked against ``fw``.

    Most callers want :func:`inspectkit.inspection.inspect_folder`, which validates first and
    grades only a folder without errors.

    Args:
        folder: The loaded evidence folder.
        fw: Its framework, which must have grading rules.
        fail_under: Report an error for each final grade below this.
        require_evaluations: Make a graded indicator without an evaluation an error.
    """
    assert fw.grading is not None
    placed = {p.model.indicator: p for p in folder.evaluations}
    paired = moderation(folder, fw)
    rows, problems = [], []
    for indicator in fw.graded:
        proposal = propose(folder, fw, indicator)
        entry = placed.get(indicator)
        judgement = _judgement(fw, entry.model) if entry else None
        rows.append(IndicatorGrade(proposal, judgement, tuple(shortfalls(folder, fw, indicator))))
        problems += _problems(
            folder, fw, proposal, (judgement, entry), fail_under, require_evaluations
        )
    units = [
        [g for _, g in row.judgement.independent]
        for row in rows
        if row.judgement and len(row.judgement.independent) >= 2
    ]
    # One indicator cannot show agreement beyond chance; alpha needs at least two.
    alpha = krippendorff_alpha(units) if len(units) >= 2 else None
    partnership = folder.manifest.partnership if folder.manifest else ""
    return GradeReport(
        fw,
        partnership,
        tuple(rows),
        alpha,
        len(units),
        tuple(sorted(problems, key=Diagnostic.sort_key)),
        fail_under,
        require_evaluations,
        paired,
    )


def _unmoderated(fw: Framework, paired: Moderation | None, indicator: str) -> int:
    if paired is None or fw.record_reading is None:
        return 0
    asked = {q.id for q in fw.record_reading.questions if indicator in q.indicators}
    return sum(1 for d in paired.unmoderated if d.question in asked)


def _problems(
    folder: EvidenceFolder,
    fw: Framework,
    proposal: Proposal,
    recorded: tuple[Judgement | None, Placed | None],
    fail_under: int | None,
    require: bool,
) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    judgement, entry = recorded
    ind = proposal.indicator
    manifest = folder.manifest_doc
    if proposal.grade is None and manifest is not None:
        out.append(
            manifest.diagnostic(
                "IK603",
                f"Indicator {ind}: too little evidence to "
                f"propose a grade ({'; '.join(proposal.missing)}).",
                ("framework",),
            )
        )
    out += _conflict(proposal, judgement, entry, manifest)
    if judgement is None or entry is None:
        if require and manifest is not None:
            out.append(
                manifest.diagnostic(
                    "IK404",
                    f"Graded indicator {ind} has no team evaluation.",
                    ("framework",),
                    severity=Severity.ERROR,
                )
            )
        return out
    where = (*entry.path, "grade")
    if judgement.grade is None and judgement.spread and judgement.spread[0] != judgement.spread[1]:
        low, high = judgement.spread
        out.append(
            entry.doc.diagnostic(
                "IK602",
                f"Indicator {ind}: evaluators' grades range "
                f"from {low} to {high}; record the moderated grade.",
                (*entry.path, "independent"),
            )
        )
    if (
        judgement.grade is not None
        and proposal.grade is not None
        and fw.grading is not None
        and abs(judgement.grade - proposal.grade) >= fw.grading.departure_points
        and not _addressed(judgement)
    ):
        out.append(
            entry.doc.diagnostic(
                "IK601",
                f"Indicator {ind}: the team's grade {judgement.grade} differs from the "
                f"proposed {proposal.grade} by {abs(judgement.grade - proposal.grade)} points, and "
                "the evaluation does not say why.",
                where,
                hint="Add 'departure:' with the reason, or say so in the rationale.",
            )
        )
    if fail_under is not None and judgement.grade is not None and judgement.grade < fail_under:
        out.append(
            entry.doc.diagnostic(
                "IK604",
                f"Indicator {ind}: final grade {judgement.grade} is below {fail_under}.",
                where,
            )
        )
    return out


def _addressed(judgement: Judgement) -> bool:
    return bool(judgement.departure.strip()) or "propos" in judgement.rationale.lower()


def _conflict(
    proposal: Proposal,
    judgement: Judgement | None,
    entry: Placed | None,
    manifest: YamlDocument | None,
) -> list[Diagnostic]:
    """IK605 where the strands conflict and the rationale does not speak of the conflict."""
    conflict = proposal.conflict
    if conflict is None or (judgement is not None and "conflict" in judgement.rationale.lower()):
        return []
    message = f"Indicator {proposal.indicator}: {conflict.sentence}"
    hint = "Say in the rationale how the conflicting evidence was weighed."
    if entry is not None:
        return [entry.doc.diagnostic("IK605", message, (*entry.path, "rationale"), hint=hint)]
    if manifest is not None:
        return [manifest.diagnostic("IK605", message, ("framework",), hint=hint)]
    return []
