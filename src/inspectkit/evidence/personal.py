"""Scan a loaded evidence folder for personal data: every string, with its place."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from inspectkit.diagnostics import Diagnostic, Severity
from inspectkit.evidence.folder import EvidenceFolder
from inspectkit.evidence.tables import RecordRead
from inspectkit.privacy import scan_text
from inspectkit.yamlread import Path_, YamlDocument


def scan_folder(folder: EvidenceFolder, names: Sequence[re.Pattern[str]] = (), *,
                strict: bool = False) -> list[Diagnostic]:
    """A diagnostic for each possible identifier in the folder's text and CSV ids.

    Warnings by default; errors when ``strict``.
    """
    severity = Severity.ERROR if strict else Severity.WARNING
    docs = {id(d): d for d in _documents(folder)}
    out = [d for doc in docs.values() for d in _scan_doc(doc, names, severity)]
    for placed in folder.items:
        if placed.model.detail and placed.doc.display.endswith(".md") and \
                scan_text(placed.model.detail, names):
            out += _hits(placed.model.detail, "the notes", placed.doc.display,
                         placed.doc.place(placed.path), names, severity)
    for row in [*folder.records, *folder.responses]:
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
_CHECKED_FIELDS = frozenset({"source", "indicators", "lines_of_enquiry", "themes", "finding",
                             "significance", "date", "decided", "framework", "status",
                             "grade", "indicator", "report_date"})


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


def _scan_doc(doc: YamlDocument, names: Sequence[re.Pattern[str]], severity: Severity
              ) -> Iterator[Diagnostic]:
    for path, text in _strings(doc.data):
        field = str(next((p for p in reversed(path) if isinstance(p, str)), "the file"))
        if scan_text(text, names):  # places are looked up only for hits
            yield from _hits(text, f"'{field}'", doc.display, doc.place(path), names, severity)


def _hits(text: str, where: str, file: str, place: tuple[int, int],
          names: Sequence[re.Pattern[str]], severity: Severity) -> Iterator[Diagnostic]:
    for hit in scan_text(text, names):
        line, column = place
        if "\n" not in text[:hit.start] and not file.lower().endswith(".csv"):
            column += hit.start  # in a CSV file the column is the field number
        yield Diagnostic(hit.code, f"Possible {hit.kind} ({hit.masked}) in {where}: evidence "
                         "must not identify a person.", file, line, column, severity,
                         "Remove or anonymise it; reports refuse to include it.")
