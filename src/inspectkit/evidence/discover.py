"""Find the evidence folders a run covers: each path is a folder, or a parent of folders.

``overview`` takes folders only; ``validate`` also takes files, which stand for themselves.

A folder counts as an evidence folder when it holds any part of the contract (a manifest,
evaluations, ``evidence/``, ``records/`` or ``surveys/``), so that a folder whose manifest is
missing is still found, and reported as failing, rather than silently left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from inspectkit.errors import InputError
from inspectkit.files import EVALUATION_NAMES, MANIFEST_NAMES
from inspectkit.textfile import display_path
from inspectkit.textsafe import natural_key, safe

PARTS = (*MANIFEST_NAMES, *EVALUATION_NAMES, "evidence", "records", "surveys")


def is_evidence_folder(path: Path) -> bool:
    """True when ``path`` holds any part of an evidence folder."""
    return any((path / name).exists() for name in PARTS)


def children_of(path: Path) -> list[Path]:
    """The evidence folders directly inside ``path`` (hidden folders skipped), unordered."""
    return [
        child
        for child in path.iterdir()
        if child.is_dir() and not child.name.startswith(".") and is_evidence_folder(child)
    ]


def expand(paths: Sequence[Path]) -> list[Path]:
    """``paths`` with each folder that holds evidence folders (and is not one) replaced by
    them, in folder-name order; files and other paths stay as given."""
    out: list[Path] = []
    for path in paths:
        inner = children_of(path) if path.is_dir() and not is_evidence_folder(path) else []
        out += sorted(inner, key=lambda p: (natural_key(p.name), p.as_posix())) or [path]
    return out


def find_folders(paths: Sequence[Path]) -> list[Path]:
    """The evidence folders named by ``paths``, each once, ordered by folder name.

    A path that is an evidence folder stands for itself; otherwise it stands for the evidence
    folders directly inside it (hidden folders are skipped). A path with neither is taken as
    a folder, so that validation says what is missing.

    Raises:
        InputError: a path does not exist or is not a folder.
    """
    found: dict[Path, Path] = {}
    for path in paths:
        if not path.is_dir():
            what = "does not exist" if not path.exists() else "is not a folder"
            raise InputError(
                safe(f"'{display_path(path)}' {what}; give evidence folders or their parent.")
            )
        children = [path] if is_evidence_folder(path) else children_of(path) or [path]
        for child in children:
            found.setdefault(child.resolve(), child)
    return sorted(found.values(), key=lambda p: (natural_key(p.name), p.as_posix()))
