"""The full explanation of a proposed grade, as text and as the matching JSON parts.

Per strand: its figures, its own grade, its weight, and the nearest share that would move
the proposal up or down a point. Then the scale's conditions not met, conflicting strands,
a strand that alone drags the proposal down, the evidence the indicator lacks, the caps, and
what would lift or lower the grade.
"""

from __future__ import annotations

from typing import Any

from inspectkit.framework.models import Framework
from inspectkit.grading.grade import GradeReport, IndicatorGrade
from inspectkit.grading.sensitivity import Change
from inspectkit.textsafe import safe

__all__ = ["label", "render_explain", "rules_data"]


def label(fw: Framework, grade: int | None) -> str:
    """The scale's label of a grade ('' when there is none)."""
    point = fw.scale_point(grade) if grade is not None else None
    return point.label if point else ""


def _percent(value: Any) -> float:
    return round(float(value), 1)


def _change_data(c: Change) -> dict[str, Any]:
    return {
        "direction": c.direction,
        "strand": c.strand,
        "grade": c.grade,
        "now": _percent(c.now),
        "then": _percent(c.then),
        "answers": c.answers if c.of else None,
        "of": c.of or None,
    }


def rules_data(fw: Framework, row: IndicatorGrade) -> dict[str, Any]:
    """Conditions, conflict, collapse, changes and shortfalls of one indicator, as data."""
    p = row.proposal
    return {
        "conditions": [
            {
                "grade": h.grade,
                "meaning": h.meaning,
                "because": h.because,
                "provisional": h.provisional,
            }
            for h in p.held
        ],
        "conflict": None
        if p.conflict is None
        else {
            "spread": p.conflict.spread,
            "strands": [{"name": n, "own_grade": g} for n, g in p.conflict.grades],
            "sentence": p.conflict.sentence,
        },
        "collapse": None
        if p.collapse is None
        else {
            "strand": p.collapse.strand,
            "own_grade": p.collapse.own_grade,
            "floor": p.collapse.floor,
            "without": p.collapse.without,
            "sentence": p.collapse.sentence,
        },
        "changes": [_change_data(c) for c in p.changes],
        "lower": list(p.lower),
        "unmoderated": row.unmoderated,
        "sufficiency": [
            {"code": s.code, "message": s.message, "hint": s.hint} for s in row.shortfalls
        ],
    }


def render_explain(report: GradeReport, indicator: str | None = None, width: int = 0) -> str:
    """The full explanation of each proposed grade (or of one indicator); lines longer than
    ``width`` wrap between words with a hanging indent (0: no wrapping)."""
    blocks = [
        _explain(report, row, width)
        for row in report.indicators
        if indicator is None or row.proposal.indicator == indicator
    ]
    return "\n".join(blocks)


def _head(fw: Framework, row: IndicatorGrade) -> list[str]:
    p, j = row.proposal, row.judgement
    lines = [f"{p.indicator} {p.title}", ""]
    if p.grade is None:
        lines.append("Proposed: no grade: too little evidence.")
        lines += [f"  - {m}" for m in p.missing]
    else:
        lines.append(
            f"Proposed: {p.grade} {label(fw, p.grade)} (combined score "
            f"{p.score}, which reaches {p.band_grade} {label(fw, p.band_grade)})"
        )
    if j is not None and j.grade is not None:
        lines.append(f"Team's evaluation: {j.grade} {label(fw, j.grade)}")
    elif j is not None and j.independent:
        lines.append("Team's evaluation: not yet moderated")
    else:
        lines.append("Team's evaluation: none recorded")
    if j is not None and j.independent:
        lines.append("  independent grades: " + ", ".join(f"{e} {g}" for e, g in j.independent))
    return lines


