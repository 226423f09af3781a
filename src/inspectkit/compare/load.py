"""Load a snapshot from an evidence folder (validated, then graded) or a saved grade file."""

from __future__ import annotations

import json
from pathlib import Path

from inspectkit.compare.model import parse_grades
from inspectkit.compare.snapshot import Snapshot, folder_inventory, inventory_from_grades
from inspectkit.errors import InputError, ReadFailure
from inspectkit.framework.registry import Registry
from inspectkit.textfile import display_path, read_text
from inspectkit.textsafe import safe


def load_snapshot(path: Path, registry: Registry) -> Snapshot:
    """A snapshot of ``path``: an evidence folder, or a file saved by ``grade --format json``.

    Raises:
        NotGradable: the folder has errors (they are the exception's diagnostics).
        InputError: the path does not exist, cannot be read, or is not a grade file.
        FrameworkError: the folder's framework is missing or invalid.
    """
    if path.is_dir():
        return _from_folder(path, registry)
    return _from_file(path)


def _from_folder(path: Path, registry: Registry) -> Snapshot:
    from inspectkit.inspection import inspect_folder
    from inspectkit.output.grades import to_data

    inspection = inspect_folder(path, registry)
    data = to_data(inspection.graded())
    return Snapshot(display_path(path), "folder", data, folder_inventory(inspection.folder))


def _from_file(path: Path) -> Snapshot:
    shown = display_path(path)
    try:
        text = read_text(path, shown).text
    except ReadFailure as exc:
        raise InputError(exc.diagnostic.message, [exc.diagnostic]) from None
    hint = "give an evidence folder, or a file saved by 'inspectkit grade --format json'"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            safe(
                f"'{shown}' is not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); {hint}."
            )
        ) from None
    except RecursionError:
        raise InputError(
            safe(f"'{shown}' is nested too deeply to be a grade file; {hint}.")
        ) from None
    try:
        doc = parse_grades(data)
    except ValueError as exc:
        raise InputError(safe(f"'{shown}' is not a saved grade file ({exc}); {hint}.")) from None
    return Snapshot(shown, "grades", data, inventory_from_grades(doc))
