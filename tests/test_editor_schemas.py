"""Schemas made for one framework: editors complete and check its ids, and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from inspectkit.cli import app
from inspectkit.framework.registry import Registry
from inspectkit.fwschema import EDITOR_SCHEMAS, framework_schema
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"
FW = ["--frameworks-dir", str(DATA / "frameworks")]
MINI = Registry([DATA / "frameworks"]).load("mini").framework


def _check(name: str, data: object) -> list[str]:
    validator = jsonschema.Draft202012Validator(framework_schema(name, MINI))
    as_json = json.loads(json.dumps(data, default=str))  # YAML dates as the strings they were
    return [e.message for e in validator.iter_errors(as_json)]


def test_the_example_folder_validates_against_its_schemas() -> None:
    folder = DATA / "evidence" / "mini"
    assert _check("manifest", yaml.safe_load((folder / "inspection.yaml").read_text())) == []
    items = yaml.safe_load((folder / "evidence" / "items.yaml").read_text())
    quoted = [{**i, "indicators": [str(x) for x in i["indicators"]]} for i in items]
    assert _check("evidence", quoted) == []
    assert _check("evaluations", yaml.safe_load((folder / "evaluations.yaml").read_text())) == []


@pytest.mark.parametrize(
    ("name", "data"),
    [
        (
            "evidence",
            [
                {
                    "id": "X",
                    "source": "focus-group",
                    "indicators": ["9.9"],
                    "finding": "strength",
                    "summary": "s",
                }
            ],
        ),
        (
            "evidence",
            [
                {
                    "id": "X",
                    "source": "gossip",
                    "indicators": ["2.1"],
                    "finding": "strength",
                    "summary": "s",
                }
            ],
        ),
        (
            "evidence",
            [
                {
                    "id": "X",
                    "source": "focus-group",
                    "indicators": ["2.1"],
                    "themes": ["saftey"],
                    "finding": "strength",
                    "summary": "s",
                }
            ],
        ),
        (
            "evidence",
            [
                {
                    "id": "X",
                    "source": "focus-group",
                    "indicators": ["2.1"],
                    "lines_of_enquiry": ["LOE9"],
                    "finding": "strength",
                    "summary": "s",
                }
            ],
        ),
        ("evaluations", [{"indicator": "5.4", "grade": 4, "rationale": "r"}]),  # not graded
        ("evaluations", [{"indicator": "2.1", "grade": 7, "rationale": "r"}]),
        ("manifest", {"framework": "other@1.0", "partnership": "X"}),
    ],
)
def test_a_wrong_id_is_rejected(name: str, data: object) -> None:
    assert _check(name, data) != []


def test_indicator_titles_are_descriptions_and_no_model_names_show() -> None:
    evidence = framework_schema("evidence", MINI)
    item = evidence["anyOf"][0]["items"]
    choices = item["properties"]["indicators"]["anyOf"][0]["items"]["oneOf"]
    assert {"const": "2.1", "description": "Impact on children"} in choices
    for name in EDITOR_SCHEMAS:
        text = json.dumps(framework_schema(name, MINI))
        assert "$defs" not in text and "$ref" not in text
        for model in ("EvidenceItem", "Manifest", "Evaluation", "IndependentGrade", "Period"):
            assert f'"{model}"' not in text, (name, model)


def test_init_writes_the_framework_schemas(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["init", str(tmp_path / "new"), "--framework", "mini", *FW])
    assert result.exit_code == 0, result.output
    written = tmp_path / "new" / ".inspectkit" / "schemas" / "evidence.schema.json"
    assert json.loads(written.read_text()) == framework_schema("evidence", MINI)


def test_schema_command_with_a_framework() -> None:
    result = CliRunner().invoke(app, ["schema", "evidence", "--framework", "mini", *FW])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == framework_schema("evidence", MINI)
    wrong = CliRunner().invoke(app, ["schema", "framework", "--framework", "mini", *FW])
    assert wrong.exit_code == 2
