"""A snapshot: what one side of a diff holds, whether it came from a folder or a grade file.

A snapshot is the grade data (the ``schema_version`` 1 dict of
:func:`inspectkit.output.grades.to_data`) and an evidence inventory. A folder gives the whole
inventory; a grade file gives only what it holds (:func:`inventory_from_grades`): the items
weighed for graded indicators, the records read for them and the survey respondents.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from inspectkit.compare.model import GradeDoc, parse_grades
from inspectkit.evidence.folder import EvidenceFolder
from inspectkit.textsafe import natural_key

Kind = Literal["folder", "grades"]


@dataclass(frozen=True)
class Inventory:
    """The evidence of one side.

    Attributes:
        items: Evidence item ids, in natural order.
        records: Records read (for a grade file: the most read for any graded indicator).
        respondents: ``(survey id, respondents)`` per survey, by survey id.
        complete: True for a whole folder; False when only a grade file's part is known.
    """

    items: tuple[str, ...]
    records: int | None
    respondents: tuple[tuple[str, int], ...]
    complete: bool


@dataclass(frozen=True)
class Snapshot:
    """One side of a diff.

    Attributes:
        source: The path as shown to users.
        kind: ``folder`` (an evidence folder) or ``grades`` (a saved grade file).
        grades: The grade data, ``schema_version`` 1.
        inventory: The evidence inventory.
    """

    source: str
    kind: Kind
    grades: dict[str, Any]
    inventory: Inventory

    @property
    def doc(self) -> GradeDoc:
        """The grade data as a validated document."""
        return parse_grades(self.grades)


def folder_inventory(folder: EvidenceFolder) -> Inventory:
    """Everything a loaded evidence folder holds."""
    surveys = sorted({*folder.survey_files, *(r.survey for r in folder.responses)})
    return Inventory(
        tuple(sorted({p.model.id for p in folder.items}, key=natural_key)),
        len(folder.records),
        tuple((s, sum(1 for r in folder.responses if r.survey == s)) for s in surveys),
        complete=True,
    )


def inventory_from_grades(doc: GradeDoc) -> Inventory:
    """The part of the inventory a grade file holds.

    Items are those weighed as strengths or areas for improvement for a graded indicator;
    records are the most read for any graded indicator; respondents are per survey that
    informs a graded indicator.
    """
    items: set[str] = set()
    respondents: dict[str, int] = {}
    for row in doc.indicators:
        found = row.explanation.qualitative
        items.update(i.id for i in (*found.strengths, *found.areas_for_improvement))
        for audience in row.explanation.surveys.audiences:
            respondents[audience.survey] = max(
                respondents.get(audience.survey, 0), audience.respondents
            )
    records = max((row.explanation.records.records for row in doc.indicators), default=None)
    return Inventory(
        tuple(sorted(items, key=natural_key)),
        records,
        tuple(sorted(respondents.items())),
        complete=False,
    )
