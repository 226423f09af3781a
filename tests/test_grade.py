"""inspectkit grade: the team's judgement beside the proposal, gates, formats, determinism."""

from __future__ import annotations

import csv
import io
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from inspectkit.cli import app
from inspectkit.grading.agreement import krippendorff_alpha
from inspectkit.textsafe import neutralise
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"
FW = ["--frameworks-dir", str(DATA / "frameworks")]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "mini"
    shutil.copytree(DATA / "evidence" / "mini", target)
    return target


def grade(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["grade", *args, *FW])
    return result.exit_code, result.stdout, result.stderr


def test_krippendorff_alpha_matches_the_published_example() -> None:
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability": 4 coders, 12 units.
    rows = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    ]
    units = [[r[i] for r in rows if r[i] is not None] for i in range(12)]
    assert round(krippendorff_alpha(units, "ordinal"), 3) == Decimal("0.815")
    assert round(krippendorff_alpha(units, "interval"), 3) == Decimal("0.849")
    assert krippendorff_alpha([[4, 4], [5, 5]]) == 1  # perfect agreement
    assert krippendorff_alpha([[4, 4], [4, 4]]) is None  # no variation: undefined
    assert krippendorff_alpha([[4]]) is None


def test_table_shows_proposed_and_final(folder: Path) -> None:
    code, out, _ = grade(str(folder))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["INDICATOR", "TITLE", "PROPOSED", "FINAL", "LABEL", "REASON"]
    assert lines[1].split()[:6] == ["2.1", "Impact", "on", "children", "3", "4"]


def test_explain_one_indicator(folder: Path) -> None:
    code, out, _ = grade(str(folder), "--explain", "2.1")
    assert code == 0
    assert "Proposed: 3 Adequate (combined score 59.5" in out
    assert "plan-quality: positive in the majority (67%) of the 3 records it applied to" in out
    assert (
        "To lift it: Smallest change up: 4 Good with qualitative evidence at 73.6% (now 66.7%), "
        "the rest unchanged." in out
    )
    assert "own grade 3 Adequate  counts: 5 respondents (at least 2 needed)" in out
    assert "up to 4 Good at 63.6%, 1 answer(s) of 11; down to 2 Weak at 27.3%" in out
    assert grade(str(folder), "--explain", "9.9")[0] == 2


def test_departure_without_reason_is_a_warning(folder: Path) -> None:
    (folder / "evaluations.yaml").write_text(
        "- indicator: '2.1'\n  grade: 6\n  rationale: Children were safe.\n"
    )
    code, _, err = grade(str(folder))
    assert code == 0
    assert "IK601" in err and "differs from the proposed 3 by 3 points" in err
    assert grade(str(folder), "--strict")[0] == 1
    (folder / "evaluations.yaml").write_text(
        "- indicator: '2.1'\n  grade: 6\n  rationale: Children were safe.\n"
        "  departure: The sample missed the new service's records.\n"
    )
    assert "IK601" not in grade(str(folder))[2]


def test_independent_grades_spread_agreement_and_moderation(folder: Path) -> None:
    (folder / "evaluations.yaml").write_text(
        "- indicator: '2.1'\n  rationale: Awaiting moderation.\n  independent:\n"
        "    - {evaluator: lead, grade: 4}\n    - {evaluator: health, grade: 3}\n"
        "    - {evaluator: police, grade: good}\n"
    )
    code, out, err = grade(str(folder), "-f", "json")
    assert code == 0
    data = json.loads(out)
    final = data["indicators"][0]["final"]
    assert final["grade"] is None
    assert final["independent"] == [
        {"evaluator": "lead", "grade": 4},
        {"evaluator": "health", "grade": 3},
        {"evaluator": "police", "grade": 4},
    ]
    assert "IK602" in err and "range from 3 to 4" in err


def test_gates(folder: Path) -> None:
    assert grade(str(folder), "--fail-under", "4")[0] == 0
    code, _, err = grade(str(folder), "--fail-under", "5")
    assert code == 1 and "IK604" in err
    (folder / "evaluations.yaml").unlink()
    assert grade(str(folder))[0] == 0
    code, _, err = grade(str(folder), "--require-evaluations")
    assert code == 1 and "has no team evaluation" in err


def test_invalid_folder_is_not_graded(folder: Path) -> None:
    (folder / "evaluations.yaml").write_text("- indicator: '2.1'\n  grade: 9\n  rationale: r\n")
    code, out, err = grade(str(folder))
    assert code == 1 and out == "" and "IK308" in err


def test_formats_agree_and_are_deterministic(folder: Path, tmp_path: Path) -> None:
    as_json = grade(str(folder), "-f", "json")[1]
    assert as_json == grade(str(folder), "-f", "json")[1]
    data = json.loads(as_json)
    assert data["schema_version"] == 1
    assert yaml.safe_load(grade(str(folder), "-f", "yaml")[1]) == data
    rows = list(csv.DictReader(io.StringIO(grade(str(folder), "-f", "csv")[1])))
    assert rows[0]["proposed"] == "3" and rows[0]["final"] == "4"
    out = tmp_path / "g.json"
    assert grade(str(folder), "-f", "json", "-o", str(out))[0] == 0
    assert out.read_text() == as_json


def test_csv_cells_cannot_become_formulas() -> None:
    assert neutralise('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert neutralise("+1") == "'+1" and neutralise("-2") == "'-2" and neutralise("@a") == "'@a"
    assert neutralise("Good") == "Good"


@pytest.mark.parametrize(
    "example",
    ["cso-at-home-glenbrae", "care-and-protection-kinloch-mhor", "cso-at-home-glenbrae-paired"],
)
def test_grade_json_matches_the_published_schema(example: str) -> None:
    import jsonschema

    schema = json.loads((ROOT / "schemas" / "grade-results.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    result = CliRunner().invoke(app, ["grade", str(ROOT / "examples" / example), "-f", "json"])
    jsonschema.validate(json.loads(result.stdout), schema)
    printed = CliRunner().invoke(app, ["schema", "grade-results"]).stdout
    assert json.loads(printed) == schema
