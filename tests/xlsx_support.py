"""Helpers for tests that write workbooks with openpyxl (all data fictional)."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from inspectkit.framework.registry import Registry
from inspectkit.inspection import Inspection, inspect_folder
from inspectkit.validate import validate_path
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"
REGISTRY = Registry([DATA / "frameworks"])


def mini_folder(tmp_path: Path, name: str = "mini") -> Path:
    """A copy of the mini evidence folder."""
    target = tmp_path / name
    shutil.copytree(DATA / "evidence" / "mini", target)
    return target


def write_workbook(
    path: Path, sheets: Sequence[tuple[str, Sequence[Sequence[Any]]]], hidden: Sequence[str] = ()
) -> Path:
    """A workbook with the given sheets (title, rows), the first one active."""
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
        if title in hidden:
            sheet.sheet_state = "hidden"
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def found(folder: Path) -> list[tuple[str, int, int, str, str]]:
    """(file name, line, column, code, sheet) of each diagnostic."""
    result = validate_path(folder, REGISTRY)
    return [(Path(d.file).name, d.line, d.column, d.code, d.sheet) for d in result.diagnostics]


def counts(folder: Path) -> list[tuple[Any, ...]]:
    """What grading counted for each indicator: grade, score and the two counted strands."""
    inspection: Inspection = inspect_folder(folder, REGISTRY)
    assert inspection.grades is not None
    return [
        (p.indicator, p.grade, p.score, p.records, p.surveys)
        for p in (row.proposal for row in inspection.grades.indicators)
    ]
