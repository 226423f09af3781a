"""Scan a loaded evidence folder for personal data: every string and file name, placed exactly.

Each possible identifier is reported at its own line and column: inside a folded or
literal block, a quoted string over several lines, a Markdown item's notes, or a CSV cell
(the cell's line and field number). Findings the team has accepted
(:mod:`inspectkit.evidence.accepted`) are counted, not flagged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from pydantic import BaseModel

from inspectkit.diagnostics import Diagnostic, Severity
from inspectkit.evidence.folder import EvidenceFolder, Placed
from inspectkit.evidence.identifying import cell_fields, personal_columns
from inspectkit.evidence.tables import RecordRead, SurveyResponse
from inspectkit.privacy import Hit, might_hold, redact, scan_text
from inspectkit.textfile import display_path
from inspectkit.yamlread import Path_, YamlDocument

Names = Sequence[re.Pattern[str]]


@dataclass(frozen=True)
class Finding:
    """A possible identifier with its place: the file, line and column, and the field."""

    hit: Hit
    field: str  # the field or column name ("summary", "note"), "" for a file name
    file: str
    line: int
    column: int
    sheet: str = ""  # a workbook's sheet: line and column are then its row and column

    @property
    def where(self) -> str:
        """The field in words, for messages."""
        return f"'{self.field}'" if self.field else "the file name"


def scan_folder(
    folder: EvidenceFolder, names: Names = (), *, strict: bool = False
) -> list[Diagnostic]:
    """A diagnostic for each possible identifier in the folder's text, CSV cells and paths.

    Warnings by default; errors when ``strict``. Accepted findings are left out and counted
    in one IK508 note.
    """
    severity = Severity.ERROR if strict else Severity.WARNING
    prefix = display_path(folder.root)
    accepted = folder.accepted
    used: dict[int, int] = {}
    out = []
    for found in findings(folder, names):
        index = accepted.match(found.hit, inside(found.file, prefix), found.field)
        if index is not None:
            used[index] = used.get(index, 0) + 1
            continue
        out.append(
            Diagnostic(
                found.hit.code,
                f"Possible {found.hit.kind} ({found.hit.masked}) in {found.where}: "
                "evidence must not identify a person.",
                found.file,
                found.line,
                found.column,
                severity,
                "Remove or anonymise it; reports refuse to include it. If the team has "
                "checked that it is public, accept it in accepted-findings.yaml.",
                **cell_fields(found.sheet),
            )
        )
    out += personal_columns(folder, severity)
    note = accepted.summary(used)
    return [*out, note] if note else out


def findings(folder: EvidenceFolder, names: Names = ()) -> Iterator[Finding]:
    """Every possible identifier in the folder, accepted or not, with its place."""
    seen: set[int] = set()
    for doc in _documents(folder):
        if id(doc) not in seen:
            seen.add(id(doc))
            yield from _scan_doc(doc, names)
    for placed in folder.items:
        if placed.body_start is not None and placed.model.detail:
            yield from _scan_body(placed, names)
    # Paired readings keep every row's notes; the resolved records keep none of their own.
    read = folder.readings or folder.records
    rows: list[RecordRead | SurveyResponse] = [*read, *folder.responses]
    for row in rows:
        ident = row.record_id if isinstance(row, RecordRead) else row.respondent_id
        column = "record_id" if isinstance(row, RecordRead) else "respondent_id"
        for hit in scan_text(ident, names):
            yield Finding(hit, column, row.file, row.line, 1, row.sheet)
        for name, text in row.notes.items():
            for hit in scan_text(text, names):
                place = row.note_columns.get(name, 1)
                yield Finding(hit, name, row.file, row.line, place, row.sheet)
    prefix = display_path(folder.root)
    for file in folder.files:
        for hit in scan_text(_path_words(inside(file, prefix)), names):
            yield Finding(hit, "", file, 0, 0)


def inside(file: str, prefix: str) -> str:
    """A file's path inside the evidence folder (``prefix`` is the folder's display path)."""
    return file[len(prefix) + 1 :] if prefix and file.startswith(prefix + "/") else file


def _path_words(path: str) -> str:
    """A path with underscores as spaces, so that 'morag_smith.md' shows its words."""
    return path.replace("_", " ")


def _documents(folder: EvidenceFolder) -> Iterator[YamlDocument]:
    if folder.manifest_doc is not None:
        yield folder.manifest_doc
    if folder.evaluations_doc is not None:
        yield folder.evaluations_doc
    yield from folder.documents
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


def _candidates(
    data: Any, path: Path_, out: list[tuple[Path_, str]], keep: Callable[[str], bool]
) -> None:
    """Every string in ``data`` that ``keep`` lets through, with its path; numbers as they
    were written (an unquoted CHI number is read as a number, but it is still a CHI number).

    A string's path is made only when it is kept: most strings are not.
    """
    if isinstance(data, dict):
        for key, value in data.items():
            if key in _CHECKED_FIELDS:
                continue
            if type(value) is str:
                if keep(value):
                    out.append(((*path, key), value))
            else:
                _candidates(value, (*path, key), out, keep)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            if type(value) is str:
                if keep(value):
                    out.append(((*path, index), value))
            else:
                _candidates(value, (*path, index), out, keep)
    elif isinstance(data, str):
        if keep(data):
            out.append((path, data))
    elif isinstance(data, (int, float)) and not isinstance(data, bool):
        text = str(getattr(data, "text", data))
        if keep(text):
            out.append((path, text))


def _scan_doc(doc: YamlDocument, names: Names) -> Iterator[Finding]:
    found: list[tuple[Path_, str]] = []
    _candidates(doc.data, (), found, bool if names else might_hold)
    for path, text in found:
        hits = scan_text(text, names)
        if not hits:
            continue
        field = str(next((p for p in reversed(path) if isinstance(p, str)), ""))
        for hit in hits:  # places are worked out only for hits
            line, column = doc.text_place(path, text, hit.start)
            yield Finding(hit, field or "the file", doc.display, line, column)


def _scan_body(placed: Placed, names: Names) -> Iterator[Finding]:
    assert placed.body_start is not None
    text: str = placed.model.detail
    first_line, first_column = placed.body_start
    for hit in scan_text(text, names):
        before = text[: hit.start]
        breaks = before.count("\n")
        if breaks:
            place = (first_line + breaks, hit.start - before.rfind("\n"))
        else:
            place = (first_line, first_column + hit.start)
        yield Finding(hit, "detail", placed.doc.display, *place)


# Redaction -----------------------------------------------------------------------------


def redact_folder(folder: EvidenceFolder, names: Names = ()) -> EvidenceFolder:
    """A copy of ``folder`` with each possible identifier replaced by a marker.

    Every text a report can show is covered: every string field of the manifest (team
    entries included), of the items and of the evaluations (lists of strings too), CSV ids
    and notes, and file paths. Findings the team has accepted stay as written.
    """
    prefix = display_path(folder.root)
    accepted = folder.accepted

    def cleaner(file: str) -> Callable[[str, str], str]:
        where = inside(file, prefix)

        def clean(text: str, field: str) -> str:
            return redact(text, names, lambda h: accepted.match(h, where, field) is not None)

        return clean

    def path(file: str) -> str:
        rel = inside(file, prefix)
        cleaned = redact(
            rel, names, lambda h: accepted.match(h, rel, "") is not None, scan_as=_path_words(rel)
        )
        if cleaned == rel:
            return file
        return cleaned if rel == file else f"{prefix}/{cleaned}"

    docs: dict[int, YamlDocument] = {}

    def doc(original: YamlDocument) -> YamlDocument:
        if id(original) not in docs:
            shown = path(original.display)
            docs[id(original)] = (
                original if shown == original.display else replace(original, display=shown)
            )
        return docs[id(original)]

    def placed(p: Placed) -> Placed:
        return replace(p, model=_redact_model(p.model, cleaner(p.doc.display)), doc=doc(p.doc))

    manifest_file = folder.manifest_doc.display if folder.manifest_doc else ""
    return replace(
        folder,
        manifest=_redact_model(folder.manifest, cleaner(manifest_file))
        if folder.manifest
        else None,
        manifest_doc=doc(folder.manifest_doc) if folder.manifest_doc else None,
        items=[placed(p) for p in folder.items],
        evaluations=[placed(p) for p in folder.evaluations],
        evaluations_doc=doc(folder.evaluations_doc) if folder.evaluations_doc else None,
        records=[_redact_row(r, cleaner(r.file), path(r.file)) for r in folder.records],
        readings=[_redact_row(r, cleaner(r.file), path(r.file)) for r in folder.readings],
        responses=[_redact_row(r, cleaner(r.file), path(r.file)) for r in folder.responses],
        record_files=[path(f) for f in folder.record_files],
        survey_files={k: path(f) for k, f in folder.survey_files.items()},
        files=[path(f) for f in folder.files],
    )


def _redact_row(
    row: RecordRead | SurveyResponse, clean: Callable[[str, str], str], file: str
) -> Any:
    notes = {k: clean(v, k) for k, v in row.notes.items()}
    if isinstance(row, RecordRead):
        return replace(row, record_id=clean(row.record_id, "record_id"), file=file, notes=notes)
    return replace(
        row, respondent_id=clean(row.respondent_id, "respondent_id"), file=file, notes=notes
    )


def _redact_value(value: Any, field: str, clean: Callable[[str, str], str]) -> Any:
    if isinstance(value, str):
        return clean(value, field)
    if isinstance(value, BaseModel):
        return _redact_model(value, clean)
    if isinstance(value, list):
        return [_redact_value(v, field, clean) for v in value]
    return value


def _redact_model(model: Any, clean: Callable[[str, str], str]) -> Any:
    update: dict[str, Any] = {}
    for field_name in type(model).model_fields:
        if field_name in _CHECKED_FIELDS:
            continue
        value = getattr(model, field_name)
        cleaned = _redact_value(value, field_name, clean)
        if cleaned != value:
            update[field_name] = cleaned
    return model.model_copy(update=update) if update else model


def is_personal(diagnostic: Diagnostic) -> bool:
    """True for the personal-data findings (IK501-IK507), not the count of accepted ones."""
    return diagnostic.code.startswith("IK5") and diagnostic.code != "IK508"
