"""Writing files safely: atomically, and never over a user's file unless asked."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from inspectkit.errors import InputError, OutputRefused
from inspectkit.textfile import display_path

# The evidence-folder contract's names (spec/evidence-folder.md); kept here, below the
# evidence package, so that writing files needs nothing above the base modules.
MANIFEST_NAMES = ("inspection.yaml", "inspection.yml")
EVALUATION_NAMES = ("evaluations.yaml", "evaluations.yml")
CONTRACT_FOLDERS = ("evidence", "records", "surveys")


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    An interrupted run leaves either the old file or the new one, never half of one.

    Raises:
        InputError: the folder cannot be written.
    """
    if path.exists() and not path.is_file():
        _write_special(path, data)
        return
    mode = _mode_for(path)
    folder = path.parent if str(path.parent) else Path()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"Cannot write '{path}': {exc.strerror or exc}.") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
        _remove_stale_temps(path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise InputError(f"Cannot write '{path}': {exc.strerror or exc}.") from None
        raise


def _temp_prefix(path: Path) -> str:
    """``.report.html.<pid>.``: the writer's process id tells a stale file from a live one."""
    return f".{path.name}.{os.getpid()}."


def _remove_stale_temps(path: Path) -> None:
    """Remove temporary files that earlier, killed writes of ``path`` left behind.

    A temporary file is stale when the process named in it is gone; one of a live process
    (another run writing the same file at this moment) is left alone.
    """
    prefix = f".{path.name}."
    folder = path.parent if str(path.parent) else Path()
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            name = entry.name
            if not (name.startswith(prefix) and name.endswith(".tmp")):
                continue
            pid = name[len(prefix) :].split(".", 1)[0]
            if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
                with contextlib.suppress(OSError):
                    entry.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def refuse_output_over_inputs(outputs: Sequence[Path], inputs: Sequence[Path]) -> None:
    """Refuse to write where the user's evidence is.

    An output is refused when it is one of the input files, is an evidence folder's
    manifest or evaluations file, or lies inside its ``evidence/``, ``records/`` or
    ``surveys/`` folder (links are followed first).

    Raises:
        OutputRefused: with a sentence saying which input the output would destroy.
    """
    for output in outputs:
        target = _real(output)
        for source in inputs:
            why = _overlap(target, source)
            if why:
                raise OutputRefused(
                    f"Refusing to write '{display_path(output)}': it {why}. Nothing was "
                    "written; choose an output outside the evidence."
                )


def _overlap(target: Path, source: Path) -> str:
    """Why writing ``target`` would harm the input ``source``, or ""."""
    real = _real(source)
    if target == real:
        return f"is the input '{display_path(source)}'"
    if not real.is_dir():
        return ""
    for name in (*MANIFEST_NAMES, *EVALUATION_NAMES):
        if target == real / name:
            return f"is the evidence folder's {name}"
    for sub in CONTRACT_FOLDERS:
        folder = real / sub
        if target == folder or folder in target.parents:
            return f"lies inside the evidence folder's {sub}/"
    return ""


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def write_new(path: Path, data: bytes) -> bool:
    """Create ``path`` with ``data`` unless it exists; True if written.

    Raises:
        InputError: the file cannot be created.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("xb") as out:
            out.write(data)
    except FileExistsError:
        return False
    except OSError as exc:
        raise InputError(f"Cannot create '{path}': {exc.strerror or exc}.") from None
    return True


def _mode_for(path: Path) -> int:
    """The old file's permissions, or what a new file would get (mkstemp's are 0600)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _write_special(path: Path, data: bytes) -> None:
    """A device or pipe (``/dev/null``, ``/dev/stdout``) is written to, never replaced."""
    if path.is_dir():
        raise InputError(f"Cannot write '{path}': it is a folder.")
    try:
        with path.open("wb") as out:
            out.write(data)
    except OSError as exc:
        raise InputError(f"Cannot write '{path}': {exc.strerror or exc}.") from None
