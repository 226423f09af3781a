"""`inspectkit template`: workbooks to fill in and printable forms, from a framework."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from inspectkit.cli import app
from inspectkit.forms import form_parts, template_files
from tests.xlsx_support import DATA, REGISTRY, counts, found, mini_folder

FW = REGISTRY.load("mini").framework
FILLED = {
    "record_id": [f"R-00{n}" for n in range(1, 5)],
    "plan-quality": ["5", "Good", "2", "n/a"],
    "views-recorded": ["yes", "no", "partly", "yes"],
    "workers": ["one", "three or more", "two", "one"],
}


def _fill(path: Path, columns: dict[str, list[str]]) -> None:
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    header = [str(c.value) for c in sheet[1]]
    for name, values in columns.items():
        column = next(i for i, h in enumerate(header, 1) if h == name or h.endswith(f"[{name}]"))
        for row, value in enumerate(values, start=2):
            sheet.cell(row, column, value)
    workbook.save(path)


def test_a_filled_template_validates_and_counts_as_the_contract_csv(tmp_path: Path) -> None:
    as_csv = mini_folder(tmp_path, "csv")
    folder = mini_folder(tmp_path, "filled")
    for name in ("records/reader-a.csv", "surveys/staff.csv", "surveys/children.csv"):
        (folder / name).unlink()
    for rel, data in template_files(FW, ["xlsx"]).items():
        (folder / rel).write_bytes(data)
    _fill(folder / "records" / "record-reading.xlsx", FILLED)
    staff = ["agree", "strongly agree", "neither"]
    _fill(
        folder / "surveys" / "staff.xlsx", {"respondent_id": ["ST-1", "ST-2", "ST-3"], "s01": staff}
    )
    _fill(
        folder / "surveys" / "children.xlsx",
        {"respondent_id": ["C-1", "C-2"], "c01": ["agree", "disagree"]},
    )
    assert found(folder) == []
    assert counts(folder) == counts(as_csv)


def test_the_workbook_has_drop_downs_guidance_and_hidden_lists(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(template_files(FW, ["xlsx"])["records/record-reading.xlsx"])
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["records", "Guidance", "Lists"]
    data, guidance, lists = (workbook[n] for n in workbook.sheetnames)
    assert [c.value for c in data[1]] == [
        "record_id",
        "How good is the plan? [plan-quality]",
        "Are the child's views recorded? [views-recorded]",
        "How many workers has the child had? [workers]",
        "notes",
    ]
    assert lists.sheet_state == "hidden"
    scale = [lists.cell(r, 1).value for r in range(2, 16)]
    assert scale[:7] == ["6", "5", "4", "3", "2", "1", "Excellent"] and scale[12] == "n/a"
    assert [lists.cell(r, 2).value for r in range(2, 6)] == ["yes", "no", "partly", "n/a"]
    assert [lists.cell(r, 3).value for r in range(2, 6)] == ["one", "two", "three or more", "n/a"]
    validations = {str(v.sqref): v.formula1 for v in data.data_validations.dataValidation}
    assert validations == {
        "B2:B1001": "=Lists!$A$2:$A$14",
        "C2:C1001": "=Lists!$B$2:$B$5",
        "D2:D1001": "=Lists!$C$2:$C$5",
    }
    rows = [[c.value for c in row] for row in guidance.iter_rows(min_row=2, max_row=4)]
    assert rows[0][0] == "plan-quality" and rows[0][3] == "4 (Good) or better"
    assert rows[1][3] == "yes" and rows[1][4].startswith("2.1 ")


def test_survey_workbooks_list_the_answer_scale(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    path.write_bytes(template_files(FW, ["xlsx"])["surveys/staff.xlsx"])
    workbook = load_workbook(path)
    assert [c.value for c in workbook["staff"][1]] == ["respondent_id", "Children are safe. [s01]"]
    assert [workbook["Lists"].cell(r, 1).value for r in range(2, 8)] == list(
        FW.answer_scales[0].options
    )


def test_printable_forms_give_text_answers_and_guidance() -> None:
    files = template_files(FW, ["md", "html"])
    assert sorted(files) == [
        "forms/record-reading.html",
        "forms/record-reading.md",
        "forms/survey-children.html",
        "forms/survey-children.md",
        "forms/survey-staff.html",
        "forms/survey-staff.md",
    ]
    md = files["forms/record-reading.md"].decode()
    assert "| `plan-quality` | How good is the plan? | 6 · 5 · 4" in md
    assert "- Counts as positive: 4 (Good) or better" in md
    html = files["forms/survey-staff.html"].decode()
    assert "<td>Children are safe.</td>" in html and "Are the child&#39;s" not in html
    assert "Are the child&#39;s views recorded?" in files["forms/record-reading.html"].decode()
    assert len(form_parts(FW)) == 3


def test_the_command_writes_and_never_overwrites(tmp_path: Path) -> None:
    runner = CliRunner()
    args = [
        "template",
        str(tmp_path / "f"),
        "--framework",
        "mini",
        "--frameworks-dir",
        str(DATA / "frameworks"),
    ]
    first = runner.invoke(app, [*args, "--format", "all"])
    assert first.exit_code == 0, first.output
    assert (tmp_path / "f" / "records" / "record-reading.xlsx").is_file()
    (tmp_path / "f" / "surveys" / "staff.xlsx").write_bytes(b"mine")
    again = runner.invoke(app, args)
    assert again.exit_code == 0
    assert (
        f"kept     {(tmp_path / 'f' / 'surveys' / 'staff.xlsx').as_posix()} (already exists)"
        in again.stderr
    )
    assert (tmp_path / "f" / "surveys" / "staff.xlsx").read_bytes() == b"mine"
    wrong = runner.invoke(app, [*args, "--format", "xls"])
    assert wrong.exit_code == 2 and "Did you mean 'xlsx'?" in wrong.output


def test_the_same_framework_gives_the_same_workbook_bytes() -> None:
    """No save time inside the package: entries and core properties carry a fixed date."""
    import io
    import re
    import zipfile

    part = form_parts(FW)[0]
    (name, first), *_ = template_files(FW, ["xlsx"]).items()
    assert name.endswith(".xlsx") and part.kind == "records"
    assert template_files(FW, ["xlsx"])[name] == first
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {i.date_time for i in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = package.read("docProps/core.xml").decode()
    stamps = re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]*)<", core)
    assert stamps == ["1980-01-01T00:00:00Z"] * 2
