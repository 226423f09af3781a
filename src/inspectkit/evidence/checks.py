"""Checks of an evidence folder against its framework: references, ids, dates, sufficiency.

References are checked on every entry, including those whose model failed for another
field (read field by field, see :mod:`inspectkit.evidence.salvage`), so that one run
reports every problem.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from inspectkit.diagnostics import Diagnostic
from inspectkit.evidence.folder import EvidenceFolder
from inspectkit.evidence.models import Evaluation, EvidenceItem, Period
from inspectkit.evidence.salvage import raw_date, raw_grade, raw_id, raw_ids, raw_independent
from inspectkit.evidence.sufficiency import check_sufficiency
from inspectkit.framework.models import Framework
from inspectkit.suggest import did_you_mean
from inspectkit.yamlread import Path_, YamlDocument


def check_folder(folder: EvidenceFolder, fw: Framework) -> list[Diagnostic]:
    """Every reference, duplicate, date and sufficiency problem of a loaded folder."""
    out: list[Diagnostic] = []
    out += _check_items(folder, fw)
    out += _check_evaluations(folder, fw)
    out += check_sufficiency(folder, fw)
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


_ITEM_LISTS = ("indicators", "lines_of_enquiry", "themes")


@dataclass(frozen=True)
class _ItemRefs:
    """What an evidence item refers to; None where a field is missing or itself wrong."""

    doc: YamlDocument
    path: Path_
    source: str | None
    lists: dict[str, Sequence[str | None]]
    date: dt.date | None


def _item_refs(folder: EvidenceFolder) -> Iterator[_ItemRefs]:
    for placed in folder.items:
        item: EvidenceItem = placed.model
        lists = {name: getattr(item, name) for name in _ITEM_LISTS}
        yield _ItemRefs(placed.doc, placed.path, item.source, lists, item.date)
    for entry in folder.rejected_items:
        data = entry.data
        lists = {name: raw_ids(data.get(name)) for name in _ITEM_LISTS}
        source, date = raw_id(data.get("source")), raw_date(data.get("date"))
        yield _ItemRefs(entry.doc, entry.path, source, lists, date)


def _check_items(folder: EvidenceFolder, fw: Framework) -> Iterator[Diagnostic]:
    yield from _duplicate_items(folder)
    # Ordered (dicts, not sets) so that suggestions are the same on every run.
    sources = dict.fromkeys(s.id for s in fw.evidence_sources)
    known = {
        "indicators": ("IK301", "indicator", dict.fromkeys(i.id for i in fw.indicators)),
        "lines_of_enquiry": (
            "IK303",
            fw.enquiry_term,
            dict.fromkeys(loe.id for loe in fw.lines_of_enquiry),
        ),
        "themes": ("IK304", "theme", dict.fromkeys(t.id for t in fw.themes)),
    }
    period = _period(folder)
    for refs in _item_refs(folder):
        doc, path = refs.doc, refs.path
        if refs.source is not None and refs.source not in sources:
            yield _unknown(doc, (*path, "source"), "IK302", "evidence source", refs.source, sources)
        for name, (code, what, ids) in known.items():
            for j, value in enumerate(refs.lists[name]):
                if value is not None and value not in ids:
                    yield _unknown(doc, (*path, name, j), code, what, value, ids)
        if refs.date and period and not period.start <= refs.date <= period.end:
            yield doc.diagnostic(
                "IK213",
                f"The date {refs.date} is outside the inspection "
                f"period ({period.start} to {period.end}).",
                (*path, "date"),
            )


_Named = tuple[YamlDocument, Path_, str | None]


def _in_order(named: list[_Named], files: Sequence[str]) -> list[_Named]:
    """Entries in the order they were read: by file, then by place in the file."""
    rank = {name: n for n, name in enumerate(files)}
    return sorted(named, key=lambda e: (rank.get(e[0].display, len(rank)), e[0].display, e[1]))


def _duplicate_items(folder: EvidenceFolder) -> Iterator[Diagnostic]:
    named: list[_Named] = [(p.doc, p.path, p.model.id) for p in folder.items]
    named += [(r.doc, r.path, raw_id(r.data.get("id"))) for r in folder.rejected_items]
    first: dict[str, _Named] = {}
    for doc, path, ident in _in_order(named, folder.evidence_files):
        if ident is None:
            continue
        if ident in first:
            seen_doc, seen_path, _ = first[ident]
            yield doc.diagnostic(
                "IK205",
                f"The evidence id '{ident}' is already used at "
                f"{seen_doc.display}:{seen_doc.place((*seen_path, 'id'))[0]}.",
                (*path, "id"),
                hint="Give each item its own id.",
            )
        else:
            first[ident] = (doc, path, ident)


def _period(folder: EvidenceFolder) -> Period | None:
    """The inspection period, unless it is missing or itself wrong (reported elsewhere)."""
    period = folder.manifest.period if folder.manifest else None
    return period if period and period.start <= period.end else None


def _scale_value(fw: Framework, grade: int | str) -> int | None:
    assert fw.scale is not None
    return fw.scale.value_of(grade)


@dataclass(frozen=True)
class _EvaluationRefs:
    """What an evaluation refers to; None where a field is missing or itself wrong."""

    doc: YamlDocument
    path: Path_
    indicator: str | None
    grade: int | str | None
    independent: Sequence[int | str | None]
    decided: dt.date | None


def _evaluation_refs(folder: EvidenceFolder) -> Iterator[_EvaluationRefs]:
    for placed in folder.evaluations:
        ev: Evaluation = placed.model
        independent = [g.grade for g in ev.independent]
        yield _EvaluationRefs(
            placed.doc, placed.path, ev.indicator, ev.grade, independent, ev.decided
        )
    for entry in folder.rejected_evaluations:
        data = entry.data
        yield _EvaluationRefs(
            entry.doc,
            entry.path,
            raw_id(data.get("indicator")),
            raw_grade(data.get("grade")),
            raw_independent(data.get("independent")),
            raw_date(data.get("decided")),
        )


def _check_evaluations(folder: EvidenceFolder, fw: Framework) -> Iterator[Diagnostic]:
    yield from _duplicate_evaluations(folder)
    indicators = dict.fromkeys(i.id for i in fw.indicators)
    period = _period(folder)
    for refs in _evaluation_refs(folder):
        doc, path = refs.doc, refs.path
        if refs.indicator is not None and refs.indicator not in indicators:
            yield _unknown(
                doc, (*path, "indicator"), "IK301", "indicator", refs.indicator, indicators
            )
        elif refs.indicator is not None and refs.indicator not in fw.graded:
            yield doc.diagnostic(
                "IK309",
                f"Indicator {refs.indicator} is not graded in this "
                f"programme (graded: {', '.join(fw.graded) or 'none'}).",
                (*path, "indicator"),
            )
        grades = [((*path, "grade"), refs.grade)]
        grades += [((*path, "independent", k, "grade"), g) for k, g in enumerate(refs.independent)]
        for where, grade in grades:
            if grade is not None and _scale_value(fw, grade) is None:
                yield _off_scale(doc, where, grade, fw)
        if refs.decided and period and refs.decided < period.start:
            yield doc.diagnostic(
                "IK207",
                f"The evaluation is dated {refs.decided}, before the "
                f"inspection period starts ({period.start}).",
                (*path, "decided"),
            )


def _off_scale(doc: YamlDocument, where: Path_, grade: int | str, fw: Framework) -> Diagnostic:
    """IK308, with a did-you-mean for a misspelt label ("very gud": 'Very good')."""
    assert fw.scale is not None
    word = str(grade).strip()
    # A label that only adds letters in front of the word ("un" + "satisfactory") usually
    # means its opposite: never suggest it.
    labels = [p.label for p in fw.scale.points if not p.label.casefold().endswith(word.casefold())]
    listed = ", ".join(f"{p.value} ({p.label})" for p in fw.scale.points)
    close = did_you_mean(word, labels, fold_case=True)
    return doc.diagnostic(
        "IK308",
        f"'{grade}' is not a point of the scale.",
        where,
        hint=f"{close} Use one of {listed}." if close else f"Use one of {listed}.",
    )


def _duplicate_evaluations(folder: EvidenceFolder) -> Iterator[Diagnostic]:
    named: list[_Named] = [(p.doc, p.path, p.model.indicator) for p in folder.evaluations]
    named += [(r.doc, r.path, raw_id(r.data.get("indicator"))) for r in folder.rejected_evaluations]
    first: dict[str, _Named] = {}
    for doc, path, indicator in _in_order(named, ()):
        if indicator is None:
            continue
        if indicator in first:
            seen_doc, seen_path, _ = first[indicator]
            line = seen_doc.place((*seen_path, "indicator"))[0]
            yield doc.diagnostic(
                "IK212",
                f"Indicator {indicator} is already evaluated at "
                f"line {line}; keep one evaluation per indicator.",
                (*path, "indicator"),
            )
        else:
            first[indicator] = (doc, path, indicator)
