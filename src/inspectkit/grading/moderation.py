"""How far paired readings of records agree, per question and per reader pair.

Percent agreement counts agreeing pairs of readings; Krippendorff's alpha corrects it for
chance at the level of measurement of the question's answers: ordinal for points of the
scale, nominal for yes-no and choice answers. n/a answers take no part. The moderated row is
the team's settled answer, not a reading, so it is left out of agreement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations

from inspectkit.evidence.answers import NOT_APPLICABLE
from inspectkit.evidence.folder import EvidenceFolder
from inspectkit.evidence.pairing import MODERATED, Disagreement, resolve
from inspectkit.evidence.tables import AnswerValue, RecordRead
from inspectkit.framework.models import Framework
from inspectkit.grading.agreement import krippendorff_alpha

#: The level of measurement of each answer type of the record-reading template.
LEVEL = {"scale": "ordinal", "yes-no": "nominal", "choice": "nominal"}


@dataclass(frozen=True)
class Agreement:
    """Agreement over some pairs of readings.

    Attributes:
        key: The question id, or the reader pair as "a + b".
        level: ordinal or nominal (a reader pair: the level of each alpha given).
        records: Records with two or more readings that answered.
        pairs: Pairs of readings compared.
        agreeing: Pairs that gave the same answer.
        alpha: Krippendorff's alpha (None where undefined); a pair's alpha by level.
    """

    key: str
    level: str
    records: int
    pairs: int
    agreeing: int
    alpha: dict[str, Decimal | None]

    @property
    def percent(self) -> Decimal | None:
        """Percent agreement."""
        return Decimal(self.agreeing) * 100 / self.pairs if self.pairs else None


@dataclass(frozen=True)
class Moderation:
    """Agreement between paired readings, every disagreement, and what is unmoderated."""

    questions: tuple[Agreement, ...]
    pairs: tuple[Agreement, ...]
    disagreements: tuple[Disagreement, ...]
    readings: int
    records: int
    moderated_records: int

    @property
    def unmoderated(self) -> tuple[Disagreement, ...]:
        """Disagreements no moderated row settles."""
        return tuple(d for d in self.disagreements if d.moderated is None)


Units = dict[str, list[tuple[str, AnswerValue]]]  # record -> (reader, answer)


def _units(readings: Sequence[RecordRead], question: str) -> Units:
    units: Units = {}
    for r in readings:
        answer = r.answers.get(question, NOT_APPLICABLE)
        if r.reader != MODERATED and answer != NOT_APPLICABLE:
            units.setdefault(r.record_id, []).append((r.reader, answer))
    return {k: v for k, v in units.items() if len(v) >= 2}


def _agreement(key: str, by_level: dict[str, list[Units]]) -> Agreement:
    pairs = agreeing = 0
    records: set[str] = set()
    alpha: dict[str, Decimal | None] = {}
    for level, groups in by_level.items():
        values = []
        for units in groups:
            for record, given in units.items():
                records.add(record)
                answers = [a for _, a in given]
                values.append(answers)
                for a, b in combinations(answers, 2):
                    pairs, agreeing = pairs + 1, agreeing + (a == b)
        alpha[level] = krippendorff_alpha(values, level) if values else None
    return Agreement(key, "/".join(sorted(by_level)), len(records), pairs, agreeing, alpha)


def moderation(folder: EvidenceFolder, fw: Framework) -> Moderation | None:
    """Agreement of the folder's paired readings; None when its records were read once."""
    readings = folder.readings
    if not readings or fw.record_reading is None:
        return None
    per_question = []
    per_pair: dict[tuple[str, str], dict[str, list[Units]]] = {}
    for question in fw.record_reading.questions:
        level = LEVEL[question.answer]
        units = _units(readings, question.id)
        if units:
            per_question.append(_agreement(question.id, {level: [units]}))
        for record, given in units.items():
            for (ra, a), (rb, b) in combinations(sorted(given, key=lambda g: g[0]), 2):
                pair_units = per_pair.setdefault((ra, rb), {}).setdefault(level, [])
                pair_units.append({record: [(ra, a), (rb, b)]})
    pairs = [_agreement(f"{a} + {b}", levels) for (a, b), levels in sorted(per_pair.items())]
    return Moderation(
        tuple(per_question),
        tuple(pairs),
        resolve(readings).disagreements,
        len(readings),
        len({r.record_id for r in readings}),
        len({r.record_id for r in readings if r.reader == MODERATED}),
    )
