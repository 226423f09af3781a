"""Validate and grade many evidence folders, in parallel across processes.

Each folder is handled by :func:`assess_folder` in a worker process, which returns an
:class:`Outcome` of plain, picklable data: no models cross between processes. A folder that
fails (errors, an unknown framework, an unreadable folder) becomes an outcome with its error
count; it never stops the others. Outcomes come back ordered by folder name, whatever order
the workers finish in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from inspectkit.diagnostics import Diagnostic, Severity, count
from inspectkit.errors import FrameworkError, InputError
from inspectkit.evidence.folder import EvidenceFolder
from inspectkit.evidence.models import EvidenceItem
from inspectkit.framework.models import Framework
from inspectkit.framework.registry import Registry
from inspectkit.textfile import display_path
from inspectkit.textsafe import natural_key


@dataclass(frozen=True)
class FrameworkInfo:
    """What an overview shows of a framework."""

    ref: str
    title: str
    scale: tuple[tuple[int, str], ...]  # (value, label), highest first
    graded: tuple[tuple[str, str], ...]  # (indicator id, title)
    themes: tuple[tuple[str, str], ...]  # (theme id, title)
    suppress_below: int


@dataclass(frozen=True)
class IndicatorResult:
    """One indicator's proposed and final grades in one folder."""

    indicator: str
    proposed: int | None
    final: int | None

    @property
    def shown(self) -> int | None:
        """The final grade, else the proposed one."""
        return self.final if self.final is not None else self.proposed


@dataclass(frozen=True)
class Outcome:
    """One folder, validated and (when it has no errors) graded.

    Attributes:
        name: The folder's name.
        path: The folder as shown to users.
        partnership: From the manifest, or "" when it cannot be read.
        framework: The framework, or None when it is unknown.
        errors: Errors found (validation or framework).
        warnings: Warnings found.
        grades: Per graded indicator; empty when the folder failed.
        strength_themes: Themes carried by at least one strength.
        improvement_themes: Themes carried by at least one area for improvement.
        problem: Why the folder could not be read at all, else "".
    """

    name: str
    path: str
    partnership: str
    framework: FrameworkInfo | None
    errors: int
    warnings: int
    grades: tuple[IndicatorResult, ...] = ()
    strength_themes: tuple[str, ...] = ()
    improvement_themes: tuple[str, ...] = ()
    problem: str = ""

    @property
    def graded(self) -> bool:
        """True when the folder validated without errors and was graded."""
        return self.errors == 0 and self.framework is not None and not self.problem


def framework_info(fw: Framework) -> FrameworkInfo:
    """The parts of a framework an overview shows."""
    points = sorted(fw.scale.points, key=lambda p: -p.value) if fw.scale else []
    return FrameworkInfo(
        fw.ref,
        fw.title,
        tuple((p.value, p.label) for p in points),
        tuple((i, ind.title if (ind := fw.indicator(i)) else i) for i in fw.graded),
        tuple((t.id, t.title) for t in fw.themes),
        fw.reporting.suppress_below,
    )


@cache
def _registry(dirs: tuple[str, ...]) -> Registry:
    """One registry per process, so that each framework is loaded once per worker."""
    return Registry([Path(d) for d in dirs])


def assess_folder(location: str, frameworks_dirs: tuple[str, ...] = ()) -> Outcome:
    """Validate and grade one folder (runs in a worker process: arguments are plain)."""
    from inspectkit.inspection import inspect_folder

    path = Path(location)
    shown = display_path(path)
    try:
        inspection = inspect_folder(path, _registry(frameworks_dirs))
    except FrameworkError as exc:
        return _failed(path, shown, exc.diagnostics, exc.message)
    except InputError as exc:
        return _failed(path, shown, exc.diagnostics, exc.message)
    folder = inspection.folder
    partnership = _partnership(folder)
    fw = inspection.framework
    counts = count(inspection.diagnostics)
    errors, warnings = counts[Severity.ERROR], counts[Severity.WARNING]
    info = framework_info(fw) if fw is not None else None
    if errors or fw is None or info is None:
        return Outcome(path.name, shown, partnership, info, max(1, errors), warnings)
    if fw.grading is None or not fw.graded:
        problem = f"The framework {fw.ref} grades no indicator."
        return Outcome(path.name, shown, partnership, info, 0, warnings, problem=problem)
    report = inspection.graded()
    items: list[EvidenceItem] = [p.model for p in folder.items]
    return Outcome(
        path.name,
        shown,
        partnership,
        info,
        0,
        warnings,
        tuple(
            IndicatorResult(row.proposal.indicator, row.proposal.grade, row.final)
            for row in report.indicators
        ),
        _themes(items, "strength"),
        _themes(items, "area-for-improvement"),
    )


def _partnership(folder: EvidenceFolder) -> str:
    """The manifest's partnership, even when other manifest fields are wrong."""
    if folder.manifest is not None:
        return folder.manifest.partnership
    data = folder.manifest_doc.data if folder.manifest_doc else None
    value = data.get("partnership") if isinstance(data, dict) else None
    return value.strip() if isinstance(value, str) else ""


def _themes(items: Sequence[EvidenceItem], finding: str) -> tuple[str, ...]:
    """The themes carried by at least one item of this finding (each theme once)."""
    return tuple(sorted({t for i in items if i.finding == finding for t in i.themes}))


def _failed(path: Path, shown: str, diagnostics: Sequence[Diagnostic], message: str) -> Outcome:
    errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
    warnings = sum(1 for d in diagnostics if d.severity is Severity.WARNING)
    return Outcome(path.name, shown, "", None, max(1, errors), warnings, problem=message)


def assess_all(
    folders: Sequence[Path],
    frameworks_dirs: Sequence[Path] = (),
    *,
    jobs: int = 1,
    on_done: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Validate and grade every folder, ``jobs`` at a time; outcomes ordered by folder name.

    Args:
        folders: The evidence folders.
        frameworks_dirs: The user's framework folders.
        jobs: Worker processes; 1 runs every folder in this process.
        on_done: Called in this process as each folder finishes (for a progress bar).
    """
    dirs = tuple(str(d) for d in frameworks_dirs)
    names = [str(f) for f in folders]
    done = on_done or (lambda _: None)
    outcomes: list[Outcome] = []
    if jobs <= 1 or len(names) <= 1:
        for name in names:
            outcomes.append(assess_folder(name, dirs))
            done(outcomes[-1])
    else:
        with ProcessPoolExecutor(max_workers=min(jobs, len(names))) as pool:
            futures = [pool.submit(assess_folder, name, dirs) for name in names]
            for future in as_completed(futures):
                outcomes.append(future.result())
                done(outcomes[-1])
    return sorted(outcomes, key=lambda o: (natural_key(o.name), o.path))
