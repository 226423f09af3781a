"""Everything a report template may show, as plain data: dicts, lists, str, int, float, bool.

The context is the contract with templates (``context_version`` 1, documented in
``templates/README.md``). It holds no prose: words come from the framework, the evidence
or the templates. Strings are cleaned of control characters; small counts are suppressed
(see :mod:`inspectkit.report.figures`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from inspectkit import __version__
from inspectkit.evidence.folder import EvidenceFolder, Placed
from inspectkit.evidence.models import Manifest
from inspectkit.framework.models import Framework
from inspectkit.grading.grade import IndicatorGrade
from inspectkit.inspection import Inspection
from inspectkit.output.moderation import moderation_data
from inspectkit.policy import ReportDate
from inspectkit.quantify import round_percent
from inspectkit.report.bands import quantifier_data
from inspectkit.report.figures import Data, data_files, evidence_counts, number, relative
from inspectkit.report.sections import anchors_for, by_weight, finding, sections
from inspectkit.report.views import DEFAULT_VIEW, apply_view, get_view
from inspectkit.textfile import display_path
from inspectkit.textsafe import clean_all, natural_key, slug

CONTEXT_VERSION = 1
LANG = "en-GB"


def build_context(inspection: Inspection, when: ReportDate, view: str = DEFAULT_VIEW) -> Data:
    """The template context of a validated, graded evidence folder, as ``view`` shows it.

    Raises:
        NotGradable: the inspection has no grades (why, in one sentence).
        UsageError: ``view`` is not one of :data:`inspectkit.report.views.VIEWS`.
    """
    chosen = get_view(view)
    grades = inspection.graded()
    fw = grades.framework
    folder = inspection.folder
    assert folder.manifest is not None
    items = [p.model for p in folder.items]
    anchors = anchors_for(items)
    found, other_figures = sections(folder, fw, anchors)
    weighed = by_weight([i for i in items if i.finding != "context"])
    prefix = display_path(folder.root)
    context: Data = {
        "context_version": CONTEXT_VERSION,
        "lang": LANG,
        "date": _date(when.date),
        "date_source": when.source,
        "inspection": _inspection(folder.manifest),
        "framework": _framework(fw),
        "evidence": {
            **evidence_counts(folder, fw),
            "percentages_hidden": _hidden(found, other_figures),
        },
        "summary": {
            "strengths": [finding(i, fw, anchors) for i in weighed if i.finding == "strength"],
            "improvements": [
                finding(i, fw, anchors) for i in weighed if i.finding == "area-for-improvement"
            ],
        },
        "area": {
            "text": folder.manifest.context,
            "findings": [
                finding(i, fw, anchors)
                for i in sorted(items, key=lambda i: natural_key(i.id))
                if i.finding == "context"
            ],
        },
        "sections": found,
        "other_figures": other_figures,
        "evaluations": [_evaluation(fw, row, anchors) for row in grades.indicators],
        "agreement": {
            "alpha": None
            if grades.agreement is None
            else float(grades.agreement.quantize(Decimal("0.01"))),
            "indicators": grades.agreement_units,
        },
        "moderation": moderation_data(grades.moderation),
        "scale": _scale(fw),
        "quantifiers": _quantifiers(fw),
        "evidence_index": _index(folder, fw, anchors, prefix),
        "data_files": data_files(folder, fw, prefix),
        "inspectkit": {"version": __version__},
    }
    cleaned: Data = clean_all(context)  # new dicts and lists throughout: given to the view
    return apply_view(cleaned, chosen, given=True)


def _hidden(found: list[Data], other: list[Data]) -> int:
    """How many figures give a quantifier word without its percentage (small counts)."""
    figures = [*other, *(f for s in found for f in [*s["records"], *s["surveys"]])]
    return sum(1 for f in figures if f["term"] is not None and f["percent"] is None)


def _date(value: dt.date | None) -> Data | None:
    if value is None:
        return None
    return {"iso": value.isoformat(), "year": value.year, "month": value.month, "day": value.day}


def _inspection(manifest: Manifest) -> Data:
    period = manifest.period
    return {
        "partnership": manifest.partnership,
        "title": manifest.title,
        "reference": manifest.reference,
        "period": {"start": _date(period.start), "end": _date(period.end)} if period else None,
        "team": [
            {"name": m.name, "role": m.role, "organisation": m.organisation} for m in manifest.team
        ],
        "status": manifest.status,
    }


def _framework(fw: Framework) -> Data:
    parts: list[Sequence[object]] = [
        fw.indicators,
        fw.lines_of_enquiry,
        fw.key_questions,
        fw.areas,
        fw.themes,
        fw.quantifiers.terms if fw.quantifiers else [],
    ]
    return {
        "id": fw.id,
        "version": fw.version,
        "ref": fw.ref,
        "title": fw.title,
        "publisher": fw.publisher,
        "source": fw.source,
        "status": fw.status,
        "base": fw.base,
        "published": fw.published.isoformat() if fw.published else None,
        "published_year": fw.published.year if fw.published else fw.published_year,
        "enquiry_term": fw.enquiry_term,
        "by_key_question": not fw.lines_of_enquiry,
        "provisional": any(getattr(x, "provisional", False) for part in parts for x in part),
        "grading_basis": fw.grading.basis if fw.grading else "",
        "graded": list(fw.graded),
    }


def _grade(fw: Framework, value: int | None) -> Data | None:
    point = fw.scale_point(value) if value is not None else None
    if value is None:
        return None
    return {
        "value": value,
        "label": point.label if point else str(value),
        "meaning": point.meaning if point else "",
    }


def _evaluation(fw: Framework, row: IndicatorGrade, anchors: dict[str, str]) -> Data:
    p, j = row.proposal, row.judgement
    final = j.grade if j else None
    quantifiers = fw.quantifiers
    assert quantifiers is not None
    return {
        "indicator": p.indicator,
        "anchor": "qi-" + slug(p.indicator),
        "title": p.title,
        "final": _grade(fw, final),
        "proposed": _grade(fw, p.grade),
        "differs": final is not None and p.grade is not None and final != p.grade,
        "recorded": j is not None,
        "rationale": j.rationale if j else "",
        "departure": j.departure if j else "",
        "decided": j.decided.isoformat() if j and j.decided else None,
        "moderated_by": list(j.moderated_by) if j else [],
        "independent": [{"evaluator": e, "grade": g} for e, g in j.independent] if j else [],
        "score": None if p.score is None else number(p.score),
        "strands": [
            {
                "name": s.name,
                "counts": s.counts,
                "weight": float(s.weight),
                "percent": None if s.score is None else number(round_percent(quantifiers, s.score)),
            }
            for s in p.strands
        ],
        "caps": [
            {"id": c.id, "description": c.description, "max_grade": c.max_grade}
            for c in p.caps
            if c.binding
        ],
        "evidence": [{"id": d, "anchor": anchors[d]} for d in p.drivers if d in anchors],
        "notes": _notes(row),
    }


def _notes(row: IndicatorGrade) -> list[str]:
    """Sentences the team should read beside the proposal: the scale's conditions not met,
    conflicting strands, one strand dragging the grade down, missing evidence, unmoderated
    readings."""
    p = row.proposal
    out = [f"Not {h.grade} ({h.meaning}): {h.because}." for h in p.held]
    out += [p.conflict.sentence] if p.conflict else []
    out += [p.collapse.sentence] if p.collapse else []
    out += [s.message for s in row.shortfalls]
    if row.unmoderated:
        out.append(
            f"{row.unmoderated} answer(s) from paired readings disagree and are not yet "
            "moderated; they are not counted."
        )
    return out


def _scale(fw: Framework) -> Data:
    if fw.scale is None:
        return {"name": "", "points": []}
    return {
        "name": fw.scale.name,
        "points": [
            {"value": p.value, "label": p.label, "meaning": p.meaning, "description": p.description}
            for p in fw.scale.points
        ],
    }


def _quantifiers(fw: Framework) -> Data:
    assert fw.quantifiers is not None
    return quantifier_data(fw.quantifiers)


def _index(
    folder: EvidenceFolder, fw: Framework, anchors: dict[str, str], prefix: str
) -> list[Data]:
    labels = {s.id: s.label for s in fw.evidence_sources}
    kinds = {s.id: s.kind for s in fw.evidence_sources}
    placed: list[Placed] = sorted(folder.items, key=lambda p: natural_key(p.model.id))
    out = []
    for p in placed:
        item = p.model
        out.append(
            {
                "id": item.id,
                "anchor": anchors[item.id],
                "source": labels.get(item.source, item.source),
                "source_id": item.source,
                "kind": kinds.get(item.source, ""),
                "finding": item.finding,
                "significance": item.significance,
                "date": item.date.isoformat() if item.date else None,
                "indicators": list(item.indicators),
                "lines_of_enquiry": list(item.lines_of_enquiry),
                "summary": item.summary,
                "reference": item.reference,
                "file": relative(p.doc.display, prefix),
                "line": p.doc.place(p.path)[0],
            }
        )
    return out
