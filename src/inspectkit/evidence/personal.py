"""Scan a loaded evidence folder for personal data: every string, with its place."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from pydantic import BaseModel

from inspectkit.diagnostics import Diagnostic, Severity
from inspectkit.evidence.folder import EvidenceFolder, Placed
from inspectkit.evidence.tables import RecordRead, SurveyResponse
from inspectkit.privacy import redact, scan_text
from inspectkit.yamlread import Path_, YamlDocument


def scan_folder(
    folder: EvidenceFolder, names: Sequence[re.Pattern[str]] = (), *, strict: bool = False
) -> list[Diagnostic]:
    """A diagnostic for each possible identifier in the folder's text and CSV ids.

    Warnings by default; errors when ``strict``.
    """
    severity = Severity.ERROR if strict else Severity.WARNING
    docs = {id(d): d for d in _documents(folder)}
    out = [d for doc in docs.values() for d in _scan_doc(doc, names, severity)]
    for placed in folder.items:
        if (
            placed.model.detail
            and placed.doc.display.endswith(".md")
            and scan_text(placed.model.detail, names)
        ):
            out += _hits(
                placed.model.detail,
                "the notes",
                placed.doc.display,
                placed.doc.place(placed.path),
                names,
                severity,
            )
    rows: list[RecordRead | SurveyResponse] = [*folder.records, *folder.responses]
    for row in rows:
        ident = row.record_id if isinstance(row, RecordRead) else row.respondent_id
        out += _hits(ident, "an id", row.file, (row.line, 1), names, severity)
        for column, text in row.notes.items():
            out += _hits(text, f"'{column}'", row.file, (row.line, 1), names, severity)
    return out


def _documents(folder: EvidenceFolder) -> Iterator[YamlDocument]:
    if folder.manifest_doc is not None:
        yield folder.manifest_doc
    if folder.evaluations_doc is not None:
        yield folder.evaluations_doc
    for placed in folder.items:
        yield placed.doc


# Fields whose values are checked against the framework or a fixed set of words: a valid
# value cannot hold personal data, and an invalid one is already an error.
_CHECKED_FIELDS = frozenset(
    {
        "source",
        "indicators",
        "lines_of_enquiry",
        "themes",
        "finding",
        "significance",
        "date",
        "decided",
        "framework",
        "status",
        "grade",
        "indicator",
        "report_date",
    }
)


def _strings(data: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in _CHECKED_FIELDS:
                yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))


def _scan_doc(
    doc: YamlDocument, names: Sequence[re.Pattern[str]], severity: Severity
) -> Iterator[Diagnostic]:
    for path, text in _strings(doc.data):
        field = str(next((p for p in reversed(path) if isinstance(p, str)), "the file"))
        if scan_text(text, names):  # places are looked up only for hits
            yield from _hits(text, f"'{field}'", doc.display, doc.place(path), names, severity)


def _hits(
    text: str,
    where: str,
    file: str,
    place: tuple[int, int],
    names: Sequence[re.Pattern[str]],
    severity: Severity,
) -> Iterator[Diagnostic]:
    for hit in scan_text(text, names):
        line, column = place
        if "\n" not in text[: hit.start] and not file.lower().endswith(".csv"):
            column += hit.start  # in a CSV file the column is the field number
        yield Diagnostic(
            hit.code,
            f"Possible {hit.kind} ({hit.masked}) in {where}: evidence must not identify a person.",
            file,
            line,
            column,
            severity,
            "Remove or anonymise it; reports refuse to include it.",
        )


def _redact_model(model: Any, names: Sequence[re.Pattern[str]]) -> Any:
    update: dict[str, Any] = {}
    for field_name in type(model).model_fields:
        value = getattr(model, field_name)
        if isinstance(value, str) and field_name not in _CHECKED_FIELDS:
            cleaned = redact(value, names)
            if cleaned != value:
                update[field_name] = cleaned
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            update[field_name] = [_redact_model(v, names) for v in value]
        elif isinstance(value, BaseModel):
            update[field_name] = _redact_model(value, names)
    return model.model_copy(update=update) if update else model


def redact_folder(folder: EvidenceFolder, names: Sequence[re.Pattern[str]] = ()) -> EvidenceFolder:
    """A copy of ``folder`` whose text has each possible identifier replaced by a marker."""
    return replace(
        folder,
        manifest=_redact_model(folder.manifest, names) if folder.manifest else None,
        items=[Placed(_redact_model(p.model, names), p.doc, p.path) for p in folder.items],
        evaluations=[
            Placed(_redact_model(p.model, names), p.doc, p.path) for p in folder.evaluations
        ],
        records=[replace(r, record_id=redact(r.record_id, names)) for r in folder.records],
        responses=[
            replace(r, respondent_id=redact(r.respondent_id, names)) for r in folder.responses
        ],
    )


def is_personal(diagnostic: Diagnostic) -> bool:
    """True for the personal-data codes (IK5xx)."""
    return diagnostic.code.startswith("IK5")
