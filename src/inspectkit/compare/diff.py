"""What changed between two snapshots: grades, evidence, evaluations and strand figures.

:func:`build_diff` is a pure function of two snapshots. Indicators are matched by id, in the
old snapshot's order, then the new one's. Evidence is compared on the whole folders when both
sides are folders; when either is a grade file, on what a grade file holds, for both sides
alike, so that a folder is never said to have gained items a grade file cannot list.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from inspectkit.compare.model import Final, GradeDoc, IndicatorRow
from inspectkit.compare.snapshot import Inventory, Snapshot, inventory_from_grades

#: Strand figures that moved by less than this many percentage points are not listed.
STRAND_THRESHOLD = Decimal("0.5")
STRANDS = ("records", "surveys", "qualitative")

Basis = Literal["folders", "grades"]
EvaluationKind = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class GradeValue:
    """A grade as recorded: its number (None when there is none) and its label."""

    grade: int | None
    label: str


@dataclass(frozen=True)
class Movement:
    """A grade before and after; a side is None where the indicator is not graded there."""

    old: GradeValue | None
    new: GradeValue | None

    @property
    def change(self) -> int | None:
        """New minus old, when both sides have a grade."""
        if self.old is None or self.new is None:
            return None
        if self.old.grade is None or self.new.grade is None:
            return None
        return self.new.grade - self.old.grade


@dataclass(frozen=True)
class IndicatorMovement:
    """One indicator's proposed and final grades, before and after."""

    indicator: str
    title: str
    proposed: Movement
    final: Movement


@dataclass(frozen=True)
class CountChange:
    """A count before and after (None where that side does not know it)."""

    name: str
    old: int | None
    new: int | None

    @property
    def change(self) -> int | None:
        """New minus old, when both are known."""
        return None if self.old is None or self.new is None else self.new - self.old


@dataclass(frozen=True)
class EvidenceChange:
    """Evidence items added and removed, records read and survey respondents."""

    basis: Basis
    added: tuple[str, ...]
    removed: tuple[str, ...]
    records: CountChange
    respondents: tuple[CountChange, ...]


@dataclass(frozen=True)
class EvaluationChange:
    """A team evaluation that was added, removed, or changed its grade or rationale."""

    indicator: str
    kind: EvaluationKind
    grade: Movement
    rationale_changed: bool


@dataclass(frozen=True)
class StrandMove:
    """A strand score (a percentage) that moved by at least the threshold."""

    indicator: str
    strand: str
    old: Decimal | None
    new: Decimal | None

    @property
    def change(self) -> Decimal | None:
        """New minus old, in percentage points, when both are known."""
        return None if self.old is None or self.new is None else self.new - self.old


@dataclass(frozen=True)
class Side:
    """Where a snapshot came from and what it is about."""

    source: str
    kind: str
    framework: str
    partnership: str


@dataclass(frozen=True)
class Diff:
    """Everything that changed from one snapshot to another."""

    old: Side
    new: Side
    grades: tuple[IndicatorMovement, ...]
    evidence: EvidenceChange
    evaluations: tuple[EvaluationChange, ...]
    strands: tuple[StrandMove, ...]
    threshold: Decimal

    @property
    def final_drops(self) -> tuple[IndicatorMovement, ...]:
        """Indicators whose final grade went down."""
        return tuple(g for g in self.grades if (g.final.change or 0) < 0)


def build_diff(old: Snapshot, new: Snapshot, threshold: Decimal = STRAND_THRESHOLD) -> Diff:
    """What changed from ``old`` to ``new``.

    Args:
        old: The earlier snapshot (last year's self-evaluation, the draft before moderation).
        new: The later one.
        threshold: Strand figures that moved by fewer percentage points are left out.
    """
    before, after = old.doc, new.doc
    rows_old = {r.indicator: r for r in before.indicators}
    rows_new = {r.indicator: r for r in after.indicators}
    ids = list(dict.fromkeys([*rows_old, *rows_new]))
    pairs = [(i, rows_old.get(i), rows_new.get(i)) for i in ids]
    return Diff(
        _side(old, before),
        _side(new, after),
        tuple(_movement(i, a, b) for i, a, b in pairs),
        _evidence(old, new),
        tuple(c for i, a, b in pairs if (c := _evaluation(i, a, b)) is not None),
        tuple(m for i, a, b in pairs for m in _strands(i, a, b, threshold)),
        threshold,
    )


def _side(snapshot: Snapshot, doc: GradeDoc) -> Side:
    return Side(snapshot.source, snapshot.kind, doc.framework, doc.partnership)


def _final(row: IndicatorRow | None) -> GradeValue | None:
    if row is None:
        return None
    return (
        GradeValue(None, "") if row.final is None else GradeValue(row.final.grade, row.final.label)
    )


def _movement(
    indicator: str, old: IndicatorRow | None, new: IndicatorRow | None
) -> IndicatorMovement:
    row = new or old
    title = row.title if row is not None else ""
    return IndicatorMovement(
        indicator,
        title,
        Movement(
            GradeValue(old.proposed.grade, old.proposed.label) if old else None,
            GradeValue(new.proposed.grade, new.proposed.label) if new else None,
        ),
        Movement(_final(old), _final(new)),
    )


def _evidence(old: Snapshot, new: Snapshot) -> EvidenceChange:
    complete = old.inventory.complete and new.inventory.complete
    a: Inventory = old.inventory if complete else inventory_from_grades(old.doc)
    b: Inventory = new.inventory if complete else inventory_from_grades(new.doc)
    before, after = dict(a.respondents), dict(b.respondents)
    surveys = list(dict.fromkeys([*before, *after]))
    had, has = set(a.items), set(b.items)
    return EvidenceChange(
        "folders" if complete else "grades",
        tuple(i for i in b.items if i not in had),
        tuple(i for i in a.items if i not in has),
        CountChange("records", a.records, b.records),
        tuple(CountChange(s, before.get(s), after.get(s)) for s in surveys),
    )


def _evaluation(
    indicator: str, old: IndicatorRow | None, new: IndicatorRow | None
) -> EvaluationChange | None:
    a: Final | None = old.final if old else None
    b: Final | None = new.final if new else None
    if a is None and b is None:
        return None
    grade = Movement(
        GradeValue(a.grade, a.label) if a else None, GradeValue(b.grade, b.label) if b else None
    )
    if a is None or b is None:
        return EvaluationChange(indicator, "added" if a is None else "removed", grade, True)
    rationale_changed = a.rationale.strip() != b.rationale.strip()
    if a.grade == b.grade and not rationale_changed:
        return None
    return EvaluationChange(indicator, "changed", grade, rationale_changed)


def _strands(
    indicator: str, old: IndicatorRow | None, new: IndicatorRow | None, threshold: Decimal
) -> list[StrandMove]:
    if old is None or new is None:
        return []
    before = {s.name: _percent(s.score) for s in old.explanation.strands}
    after = {s.name: _percent(s.score) for s in new.explanation.strands}
    moves = []
    for name in [*STRANDS, *sorted((before.keys() | after.keys()) - set(STRANDS))]:
        a, b = before.get(name), after.get(name)
        if a is None and b is None:
            continue
        if a is None or b is None or abs(b - a) >= threshold:
            moves.append(StrandMove(indicator, name, a, b))
    return moves


def _percent(score: float | None) -> Decimal | None:
    """A score from grade data (a float rounded to 0.1) as an exact decimal."""
    return None if score is None else Decimal(str(score))