def _strands(fw: Framework, row: IndicatorGrade) -> list[str]:
    p = row.proposal
    lines = ["", "Strands"]
    for s in p.strands:
        score = "-" if s.score is None else f"{s.score:.1f}"
        state = "counts" if s.counts else "does not count"
        own = f"  own grade {s.own_grade} {label(fw, s.own_grade)}" if s.own_grade else ""
        lines.append(
            f"  {s.name:<12} score {score:>5}  weight {s.weight}{own}  {state}: {s.amount}"
        )
        moves = [c for c in p.changes if c.strand == s.name]
        if moves:
            lines.append("      " + "; ".join(_move(fw, c) for c in moves))
    return lines


def _move(fw: Framework, c: Change) -> str:
    count = f", {c.answers} answer(s) of {c.of}" if c.of else ""
    return f"{c.direction} to {c.grade} {label(fw, c.grade)} at {_percent(c.then)}%{count}"


def _figures(row: IndicatorGrade) -> list[str]:
    p = row.proposal
    lines = []
    if p.records.questions:
        lines.append("Record reading")
        lines += [
            f"  {q.id}: positive in {q.share.words} of the {q.counted} records it applied to"
            for q in p.records.questions
        ]
    if p.surveys.audiences:
        lines.append(f"Surveys ({p.surveys.pooling})")
        lines += [
            f"  {a.audience}: {a.share.words} agreement over {a.answers} answers from "
            f"{a.answering} respondents"
            for a in p.surveys.audiences
        ]
    if p.qualitative.strengths or p.qualitative.improvements:
        lines.append("Qualitative evidence")
        lines += [f"  + {i.id} ({i.significance}) {i.summary}" for i in p.qualitative.strengths]
        lines += [f"  - {i.id} ({i.significance}) {i.summary}" for i in p.qualitative.improvements]
    return lines


def _rules(row: IndicatorGrade) -> list[str]:
    p = row.proposal
    lines = []
    for held in p.held:
        note = "; a provisional reading of the scale" if held.provisional else ""
        lines.append(f"Not {held.grade} ({held.meaning}{note}): {held.because}")
    if p.conflict is not None:
        lines.append(f"Conflict: {p.conflict.sentence}")
    if p.collapse is not None:
        lines.append(f"One strand: {p.collapse.sentence}")
    if row.unmoderated:
        lines.append(
            f"Paired reading: {row.unmoderated} answer(s) to this indicator's questions are "
            "still unmoderated (the readings disagree) and are not counted"
        )
    if row.shortfalls:
        lines.append("Sufficiency")
        lines += [f"  {s.code} {s.message}" for s in row.shortfalls]
    for cap in p.caps:
        verb = "holds the grade" if cap.binding else "applies, capping the grade"
        lines.append(f"Cap {cap.id} {verb} at {cap.max_grade}: {cap.description} ({cap.because})")
    if p.drivers:
        lines.append("Evidence that moved it most: " + ", ".join(p.drivers))
    lines += [f"To lift it: {text}" for text in p.lift]
    lines += [f"To lower it: {text}" for text in p.lower]
    return lines


def _explain(report: GradeReport, row: IndicatorGrade, width: int = 0) -> str:
    fw = report.framework
    lines = [*_head(fw, row), *_strands(fw, row), *_figures(row), *_rules(row)]
    return "".join(f"{wrapped}\n" for line in lines for wrapped in _hang(safe(line), width))


def _hang(line: str, width: int) -> list[str]:
    """One explanation line wrapped under its own text: after its bullet, or its label."""
    from inspectkit.output.table import hanging

    if width <= 0 or len(line) <= width:
        return [line]
    body = line.lstrip()
    lead = line[: len(line) - len(body)]
    marker = body[:2] if body[:2] in ("+ ", "- ") else ""
    label = "" if marker else body.partition(": ")[0] + ": " if ": " in body[:40] else ""
    first = lead + marker + label
    indent = " " * len(first) if first.strip() else lead + "    "
    return hanging(body[len(marker + label) :], width, indent, first=first)
