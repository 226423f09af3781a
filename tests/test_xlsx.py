"""Workbooks in records/ and surveys/: read natively, placed by sheet and cell, counted as CSV."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from inspectkit.diagnostics import Diagnostic, cell_place, column_letters
from inspectkit.evidence.xlsxread import read_xlsx, text_of
from inspectkit.output.diagnostics import render
from inspectkit.validate import validate_path
from tests.xlsx_support import REGISTRY, counts, found, mini_folder, write_workbook

RECORDS = [
    ["record_id", "plan-quality", "views-recorded", "workers"],
    ["R-001", 5, "Yes ", "one"],
    ["R-002", "good", "no", "three or more"],
    ["R-003", 2.0, "PARTLY", "two"],
    ["R-004", "n/a", "yes", "One"],
]


def _as_workbook(folder: Path) -> Path:
    """The mini folder with its records and surveys moved into workbooks."""
    (folder / "records" / "reader-a.csv").unlink()
    write_workbook(folder / "records" / "reader-a.xlsx", [("Sheet1", RECORDS)])
    for survey in ("staff", "children"):
        csv_path = folder / "surveys" / f"{survey}.csv"
        rows = [line.split(",") for line in csv_path.read_text().splitlines()]
        csv_path.unlink()
        rows = [[cell.strip('"') for cell in row] for row in rows]
        write_workbook(folder / "surveys" / f"{survey}.xlsx", [(survey, rows)])
    return folder


def test_workbooks_validate_and_grade_as_the_same_data_in_csv(tmp_path: Path) -> None:
    as_csv = mini_folder(tmp_path, "csv")
    as_xlsx = _as_workbook(mini_folder(tmp_path, "xlsx"))
    assert found(as_xlsx) == found(as_csv) == []
    assert counts(as_xlsx) == counts(as_csv)
    records = {
        r.record_id: dict(r.answers) for r in validate_path(as_xlsx, REGISTRY).folder.records
    }
    assert records["R-003"] == {"plan-quality": 2, "views-recorded": "partly", "workers": "two"}


def test_places_name_the_sheet_and_cell_in_every_format(tmp_path: Path) -> None:
    folder = mini_folder(tmp_path)
    rows = [RECORDS[0], *[[f"B-{n}", 4, "yes", "one"] for n in range(4)], ["B-5", 9, "yes", "one"]]
    write_workbook(folder / "records" / "pair-b.xlsx", [("Pair B", rows)])
    result = validate_path(folder, REGISTRY)
    (d,) = result.diagnostics
    assert (d.line, d.column, d.sheet, d.unit, d.code) == (6, 2, "Pair B", "cell", "IK210")
    assert d.cell == "'Pair B'!B6"
    text = render([d], "text", tool_version="0")
    assert "  'Pair B'!B6  error" in text
    assert render([d], "parsable", tool_version="0").startswith(f"{d.file}:6:2: [error]")
    github = render([d], "github", tool_version="0")
    assert ",line=6,col=2," in github and f"::{d.file}:'Pair B'!B6: " in github
    sarif = json.loads(render([d], "sarif", tool_version="0"))["runs"][0]["results"][0]
    assert sarif["locations"][0]["physicalLocation"]["region"] == {"startLine": 6}
    assert sarif["properties"] == {"sheet": "Pair B", "cell": "'Pair B'!B6"}
    data = json.loads(render([d], "json", tool_version="0"))["diagnostics"][0]
    assert (data["sheet"], data["cell"], data["line"], data["column"]) == (
        "Pair B",
        "'Pair B'!B6",
        6,
        2,
    )


def test_csv_and_yaml_places_are_unchanged() -> None:
    d = Diagnostic("IK210", "x", "records/a.csv", 3, 2, unit="field")
    assert "sheet" not in d.to_dict() and d.cell == ""
    assert render([d], "text", tool_version="0").splitlines()[1].startswith("  3:2 ")


@pytest.mark.parametrize(
    ("sheet", "row", "column", "shown"),
    [
        ("Sheet1", 7, 4, "Sheet1!D7"),
        ("Sheet1", 7, 0, "Sheet1!7:7"),
        ("Sheet1", 0, 0, "Sheet1"),
        ("Pair's", 2, 27, "'Pair''s'!AA2"),
        ("2024", 1, 26, "'2024'!Z1"),
    ],
)
def test_cell_places(sheet: str, row: int, column: int, shown: str) -> None:
    assert cell_place(sheet, row, column) == shown


def test_column_letters_at_their_edges() -> None:
    assert [column_letters(n) for n in (1, 26, 27, 52, 53, 702, 703)] == [
        "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (4, "4"),
        (4.0, "4"),
        (4.5, "4.5"),
        ("4.0", "4"),
        (" 4 ", "4"),
        ("+4.00", "4"),
        ("4.01", "4.01"),
        (True, "yes"),
        (False, "no"),
        (dt.datetime(2026, 2, 10), "2026-02-10"),
        (dt.datetime(2026, 2, 10, 9, 30), "2026-02-10 09:30:00"),
        (dt.date(2026, 2, 10), "2026-02-10"),
        (dt.time(9, 30), "09:30"),
    ],
)
def test_cells_read_as_a_user_sees_them(value: object, text: str) -> None:
    assert text_of(value) == text


def test_numbers_stored_as_text_dates_and_blank_rows(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "r.xlsx",
        [
            (
                "Sheet1",
                [
                    [None, None],
                    ["record_id", "plan-quality", "notes"],
                    ["R-1", "4", dt.datetime(2026, 2, 10)],
                    [None, None, None],
                    ["R-2", 4.0, None],
                    [None, None, None],
                    [None, None, None],
                ],
            )
        ],
    )
    table = read_xlsx(path, "r.xlsx")
    assert table.header_line == 2
    assert [(r.line, r.cells) for r in table.rows] == [
        (3, ("R-1", "4", "2026-02-10")),
        (5, ("R-2", "4", "")),
    ]


def test_merged_header_cells(tmp_path: Path) -> None:
    folder = mini_folder(tmp_path)
    path = folder / "records" / "merged.xlsx"
    write_workbook(
        path,
        [("Sheet1", [["record_id", "plan-quality", None, "workers"], ["R-9", 4, None, "one"]])],
    )
    workbook = load_workbook(path)
    workbook.active.merge_cells("B1:C1")  # type: ignore[union-attr]
    workbook.save(path)
    assert found(folder) == []  # the merge's spill holds nothing: left out
    write_workbook(path, [("Sheet1", [["record_id", "plan-quality", None], ["R-9", 4, "5"]])])
    result = validate_path(folder, REGISTRY)
    (d,) = result.diagnostics
    assert (d.code, d.cell, d.message) == ("IK208", "Sheet1!C1", "Column C has data but no header.")
    assert "merged across columns" in d.hint


def test_which_sheet_holds_the_data(tmp_path: Path) -> None:
    folder = mini_folder(tmp_path)
    (folder / "records" / "reader-a.csv").unlink()
    write_workbook(
        folder / "records" / "pair-a.xlsx",
        [
            ("Cover", [["Record reading, pair A"]]),
            ("Empty", []),
            ("Lists", [["kept"]]),
            ("Secret", [["record_id", "plan-quality"], ["R-8", 1]]),
            ("Data", RECORDS),
            ("Guidance", [["Question id", "Question"]]),
        ],
        hidden=["Secret"],
    )
    result = validate_path(folder, REGISTRY)
    assert [(d.code, d.sheet, d.message) for d in result.diagnostics] == [
        ("IK018", "Data", "The sheet 'Cover' is not read: the data is on the sheet 'Data'.")
    ]
    assert sorted(r.record_id for r in result.folder.records) == [
        "R-001",
        "R-002",
        "R-003",
        "R-004",
    ]


def test_without_an_id_header_the_first_sheet_is_checked(tmp_path: Path) -> None:
    folder = mini_folder(tmp_path)
    write_workbook(folder / "records" / "b.xlsx", [("S", [["ref", "plan-quality"], ["R-8", 1]])])
    assert found(folder) == [("b.xlsx", 1, 1, "IK208", "S")]


def test_unreadable_and_empty_workbooks(tmp_path: Path) -> None:
    folder = mini_folder(tmp_path)
    (folder / "records" / "bad.xlsx").write_bytes(b"PK\x03\x04 not really")
    write_workbook(folder / "records" / "empty.xlsx", [("Sheet1", [])])
    assert found(folder) == [("bad.xlsx", 0, 0, "IK019", ""), ("empty.xlsx", 0, 0, "IK006", "")]


def test_a_survey_workbook_names_its_survey_by_file_name(tmp_path: Path) -> None:
    folder = mini_folder(tmp_path)
    write_workbook(folder / "surveys" / "staf.xlsx", [("Sheet1", [["respondent_id", "s01"]])])
    result = validate_path(folder, REGISTRY)
    (d,) = result.diagnostics
    assert d.code == "IK306" and d.hint == "Did you mean 'staff.xlsx'?"


def test_duplicates_across_workbook_and_csv_name_the_cell(tmp_path: Path) -> None:
    folder = mini_folder(tmp_path)
    write_workbook(folder / "records" / "b.xlsx", [("Sheet1", [RECORDS[0], RECORDS[1]])])
    write_workbook(folder / "records" / "c.xlsx", [("Sheet1", [RECORDS[0], [], RECORDS[1]])])
    shown = {
        (Path(d.file).name, d.cell): d.message for d in validate_path(folder, REGISTRY).diagnostics
    }
    assert set(shown) == {("c.xlsx", "Sheet1!A3"), ("reader-a.csv", "")}
    assert all(m.endswith("b.xlsx:Sheet1!A2; each record appears once.") for m in shown.values())


def test_personal_data_in_a_workbook_cell_is_placed_at_its_cell(tmp_path: Path) -> None:
    folder = mini_folder(tmp_path)
    rows = [["record_id", "plan-quality", "notes"], ["R-7", 4, "Ring 07700 900123 first"]]
    write_workbook(folder / "records" / "b.xlsx", [("Sheet1", rows)])
    (d,) = validate_path(folder, REGISTRY).diagnostics
    assert (d.code, d.cell, d.unit) == ("IK504", "Sheet1!C2", "cell")


def test_a_survey_in_two_files_is_read_once(tmp_path: Path) -> None:
    """staff.csv beside staff.xlsx: the second is refused, so no respondent counts twice."""
    folder = mini_folder(tmp_path)
    alone = len(validate_path(folder, REGISTRY).folder.responses)
    rows = [row.split(",") for row in (folder / "surveys" / "staff.csv").read_text().splitlines()]
    write_workbook(folder / "surveys" / "staff.xlsx", [("staff", rows)])
    assert [(name, code) for name, _, _, code, _ in found(folder)] == [("staff.xlsx", "IK022")]
    assert len(validate_path(folder, REGISTRY).folder.responses) == alone
