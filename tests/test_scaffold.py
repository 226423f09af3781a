"""The folder ``inspectkit init`` writes stays valid when its own comments are followed.

Each scaffold file says how to fill it in; these tests do exactly what the comments say,
for every framework a folder can be made for, and validate the result.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from inspectkit.diagnostics import Severity
from inspectkit.framework.registry import Registry
from inspectkit.scaffold import scaffold_files, write_scaffold
from inspectkit.validate import validate_folder
from tests.conftest import ROOT

REGISTRY = Registry([ROOT / "tests" / "data" / "frameworks"])
# Frameworks a folder can be made for: those that grade something (not the base framework).
PROGRAMMES = sorted(e.ref for e in REGISTRY.entries() if REGISTRY.load(e.ref).framework.graded)


def _entries(text: str) -> list[list[int]]:
    """The commented entries: a '# - ' line and the '#   ' lines that continue it."""
    entries: list[list[int]] = []
    for number, line in enumerate(text.splitlines()):
        if line.startswith("# - "):
            entries.append([number])
        elif line.startswith("#   ") and entries and entries[-1][-1] == number - 1:
            entries[-1].append(number)
    return entries


def _uncomment(text: str, numbers: list[int], *, delete_empty_list: bool = True) -> str:
    """Remove the '# ' from the given lines and, as the comments say, the '[]' line."""
    lines = text.splitlines()
    out = []
    for number, line in enumerate(lines):
        if number in numbers:
            out.append(line.removeprefix("# "))
        elif not (delete_empty_list and line.startswith("[]")):
            out.append(line)
    return "\n".join(out) + "\n"


def _fill_manifest(text: str) -> str:
    """Do what the manifest's comments say: the partnership, the period and the team."""
    text = text.replace("partnership:  ", "partnership: Glenbrae", 1)
    lines = text.splitlines()
    period = next(n for n, ln in enumerate(lines) if "To give the period" in ln) + 1
    lines[period] = lines[period].removeprefix("# ")
    team = next(ln for ln in lines if "replace [] with e.g." in ln)
    example = team.split("replace [] with e.g. ", 1)[1]
    lines = [ln.replace("team: []", f"team: {example}") if ln == "team: []" else ln for ln in lines]
    return "\n".join(lines) + "\n"


def _errors(folder: Path) -> list[str]:
    result = validate_folder(folder, REGISTRY)
    return [
        f"{d.file}:{d.line}:{d.column} {d.code} {d.message}"
        for d in result.diagnostics
        # a new folder has no evidence yet (IK310): that is not a fault of its files
        if d.severity is Severity.ERROR and d.code != "IK310"
    ]


@pytest.fixture(params=PROGRAMMES)
def made(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    fw = REGISTRY.load(request.param).framework
    files = scaffold_files(fw)
    folder = tmp_path / "new"
    write_scaffold(folder, files)
    (folder / "inspection.yaml").write_text(_fill_manifest(files["inspection.yaml"]))
    return folder, files


def test_programmes_are_found() -> None:
    assert len(PROGRAMMES) >= 4  # the three built-in programmes and the test framework


def test_the_comments_say_what_the_tests_do(made: tuple[Path, dict[str, str]]) -> None:
    _, files = made
    for name in ("evidence/items.yaml", "evaluations.yaml"):
        text = re.sub(r"\s*\n#\s*", " ", files[name])
        assert "delete the '[]' line at the end" in text
        assert "remove the '# ' from" in text
        assert _entries(files[name])
    assert "remove the '# ' from the next line" in files["inspection.yaml"]


def test_the_filled_manifest_and_empty_lists_are_valid(made: tuple[Path, dict[str, str]]) -> None:
    folder, _ = made
    assert _errors(folder) == []
    result = validate_folder(folder, REGISTRY)
    assert result.folder.manifest is not None
    assert result.folder.manifest.period is not None and result.folder.manifest.team


def test_uncommenting_the_example_item_gives_a_valid_item(
    made: tuple[Path, dict[str, str]],
) -> None:
    folder, files = made
    text = files["evidence/items.yaml"]
    [example] = _entries(text)
    (folder / "evidence" / "items.yaml").write_text(_uncomment(text, example))
    assert _errors(folder) == []
    assert [p.model.id for p in validate_folder(folder, REGISTRY).folder.items] == ["FG-01"]


def test_uncommenting_any_evaluation_gives_a_valid_file(
    made: tuple[Path, dict[str, str]],
) -> None:
    folder, files = made
    text = files["evaluations.yaml"]
    entries = _entries(text)
    fw = validate_folder(folder, REGISTRY).framework
    assert fw is not None and len(entries) == len(fw.graded)
    for chosen in [[entry] for entry in entries] + [entries]:
        numbers = [n for entry in chosen for n in entry]
        (folder / "evaluations.yaml").write_text(_uncomment(text, numbers))
        assert _errors(folder) == []
        loaded = validate_folder(folder, REGISTRY).folder.evaluations
        assert len(loaded) == len(chosen)


def test_keeping_the_empty_list_is_named_at_its_line(made: tuple[Path, dict[str, str]]) -> None:
    folder, files = made
    text = files["evidence/items.yaml"]
    [example] = _entries(text)
    (folder / "evidence" / "items.yaml").write_text(
        _uncomment(text, example, delete_empty_list=False)
    )
    result = validate_folder(folder, REGISTRY)
    [problem] = [d for d in result.diagnostics if d.code == "IK004"]
    empty_line = next(n for n, ln in enumerate(text.splitlines(), 1) if ln.startswith("[]"))
    assert (problem.line, problem.column) == (empty_line, 1)
    assert "delete the '[]' line" in problem.hint
