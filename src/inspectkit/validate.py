"""``inspectkit validate``: load an evidence folder (or one file) and collect every problem."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from inspectkit.diagnostics import Diagnostic, sort_diagnostics
from inspectkit.errors import FrameworkError, InputError
from inspectkit.evidence import folder as loader
from inspectkit.evidence.accepted import load_acceptances
from inspectkit.evidence.checks import check_folder
from inspectkit.evidence.fingerprint import check_locks
from inspectkit.evidence.folder import EvidenceFolder
from inspectkit.evidence.pairing import is_paired, resolve, unmoderated
from inspectkit.evidence.personal import scan_folder
from inspectkit.evidence.readers import reader_for
from inspectkit.evidence.tables import load_records, load_survey
from inspectkit.files import EVALUATION_NAMES, MANIFEST_NAMES
from inspectkit.framework.models import Framework
from inspectkit.framework.registry import Registry
from inspectkit.options import Accepted
from inspectkit.textfile import display_path


@dataclass
class ValidationResult:
    """A loaded folder, its framework (when known) and every problem found."""

    folder: EvidenceFolder
    framework: Framework | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def files(self) -> list[str]:
        """The files that were checked."""
        return self.folder.files


def validate_folder(
    root: Path,
    registry: Registry,
    *,
    names: Sequence[re.Pattern[str]] = (),
    strict: bool = False,
    accepted: Accepted | None = None,
) -> ValidationResult:
    """Load and check an evidence folder, personal data included.

    Args:
        root: The folder.
        registry: Where frameworks are found.
        names: Patterns of names to look for (see :func:`inspectkit.privacy.name_patterns`).
        strict: Report personal data as errors rather than warnings.
        accepted: Accepted findings from the project configuration.

    Raises:
        InputError: the folder cannot be read.
        FrameworkError: the framework it names is missing or invalid.
    """
    files, problems = loader.find_files(root)
    folder = EvidenceFolder(root)
    fw: Framework | None = None
    if files.manifest is None:
        problems.append(
            Diagnostic(
                "IK201",
                f"'{display_path(root)}' has no inspection.yaml, so "
                "the framework to check against is unknown.",
                display_path(root / "inspection.yaml"),
                hint="Create one with 'inspectkit init', or add inspection.yaml by hand.",
            )
        )
    else:
        folder.manifest, folder.manifest_doc = loader.load_manifest(files.manifest, problems)
        ref = _framework_ref(folder)
        if ref is not None:
            fw = _framework(folder, ref, registry)
    for path in files.evidence:
        folder.items += loader.load_items(
            path, problems, folder.rejected_items, folder.documents, folder.texts
        )
    read = load_records(files.records, fw, problems, folder.texts)
    pairing = resolve(read)
    folder.records = list(pairing.records)
    folder.readings = read if is_paired(read) else []
    problems += unmoderated(pairing)
    for path in files.surveys:
        first = folder.survey_files.get(path.stem.lower())
        if first is not None:  # staff.csv beside staff.xlsx: its respondents would count twice
            problems.append(_survey_twice(path, first))
            continue
        folder.responses += load_survey(path, fw, problems, folder.texts)
        folder.survey_files[path.stem.lower()] = display_path(path)
    if files.evaluations is not None:
        folder.evaluations, folder.evaluations_doc = loader.load_evaluations(
            files.evaluations, problems, folder.rejected_evaluations
        )
    for doc in (folder.manifest_doc, folder.evaluations_doc):
        if doc is not None:
            folder.texts[doc.display] = doc.text
    folder.record_files = [display_path(p) for p in files.records]
    folder.evidence_files = [display_path(p) for p in files.evidence]
    listed = [files.manifest, files.evaluations, *files.evidence, *files.records, *files.surveys]
    folder.files = sorted(display_path(p) for p in listed if p is not None)
    extra = accepted or Accepted()
    folder.accepted = load_acceptances(root, problems, extra.entries, extra.source)
    if fw is not None:
        problems += check_folder(folder, fw)
        problems += check_locks(folder, fw)
    problems += scan_folder(folder, names, strict=strict)
    return ValidationResult(folder, fw, sort_diagnostics(problems))


def _survey_twice(path: Path, first: str) -> Diagnostic:
    shown = display_path(path)
    return Diagnostic(
        "IK022",
        f"'{shown}' holds the survey '{path.stem.lower()}', which '{first}' holds already, so "
        "it is not read (its respondents would be counted twice).",
        shown,
        hint="Keep one file per survey: remove one, or put all the responses in one file.",
    )


def _framework_ref(folder: EvidenceFolder) -> str | None:
    """The framework the manifest names, even when other manifest fields are wrong."""
    if folder.manifest is not None:
        return folder.manifest.framework
    data = folder.manifest_doc.data if folder.manifest_doc else None
    ref = data.get("framework") if isinstance(data, dict) else None
    return ref.strip() if isinstance(ref, str) and ref.strip() else None


def _framework(folder: EvidenceFolder, ref: str, registry: Registry) -> Framework:
    assert folder.manifest_doc is not None
    try:
        return registry.load(ref).framework
    except FrameworkError as exc:
        doc = folder.manifest_doc
        first = exc.diagnostics[0] if exc.diagnostics else None
        placed = doc.diagnostic(
            first.code if first else "IK107",
            f"inspection.yaml names the framework '{ref}', which cannot be used: {exc.message}",
            ("framework",),
            hint=first.hint if first else "",
        )
        raise FrameworkError(exc.message, [placed, *exc.diagnostics[1:]]) from None


def validate_path(
    path: Path,
    registry: Registry,
    *,
    names: Sequence[re.Pattern[str]] = (),
    strict: bool = False,
    cache: dict[Path, ValidationResult] | None = None,
    accepted: Accepted | None = None,
) -> ValidationResult:
    """Validate a folder, or a single file (inside a folder when it has one).

    Files of the same folder (as pre-commit passes them) share one validation of the folder
    through ``cache``.

    Raises:
        InputError: the path cannot be read.
        FrameworkError: the framework named is missing or invalid.
    """
    if path.is_dir():
        return validate_folder(path, registry, names=names, strict=strict, accepted=accepted)
    if not path.exists() and not path.is_symlink():
        raise InputError(
            f"'{display_path(path)}' does not exist.",
            [Diagnostic("IK001", f"'{display_path(path)}' does not exist.", display_path(path))],
        )
    root = _enclosing_folder(path)
    if root is not None:
        cache = {} if cache is None else cache
        if root not in cache:
            cache[root] = validate_folder(
                root, registry, names=names, strict=strict, accepted=accepted
            )
        whole = cache[root]
        shown = display_path(path)
        return ValidationResult(
            replace(whole.folder, files=[shown]),
            whole.framework,
            [d for d in whole.diagnostics if d.file == shown],
        )
    result = _validate_lone_file(path)
    result.diagnostics = sort_diagnostics(
        [*result.diagnostics, *scan_folder(result.folder, names, strict=strict)]
    )
    return result


def _enclosing_folder(path: Path) -> Path | None:
    """The evidence folder holding ``path`` (its manifest at most three levels up)."""
    if path.is_symlink():
        return None
    for parent in list(path.resolve().parents)[:3]:
        if any((parent / name).is_file() for name in MANIFEST_NAMES):
            return parent
    return None


def _validate_lone_file(path: Path) -> ValidationResult:
    """Check one file on its own: it is read safely and its fields checked, without
    a framework."""
    from inspectkit.errors import ReadFailure
    from inspectkit.textfile import read_bytes

    problems: list[Diagnostic] = []
    display = display_path(path)
    try:
        read_bytes(path, display)
    except ReadFailure as exc:
        raise InputError(exc.diagnostic.message, [exc.diagnostic]) from None
    folder = EvidenceFolder(path.parent, files=[display])
    name = path.name.lower()
    if name in MANIFEST_NAMES:
        folder.manifest, folder.manifest_doc = loader.load_manifest(path, problems)
    elif name in EVALUATION_NAMES:
        folder.evaluations, folder.evaluations_doc = loader.load_evaluations(path, problems)
    elif reader_for(name) is not None:
        folder.records = load_records([path], None, problems)
    elif name.endswith((".yaml", ".yml")) or (
        name.endswith(".md") and "evidence" in [p.name for p in path.parents]
    ):
        folder.items = loader.load_items(path, problems, docs=folder.documents)
    else:
        problems.append(
            Diagnostic(
                "IK016",
                f"'{display}' is not an evidence file and is ignored.",
                display,
                hint="Evidence files are YAML, Markdown notes in evidence/, or CSV.",
            )
        )
    return ValidationResult(folder, None, sort_diagnostics(problems))
