"""Locking evaluations to the evidence they were moderated on, and warnings when it changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inspectkit.cli import app
from inspectkit.framework.registry import Registry
from inspectkit.inspection import InspectOptions, inspect_folder
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "cso-at-home-glenbrae-paired"
COMMENT = "# The team's own note: keep this line.\n"


@pytest.fixture
def locked(tmp_path: Path) -> Path:
    target = tmp_path / "locked"
    shutil.copytree(EXAMPLE, target)
    evaluations = target / "evaluations.yaml"
    evaluations.write_text(evaluations.read_text() + COMMENT)
    result = CliRunner().invoke(app, ["evaluate", str(target), "--lock", "--date", "2026-02-04"])
    assert result.exit_code == 0, result.output
    assert "locked 2.1, 5.3, 5.4, 9.2 on 2026-02-04" in result.stderr
    return target


def _ik607(folder: Path) -> list[tuple[str, str, int, int]]:
    found = inspect_folder(folder, Registry(), InspectOptions(grade=False))
    return [
        (d.message, Path(d.file).name, d.line, d.column)
        for d in found.diagnostics
        if d.code == "IK607"
    ]


def test_locking_only_adds_the_block_and_keeps_every_other_line(locked: Path) -> None:
    before = (EXAMPLE / "evaluations.yaml").read_text().splitlines()
    after = (locked / "evaluations.yaml").read_text().splitlines()
    kept = [line for line in after if line in before or line == COMMENT.strip()]
    assert kept == [*before, COMMENT.strip()]
    assert after.count("  moderated_on:") == 4
    assert _ik607(locked) == []


def test_locking_again_replaces_the_block_and_changes_nothing_else(locked: Path) -> None:
    first = (locked / "evaluations.yaml").read_text()
    CliRunner().invoke(app, ["evaluate", str(locked), "--lock", "--date", "2026-02-04"])
    assert (locked / "evaluations.yaml").read_text() == first


def test_a_changed_item_is_named_with_its_place(locked: Path) -> None:
    items = locked / "evidence" / "focus-groups.yaml"
    items.write_text(items.read_text().replace("locality knew the children", "locality knew"))
    assert _ik607(locked) == [
        (
            "Item 'FG-01' changed since the evaluation of 2.1 was moderated on 2026-02-04.",
            "focus-groups.yaml",
            4,
            3,
        )
    ]


def test_a_re_read_record_an_added_item_and_a_removed_one(locked: Path) -> None:
    records = locked / "records" / "reader-pair-a.csv"
    text = records.read_text().replace("R-005,local-reader-a,4,4,4", "R-005,local-reader-a,3,4,4")
    records.write_text(text)
    items = locked / "evidence" / "focus-groups.yaml"
    items.write_text(items.read_text().replace("id: FG-02", "id: FG-92"))
    found = _ik607(locked)
    messages = [m for m, *_ in found]
    assert (
        "Record 'R-005' was re-read since the evaluation of 5.3 was moderated on 2026-02-04."
        in (messages)
    )
    assert ("reader-pair-a.csv", 11, 1) in [tuple(f[1:]) for f in found if "R-005" in f[0]]
    assert any(m.startswith("Item 'FG-92' was added since") for m in messages)
    removed = [f for f in found if f[0].startswith("Item 'FG-02' was removed since")]
    assert removed and all(f[1] == "evaluations.yaml" for f in removed)


def test_validate_warns_and_strict_fails(locked: Path) -> None:
    items = locked / "evidence" / "focus-groups.yaml"
    items.write_text(items.read_text().replace("locality knew the children", "locality knew"))
    result = CliRunner().invoke(app, ["validate", str(locked), "--strict"])
    assert result.exit_code == 1
    assert (
        "Item 'FG-01' changed since the evaluation of 2.1" in result.stdout
    )  # findings go to standard output
