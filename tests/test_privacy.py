"""Personal data: true identifiers are found, near misses are not, messages never leak them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from inspectkit.cli import app
from inspectkit.privacy import name_patterns, redact, scan_text
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"
FW = ["--frameworks-dir", str(DATA / "frameworks")]


@pytest.mark.parametrize(
    "text, code",
    [
        ("CHI 0101701233 was on the file", "IK501"),  # 1 Jan 1970, check digit right
        ("ref R-3112994566", "IK501"),  # 31 Dec 1999 inside a record id
        ("NHS number 943 476 5919", "IK506"),  # the NHS's own example number
        ("write to jo.bloggs@example.org", "IK503"),
        ("call 07700 900123 today", "IK504"),
        ("landline (0131) 496 0000", "IK504"),
        ("+44 7700 900123", "IK504"),
        ("the family moved to EH1 1YZ", "IK505"),
        ("postcode G2 3AB", "IK505"),
        ("DOB: 03/04/2015", "IK502"),
        ("born on 3 April 2015", "IK502"),
        ("date of birth 2015-04-03", "IK502"),
    ],
)
def test_true_hits(text: str, code: str) -> None:
    assert [h.code for h in scan_text(text)] == [code]


@pytest.mark.parametrize(
    "text",
    [
        "CHI 0101701230 has the wrong check digit",
        "CHI 3102701234 has no real date (31 February)",
        "reference JI-2025-07 and KIQ1 2AB",
        "9434765918 fails the check digit",
        "the meeting on 03/04/2025 went well",
        "framework: mini@1.0",
        "version 1.10.3 of the plan; 12345 records",
        "the majority (62%) of 100 records",
        "on 2026-01-28 the team met",
    ],
)
def test_near_misses(text: str) -> None:
    assert scan_text(text) == []


def test_names_from_a_list_whole_words_any_case() -> None:
    names = name_patterns(["Jamie", "Morag Smith", "# a comment", ""])
    assert [h.code for h in scan_text("jamie and MORAG SMITH met", names)] == ["IK507"] * 2
    assert scan_text("Jamieson was not listed", names) == []


def test_redact_replaces_each_hit() -> None:
    assert redact("Call 07700 900123 or write to a@b.org") == (
        "Call [telephone number removed] or write to [e-mail address removed]"
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "mini"
    shutil.copytree(DATA / "evidence" / "mini", target)
    return target


def test_validate_reports_places_and_masks(folder: Path, tmp_path: Path) -> None:
    items = folder / "evidence" / "items.yaml"
    items.write_text(
        items.read_text().replace(
            "with children.", "with children. Contact Morag on 07700 900123.'"[:-1]
        )
    )
    (folder / "records" / "reader-a.csv").write_text("record_id,plan-quality\nR-0101701233,4\n")
    names = tmp_path / "names.txt"
    names.write_text("Morag\n")
    result = CliRunner().invoke(
        app, ["validate", str(folder), *FW, "-f", "parsable", "--names-file", str(names)]
    )
    assert result.exit_code == 0  # warnings by default
    out = result.stdout
    assert "reader-a.csv:2:1: [warning] Possible CHI number (01********)" in out
    assert "items.yaml:5:" in out and "(IK504)" in out and "(IK507)" in out
    assert "900123" not in out and "0101701233" not in out and "Morag" not in out
    strict = CliRunner().invoke(
        app,
        ["validate", str(folder), *FW, "-f", "parsable", "--strict", "--names-file", str(names)],
    )
    assert strict.exit_code == 1
    assert "[error] Possible CHI number" in strict.stdout


def test_names_file_must_live_outside_the_folder(folder: Path) -> None:
    (folder / "names.txt").write_text("Morag\n")
    result = CliRunner().invoke(
        app, ["validate", str(folder), *FW, "--names-file", str(folder / "names.txt")]
    )
    assert result.exit_code == 2
    assert "keep it outside" in result.stderr


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet="0123456789 ()-+@.abAZEHGborn:/DOB", max_size=40))
def test_quick_filter_never_hides_a_hit(text: str) -> None:
    import inspectkit.privacy as privacy

    if privacy.scan_text(text):
        assert privacy._MAYBE.search(text)
    full = (
        list(privacy._numbers(text))
        + [m for m in privacy._EMAIL.finditer(text)]
        + list(privacy._phones(text))
        + list(privacy._POSTCODE.finditer(text))
        + list(privacy._BIRTH.finditer(text))
    )
    if full:
        assert privacy._MAYBE.search(text), text


def test_report_refuses_personal_data_unless_redacted_or_allowed(
    folder: Path, tmp_path: Path
) -> None:
    items = folder / "evidence" / "items.yaml"
    items.write_text(
        items.read_text().replace("with children.", "with children; call 07700 900123.")
    )
    out = tmp_path / "out"
    runner = CliRunner()
    refused = runner.invoke(
        app, ["report", str(folder), *FW, "-o", str(out), "--date", "2026-03-30"]
    )
    assert refused.exit_code == 1
    assert "report not written" in refused.stderr
    assert not out.exists()
    redacted = runner.invoke(
        app, ["report", str(folder), *FW, "-o", str(out), "--date", "2026-03-30", "--redact"]
    )
    assert redacted.exit_code == 0, redacted.output
    texts = [p.read_text() for p in out.iterdir()]
    assert texts and all("900123" not in t for t in texts)
    assert any("[telephone number removed]" in t for t in texts)
    allowed = runner.invoke(
        app,
        [
            "report",
            str(folder),
            *FW,
            "-o",
            str(out),
            "--date",
            "2026-03-30",
            "--allow-personal-data",
            "--force",
        ],
    )
    assert allowed.exit_code == 0
    assert any("07700 900123" in p.read_text() for p in out.iterdir())
