"""Evidence sufficiency: whether each graded indicator has enough, and varied, evidence."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from inspectkit.diagnostics import Diagnostic
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
    are among them, and how many records answer its questions."""
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
    records = sum(1 for r in folder.records if questions & set(r.answers))
    if records:
        kinds.add("records")
    for survey in fw.surveys:
        asked = {q.id for q in survey.questions if indicator in q.indicators}
        if any(r.survey == survey.id and asked & set(r.answers) for r in folder.responses):
            kinds.add("surveys")
            voices = voices or survey.audience in ("children", "parents")
    return _Coverage(kinds, voices, records)


def check_sufficiency(folder: EvidenceFolder, fw: Framework) -> Iterator[Diagnostic]:
    """Whether each graded indicator has enough, and varied, evidence and an evaluation."""
    if folder.manifest_doc is None:
        return
    doc = folder.manifest_doc
    for indicator in fw.graded:
        cov = coverage(folder, fw, indicator)
        where: Path_ = ("framework",)
        if not cov.kinds:
            yield doc.diagnostic(
                "IK310",
                f"Graded indicator {indicator} has no evidence at all: "
                "no items, no record answers and no survey answers.",
                where,
            )
            continue
        if len(cov.kinds) == 1:
            yield doc.diagnostic(
                "IK401",
                f"Graded indicator {indicator} rests on one kind of "
                f"evidence only ({next(iter(cov.kinds))}).",
                where,
                hint="Triangulate: add record reading, surveys or meetings.",
            )
        if not cov.voices:
            yield doc.diagnostic(
                "IK402",
                f"Graded indicator {indicator} has no evidence of children's or families' views.",
                where,
                hint="Add evidence from meeting children or families, or their survey answers.",
            )
        minimum = fw.record_reading.minimum_records if fw.record_reading else 0
        if cov.records < minimum:
            yield doc.diagnostic(
                "IK403",
                f"Only {cov.records} records inform graded indicator "
                f"{indicator}; the framework asks for at least {minimum}.",
                where,
            )
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
