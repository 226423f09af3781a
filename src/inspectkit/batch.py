"""``validate`` over many paths: folders in worker processes, files with their folder.

Each folder is checked by :func:`_check_folder` in a worker, which returns plain data (the
diagnostics and files), never models. Single files share one check of their folder, as
pre-commit passes them. A folder whose framework cannot be used is reported with its problems
and makes the run exit 3; the other folders are still checked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from inspectkit.diagnostics import Diagnostic
from inspectkit.errors import ExitCode, FrameworkError
from inspectkit.evidence.discover import expand
from inspectkit.options import InspectOptions
from inspectkit.parallel import Workers, gc_paused, map_in_processes

if TYPE_CHECKING:  # imported where used: workers load them, not the process that forks them
    from inspectkit.evidence.silence import Silenced
    from inspectkit.framework.registry import Registry
    from inspectkit.inspection import FolderCache

__all__ = ["Checked", "start_workers", "validate_paths"]


@dataclass
class Checked:
    """Everything ``validate`` found over its paths."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    exit_code: ExitCode = ExitCode.OK
    silenced: list[Silenced] = field(default_factory=list)
    folders: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class _Job:
    location: str
    frameworks_dirs: tuple[str, ...]
    options: InspectOptions


@dataclass(frozen=True)
class _Outcome:
    diagnostics: tuple[Diagnostic, ...]
    files: tuple[str, ...]
    framework_failed: bool
    silenced: tuple[Silenced, ...] = ()


@cache
def _registry(dirs: tuple[str, ...]) -> Registry:
    """One registry per worker process, so that each framework is loaded once there."""
    from inspectkit.framework.registry import Registry

    return Registry([Path(d) for d in dirs])


def _warm_up() -> None:
    """What every worker needs first, imported while the command is still starting."""
    with gc_paused():
        import inspectkit.inspection  # noqa: F401


def start_workers(paths: Sequence[Path], jobs: int) -> Workers:
    """Workers for :func:`validate_paths` over ``paths``, started now (none for one folder).

    Raises:
        InputError: a path does not exist or cannot be read.
    """
    if jobs <= 1:
        return Workers(1)
    folders = [p for p in expand(paths) if p.is_dir()]
    wanted = min(jobs, len(folders))
    return Workers(wanted, _warm_up if wanted > 1 else None)


def _check_folder(job: _Job) -> _Outcome:
    with gc_paused():  # the first call imports the pipeline: the collector pauses for that too
        from inspectkit.inspection import inspect_folder

        try:
            found = inspect_folder(Path(job.location), _registry(job.frameworks_dirs), job.options)
        except FrameworkError as exc:
            return _Outcome(tuple(exc.diagnostics), (), True)
        outcome = _Outcome(
            tuple(found.diagnostics), tuple(found.files), False, tuple(found.silenced)
        )
        del found  # the folder is freed before the collector runs again, not walked by it
    return outcome


def validate_paths(
    paths: Sequence[Path],
    frameworks_dirs: Sequence[Path] = (),
    *,
    registry: Registry | None = None,
    names: Sequence[re.Pattern[str]] = (),
    strict: bool = False,
    jobs: int = 1,
    options: InspectOptions | None = None,
    workers: Workers | None = None,
) -> Checked:
    """Check every path (folders in parallel when ``jobs`` > 1), in the order given.

    A folder that holds evidence folders, and is not one, stands for each of them.

    Args:
        paths: Evidence folders, folders of them, or files within them.
        frameworks_dirs: The user's framework folders (workers open their own registry).
        registry: The registry to check paths with in this process; made from
            ``frameworks_dirs`` when needed and not given.
        names: Patterns of local names to look for.
        strict: Report possible personal data as errors.
        jobs: Worker processes for the folders.
        options: Further options (severities, accepted findings); ``names`` and ``strict``
            replace its own.
        workers: Workers started by :func:`start_workers`; they replace ``jobs``.

    Raises:
        InputError: a path does not exist or cannot be read.
    """
    base = options or InspectOptions()
    options = replace(base, names=tuple(names) or base.names, strict=strict, grade=False)
    dirs = tuple(str(d) for d in frameworks_dirs)
    paths = expand(paths)
    folders = [p for p in paths if p.is_dir()]
    outcomes: dict[Path, _Outcome] = {}
    parallel = workers.jobs if workers is not None else jobs
    if parallel > 1 and len(folders) > 1:
        work = [_Job(str(p), dirs, options) for p in folders]
        done = map_in_processes(_check_folder, work, jobs=jobs, workers=workers)
        outcomes = dict(zip(folders, done, strict=True))
    checked = Checked(folders=folders)
    cache_: FolderCache = {}
    for path in paths:
        outcome = outcomes.get(path)
        if outcome is None:
            registry = registry or _registry(dirs)
            outcome = _check_path(path, registry, options, cache_)
        checked.diagnostics += outcome.diagnostics
        checked.files += outcome.files
        checked.silenced += outcome.silenced
        if outcome.framework_failed:
            checked.exit_code = ExitCode.INVALID_FRAMEWORK
    return checked


def _check_path(
    path: Path, registry: Registry, options: InspectOptions, cache_: FolderCache
) -> _Outcome:
    from inspectkit.inspection import inspect_path

    try:
        found = inspect_path(path, registry, options, cache=cache_)
    except FrameworkError as exc:
        return _Outcome(tuple(exc.diagnostics), (), True)
    return _Outcome(tuple(found.diagnostics), tuple(found.files), False, tuple(found.silenced))
