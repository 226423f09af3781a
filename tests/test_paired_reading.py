"""Paired record reading (contract 1.1): readings, moderated rows, agreement and disagreement."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from inspectkit.cli import app
from inspectkit.framework.registry import Registry
from inspectkit.grading.agreement import krippendorff_alpha
from inspectkit.inspection import inspect_folder
from tests.conftest import ROOT

PAIRED = ROOT / "examples" / "cso-at-home-glenbrae-paired"
HEADER = "record_id,reader,chronology,plan-smart\n"


def _folder(tmp_path: Path, rows: str) -> Path:
    target = tmp_path / "paired"
    shutil.copytree(PAIRED, target)
    for f in (target / "records").iterdir():
        f.unlink()
    (target / "records" / "r.csv").write_text(HEADER + rows)
    return target


def _codes(folder: Path) -> list[str]:
    found = inspect_folder(folder, Registry()).problems
    return [d.code for d in found]


def test_a_1_0_folder_without_a_reader_column_reads_as_before() -> None:
    found = inspect_folder(ROOT / "examples" / "cso-at-home-glenbrae", Registry())
    assert found.folder.readings == [] and len(found.folder.records) == 100
    assert found.grades is not None and found.grades.moderation is None


def test_moderated_answer_wins_and_unmoderated_disagreement_is_not_counted(
    tmp_path: Path,
) -> None:
    rows = (
        "R-1,inspector-a,4,yes\nR-1,local-a,3,yes\nR-1,moderated,4,yes\n"
        "R-2,inspector-a,5,yes\nR-2,local-a,5,no\n"
    )
    found = inspect_folder(_folder(tmp_path, rows), Registry())
    records = {r.record_id: dict(r.answers) for r in found.folder.records}
    assert records == {"R-1": {"chronology": 4, "plan-smart": "yes"}, "R-2": {"chronology": 5}}
    unmoderated = [d for d in found.problems if d.code == "IK606"]
    assert [(d.file.endswith("r.csv"), d.line, d.column) for d in unmoderated] == [(True, 5, 4)]
    assert "inspector-a 'yes', local-a 'no'" in unmoderated[0].message


def test_a_record_read_twice_by_the_same_reader_is_an_error(tmp_path: Path) -> None:
    rows = "R-1,inspector-a,4,yes\nR-1,inspector-a,4,yes\n"
    folder = _folder(tmp_path, rows)
    assert "IK206" in _codes(folder)


def test_alpha_nominal_and_ordinal_at_known_values() -> None:
    # Two readers, four records: nominal alpha counts any disagreement alike.
    units = [["yes", "yes"], ["no", "no"], ["yes", "no"], ["yes", "yes"]]
    nominal = krippendorff_alpha(units, "nominal")
    assert nominal is not None and round(nominal, 4) == Decimal("0.5333")  # 1 - (2/8) / (30/56)
    # On the scale, 4 vs 5 is a smaller disagreement than 2 vs 5.
    near = krippendorff_alpha([[4, 5], [2, 2], [5, 5], [3, 3]], "ordinal")
    far = krippendorff_alpha([[2, 5], [2, 2], [5, 5], [3, 3]], "ordinal")
    assert near is not None and far is not None and near > far


def test_grade_json_shows_agreement_disagreements_and_unmoderated() -> None:
    result = CliRunner().invoke(app, ["grade", str(PAIRED), "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)["moderation"]
    assert (data["readings"], data["records"], data["moderated_records"]) == (207, 100, 7)
    assert data["unmoderated"] == 7 and len(data["disagreements"]) == 14
    chronology = next(q for q in data["questions"] if q["key"] == "chronology")
    assert chronology["level"] == "ordinal" and chronology["percent"] == 99.0
    smart = next(q for q in data["questions"] if q["key"] == "plan-smart")
    assert smart["level"] == "nominal" and set(smart["alpha"]) == {"nominal"}
    pairs = [p["key"] for p in data["reader_pairs"]]
    assert pairs == [f"inspector-{x} + local-reader-{x}" for x in "abc"]
    first = data["disagreements"][0]
    assert first["record"] == "R-003" and first["question"] == "plan-smart"
    assert first["answers"] == [
        {"reader": "inspector-a", "answer": "partly"},
        {"reader": "local-reader-a", "answer": "no"},
    ]
    assert first["moderated"] == "partly"


def test_grade_text_and_report_show_moderation(tmp_path: Path) -> None:
    text = CliRunner().invoke(app, ["grade", str(PAIRED)]).stdout
    assert "Paired reading: 207 readings of 100 records; 7 records with a moderated row; " in text
    assert "  R-010 order-reviewed-by-hearing: inspector-a yes vs local-reader-a no" in text
    result = CliRunner().invoke(app, ["report", str(PAIRED), "-o", str(tmp_path), "-f", "md"])
    assert result.exit_code == 0, result.output
    report = next(tmp_path.rglob("*.md")).read_text()
    assert "## Moderation of record reading" in report
    assert "| R-010 | order-reviewed-by-hearing | inspector-a: yes; local-reader-a: no |" in report
