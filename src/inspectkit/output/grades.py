"""Views of a grade report: a terminal table, full explanations, JSON, YAML and CSV.

The JSON document (``schema_version`` 1) is the contract for machines; the other formats
are drawn from the same data, so they always agree.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from inspectkit.grading.engine import Proposal
from inspectkit.grading.grade import GradeReport, IndicatorGrade
from inspectkit.output.explain import label, render_explain, rules_data
from inspectkit.output.moderation import moderation_data, moderation_lines
from inspectkit.textsafe import neutralise, safe

__all__ = ["GradeView", "reason", "render_explain", "render_json", "to_data"]

SCHEMA_VERSION = 1


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value.quantize(Decimal("0.1")))


def reason(row: IndicatorGrade) -> str:
    """One line on how the proposed grade was reached."""
    p = row.proposal
    if p.grade is None:
        return "insufficient evidence: " + "; ".join(p.missing)
    text = f"score {p.score} reaches {p.band_grade}"
    held = [c for c in p.caps if c.binding]
    if held:
        text += "; held at " + " and ".join(f"{c.max_grade} by {c.id}" for c in held)
    if p.held:
        met = p.held[-1].grade - 1
        text += f"; {met} by the scale's condition for {p.held[0].grade}"
        if len(p.held) > 1:
            text += f" to {p.held[-1].grade}"
    if p.conflict is not None:
        text += "; strands conflict"
    return text


def to_data(report: GradeReport) -> dict[str, Any]:
    """The report as plain data with a stable shape (the JSON schema)."""
    fw = report.framework
    return {
        "schema_version": SCHEMA_VERSION,
        "framework": fw.ref,
        "partnership": report.partnership,
        "scale": [{"value": p.value, "label": p.label} for p in fw.scale.points]
        if fw.scale
        else [],
        "agreement": {
            "krippendorff_alpha_ordinal": _num(report.agreement),
            "indicators": report.agreement_units,
        },
        "indicators": [_row_data(report, row) for row in report.indicators],
        "moderation": moderation_data(report.moderation),
        "diagnostics": [d.to_dict() for d in report.diagnostics],
    }


def _row_data(report: GradeReport, row: IndicatorGrade) -> dict[str, Any]:
    p = row.proposal
    j = row.judgement
    return {
        "indicator": p.indicator,
        "title": p.title,
        "proposed": {
            "grade": p.grade,
            "label": label(report.framework, p.grade),
            "score": _num(p.score),
            "band_grade": p.band_grade,
            "reason": reason(row),
        },
        "final": None
        if j is None
        else {
            "grade": j.grade,
            "label": label(report.framework, j.grade),
            "rationale": j.rationale,
            "departure": j.departure,
            "decided": j.decided.isoformat() if j.decided else None,
            "moderated_by": list(j.moderated_by),
            "independent": [{"evaluator": e, "grade": g} for e, g in j.independent],
        },
        "explanation": {**_explanation_data(p), **rules_data(report.framework, row)},
    }


def _explanation_data(p: Proposal) -> dict[str, Any]:
    return {
        "strands": [
            {
                "name": s.name,
                "score": _num(s.score),
                "weight": float(s.weight),
                "counts": s.counts,
                "evidence": s.amount,
                "own_grade": s.own_grade,
            }
            for s in p.strands
        ],
        "records": {
            "records": p.records.records,
            "answers": p.records.answers,
            "positive": p.records.positive,
            "questions": [
                {
                    "id": q.id,
                    "text": q.text,
                    "counted": q.counted,
                    "positive": q.positive,
                    "words": q.share.words,
                }
                for q in p.records.questions
            ],
        },
        "surveys": {
            "pooling": p.surveys.pooling,
            "respondents": p.surveys.respondents,
            "audiences": [
                {
                    "survey": a.survey,
                    "audience": a.audience,
                    "respondents": a.respondents,
                    "answering": a.answering,
                    "answers": a.answers,
                    "agree": a.agree,
                    "words": a.share.words,
                }
                for a in p.surveys.audiences
            ],
            "questions": [
                {
                    "survey": q.source,
                    "id": q.id,
                    "text": q.text,
                    "counted": q.counted,
                    "agree": q.positive,
                    "words": q.share.words,
                }
                for q in p.surveys.questions
            ],
        },
        "qualitative": {
            "strengths": [_item(i) for i in p.qualitative.strengths],
            "areas_for_improvement": [_item(i) for i in p.qualitative.improvements],
            "context_items": p.qualitative.context,
        },
        "caps": [
            {
                "id": c.id,
                "description": c.description,
                "max_grade": c.max_grade,
                "because": c.because,
                "evidence": list(c.evidence),
                "binding": c.binding,
            }
            for c in p.caps
        ],
        "missing": list(p.missing),
        "drivers": list(p.drivers),
        "lift": list(p.lift),
    }


def _item(i: Any) -> dict[str, Any]:
    return {
        "id": i.id,
        "source": i.source,
        "significance": i.significance,
        "weight": float(i.weight),
        "summary": i.summary,
    }


def render_json(report: GradeReport) -> str:
    """JSON, indented, UTF-8."""
    return json.dumps(to_data(report), indent=2, ensure_ascii=False) + "\n"


def render_yaml(report: GradeReport) -> str:
    """The same data as YAML."""
    import yaml

    return str(yaml.safe_dump(to_data(report), sort_keys=False, allow_unicode=True, width=100))


def render_csv(report: GradeReport) -> str:
    """One row per indicator, formula-safe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "indicator",
            "title",
            "proposed",
            "proposed_label",
            "score",
            "final",
            "final_label",
            "reason",
            "rationale",
        ]
    )
    for row in report.indicators:
        p, j = row.proposal, row.judgement
        writer.writerow(
            [
                neutralise(v)
                for v in (
                    p.indicator,
                    p.title,
                    p.grade,
                    label(report.framework, p.grade),
                    p.score,
                    j.grade if j else "",
                    label(report.framework, j.grade) if j else "",
                    reason(row),
                    j.rationale if j else "",
                )
            ]
        )
    return out.getvalue()


