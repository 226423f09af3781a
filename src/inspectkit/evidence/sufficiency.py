"""Evidence sufficiency: whether each graded indicator has enough, and varied, evidence."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from inspectkit.diagnostics import Diagnostic
from inspectkit.evidence.answers import NOT_APPLICABLE, canonical
from inspectkit.evidence.folder import EvidenceFolder
from inspectkit.evidence.models import EvidenceItem
from inspectkit.framework.models import Framework
from inspectkit.yamlread import Path_


@dataclass
class _Coverage:
    kinds: set[str]
    voices: bool
    records: int


def coverage(folder: EvidenceFolder, fw: Framework, indicator: str) -> _Coverage:
    """Which kinds of evidence inform ``indicator``, whether children's or families' views
    are among them, and how many records answer its questions.

    Only counted answers are coverage: a record whose every answer to the indicator's
    questions is n/a, or a survey answer left out of percentages ("don't know"), is not.
    """
    sources = {s.id: s for s in fw.evidence_sources}
    kinds: set[str] = set()
    voices = False
    for placed in folder.items:
        item: EvidenceItem = placed.model
        if indicator in item.indicators and item.source in sources:
            source = sources[item.source]
            kinds.add("documents" if source.kind == "document" else "qualitative")
            voices = voices or bool({"children", "families"} & set(source.voices))
    questions = (
        {q.id for q in fw.record_reading.questions if indicator in q.indicators}
        if fw.record_reading
        else set()
    )
    records = sum(
        1
        for r in folder.records
        if any(r.answers.get(q, NOT_APPLICABLE) != NOT_APPLICABLE for q in questions)
    )
    if records:
        kinds.add("records")
    scales = {a.id: {canonical(o) for o in a.not_counted} for a in fw.answer_scales}
    for survey in fw.surveys:
        asked = {q.id for q in survey.questions if indicator in q.indicators}
        skip = scales.get(survey.answer_scale, set())
        if any(
            r.survey == survey.id
            and any(canonical(r.answers[q]) not in skip for q in asked & set(r.answers))
            for r in folder.responses
        ):
            kinds.add("surveys")
            voices = voices or survey.audience in ("children", "parents")
    return _Coverage(kinds, voices, records)


@dataclass(frozen=True)
class Shortfall:
    """Evidence one graded indicator lacks: a diagnostic code, a sentence and a hint."""

    code: str
    message: str
    hint: str = ""


def shortfalls(folder: EvidenceFolder, fw: Framework, indicator: str) -> list[Shortfall]:
    """What one graded indicator's evidence lacks: kinds, children's and families' views,
    records. The same sentences ``validate`` reports, for ``grade`` and the report to show."""
    cov = coverage(folder, fw, indicator)
    if not cov.kinds:
        return [
            Shortfall(
                "IK310",
                f"Graded indicator {indicator} has no evidence at all: "
                "no items, no record answers and no survey answers.",
            )
        ]
    out = []
    if len(cov.kinds) == 1:
        out.append(
            Shortfall(
                "IK401",
                f"Graded indicator {indicator} rests on one kind of "
                f"evidence only ({next(iter(cov.kinds))}).",
                "Triangulate: add record reading, surveys or meetings.",
            )
        )
    if not cov.voices:
        out.append(
            Shortfall(
                "IK402",
                f"Graded indicator {indicator} has no evidence of children's or families' views.",
                "Add evidence from meeting children or families, or their survey answers.",
            )
        )
    minimum = fw.record_reading.minimum_records if fw.record_reading else 0
    if cov.records < minimum:
        out.append(
            Shortfall(
                "IK403",
                f"Only {cov.records} records inform graded indicator "
                f"{indicator}; the framework asks for at least {minimum}.",
            )
        )
    return out


def check_sufficiency(folder: EvidenceFolder, fw: Framework) -> Iterator[Diagnostic]:
    """Whether each graded indicator has enough, and varied, evidence and an evaluation."""
    if folder.manifest_doc is None:
        return
    doc = folder.manifest_doc
    where: Path_ = ("framework",)
    for indicator in fw.graded:
        for short in shortfalls(folder, fw, indicator):
            yield doc.diagnostic(short.code, short.message, where, hint=short.hint)
    if folder.evaluations_doc is not None:
        # Entries that failed validation still name their indicator: no second complaint.
        raw = folder.evaluations_doc.data if isinstance(folder.evaluations_doc.data, list) else []
        evaluated = {
            str(getattr(e.get("indicator"), "text", e.get("indicator")))
            for e in raw
            if isinstance(e, dict)
        }
        for indicator in fw.graded:
            if indicator not in evaluated:
                yield folder.evaluations_doc.diagnostic(
                    "IK404", f"Graded indicator {indicator} has no team evaluation yet.", ()
                )
