"""Writing files safely: atomically, and never over a user's file unless asked."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from inspectkit.errors import InputError


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
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"Cannot write '{path}': {exc.strerror or exc}.") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise InputError(f"Cannot write '{path}': {exc.strerror or exc}.") from None
        raise


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
