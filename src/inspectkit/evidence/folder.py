"""Loading an evidence folder: find its files, read each safely, validate their fields.

Links that lead outside the folder are refused; anything that is not part of the contract
is listed as a note; every problem is a diagnostic with its place. References to the
framework are checked afterwards, in :mod:`inspectkit.evidence.checks`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from inspectkit.diagnostics import Diagnostic
from inspectkit.errors import InputError, ReadFailure
from inspectkit.evidence.accepted import ACCEPTED_NAMES, Acceptances
from inspectkit.evidence.models import Evaluation, EvidenceItem, Manifest, Period
from inspectkit.evidence.readers import reader_for
from inspectkit.evidence.salvage import Rejected
from inspectkit.evidence.tables import RecordRead, SurveyResponse
from inspectkit.files import CONTRACT_FOLDERS, EVALUATION_NAMES, MANIFEST_NAMES
from inspectkit.modelcheck import ErrorCodes, validate
from inspectkit.textfile import decode, display_path, read_bytes
from inspectkit.yamlread import Path_, YamlDocument, load_yaml_file, load_yaml_text

CODES = ErrorCodes(
    unknown="IK202",
    missing="IK203",
    invalid="IK204",
    date="IK207",
    missing_by_field=(("rationale", "IK211"),),
)
_ITEMS = TypeAdapter(list[EvidenceItem])


@dataclass(frozen=True)
class Placed:
    """A validated model with the document and path it came from (for placing problems)."""

    model: Any
    doc: YamlDocument
    path: Path_
    body_start: tuple[int, int] | None = None  # a Markdown item: where its notes begin


@dataclass
class EvidenceFolder:
    """Everything read from one evidence folder."""

    root: Path
    manifest: Manifest | None = None
    manifest_doc: YamlDocument | None = None
    items: list[Placed] = field(default_factory=list)
    evaluations: list[Placed] = field(default_factory=list)
    evaluations_doc: YamlDocument | None = None
    # Entries whose model failed, kept so that their references are still checked.
    rejected_items: list[Rejected] = field(default_factory=list)
    rejected_evaluations: list[Rejected] = field(default_factory=list)
    records: list[RecordRead] = field(default_factory=list)  # one per record, moderated
    readings: list[RecordRead] = field(default_factory=list)  # every row read, when paired
    responses: list[SurveyResponse] = field(default_factory=list)
    record_files: list[str] = field(default_factory=list)
    evidence_files: list[str] = field(default_factory=list)  # in the order they were read
    survey_files: dict[str, str] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    accepted: Acceptances = field(default_factory=Acceptances)
    documents: list[YamlDocument] = field(default_factory=list)  # evidence files, valid or not
    # The text of each YAML, Markdown and CSV file as read, by display path: later steps
    # (the ignore comments and notes) use it rather than read the file again.
    texts: dict[str, str] = field(default_factory=dict)


@dataclass
class FolderFiles:
    """The files of a folder, sorted into the contract's kinds."""

    manifest: Path | None = None
    evaluations: Path | None = None
    evidence: list[Path] = field(default_factory=list)
    records: list[Path] = field(default_factory=list)
    surveys: list[Path] = field(default_factory=list)


def find_files(root: Path) -> tuple[FolderFiles, list[Diagnostic]]:
    """Sort the folder's files by kind; refuse links out of it; note what is ignored.

    Raises:
        InputError: ``root`` is not a readable folder.
    """
    if not root.is_dir():
        raise InputError(
            f"'{display_path(root)}' is not a folder.",
            [
                Diagnostic(
                    "IK001",
                    f"'{display_path(root)}' is not an evidence folder (it does not exist or "
                    "is not a folder).",
                    display_path(root),
                )
            ],
        )
    real_root = root.resolve()
    found, notes = FolderFiles(), []
    for path in _walk(root):
        rel = path.relative_to(root).as_posix()
        problem = _outside(path, real_root)
        if problem:
            notes.append(problem)
            continue
        kind = _kind(rel)
        if kind == "manifest":
            found.manifest = found.manifest or path
        elif kind == "evaluations":
            found.evaluations = found.evaluations or path
        elif kind == "accepted":
            continue  # read with the project's own (see evidence.accepted)
        elif kind == "mapping":
            continue  # read with the tables it maps (see evidence.header)
        elif kind in ("evidence", "records", "surveys"):
            getattr(found, kind).append(path)
        else:
            notes.append(
                Diagnostic(
                    "IK016",
                    f"'{rel}' is not part of an evidence folder and is ignored.",
                    display_path(path),
                    hint=_ignored_hint(rel),
                )
            )
    return found, notes


