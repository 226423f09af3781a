"""Survey-tool exports (Microsoft Forms' shape), mapping files and columns kept as notes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from inspectkit.errors import PersonalDataFound
from inspectkit.evidence.columns import Matcher, Question, normalise
from inspectkit.inspection import inspect_folder
from inspectkit.policy import ReleasePolicy, release
from inspectkit.validate import validate_path
from tests.xlsx_support import REGISTRY, counts, found, mini_folder, write_workbook

START = dt.datetime(2026, 2, 2, 9, 15)
# As Microsoft Forms exports it: metadata first, then one column per question, its text.
FORMS_HEADER = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]


def _forms_row(n: int, answer: str, email: str = "anonymous", name: str = "") -> list[object]:
    return [n, START, START + dt.timedelta(minutes=4), email, name, None, answer]


def _staff_export(folder: Path, header: str, email: str = "anonymous", name: str = "") -> None:
    (folder / "surveys" / "staff.csv").unlink()
    rows = [
        [*FORMS_HEADER, header],
        _forms_row(1, "Agree", email, name),
        _forms_row(2, "Strongly agree"),
        _forms_row(3, "Neither agree nor disagree"),
    ]
    write_workbook(folder / "surveys" / "staff.xlsx", [("Form1", rows)])


@pytest.mark.parametrize(
    "header",
    [
        "Children are safe.",
        "children are safe",
        "  Children   ARE safe!  ",
        "\u201cChildren are safe\u201d",
    ],
)
def test_a_forms_export_counts_as_the_contract_csv(tmp_path: Path, header: str) -> None:
    as_csv = mini_folder(tmp_path, "csv")
    export = mini_folder(tmp_path, "export")
    _staff_export(export, header)
    assert found(export) == []
    assert counts(export) == counts(as_csv)
    staff = [r for r in validate_path(export, REGISTRY).folder.responses if r.survey == "staff"]
    assert next((r.respondent_id, r.notes, r.personal) for r in staff) == ("1", {}, ())


def test_email_and_name_columns_are_flagged_never_kept_never_reported(tmp_path: Path) -> None:
    folder = mini_folder(tmp_path)
    _staff_export(folder, "Children are safe.", email="a.reader@example.org", name="Ailsa Reader")
    result = validate_path(folder, REGISTRY)
    assert [(d.code, d.cell) for d in result.diagnostics] == [
        ("IK509", "Form1!D2"),
        ("IK509", "Form1!E2"),
    ]
    assert "'email' names who answered in 1 row" in result.diagnostics[0].message
    kept = repr(result.folder)
    assert "example.org" not in kept and "Ailsa" not in kept
    inspection = inspect_folder(folder, REGISTRY)
    with pytest.raises(PersonalDataFound):
        release(inspection, ReleasePolicy())
    assert validate_path(folder, REGISTRY, strict=True).diagnostics[0].severity.value == "error"


def test_a_mapping_file_maps_other_headers(tmp_path: Path) -> None:
    as_csv = mini_folder(tmp_path, "csv")
    folder = mini_folder(tmp_path, "export")
    _staff_export(folder, "Do you think the children you work with are safe?")
    assert [c for *_, c, _ in found(folder)] == ["IK307"]
    (folder / "surveys" / "staff.columns.yaml").write_text(
        '"Do you think the children you work with are safe?": s01\n'
    )
    assert found(folder) == []
    assert counts(folder) == counts(as_csv)


def test_mapping_to_note_ignore_and_to_an_unknown_question(tmp_path: Path) -> None:
    folder = mini_folder(tmp_path)
    (folder / "surveys" / "staff.csv").write_text(
        "respondent_id,s01,Team,Anything else?,Extra\nST-1,agree,East,Call 07700 900123,x\n"
    )
    (folder / "surveys" / "staff.columns.yaml").write_text(
        "team: ignore\nanything else?: note\nextra: s1\n"
    )
    result = validate_path(folder, REGISTRY)
    assert [(Path(d.file).name, d.line, d.code) for d in result.diagnostics] == [
        ("staff.columns.yaml", 3, "IK307"),
        ("staff.csv", 1, "IK307"),  # 'extra' stays unknown: its mapping is wrong
        ("staff.csv", 2, "IK504"),  # the note is scanned
    ]
    assert result.diagnostics[0].hint == "Did you mean 's01'?"
    (response,) = [r for r in result.folder.responses if r.respondent_id == "ST-1"]
    assert response.notes == {"anything else?": "Call 07700 900123"}


def test_a_mapping_file_that_is_not_a_mapping(tmp_path: Path) -> None:
    folder = mini_folder(tmp_path)
    (folder / "surveys" / "staff.columns.yaml").write_text("- s01\n")
    assert found(folder) == [("staff.columns.yaml", 1, 1, "IK014", "")]


def test_records_mapping_file(tmp_path: Path) -> None:
    folder = mini_folder(tmp_path)
    (folder / "records" / "b.csv").write_text("record_id,Plan rating\nR-9,4\n")
    assert [c for *_, c, _ in found(folder)] == ["IK305"]
    (folder / "records" / "columns.yaml").write_text("Plan rating: plan-quality\n")
    assert found(folder) == []


def test_the_unknown_column_hint_names_the_nearest_questions(tmp_path: Path) -> None:
    folder = mini_folder(tmp_path)
    (folder / "records" / "b.csv").write_text("record_id,How good is the childs plan\nR-9,4\n")
    (d,) = validate_path(folder, REGISTRY).diagnostics
    assert d.hint.startswith("Nearest questions: plan-quality 'How good is the plan?'")
    assert (
        "records/columns.yaml" in d.hint and '"how good is the childs plan": plan-quality' in d.hint
    )
    assert "Remove the column" not in d.hint


@pytest.mark.parametrize(
    "header", ["notes", "Note from reader", "Comments", "comment", "Agency", "AGENCY_lead"]
)
def test_note_columns_are_kept_and_scanned(tmp_path: Path, header: str) -> None:
    folder = mini_folder(tmp_path)
    (folder / "records" / "b.csv").write_text(
        f"record_id,plan-quality,{header}\nR-9,4,Ring 07700 900123 first\nR-10,5,fine\n"
    )
    result = validate_path(folder, REGISTRY)
    assert [(Path(d.file).name, d.line, d.column, d.code) for d in result.diagnostics] == [
        ("b.csv", 2, 3, "IK504")
    ]
    records = {r.record_id: r for r in result.folder.records}
    assert records["R-10"].notes == {header.lower(): "fine"} and records["R-10"].answers == {
        "plan-quality": 5
    }


@pytest.mark.parametrize("header", ["notary", "readers", "agent", "nota"])
def test_names_that_only_look_like_notes_are_not_notes(tmp_path: Path, header: str) -> None:
    folder = mini_folder(tmp_path)
    (folder / "records" / "b.csv").write_text(f"record_id,{header}\nR-9,x\n")
    assert [c for *_, c, _ in found(folder)] == ["IK305"]


def test_reader_names_who_read_a_record_not_a_question(tmp_path: Path) -> None:
    """'reader' is the paired-reading column of a records table (contract 1.1)."""
    folder = mini_folder(tmp_path)
    (folder / "records" / "b.csv").write_text("record_id,reader,plan-quality\nR-9,pair-a,4\n")
    assert found(folder) == []
    (folder / "surveys" / "staff.csv").write_text("respondent_id,reader\nS-1,x\n")
    assert "IK307" in [c for *_, c, _ in found(folder)]


def test_a_bracketed_id_names_the_question(tmp_path: Path) -> None:
    folder = mini_folder(tmp_path)
    (folder / "records" / "b.csv").write_text("record_id,Anything at all [plan-quality]\nR-9,4\n")
    assert found(folder) == []


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("I feel safe.", "i feel safe"),
        ("I don\u2019t feel safe!", "i dont feel safe"),
        ("  \u201cSafe\u201d   at\thome ", "safe at home"),
        ("Safe\u00a0at home?", "safe at home"),
        ("safe-at-home", "safe at home"),
    ],
)
def test_normalise(text: str, normal: str) -> None:
    assert normalise(text) == normal


def test_metadata_and_personal_columns_only_in_surveys() -> None:
    questions = [Question("s01", "Children are safe.")]
    survey, records = Matcher(questions, survey=True), Matcher(questions)
    assert survey.match("Start time") == ("ignore", "")
    assert survey.match("E-mail") == ("personal", "e-mail addresses")
    assert records.match("Start time") is None and records.match("Email") is None
    assert survey.match("Children are safe") == ("question", "s01")
    assert survey.match("Children are not safe") is None