def render_table(report: GradeReport, width: int = 0) -> str:
    """A table for the terminal: indicator, title, proposed, final, label, reason; the title
    and the reason wrap between words to fit ``width`` (0: no wrapping)."""
    from inspectkit.output.table import fit_table

    head = ("INDICATOR", "TITLE", "PROPOSED", "FINAL", "LABEL", "REASON")
    rows = []
    for row in report.indicators:
        p = row.proposal
        final = row.final
        shown = final if final is not None else p.grade
        rows.append(
            (
                safe(p.indicator),
                safe(p.title),
                "-" if p.grade is None else str(p.grade),
                "-" if final is None else str(final),
                safe(label(report.framework, shown)),
                safe(reason(row)),
            )
        )
    lines = fit_table(head, rows, width, wrap=(1, 4, 5))
    footer = [safe(f"{report.framework.ref}  {report.partnership}")]
    if report.agreement is not None:
        footer.append(
            f"Agreement between evaluators (Krippendorff's alpha, ordinal): "
            f"{report.agreement:.2f} over {report.agreement_units} indicators"
        )
    paired = moderation_lines(report.moderation)
    return "\n".join([*lines, "", *footer, *paired]) + "\n"


@dataclass(frozen=True)
class GradeView:
    """What a grades writer is given: the report, and for text whether to explain.

    Attributes:
        report: The graded folder.
        explain: Full explanations instead of the table (text only).
        indicator: Only this indicator's explanation (text only; implies ``explain``).
        width: The terminal's width for the text table and explanations; 0 for no terminal.
    """

    report: GradeReport
    explain: bool = False
    indicator: str | None = None
    width: int = 0


def write_text(view: GradeView) -> bytes:
    """The table, or the explanations when asked for."""
    if view.explain or view.indicator is not None:
        return render_explain(view.report, view.indicator, view.width).encode("utf-8")
    return render_table(view.report, view.width).encode("utf-8")


def write_json(view: GradeView) -> bytes:
    """:func:`render_json` as bytes."""
    return render_json(view.report).encode("utf-8")


def write_yaml(view: GradeView) -> bytes:
    """:func:`render_yaml` as bytes."""
    return render_yaml(view.report).encode("utf-8")


def write_csv(view: GradeView) -> bytes:
    """:func:`render_csv` as bytes."""
    return render_csv(view.report).encode("utf-8")
