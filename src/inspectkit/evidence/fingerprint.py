"""Fingerprints of the evidence behind an evaluation, and what changed since moderation.

An evaluation locked with ``inspectkit evaluate --lock`` keeps, under ``moderated_on``, a hash
of each piece of evidence behind its indicator: each evidence item on it, each record's
readings of its questions, each survey's answers to its questions. ``validate`` hashes the
evidence again and warns (IK607) for each piece added, changed or removed since the date of
moderation, placed at the piece itself (or at the lock, for what was removed).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from inspectkit.diagnostics import Diagnostic
from inspectkit.evidence.folder import EvidenceFolder, Placed
from inspectkit.evidence.models import Evaluation
from inspectkit.framework.models import Framework

HASH_LENGTH = 16  # hex digits kept per piece: enough to tell edits apart, short to read


def _hash(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


@dataclass(frozen=True)
class Piece:
    """One piece of evidence: its kind, id, hash and place."""

    kind: str  # item | record | survey
    id: str
    hash: str
    file: str
    line: int = 0
    column: int = 0


@dataclass(frozen=True)
class Evidence:
    """The hashed evidence behind one indicator."""

    items: dict[str, Piece] = field(default_factory=dict)
    records: dict[str, Piece] = field(default_factory=dict)
    surveys: dict[str, Piece] = field(default_factory=dict)

    def hashes(self) -> dict[str, dict[str, str]]:
        """id -> hash, by kind, as ``moderated_on`` keeps them."""
        return {
            kind: {k: p.hash for k, p in sorted(pieces.items())}
            for kind, pieces in (
                ("items", self.items),
                ("records", self.records),
                ("surveys", self.surveys),
            )
        }

    @property
    def fingerprint(self) -> str:
        """One hash of every piece."""
        text = json.dumps(self.hashes(), sort_keys=True)
        return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def _items(folder: EvidenceFolder, indicator: str) -> dict[str, Piece]:
    out = {}
    for placed in folder.items:
        if indicator in placed.model.indicators:
            line, column = placed.doc.place(placed.path)
            data = placed.model.model_dump(mode="json")
            out[placed.model.id] = Piece(
                "item", placed.model.id, _hash(data), placed.doc.display, line, column
            )
    return out


def evidence_for(folder: EvidenceFolder, fw: Framework, indicator: str) -> Evidence:
    """The pieces of evidence behind ``indicator``, each hashed, with its place."""
    asked = (
        [q.id for q in fw.record_reading.questions if indicator in q.indicators]
        if fw.record_reading
        else []
    )
    records: dict[str, list[Any]] = {}
    first: dict[str, Any] = {}
    for r in folder.readings or folder.records:
        answers = {q: str(r.answers[q]) for q in asked if q in r.answers}
        if answers:
            records.setdefault(r.record_id, []).append([r.reader, answers])
            first.setdefault(r.record_id, r)
    surveys: dict[str, Piece] = {}
    for survey in fw.surveys:
        wanted = [q.id for q in survey.questions if indicator in q.indicators]
        rows = [
            [r.respondent_id, {q: r.answers[q] for q in wanted if q in r.answers}]
            for r in folder.responses
            if r.survey == survey.id
        ]
        if wanted and rows:
            where = folder.survey_files.get(survey.id, "")
            surveys[survey.id] = Piece("survey", survey.id, _hash(rows), where)
    return Evidence(
        _items(folder, indicator),
        {
            k: Piece("record", k, _hash(v), first[k].file, first[k].line, 1)
            for k, v in records.items()
        },
        surveys,
    )


def check_locks(folder: EvidenceFolder, fw: Framework) -> Iterator[Diagnostic]:
    """IK607 for each piece of evidence that changed since a locked evaluation's moderation."""
    for placed in folder.evaluations:
        evaluation: Evaluation = placed.model
        if evaluation.moderated_on is not None:
            yield from _changes(placed, evidence_for(folder, fw, evaluation.indicator))


def _changes(placed: Placed, now: Evidence) -> Iterator[Diagnostic]:
    lock = placed.model.moderated_on
    if lock.fingerprint == now.fingerprint:
        return
    since = f"since the evaluation of {placed.model.indicator} was moderated on {lock.date}"
    hint = "Review the evaluation, then run 'inspectkit evaluate --lock' again."
    kept = {"item": lock.items, "record": lock.records, "survey": lock.surveys}
    current = {"item": now.items, "record": now.records, "survey": now.surveys}
    for kind, pieces in current.items():
        for key, piece in sorted(pieces.items()):
            was = kept[kind].get(key)
            if was == piece.hash:
                continue
            what = (
                "was added" if was is None else ("was re-read" if kind == "record" else "changed")
            )
            yield Diagnostic(
                "IK607",
                f"{kind.capitalize()} '{key}' {what} {since}.",
                piece.file,
                piece.line,
                piece.column,
                hint=hint,
                unit="field" if kind == "record" else "character",
            )
        for key in sorted(set(kept[kind]) - set(pieces)):
            yield placed.doc.diagnostic(
                "IK607",
                f"{kind.capitalize()} '{key}' was removed {since}.",
                (*placed.path, "moderated_on"),
                key=True,
                hint=hint,
            )
