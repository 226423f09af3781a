"""``validate`` over many paths: folders in worker processes, files with their folder.

Each folder is checked by :func:`_check_folder` in a worker, which returns plain data (the
diagnostics and files), never models. Single files share one check of their folder, as
pre-commit passes them. A folder whose framework cannot be used is reported with its problems
and makes the run exit 3; the other folders are still checked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from inspectkit.diagnostics import Diagnostic
from inspectkit.errors import ExitCode, FrameworkError
from inspectkit.framework.registry import Registry
from inspectkit.inspection import FolderCache, InspectOptions, inspect_folder, inspect_path
from inspectkit.parallel import map_in_processes

__all__ = ["Checked", "validate_paths"]


@dataclass
class Checked:
    """Everything ``validate`` found over its paths."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    exit_code: ExitCode = ExitCode.OK


@dataclass(frozen=True)
class _Job:
    location: str
    frameworks_dirs: tuple[str, ...]
    names: tuple[re.Pattern[str], ...]
    strict: bool


@dataclass(frozen=True)
class _Outcome:
    diagnostics: tuple[Diagnostic, ...]
    files: tuple[str, ...]
    framework_failed: bool


@cache
def _registry(dirs: tuple[str, ...]) -> Registry:
    """One registry per worker process, so that each framework is loaded once there."""
    return Registry([Path(d) for d in dirs])


def _check_folder(job: _Job) -> _Outcome:
    options = InspectOptions(names=job.names, strict=job.strict, grade=False)
    try:
        found = inspect_folder(Path(job.location), _registry(job.frameworks_dirs), options)
    except FrameworkError as exc:
        return _Outcome(tuple(exc.diagnostics), (), True)
    return _Outcome(tuple(found.diagnostics), tuple(found.files), False)


def validate_paths(
    paths: Sequence[Path],
    registry: Registry,
    *,
    names: Sequence[re.Pattern[str]] = (),
    strict: bool = False,
    jobs: int = 1,
) -> Checked:
    """Check every path (folders in parallel when ``jobs`` > 1), in the order given.

    Raises:
        InputError: a path does not exist or cannot be read.
    """
    dirs = tuple(str(d) for d in registry.user_dirs)
    folders = [p for p in paths if p.is_dir()]
    parallel = jobs > 1 and len(folders) > 1
    outcomes: dict[Path, _Outcome] = {}
    if parallel:
        work = [_Job(str(p), dirs, tuple(names), strict) for p in folders]
        outcomes = dict(zip(folders, map_in_processes(_check_folder, work, jobs=jobs), strict=True))
    checked = Checked()
    cache_: FolderCache = {}
    options = InspectOptions(names=names, strict=strict, grade=False)
    for path in paths:
        if path in outcomes:
            outcome = outcomes[path]
        else:
            try:
                found = inspect_path(path, registry, options, cache=cache_)
                outcome = _Outcome(tuple(found.diagnostics), tuple(found.files), False)
            except FrameworkError as exc:
                outcome = _Outcome(tuple(exc.diagnostics), (), True)
        checked.diagnostics += outcome.diagnostics
        checked.files += outcome.files
        if outcome.framework_failed:
            checked.exit_code = ExitCode.INVALID_FRAMEWORK
    return checked
