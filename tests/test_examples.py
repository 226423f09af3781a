"""The bundled examples: two complete fictional inspections that validate cleanly, and the
broken practice folders whose diagnostics are fixed in examples/broken/expected.txt."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inspectkit.cli import app
from inspectkit.diagnostics import Severity
from inspectkit.framework.registry import Registry
from inspectkit.validate import validate_path
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"
BROKEN = EXAMPLES / "broken"
EXPECTED = BROKEN / "expected.txt"
COMPLETE = ("cso-at-home-glenbrae", "care-and-protection-kinloch-mhor")


def broken_cases() -> list[str]:
    return sorted(p.name for p in BROKEN.iterdir() if p.is_dir())


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (hidden ones too), by relative path, with its bytes."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("name", COMPLETE)
def test_example_validates_without_errors_or_warnings(name: str) -> None:
    result = validate_path(EXAMPLES / name, Registry())
    problems = [d for d in result.diagnostics if d.severity is not Severity.NOTE]
    assert problems == []
    assert result.framework is not None


@pytest.mark.parametrize("name", COMPLETE)
def test_example_is_realistic_in_size(name: str) -> None:
    folder = validate_path(EXAMPLES / name, Registry()).folder
    assert len(folder.records) >= 90
    assert len({r.file for r in folder.records}) >= 3
    respondents = Counter(r.survey for r in folder.responses)
    assert respondents["staff"] >= 250
    assert respondents["children"] >= 24
    assert respondents["parents"] >= 24
    items = [p.model for p in folder.items]
    assert len(items) >= 40
    assert len({i.source for i in items}) >= 6
    assert any(p.doc.display.endswith(".md") for p in folder.items)


def test_example_cli_reports_no_problems() -> None:
    result = CliRunner().invoke(
        app, ["validate", *(str(EXAMPLES / n) for n in COMPLETE), "--strict", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert '"diagnostics": []' in result.stdout


def test_generator_reproduces_the_committed_folders(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(EXAMPLES / "make_examples.py"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    written = [
        *COMPLETE,
        "cso-at-home-glenbrae-paired",
        *(f"broken/{case}" for case in broken_cases()),
    ]
    assert sorted(p.name for p in (tmp_path / "broken").iterdir()) == broken_cases()
    for name in written:
        assert tree(tmp_path / name) == tree(EXAMPLES / name), (
            f"examples/{name} differs from what make_examples.py writes: "
            "run 'python3 examples/make_examples.py'"
        )


def test_broken_examples_give_the_expected_diagnostics(
    monkeypatch: pytest.MonkeyPatch, update_golden: bool
) -> None:
    monkeypatch.chdir(ROOT)
    paths = [f"examples/broken/{case}" for case in broken_cases()]
    result = CliRunner().invoke(app, ["validate", *paths, "--format", "parsable"])
    assert result.exit_code == 1, result.output
    if update_golden:
        EXPECTED.write_text(result.stdout, encoding="utf-8", newline="\n")
    assert result.stdout == EXPECTED.read_text(encoding="utf-8")


def readme_rows() -> list[tuple[str, str, str, str]]:
    """(case, file, place, code) for each mistake listed in a table of the README."""
    rows, case = [], ""
    for line in (BROKEN / "README.md").read_text(encoding="utf-8").splitlines():
        heading = re.match(r"## `([^`/]+)/`", line)
        if heading:
            case = heading.group(1)
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and re.fullmatch(r"IK\d{3}", cells[-1]):
            file = cells[1].strip("`")
            place = re.sub(r"[^\d:–]", "", cells[2])
            rows.append((case, file, place, cells[-1]))
    return rows


def test_readme_codes_all_appear_in_expected_output() -> None:
    rows = readme_rows()
    assert {case for case, *_ in rows} == set(broken_cases())
    expected = EXPECTED.read_text(encoding="utf-8")
    produced = set(re.findall(r"\((IK\d{3})\)$", expected, flags=re.MULTILINE))
    assert {code for *_, code in rows} <= produced
    assert produced <= {code for *_, code in rows} | {"IK404"}  # and IK404 as a knock-on


def test_readme_places_match_expected_output() -> None:
    lines = EXPECTED.read_text(encoding="utf-8").splitlines()
    for case, file, place, code in readme_rows():
        where = "0:0" if place == "–" else place
        prefix = f"examples/broken/{case}/{file}:{where}: "
        assert any(ln.startswith(prefix) and ln.endswith(f"({code})") for ln in lines), (
            f"README lists {code} at {prefix}but expected.txt does not"
        )