def _walk(root: Path) -> Iterator[Path]:
    """The folder's files: only the contract's sub-folders are entered, so that pointing
    inspectkit at a large or wrong folder (even '/') lists a few names and stops."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.name in CONTRACT_FOLDERS and entry.is_dir(follow_symlinks=False):
            yield from _walk_contract(path)
        else:
            yield path  # a file, a link, or a folder that is not part of the contract


def _walk_contract(top: Path) -> Iterator[Path]:
    for folder, dirs, names in os.walk(top, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = Path(folder)
        for name in sorted(names):
            if not name.startswith("."):
                yield base / name
        for name in dirs:  # a linked folder is listed as a name, never entered
            if (base / name).is_symlink():
                yield base / name


def _outside(path: Path, real_root: Path) -> Diagnostic | None:
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return Diagnostic(
            "IK001", f"'{display_path(path)}' is a broken or looping link.", display_path(path)
        )
    if target != real_root and real_root not in target.parents:
        return Diagnostic(
            "IK011",
            f"'{display_path(path)}' is a link that leads outside the "
            "evidence folder, so it is not read.",
            display_path(path),
            hint="Copy the file into the folder instead of linking to it.",
        )
    return None


def _kind(rel: str) -> str:
    parts = rel.split("/")
    name = parts[-1].lower()
    if len(parts) == 1:
        if name in MANIFEST_NAMES:
            return "manifest"
        if name in ACCEPTED_NAMES:
            return "accepted"
        return "evaluations" if name in EVALUATION_NAMES else ""
    top = parts[0]
    if top == "evidence" and name.endswith((".yaml", ".yml", ".md")):
        return "evidence"
    if top == "records" and reader_for(name) is not None:
        return "records"
    if top == "surveys" and len(parts) == 2 and reader_for(name) is not None:
        return "surveys"
    if (top == "records" and name == "columns.yaml") or (
        top == "surveys" and len(parts) == 2 and name.endswith(".columns.yaml")
    ):
        return "mapping"
    return ""


def _ignored_hint(rel: str) -> str:
    if rel.lower().endswith((".xlsx", ".xls", ".ods")):
        return (
            "Workbooks (.xlsx) are read in records/ and surveys/; save .xls and .ods files "
            "as .xlsx or as 'CSV UTF-8' there."
        )
    return (
        "Evidence folders hold inspection.yaml, evaluations.yaml, evidence/, records/ and surveys/."
    )


def load_yaml(path: Path, problems: list[Diagnostic]) -> YamlDocument | None:
    """Load a YAML file, adding its problem to ``problems`` if it cannot be read."""
    try:
        return load_yaml_file(path, display_path(path))
    except ReadFailure as exc:
        problems.append(exc.diagnostic)
        return None


def load_manifest(
    path: Path, problems: list[Diagnostic]
) -> tuple[Manifest | None, YamlDocument | None]:
    """Read and validate inspection.yaml."""
    doc = load_yaml(path, problems)
    if doc is None:
        return None, None
    if not isinstance(doc.data, dict):
        problems.append(
            doc.diagnostic(
                "IK014",
                "inspection.yaml should be a mapping of fields (framework, partnership, ...).",
                (),
            )
        )
        return None, doc
    manifest, found = validate(Manifest, doc, CODES)
    problems += found
    period = manifest.period if manifest else _raw_period(doc.data.get("period"))
    if period and period.start > period.end:
        problems.append(
            doc.diagnostic(
                "IK207",
                f"The period ends ({period.end}) before it starts ({period.start}).",
                ("period", "end"),
            )
        )
    return manifest, doc


def _raw_period(data: Any) -> Period | None:
    """The period on its own, when another manifest field is wrong."""
    try:
        return Period.model_validate(data) if isinstance(data, dict) else None
    except ValidationError:
        return None


def load_items(
    path: Path,
    problems: list[Diagnostic],
    rejected: list[Rejected] | None = None,
    docs: list[YamlDocument] | None = None,
    texts: dict[str, str] | None = None,
) -> list[Placed]:
    """Read the evidence items of one .yaml (a list, or one item) or .md file.

    Items that fail validation are added to ``rejected`` (when given) with their raw fields.
    Each YAML document read is added to ``docs`` (when given), so that its text is scanned
    for personal data even where its items are not valid. The file's text is added to
    ``texts`` (when given) by its display path.
    """
    rejected = [] if rejected is None else rejected
    if path.suffix.lower() == ".md":
        return _markdown_item(path, problems, rejected, docs, texts)
    doc = load_yaml(path, problems)
    if doc is None:
        return []
    if docs is not None:
        docs.append(doc)
    if texts is not None:
        texts[doc.display] = doc.text
    if isinstance(doc.data, dict):
        return _one_item(doc, doc.data, (), problems, rejected)
    if not isinstance(doc.data, list):
        problems.append(
            doc.diagnostic(
                "IK014",
                "An evidence file should hold a list of items (each starting with '- id: ...').",
                (),
            )
        )
        return []
    try:
        items = _ITEMS.validate_python(doc.data)
        return [Placed(item, doc, (i,)) for i, item in enumerate(items)]
    except ValidationError:
        placed = []
        for i, data in enumerate(doc.data):
            placed += _one_item(doc, data, (i,), problems, rejected)
        return placed


def _one_item(
    doc: YamlDocument,
    data: Any,
    path: Path_,
    problems: list[Diagnostic],
    rejected: list[Rejected],
) -> list[Placed]:
    if not isinstance(data, dict):
        problems.append(
            doc.diagnostic(
                "IK014",
                "Each evidence item should be a mapping of fields (id, source, indicators, ...).",
                path,
            )
        )
        return []
    item, found = validate(EvidenceItem, doc, CODES, data=data, base_path=path)
    problems += found
    if item is None:
        rejected.append(Rejected(data, doc, path))
        return []
    return [Placed(item, doc, path)]


def _markdown_item(
    path: Path,
    problems: list[Diagnostic],
    rejected: list[Rejected],
    docs: list[YamlDocument] | None,
    texts: dict[str, str] | None = None,
) -> list[Placed]:
    display = display_path(path)
    try:
        text = decode(read_bytes(path, display), display)
    except ReadFailure as exc:
        problems.append(exc.diagnostic)
        return []
    if texts is not None:
        texts[display] = text
    lines = text.splitlines(keepends=True)
    end = next((i for i, ln in enumerate(lines[1:], 1) if ln.rstrip() in ("---", "...")), 0)
    if not lines or lines[0].rstrip() != "---" or not end:
        problems.append(
            Diagnostic(
                "IK014",
                f"'{display}' should start with YAML front matter "
                "between two '---' lines, then the notes.",
                display,
                1,
                1,
            )
        )
        return []
    try:
        doc = load_yaml_text("".join(lines[1:end]), display, line_offset=1)
    except ReadFailure as exc:
        problems.append(exc.diagnostic)
        return []
    if docs is not None:
        docs.append(doc)
    if not isinstance(doc.data, dict):
        problems.append(
            doc.diagnostic(
                "IK014",
                "The front matter should be a mapping of fields (id, source, indicators, ...).",
                (),
            )
        )
        return []
    raw = "".join(lines[end + 1 :])
    body = raw.strip()
    data = dict(doc.data)
    if body and "detail" in data:
        problems.append(
            doc.diagnostic(
                "IK204",
                "The item has both a 'detail' field and notes below the front matter; keep one.",
                ("detail",),
                key=True,
            )
        )
    elif body:
        data["detail"] = body
    placed = _one_item(doc, data, (), problems, rejected)
    if body and placed:
        lead = raw[: len(raw) - len(raw.lstrip())]
        first_line = end + 2 + lead.count("\n")
        start = (first_line, len(lead) - (lead.rfind("\n") + 1) + 1)
        placed = [replace(placed[0], body_start=start)]
    return placed


def load_evaluations(
    path: Path, problems: list[Diagnostic], rejected: list[Rejected] | None = None
) -> tuple[list[Placed], YamlDocument | None]:
    """Read and validate evaluations.yaml (a list of evaluations).

    Entries that fail validation are added to ``rejected`` (when given) with their raw fields.
    """
    doc = load_yaml(path, problems)
    if doc is None:
        return [], None
    if not isinstance(doc.data, list):
        problems.append(
            doc.diagnostic(
                "IK014",
                "evaluations.yaml should be a list, one entry "
                "per indicator (each starting with '- indicator: ').",
                (),
            )
        )
        return [], doc
    placed = []
    for i, data in enumerate(doc.data):
        if not isinstance(data, dict):
            problems.append(
                doc.diagnostic(
                    "IK014",
                    "Each evaluation should be a mapping of "
                    "fields (indicator, grade, rationale, ...).",
                    (i,),
                )
            )
            continue
        evaluation, found = validate(Evaluation, doc, CODES, data=data, base_path=(i,))
        problems += found
        if evaluation:
            placed.append(Placed(evaluation, doc, (i,)))
        elif rejected is not None:
            rejected.append(Rejected(data, doc, (i,)))
    return placed, doc
