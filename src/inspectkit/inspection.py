"""The pipeline every command starts from: a folder, validated and (when it can be) graded.

:func:`inspect_folder` loads an evidence folder, checks it against its framework, scans it for
personal data and, when no error stops it, proposes grades. The :class:`Inspection` it returns
is what ``grade``, ``report``, ``diff`` and ``overview`` take; ``validate`` takes it too, with
grading switched off. Nothing here prints, exits or reads the environment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from inspectkit.diagnostics import Diagnostic, has_errors, sort_diagnostics
from inspectkit.errors import NotGradable
from inspectkit.evidence.folder import EvidenceFolder
from inspectkit.evidence.silence import Silenced, silence
from inspectkit.framework.models import Framework
from inspectkit.framework.registry import Registry
from inspectkit.options import InspectOptions
from inspectkit.parallel import gc_paused
from inspectkit.textfile import display_path
from inspectkit.validate import ValidationResult, validate_folder, validate_path

if TYPE_CHECKING:  # grading is imported when a folder is graded: validate never loads it
    from inspectkit.grading.grade import GradeReport

__all__ = ["FolderCache", "InspectOptions", "Inspection", "inspect_folder", "inspect_path"]

#: One check per evidence folder when many of its files are validated one by one.
FolderCache = dict[Path, ValidationResult]


@dataclass(frozen=True)
class Inspection:
    """One evidence folder: what was loaded, every problem found, and its proposed grades.

    Attributes:
        folder: The loaded evidence.
        framework: Its framework, or None when the manifest names none that loads.
        diagnostics: Validation problems, sorted by place.
        grades: The proposals beside the team's evaluations; None when not graded.
        silenced: Findings silenced where they stand, with their reasons.
    """

    folder: EvidenceFolder
    framework: Framework | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    grades: GradeReport | None = None
    silenced: list[Silenced] = field(default_factory=list)

    @property
    def files(self) -> list[str]:
        """The files that were checked, as shown to users."""
        return self.folder.files

    @property
    def problems(self) -> list[Diagnostic]:
        """Validation problems and grading's own (departures, gates), sorted by place."""
        extra = list(self.grades.diagnostics) if self.grades else []
        return sort_diagnostics([*self.diagnostics, *extra])

    @property
    def gradable(self) -> bool:
        """True when nothing stops grading: no errors, and a framework that grades."""
        fw = self.framework
        return (
            fw is not None
            and fw.grading is not None
            and bool(fw.graded)
            and self.folder.manifest is not None
            and not has_errors(self.diagnostics)
        )

    def graded(self) -> GradeReport:
        """The grades, or :class:`NotGradable` saying in one sentence why there are none."""
        if self.grades is not None:
            return self.grades
        raise NotGradable(self.why_not_graded(), self.diagnostics)

    def why_not_graded(self) -> str:
        """One sentence on why no grades were produced."""
        where = display_path(self.folder.root)
        errors = sum(1 for d in self.diagnostics if d.severity.value == "error")
        if errors:
            return (
                f"No grades were produced for '{where}': validation found "
                f"{errors} error{'s' if errors != 1 else ''} (listed above); fix "
                f"{'them' if errors != 1 else 'it'} and run again."
            )
        if self.framework is None:
            return f"No grades were produced for '{where}': its framework is not known."
        if self.framework.grading is None or not self.framework.graded:
            return (
                f"No grades were produced for '{where}': the framework "
                f"{self.framework.ref} grades no indicator."
            )
        return f"No grades were produced for '{where}': grading was not asked for."


def _settle(
    diagnostics: Sequence[Diagnostic], options: InspectOptions, folder: EvidenceFolder
) -> tuple[list[Diagnostic], list[Silenced]]:
    """The configured severities applied, and findings silenced where they stand set apart."""
    changed = [
        d.with_severity(options.severity[d.code]) if d.code in options.severity else d
        for d in diagnostics
    ]
    kept, silenced = silence(changed, folder.files, folder.texts)
    return sort_diagnostics(kept), list(silenced)


def _settled(result: ValidationResult, options: InspectOptions) -> Inspection:
    """The result with the configured severities applied and silenced findings set apart."""
    kept, silenced = _settle(result.diagnostics, options, result.folder)
    return Inspection(result.folder, result.framework, kept, silenced=silenced)


def _from_result(result: ValidationResult, options: InspectOptions) -> Inspection:
    inspection = _settled(result, options)
    if not options.grade or not inspection.gradable:
        return inspection
    assert result.framework is not None
    from inspectkit.grading.grade import grade_folder

    grades = grade_folder(
        result.folder,
        result.framework,
        fail_under=options.fail_under,
        require_evaluations=options.require_evaluations,
    )
    # Grading's own findings (departures, conflicts, gates) follow the same configuration.
    kept, silenced = _settle(grades.diagnostics, options, result.folder)
    settled = replace(grades, diagnostics=tuple(kept))
    return replace(inspection, grades=settled, silenced=[*inspection.silenced, *silenced])


def inspect_folder(
    root: Path, registry: Registry, options: InspectOptions | None = None
) -> Inspection:
    """Load, check and (when no error stops it) grade one evidence folder.

    Args:
        root: The evidence folder.
        registry: Where frameworks are found.
        options: What to look for and whether to grade; the defaults grade.

    Raises:
        InputError: the folder cannot be read.
        FrameworkError: the framework it names is missing or invalid.
    """
    options = options or InspectOptions()
    with gc_paused():
        result = validate_folder(
            root, registry, names=options.names, strict=options.strict, accepted=options.accepted
        )
        return _from_result(result, options)


def inspect_path(
    path: Path,
    registry: Registry,
    options: InspectOptions | None = None,
    *,
    cache: FolderCache | None = None,
) -> Inspection:
    """:func:`inspect_folder` for a folder; for a single file, its own problems only.

    A file inside an evidence folder is checked with the whole folder (once per folder
    through ``cache``, as pre-commit passes many files of one folder); a lone file is read
    safely and its fields checked without a framework.

    Raises:
        InputError: the path does not exist or cannot be read.
        FrameworkError: the framework named is missing or invalid.
    """
    options = options or InspectOptions()
    if path.is_dir():
        return inspect_folder(path, registry, options)
    result = validate_path(
        path,
        registry,
        names=options.names,
        strict=options.strict,
        cache=cache,
        accepted=options.accepted,
    )
    return _settled(result, options)
