"""Paired record reading (contract 1.1): several readings of a record become one answer each.

With a ``reader`` column a record may be read once per reader. A row whose reader is
``moderated`` holds the moderated answers. For each question, the moderated answer is used
where there is one; otherwise readings that agree give the answer, and readings that disagree
give none: the answer is left out of every count and reported as a disagreement until the
team moderates it. Without a reader column every record is read once and nothing changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from inspectkit.diagnostics import Diagnostic
from inspectkit.evidence.tables import AnswerValue, RecordRead

MODERATED = "moderated"


@dataclass(frozen=True)
class Disagreement:
    """Readings of one record that give different answers to one question.

    Attributes:
        record_id: The record.
        question: The question id.
        answers: (reader, answer) of each reading that answered, in the order read.
        moderated: The moderated answer, or None while the disagreement is unmoderated.
        file: Where the first reading is.
        line: Its row.
        column: The question's column there (1-based), 0 when not known.
        unit: What the column counts in that table.
        sheet: The worksheet of the first reading, for a workbook.
    """

    record_id: str
    question: str
    answers: tuple[tuple[str, AnswerValue], ...]
    moderated: AnswerValue | None
    file: str
    line: int
    column: int
    unit: str = "field"
    sheet: str = ""

    def diagnostic(self) -> Diagnostic:
        """IK606 for a disagreement no moderated row settles."""
        given = ", ".join(f"{reader} '{answer}'" for reader, answer in self.answers)
        return Diagnostic(
            "IK606",
            f"Record '{self.record_id}', question '{self.question}': the readings disagree "
            f"({given}) and no moderated row gives the answer, so it is not counted.",
            self.file,
            self.line,
            self.column,
            hint=f"Add a row for '{self.record_id}' with reader '{MODERATED}' holding the "
            "moderated answer.",
            unit=self.unit,
            sheet=self.sheet,
        )


@dataclass(frozen=True)
class Pairing:
    """Readings grouped by record, resolved into one row per record."""

    records: tuple[RecordRead, ...]
    disagreements: tuple[Disagreement, ...]

    @property
    def unmoderated(self) -> tuple[Disagreement, ...]:
        """Disagreements no moderated row settles."""
        return tuple(d for d in self.disagreements if d.moderated is None)


def is_paired(readings: Sequence[RecordRead]) -> bool:
    """Whether any reading names its reader (the table had a reader column)."""
    return any(r.reader for r in readings)


def resolve(readings: Sequence[RecordRead]) -> Pairing:
    """One row per record: moderated answers first, then agreed ones; disagreements listed."""
    if not is_paired(readings):
        return Pairing(tuple(readings), ())
    groups: dict[str, list[RecordRead]] = {}
    for reading in readings:
        groups.setdefault(reading.record_id, []).append(reading)
    rows: list[RecordRead] = []
    found: list[Disagreement] = []
    for group in groups.values():
        row, disagreements = _resolve_one(group)
        rows.append(row)
        found += disagreements
    return Pairing(tuple(rows), tuple(found))


def _resolve_one(group: list[RecordRead]) -> tuple[RecordRead, list[Disagreement]]:
    moderated = next((r for r in group if r.reader == MODERATED), None)
    reads = [r for r in group if r.reader != MODERATED]
    first = reads[0] if reads else group[0]
    questions = dict.fromkeys(q for r in group for q in r.answers)
    answers: dict[str, AnswerValue] = {}
    found = []
    for question in questions:
        given = tuple((r.reader, r.answers[question]) for r in reads if question in r.answers)
        settled = moderated.answers.get(question) if moderated else None
        if len({a for _, a in given}) > 1:
            found.append(
                Disagreement(
                    first.record_id,
                    question,
                    given,
                    settled,
                    first.file,
                    first.line,
                    first.columns.get(question, 0),
                    first.unit,
                    first.sheet,
                )
            )
        if settled is not None:
            answers[question] = settled
        elif given and len({a for _, a in given}) == 1:
            answers[question] = given[0][1]
    base = moderated or first
    row = RecordRead(
        base.record_id,
        base.file,
        base.line,
        answers,
        sheet=base.sheet,
        reader=base.reader,
        columns=base.columns,
        unit=base.unit,
    )
    return row, found


def unmoderated(pairing: Pairing) -> list[Diagnostic]:
    """IK606 for each disagreement still waiting for a moderated answer."""
    return [d.diagnostic() for d in pairing.unmoderated]
