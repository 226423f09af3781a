"""Checks of an evidence folder against its framework: references, ids, dates, sufficiency."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from inspectkit.diagnostics import Diagnostic
from inspectkit.evidence.folder import EvidenceFolder, Placed
from inspectkit.evidence.models import Evaluation, EvidenceItem, Period
from inspectkit.framework.models import Framework
from inspectkit.suggest import did_you_mean
from inspectkit.yamlread import Path_, YamlDocument


def check_folder(folder: EvidenceFolder, fw: Framework) -> list[Diagnostic]:
    """Every reference, duplicate, date and sufficiency problem of a loaded folder."""
    out: list[Diagnostic] = []
    out += _check_items(folder, fw)
    out += _check_evaluations(folder, fw)
    out += _check_sufficiency(folder, fw)
    return out


def _unknown(
    doc: YamlDocument, path: Path_, code: str, what: str, value: str, known: Iterable[str]
) -> Diagnostic:
    return doc.diagnostic(
        code,
        f"Unknown {what} '{value}': the framework does not define it.",
        path,
        hint=did_you_mean(value, known),
    )


def _check_items(folder: EvidenceFolder, fw: Framework) -> Iterator[Diagnostic]:
    # Ordered (dicts, not sets) so that suggestions are the same on every run.
    sources = dict.fromkeys(s.id for s in fw.evidence_sources)
    indicators = dict.fromkeys(i.id for i in fw.indicators)
    lines = dict.fromkeys(loe.id for loe in fw.lines_of_enquiry)
    themes = dict.fromkeys(t.id for t in fw.themes)
    period = _period(folder)
    first: dict[str, Placed] = {}
    for placed in folder.items:
        item: EvidenceItem = placed.model
        doc, path = placed.doc, placed.path
        if item.id in first:
            seen = first[item.id]
            yield doc.diagnostic(
                "IK205",
                f"The evidence id '{item.id}' is already used at "
                f"{seen.doc.display}:{seen.doc.place((*seen.path, 'id'))[0]}.",
                (*path, "id"),
                hint="Give each item its own id.",
            )
        else:
            first[item.id] = placed
        if item.source not in sources:
            yield _unknown(doc, (*path, "source"), "IK302", "evidence source", item.source, sources)
        for field, code, what, known in (
            ("indicators", "IK301", "indicator", indicators),
            ("lines_of_enquiry", "IK303", fw.enquiry_term, lines),
            ("themes", "IK304", "theme", themes),
        ):
            for j, value in enumerate(getattr(item, field)):
                if value not in known:
                    yield _unknown(doc, (*path, field, j), code, what, value, known)
        if item.date and period and not period.start <= item.date <= period.end:
            yield doc.diagnostic(
                "IK213",
                f"The date {item.date} is outside the inspection "
                f"period ({period.start} to {period.end}).",
                (*path, "date"),
            )


def _period(folder: EvidenceFolder) -> Period | None:
    """The inspection period, unless it is missing or itself wrong (reported elsewhere)."""
    period = folder.manifest.period if folder.manifest else None
    return period if period and period.start <= period.end else None


def _scale_value(fw: Framework, grade: int | str) -> int | None:
    assert fw.scale is not None
    return fw.scale.value_of(grade)


def _check_evaluations(folder: EvidenceFolder, fw: Framework) -> Iterator[Diagnostic]:
    indicators = dict.fromkeys(i.id for i in fw.indicators)
    first: dict[str, Placed] = {}
    period = _period(folder)
    for placed in folder.evaluations:
        ev: Evaluation = placed.model
        doc, path = placed.doc, placed.path
        if ev.indicator not in indicators:
            yield _unknown(
                doc, (*path, "indicator"), "IK301", "indicator", ev.indicator, indicators
            )
        elif ev.indicator not in fw.graded:
            yield doc.diagnostic(
                "IK309",
                f"Indicator {ev.indicator} is not graded in this "
                f"programme (graded: {', '.join(fw.graded) or 'none'}).",
                (*path, "indicator"),
            )
        if ev.indicator in first:
            line = first[ev.indicator].doc.place((*first[ev.indicator].path, "indicator"))[0]
            yield doc.diagnostic(
                "IK212",
                f"Indicator {ev.indicator} is already evaluated at "
                f"line {line}; keep one evaluation per indicator.",
                (*path, "indicator"),
            )
        first.setdefault(ev.indicator, placed)
        grades = [((*path, "grade"), ev.grade)] if ev.grade is not None else []
        grades += [
            ((*path, "independent", k, "grade"), g.grade) for k, g in enumerate(ev.independent)
        ]
        for where, grade in grades:
            if _scale_value(fw, grade) is None:
                assert fw.scale is not None
                labels = ", ".join(f"{p.value} ({p.label})" for p in fw.scale.points)
                yield doc.diagnostic(
                    "IK308",
                    f"'{grade}' is not a point of the scale.",
                    where,
                    hint=f"Use one of {labels}.",
                )
        if ev.decided and period and ev.decided < period.start:
            yield doc.diagnostic(
                "IK207",
                f"The evaluation is dated {ev.decided}, before the "
                f"inspection period starts ({period.start}).",
                (*path, "decided"),
            )


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


def _check_sufficiency(folder: EvidenceFolder, fw: Framework) -> Iterator[Diagnostic]:
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
