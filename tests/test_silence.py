"""Findings silenced where they stand, with a reason, and still counted in every format."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inspectkit.cli import app
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"
FW = ["--frameworks-dir", str(DATA / "frameworks")]
BAD_GRADE = "- indicator: '2.1'\n  grade: 9{comment}\n  rationale: r\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "mini"
    shutil.copytree(DATA / "evidence" / "mini", target)
    return target


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, [*args, *FW, "--no-config"])
    return result.exit_code, result.stdout


def test_an_inline_comment_silences_its_line(folder: Path) -> None:
    comment = "   # inspectkit: ignore IK308 -- scale changes next year"
    (folder / "evaluations.yaml").write_text(BAD_GRADE.format(comment=comment))
    code, out = run("validate", str(folder), "-f", "text")
    assert code == 0, out
    assert "IK308" not in out
    assert "1 finding silenced where it stands" in out and "(1 silenced)" in out


def test_a_comment_on_its_own_line_silences_the_next(folder: Path) -> None:
    text = (
        "- indicator: '2.1'\n  # inspectkit: ignore IK308 -- agreed at moderation\n"
        "  grade: 9\n  rationale: r\n"
    )
    (folder / "evaluations.yaml").write_text(text)
    assert run("validate", str(folder))[0] == 0


@pytest.mark.parametrize(
    "comment",
    [
        "  # inspectkit: ignore IK308",
        "  # inspectkit: ignore -- no code",
        "  # inspectkit: ignore IK309 -- other code",
    ],
)
def test_without_a_reason_or_the_right_code_nothing_is_silenced(folder: Path, comment: str) -> None:
    (folder / "evaluations.yaml").write_text(BAD_GRADE.format(comment=comment))
    code, out = run("validate", str(folder), "-f", "parsable")
    assert code == 1 and "IK308" in out
    assert ("IK020" in out) is ("--" not in comment or "no code" in comment)


def test_a_csv_note_column_silences_its_row(folder: Path) -> None:
    records = folder / "records" / "reader-a.csv"
    lines = records.read_text("utf-8-sig").splitlines()
    bad = lines[1].replace("5,", "9,", 1)
    code, out = run("validate", str(folder), "-f", "parsable")
    assert code == 0
    records.write_text("\n".join([lines[0], bad, *lines[2:]]) + "\n")
    code, out = run("validate", str(folder), "-f", "parsable")
    assert code == 1 and "IK210" in out
    header = lines[0] + ",inspectkit"
    rows = [bad + ",ignore IK210 -- reader typed 9 for 'not known'", *(r + "," for r in lines[2:])]
    records.write_text("\n".join([header, *rows]) + "\n")
    code, out = run("validate", str(folder), "-f", "parsable")
    assert code == 0, out
    assert "IK210" not in out and "IK021" in out


def test_the_silenced_count_is_in_every_format(folder: Path) -> None:
    comment = "   # inspectkit: ignore IK308 -- scale changes next year"
    (folder / "evaluations.yaml").write_text(BAD_GRADE.format(comment=comment))
    outputs = {
        f: run("validate", str(folder), "-f", f)[1]
        for f in ("text", "parsable", "json", "github", "junit", "sarif")
    }
    assert "(1 silenced)" in outputs["text"]
    assert "1 finding silenced" in outputs["parsable"] and "IK021" in outputs["github"]
    data = json.loads(outputs["json"])
    assert data["summary"]["silenced"] == 1
    assert data["silenced"][0]["code"] == "IK308"
    assert data["silenced"][0]["reason"] == "scale changes next year"
    suite = ET.fromstring(outputs["junit"]).find("testsuite")
    assert suite is not None and suite.get("skipped") == "1"
    results = json.loads(outputs["sarif"])["runs"][0]["results"]
    quiet = [r for r in results if r.get("suppressions")]
    assert [(r["ruleId"], r["suppressions"][0]["justification"]) for r in quiet] == [
        ("IK308", "scale changes next year")
    ]


def test_silenced_errors_let_the_folder_be_graded(folder: Path) -> None:
    comment = "   # inspectkit: ignore IK308 -- checked"
    (folder / "evaluations.yaml").write_text(BAD_GRADE.format(comment=comment))
    code, out = run("grade", str(folder), "-f", "json")
    assert code == 0 and json.loads(out)["indicators"]
