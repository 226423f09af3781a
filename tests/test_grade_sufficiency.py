"""Sufficiency in grade's outputs, n/a answers as no coverage, and the conflict warning."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from inspectkit.cli import app
from inspectkit.evidence.sufficiency import shortfalls
from inspectkit.evidence.tables import RecordRead
from tests.conftest import ROOT
from tests.test_grading_scenarios import FRAMEWORK, INDICATOR, build

EXAMPLE = ROOT / "examples" / "cso-at-home-glenbrae"


def _codes(folder_spec: dict[str, object]) -> dict[str, str]:
    folder = build(folder_spec)
    return {s.code: s.message for s in shortfalls(folder, FRAMEWORK, INDICATOR)}


def test_a_question_answered_only_n_a_is_not_coverage() -> None:
    spec = {"records": [60, 60], "strengths": {"important": 3}}
    folder = build(spec)
    assert FRAMEWORK.record_reading is not None
    minimum = FRAMEWORK.record_reading.minimum_records
    assert "IK403" not in {s.code for s in shortfalls(folder, FRAMEWORK, INDICATOR)}
    folder.records = [
        RecordRead(r.record_id, r.file, r.line, dict.fromkeys(r.answers, "n/a"))
        for r in folder.records
    ]
    found = {s.code: s.message for s in shortfalls(folder, FRAMEWORK, INDICATOR)}
    assert found["IK403"] == (
        f"Only 0 records inform graded indicator {INDICATOR}; the framework asks for at "
        f"least {minimum}."
    )
    assert found["IK401"].endswith("rests on one kind of evidence only (qualitative).")


def test_exactly_the_minimum_of_records_is_enough_and_one_fewer_is_not() -> None:
    assert FRAMEWORK.record_reading is not None
    minimum = FRAMEWORK.record_reading.minimum_records
    assert "IK403" not in _codes({"records": [minimum, minimum]})
    assert "IK403" in _codes({"records": [minimum - 1, minimum - 1]})


def test_no_views_of_children_or_families_is_in_grade_json_text_and_report(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "no-views"
    shutil.copytree(EXAMPLE, folder)
    for name in ("children.csv", "parents.csv"):
        (folder / "surveys" / name).unlink()
    for name in ("meetings-with-children.yaml", "meetings-with-families.yaml"):
        (folder / "evidence" / name).unlink()
    (folder / "evidence" / "survey-comments.yaml").unlink()
    data = json.loads(CliRunner().invoke(app, ["grade", str(folder), "-f", "json"]).stdout)
    first = data["indicators"][0]["explanation"]["sufficiency"]
    message = "Graded indicator 2.1 has no evidence of children's or families' views."
    assert {"code": "IK402", "message": message, "hint": first[0]["hint"]} in first
    text = CliRunner().invoke(app, ["grade", str(folder), "--explain", "2.1"]).stdout
    assert f"  IK402 {message}" in text
    result = CliRunner().invoke(app, ["report", str(folder), "-o", str(tmp_path / "r"), "-f", "md"])
    assert result.exit_code == 0, result.output
    report = next((tmp_path / "r").rglob("*.md")).read_text()
    assert f"2.1: {message}" in report


def test_conflicting_strands_warn_at_the_rationale_until_it_speaks_of_them(
    tmp_path: Path,
) -> None:
    # The example's rationales say how each conflict was weighed: no warning.
    result = CliRunner().invoke(app, ["grade", str(EXAMPLE)])
    assert "(IK605)" not in result.stderr
    folder = tmp_path / "silent"
    shutil.copytree(EXAMPLE, folder)
    evaluations = folder / "evaluations.yaml"
    text = evaluations.read_text()
    # Without a word on the conflict, both conflicting indicators are warned about.
    evaluations.write_text(text.replace("conflict", "difference"))
    warned = [
        line
        for line in CliRunner().invoke(app, ["grade", str(folder)]).stderr.splitlines()
        if "(IK605)" in line
    ]
    assert len(warned) == 2 and "Indicator 5.3: The strands conflict" in warned[0]
    # Speaking of it in 5.3's rationale only: 9.2 is still warned about.
    first, rest = text.split('indicator: "9.2"', 1)
    evaluations.write_text(first + 'indicator: "9.2"' + rest.replace("conflict", "difference"))
    again = CliRunner().invoke(app, ["grade", str(folder)]).stderr
    assert "Indicator 5.3: The strands conflict" not in again
    assert "Indicator 9.2: The strands conflict" in again
