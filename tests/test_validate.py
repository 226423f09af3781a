"""Evidence folders: each kind of mistake gives its diagnostic at its place."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from inspectkit.errors import FrameworkError, InputError
from inspectkit.framework.registry import Registry
from inspectkit.validate import validate_path
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "mini"
    shutil.copytree(DATA / "evidence" / "mini", target)
    return target


def run(path: Path) -> list[tuple[str, int, int, str]]:
    result = validate_path(path, Registry([DATA / "frameworks"]))
    return [(Path(d.file).name, d.line, d.column, d.code) for d in result.diagnostics]


def messages(path: Path) -> list[str]:
    result = validate_path(path, Registry([DATA / "frameworks"]))
    return [d.message + (" | " + d.hint if d.hint else "") for d in result.diagnostics]


def test_clean_folder_accepts_spreadsheet_exports(folder: Path) -> None:
    # BOM, CRLF, any letter case, trailing spaces, quoted cells, a label for a scale point
    result = validate_path(folder, Registry([DATA / "frameworks"]))
    assert result.diagnostics == []
    records = {r.record_id: dict(r.answers) for r in result.folder.records}
    assert records["R-002"] == {
        "plan-quality": 4,
        "views-recorded": "no",
        "workers": "three or more",
    }
    assert records["R-003"]["views-recorded"] == "partly"
    assert records["R-004"] == {"plan-quality": "n/a", "views-recorded": "yes", "workers": "one"}
    staff = [r.answers["s01"] for r in result.folder.responses if r.survey == "staff"]
    assert staff == ["agree", "strongly agree", "neither"]
    detail = [p.model.detail for p in result.folder.items if p.model.id == "DOC-01"]
    assert detail == ["The plan was agreed by all partners in 2025."]


def test_windows_1252_csv_is_read_with_a_note_when_the_bytes_are_certain(folder: Path) -> None:
    (folder / "surveys" / "staff.csv").write_bytes(
        b"respondent_id,s01,notes\nST-1,agree,\x93fine\x94 \x96 \xa3 for caf\xe9\n"
    )
    assert run(folder) == [("staff.csv", 0, 0, "IK017")]
    assert "read as Windows-1252" in messages(folder)[0]
    result = validate_path(folder, Registry([DATA / "frameworks"]))
    notes = [r.notes for r in result.folder.responses if r.survey == "staff"]
    assert notes == [{"notes": "\u201cfine\u201d \u2013 \u00a3 for caf\u00e9"}]


@pytest.mark.parametrize(
    "data",
    [
        b"respondent_id,s01\nST-1,agree \x81 yes\n",  # undefined in Windows-1252
        b"respondent_id,s01\nST-1,agree \xa4 yes\n",  # the euro sign in Latin-9, not here
        b"respondent_id,s01\nST-1,agree \x8e yes\n",  # a letter (\u017d): Mac Roman's \u00e9?
        b"respondent_id,s01\nST-1,caf\xc3\xa9 \x96 yes\n",  # UTF-8 and another: damaged
        b"respondent_id,s01\nST-1,don\xd5t know\n",  # Mac Roman's curly apostrophe
    ],
)
def test_legacy_bytes_that_are_not_certain_are_refused_with_the_resave_steps(
    folder: Path, data: bytes
) -> None:
    (folder / "surveys" / "staff.csv").write_bytes(data)
    found = run(folder)
    assert found == [("staff.csv", 2, 2, "IK002")]
    assert "Save As > 'CSV UTF-8" in messages(folder)[0]


def test_excel_unicode_text_is_read_with_a_note(folder: Path) -> None:
    text = "record_id\tplan-quality\r\nR-101\t4\r\n"
    (folder / "records" / "reader-b.csv").write_bytes(text.encode("utf-16"))  # BOM first
    assert run(folder) == [("reader-b.csv", 0, 0, "IK017"), ("reader-b.csv", 1, 1, "IK017")]
    shown = messages(folder)
    assert shown[0] == (
        f"'{_shown(folder, 'records/reader-b.csv')}' was saved as UTF-16 (as Excel saves "
        '"Unicode text"), not UTF-8; it was read as such.'
    )
    assert "separated by tabs" in shown[1]
    result = validate_path(folder, Registry([DATA / "frameworks"]))
    assert {r.record_id: r.answers.get("plan-quality") for r in result.folder.records}["R-101"] == 4


def test_damaged_utf16_is_refused(folder: Path) -> None:
    (folder / "records" / "reader-b.csv").write_bytes(b"\xff\xfer\x00\x00\xd8")
    assert run(folder) == [("reader-b.csv", 0, 0, "IK002")]


@pytest.mark.parametrize(
    ("delimiter", "named"),
    [
        (";", "separated by semicolons (as Excel saves CSV in some European settings)"),
        ("\t", "separated by tabs (as Excel saves 'Text (Tab delimited)'"),
    ],
)
def test_semicolon_and_tab_separated_csv_are_read_with_a_note(
    folder: Path, delimiter: str, named: str
) -> None:
    rows = [["record_id", "plan-quality", "workers"], ["R-101", "4", "one"]]
    text = "\n".join(delimiter.join(row) for row in rows) + "\n"
    (folder / "records" / "reader-b.csv").write_text(text)
    (folder / "surveys" / "staff.csv").write_text(
        "\n\n" + delimiter.join(["respondent_id", "s01"]) + "\nST-9" + delimiter + "agree\n"
    )
    assert run(folder) == [("reader-b.csv", 1, 1, "IK017"), ("staff.csv", 3, 1, "IK017")]
    for message in messages(folder):
        assert named in message and "it was read as such" in message
    result = validate_path(folder, Registry([DATA / "frameworks"]))
    records = {r.record_id: dict(r.answers) for r in result.folder.records}
    assert records["R-101"] == {"plan-quality": 4, "workers": "one"}
    assert [r.answers for r in result.folder.responses if r.respondent_id == "ST-9"] == [
        {"s01": "agree"}
    ]


def test_delimiters_inside_comma_separated_cells_are_not_mistaken(folder: Path) -> None:
    (folder / "records" / "reader-b.csv").write_text("record_id,workers\nR-101,one\n")
    (folder / "surveys" / "staff.csv").write_text(
        'respondent_id,s01,"notes; kept; here; too"\nST-9,agree,a;b\tc\n'
    )
    assert run(folder) == []  # commas, and a column of notes (kept, not a delimiter)
    result = validate_path(folder, Registry([DATA / "frameworks"]))
    notes = [r.notes for r in result.folder.responses if r.respondent_id == "ST-9"]
    assert notes == [{"notes; kept; here; too": "a;b\tc"}]


def _shown(folder: Path, rel: str) -> str:
    from inspectkit.textfile import display_path

    return display_path(folder / rel)


def test_csv_quoted_commas_and_newlines(folder: Path) -> None:
    (folder / "records" / "reader-b.csv").write_text(
        'record_id,workers\n"R-101","three or more"\n"R-\n102",one\nR-103,"two, maybe"\n'
    )
    assert run(folder) == [("reader-b.csv", 5, 2, "IK210")]
    assert messages(folder)[0].startswith(
        "'two, maybe' is not an answer to 'workers': use one, two, three or more or n/a."
    )


def test_duplicate_record_across_files_and_bad_rows(folder: Path) -> None:
    (folder / "records" / "reader-b.csv").write_text(
        "record_id,plan-quality,views_recorded,plan-qualty\nR-001,4,yes,4\nR-009,7,maybe\n"
    )
    assert run(folder) == [
        ("reader-b.csv", 1, 4, "IK305"),
        ("reader-b.csv", 2, 1, "IK206"),
        ("reader-b.csv", 3, 1, "IK209"),
        ("reader-b.csv", 3, 2, "IK210"),
        ("reader-b.csv", 3, 3, "IK210"),
    ]
    text = messages(folder)
    assert "Did you mean 'plan-quality'?" in text[0]
    assert "already read at tests" not in text[1] and "reader-a.csv:2" in text[1]


def test_unknown_survey_file(folder: Path) -> None:
    (folder / "surveys" / "stafff.csv").write_text("respondent_id,s01\nX,agree\n")
    assert run(folder) == [("stafff.csv", 0, 0, "IK306")]
    assert "Did you mean 'staff.csv'?" in messages(folder)[0]


def test_yaml_mistakes_in_evidence(folder: Path) -> None:
    (folder / "evidence" / "more.yaml").write_text(
        "- id: FG-01\n"
        "  source: focus-grup\n"
        "  indicators: ['2.7', '5.4']\n"
        "  finding: strenght\n"
        "  summary: A duplicate id and an unknown source.\n"
        "- id: FG-02\n"
        "  source: focus-group\n"
        "  indicators: ['2.1']\n"
        "  finding: strength\n"
        "  summary: Fine.\n"
        "  date: 2026-02-30\n"
        "  summery: typo\n"
    )
    # field errors and reference errors of the same items, all in one run
    assert run(folder) == [
        ("more.yaml", 1, 7, "IK205"),
        ("more.yaml", 2, 11, "IK302"),
        ("more.yaml", 3, 16, "IK301"),
        ("more.yaml", 4, 12, "IK204"),
        ("more.yaml", 11, 9, "IK207"),
        ("more.yaml", 12, 3, "IK202"),
    ]
    text = messages(folder)
    assert "Did you mean 'focus-group'?" in text[1]
    assert "Did you mean 'strength'?" in text[3]
    assert "Did you mean 'summary'?" in text[5]
    # fix the field errors: the reference errors stay, once each
    fixed = (folder / "evidence" / "more.yaml").read_text().replace("strenght", "strength")
    fixed = fixed.replace("2026-02-30", "2026-02-28").replace("  summery: typo\n", "")
    (folder / "evidence" / "more.yaml").write_text(fixed)
    assert run(folder) == [
        ("more.yaml", 1, 7, "IK205"),
        ("more.yaml", 2, 11, "IK302"),
        ("more.yaml", 3, 16, "IK301"),
    ]
    assert "Did you mean 'focus-group'?" in messages(folder)[1]


def test_duplicate_key_is_an_error(folder: Path) -> None:
    (folder / "evaluations.yaml").write_text(
        "- indicator: '2.1'\n  grade: 4\n  grade: 5\n  rationale: r\n"
    )
    assert run(folder) == [("evaluations.yaml", 3, 3, "IK005")]


def test_evaluation_problems(folder: Path) -> None:
    (folder / "evaluations.yaml").write_text(
        "- indicator: '2.1'\n  grade: 7\n  rationale: Strong.\n  decided: 2025-12-01\n"
        "- indicator: '2.1'\n  grade: 4\n"
        "- indicator: '5.4'\n  grade: good\n  rationale: Not graded here.\n"
    )
    assert run(folder) == [
        ("evaluations.yaml", 2, 10, "IK308"),
        ("evaluations.yaml", 4, 12, "IK207"),
        ("evaluations.yaml", 5, 3, "IK211"),
        ("evaluations.yaml", 5, 14, "IK212"),
        ("evaluations.yaml", 7, 14, "IK309"),
    ]


def test_item_with_a_field_error_still_has_its_references_checked(folder: Path) -> None:
    (folder / "evidence" / "more.yaml").write_text(
        "- id: FG-10\n"
        "  source: focus-group\n"
        "  indicators: ['2.7', {bad: id}]\n"
        "  themes: [safety, not-a-theme]\n"
        "  finding: strength\n"
        "  summery: typo for summary\n"
    )
    assert run(folder) == [
        ("more.yaml", 1, 3, "IK203"),  # summary missing
        ("more.yaml", 3, 16, "IK301"),  # '2.7' still checked although the model failed
        ("more.yaml", 3, 23, "IK204"),  # the mapping is reported once, as a wrong value
        ("more.yaml", 4, 20, "IK304"),
        ("more.yaml", 6, 3, "IK202"),
    ]
    assert "Did you mean 'summary'?" in messages(folder)[4]


def test_markdown_item_with_a_field_error_still_has_its_references_checked(
    folder: Path,
) -> None:
    (folder / "evidence" / "note.md").write_text(
        "---\nid: OBS-01\nsource: observatoin\nindicators: ['2.7']\nfinding: strong\n"
        "summary: Seen at home.\n---\nNotes.\n"
    )
    assert run(folder) == [
        ("note.md", 3, 9, "IK302"),
        ("note.md", 4, 14, "IK301"),
        ("note.md", 5, 10, "IK204"),
    ]


def test_evaluation_with_a_field_error_still_has_its_grades_checked(folder: Path) -> None:
    (folder / "evaluations.yaml").write_text(
        "- indicator: '2.1'\n  grade: 7\n  rationale: Strong.\n  decidd: 2026-03-01\n"
        "  independent:\n    - {evaluator: A, grade: 8}\n    - {grade: 4}\n"
    )
    assert run(folder) == [
        ("evaluations.yaml", 2, 10, "IK308"),
        ("evaluations.yaml", 4, 3, "IK202"),
        ("evaluations.yaml", 6, 29, "IK308"),
        ("evaluations.yaml", 7, 7, "IK203"),  # evaluator missing; grade 4 is fine
    ]
    # a model-level failure (no grade at all) and an unknown indicator, in one run
    (folder / "evaluations.yaml").write_text("- indicator: '2.7'\n  rationale: Strong.\n")
    assert run(folder) == [
        ("evaluations.yaml", 1, 1, "IK404"),  # the graded 2.1 has no evaluation yet
        ("evaluations.yaml", 1, 3, "IK204"),
        ("evaluations.yaml", 1, 14, "IK301"),
    ]


def test_misspelt_grade_label_gets_a_did_you_mean(folder: Path) -> None:
    (folder / "evaluations.yaml").write_text(
        "- indicator: '2.1'\n  grade: very gud\n  rationale: Strong.\n"
    )
    assert run(folder) == [("evaluations.yaml", 2, 10, "IK308")]
    hint = messages(folder)[0].split(" | ")[1]
    assert hint.startswith("Did you mean 'Very good'? Use one of 6 (Excellent)")
    # a label that only adds a prefix is the opposite word: no suggestion
    (folder / "evaluations.yaml").write_text(
        "- indicator: '2.1'\n  grade: satisfactory\n  rationale: Strong.\n"
    )
    assert "Did you mean" not in messages(folder)[0]


def test_manifest_period_and_missing_partnership(folder: Path) -> None:
    (folder / "inspection.yaml").write_text(
        "framework: mini\npartnership:\nperiod: {start: 2026-03-01, end: 2026-01-01}\n"
    )
    found = run(folder)
    assert ("inspection.yaml", 2, 13, "IK203") in found
    (folder / "inspection.yaml").write_text(
        "framework: mini\npartnership: X\nperiod: {start: 2026-03-01, end: 2026-01-01}\n"
    )
    assert ("inspection.yaml", 3, 34, "IK207") in run(folder)


def test_sufficiency_warnings(folder: Path) -> None:
    for name in ("records", "surveys"):
        shutil.rmtree(folder / name)
    (folder / "evidence" / "items.yaml").unlink()
    found = run(folder)
    assert [f[3] for f in found] == ["IK401", "IK402", "IK403"]
    (folder / "evidence" / "doc-01.md").unlink()
    assert [f[3] for f in run(folder)] == ["IK310"]


def test_links_outside_are_refused_and_extras_noted(folder: Path, tmp_path: Path) -> None:
    os.symlink("/etc/passwd", folder / "evidence" / "outside.yaml")
    os.symlink(tmp_path / "missing.yaml", folder / "evidence" / "dangling.yaml")
    (folder / "notes.txt").write_text("scratch")
    (folder / "records" / "export.xlsx").write_bytes(b"PK")
    (folder / "records" / "old.xls").write_bytes(b"\xd0\xcf")
    found = run(folder)
    assert ("outside.yaml", 0, 0, "IK011") in found
    assert ("dangling.yaml", 0, 0, "IK001") in found
    assert ("notes.txt", 0, 0, "IK016") in found
    assert ("export.xlsx", 0, 0, "IK019") in found  # read, and refused as a workbook
    assert ("old.xls", 0, 0, "IK016") in found
    assert any("save .xls and .ods files as .xlsx" in m for m in messages(folder))


def test_missing_manifest_and_unknown_framework(folder: Path) -> None:
    (folder / "inspection.yaml").unlink()
    assert run(folder)[0][3] == "IK201"
    (folder / "inspection.yaml").write_text("framework: mnii\npartnership: X\n")
    with pytest.raises(FrameworkError) as info:
        run(folder)
    d = info.value.diagnostics[0]
    assert (Path(d.file).name, d.line, d.column, d.code) == ("inspection.yaml", 1, 12, "IK107")
    assert d.hint == "Did you mean 'mini'?"


def test_single_file_inside_a_folder_reports_only_that_file(folder: Path) -> None:
    (folder / "evidence" / "bad.yaml").write_text("- id: X\n")
    result = validate_path(folder / "evidence" / "items.yaml", Registry([DATA / "frameworks"]))
    assert result.diagnostics == []
    result = validate_path(folder / "evidence" / "bad.yaml", Registry([DATA / "frameworks"]))
    assert {d.code for d in result.diagnostics} == {"IK203"}


def test_unreadable_path(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        validate_path(tmp_path / "nowhere", Registry([DATA / "frameworks"]))
