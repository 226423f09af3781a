"""Counts and proportions as a report shows them, with small numbers suppressed.

A child can be recognised from a small count, so any count of records or people below the
framework's ``reporting.suppress_below`` is handed to templates without its value: only
``{"value": None, "below": N}``, which they print as "fewer than N". A percentage that would
let a reader work such a count out is left out too. Doing this here, not in the templates,
means that no template, built-in or user's, can show a suppressed number.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from inspectkit.evidence.folder import EvidenceFolder
from inspectkit.framework.models import Framework, Quantifiers, RecordQuestion, Survey
from inspectkit.grading.strands import record_question_figure, survey_question_figure
from inspectkit.quantify import Proportion, proportion

Data = dict[str, Any]


def count(value: int, below: int) -> Data:
    """A count of records or people: its value, or only the threshold it falls below."""
    if 0 < value < below:
        return {"value": None, "below": below}
    return {"value": value, "below": None}


def number(value: Decimal) -> int | float:
    """A rounded percentage as a plain number: 62, or 62.5 where decimals are kept."""
    return int(value) if value == value.to_integral_value() else float(value)


def share(quantifiers: Quantifiers, positive: int, total: int, below: int) -> Data | None:
    """``positive`` out of ``total`` in quantifier words; None when nothing was counted."""
    if total <= 0:
        return None
    return shown(proportion(quantifiers, positive, total), below)


def shown(found: Proportion, below: int) -> Data | None:
    """A proportion worked out by grading, shaped for a report; None when nothing counted.

    The term stays whenever the total may be shown; the percentage goes as soon as either
    side of the split is a small count, because with the total it would give that count away.
    """
    positive, total = found.count, found.total
    if total <= 0:
        return None
    small_total = total < below
    small_part = 0 < positive < below or 0 < total - positive < below
    hidden = small_total or small_part
    return {
        "total": count(total, below),
        "positive": count(positive, below) if not hidden else {"value": None, "below": below},
        "percent": None if hidden or found.percent is None else number(found.percent),
        "term": None if small_total or found.term is None else found.term.label,
        "term_id": None if small_total or found.term is None else found.term.id,
    }


def record_figure(folder: EvidenceFolder, fw: Framework, question: RecordQuestion) -> Data | None:
    """How the records read answered one question of the template, as grading counted it."""
    counted = record_question_figure(folder, fw, question)
    figure = shown(counted.share, fw.reporting.suppress_below)
    if figure is None:
        return None
    point = (
        fw.scale_point(question.positive_at_least)
        if question.positive_at_least is not None
        else None
    )
    return {
        **figure,
        "id": question.id,
        "text": question.text,
        "answer": question.answer,
        "positive_from": point.label if point else None,
        "positive_answers": list(question.positive),
    }


def survey_figures(folder: EvidenceFolder, fw: Framework, survey: Survey) -> list[Data]:
    """Agreement with each question of one survey, among those who gave a counted answer,
    as grading counted it."""
    out = []
    for question in survey.questions:
        counted = survey_question_figure(folder, fw, survey, question)
        figure = None if counted is None else shown(counted.share, fw.reporting.suppress_below)
        if figure is not None:
            out.append(
                {
                    **figure,
                    "id": question.id,
                    "text": question.text,
                    "survey": survey.id,
                    "survey_title": survey.title,
                    "audience": survey.audience,
                    "answer": "agreement",
                }
            )
    return out


def evidence_counts(folder: EvidenceFolder, fw: Framework) -> Data:
    """What the inspection gathered: records read, respondents, evidence items by source.

    "People met" counts the items from qualitative sources that carry someone's views
    (focus groups, meetings, professional discussions): items, not a head count, so it is
    not suppressed; neither are item counts, which the evidence index lists one by one.
    """
    below = fw.reporting.suppress_below
    surveys = [
        {
            "id": s.id,
            "title": s.title,
            "audience": s.audience,
            "respondents": count(sum(1 for r in folder.responses if r.survey == s.id), below),
        }
        for s in fw.surveys
    ]
    by_source: dict[str, int] = {}
    for placed in folder.items:
        by_source[placed.model.source] = by_source.get(placed.model.source, 0) + 1
    sources = [
        {
            "id": s.id,
            "label": s.label,
            "kind": s.kind,
            "voices": list(s.voices),
            "description": s.description,
            "count": by_source.get(s.id, 0),
        }
        for s in fw.evidence_sources
        if by_source.get(s.id)
    ]
    meeting = [s for s in sources if s["kind"] == "qualitative" and s["voices"]]
    return {
        "records_read": count(len(folder.records), below),
        "minimum_records": fw.record_reading.minimum_records if fw.record_reading else None,
        "surveys": surveys,
        "sources": sources,
        "item_count": len(folder.items),
        "people_met": {
            "count": sum(s["count"] for s in meeting),
            "sources": [s["label"] for s in meeting],
        },
        "documents": sum(s["count"] for s in sources if s["kind"] == "document"),
        "suppress_below": below,
    }


def data_files(folder: EvidenceFolder, fw: Framework, prefix: str) -> list[Data]:
    """The record-reading and survey files with how many rows each holds."""
    below = fw.reporting.suppress_below
    titles = {s.id: s.title for s in fw.surveys}
    rows: dict[str, int] = {}
    for record in folder.records:
        rows[record.file] = rows.get(record.file, 0) + 1
    out = [
        {
            "file": relative(f, prefix),
            "kind": "records",
            "title": "",
            "rows": count(rows.get(f, 0), below),
        }
        for f in folder.record_files
    ]
    for survey_id, file in sorted(folder.survey_files.items()):
        n = sum(1 for r in folder.responses if r.survey == survey_id)
        out.append(
            {
                "file": relative(file, prefix),
                "kind": "survey",
                "title": titles.get(survey_id, survey_id),
                "rows": count(n, below),
            }
        )
    return out


def relative(file: str, prefix: str) -> str:
    """A file's path inside the evidence folder, whatever the working directory was."""
    return file[len(prefix) + 1 :] if prefix and file.startswith(prefix + "/") else file
