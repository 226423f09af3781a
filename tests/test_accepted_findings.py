"""A finding the team has checked can be accepted once, with a reason, and stays accepted.

Everything else stays flagged; the number accepted is always reported (IK508).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from inspectkit.cli import app
from inspectkit.diagnostics import Diagnostic
from inspectkit.framework.registry import Registry
from inspectkit.privacy import fingerprint, scan_text
from inspectkit.validate import validate_folder
from tests.conftest import ROOT
from tests.personal_support import CHI

DATA = ROOT / "tests" / "data"
FW = ["--frameworks-dir", str(DATA / "frameworks")]
SWITCHBOARD = "0131 496 0000"  # an Ofcom drama number, standing for a council switchboard
OTHER_PHONE = "07700 900123"
SWITCHBOARD_SHA = fingerprint("01314960000")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "project" / "mini"
    shutil.copytree(DATA / "evidence" / "mini", target)
    items = target / "evidence" / "items.yaml"
    items.write_text(
        items.read_text("utf-8").replace(
            "with children.", f"with children. The council ({SWITCHBOARD}) helped."
        ),
        "utf-8",
    )
    return target


def accept(path: Path, *entries: dict[str, str]) -> None:
    path.write_text(yaml.safe_dump(list(entries), sort_keys=False), "utf-8")


def diagnostics(folder: Path) -> list[Diagnostic]:
    return validate_folder(folder, Registry([DATA / "frameworks"])).diagnostics


def codes(found: list[Diagnostic]) -> list[str]:
    return sorted(d.code for d in found if d.code.startswith("IK5") or d.code == "IK016")


ENTRY = {"code": "IK504", "sha256": SWITCHBOARD_SHA, "reason": "The council's switchboard."}


def test_without_an_entry_the_number_is_flagged(folder: Path) -> None:
    assert codes(diagnostics(folder)) == ["IK504"]


def test_an_accepted_finding_is_counted_not_flagged(folder: Path) -> None:
    accept(folder / "accepted-findings.yaml", ENTRY)
    found = diagnostics(folder)
    assert codes(found) == ["IK508"]  # and the file itself is not an "ignored file"
    note = next(d for d in found if d.code == "IK508")
    assert note.message.startswith("1 accepted finding (")
    assert note.severity.value == "note"
    assert "0000" not in note.message


def test_a_project_file_accepts_for_every_folder_under_it(folder: Path) -> None:
    accept(folder.parent / "accepted-findings.yaml", ENTRY)
    assert codes(diagnostics(folder)) == ["IK508"]


def test_everything_else_stays_flagged(folder: Path) -> None:
    accept(folder / "accepted-findings.yaml", ENTRY)
    items = folder / "evidence" / "items.yaml"
    items.write_text(
        items.read_text("utf-8").replace(
            "were made.", f"were made; call {OTHER_PHONE} or {SWITCHBOARD}."
        ),
        "utf-8",
    )
    found = diagnostics(folder)
    assert codes(found) == ["IK504", "IK508"]
    assert next(d for d in found if d.code == "IK508").message.startswith("2 accepted findings")


@pytest.mark.parametrize(
    "entry",
    [
        {**ENTRY, "code": "IK505"},  # another kind of finding
        {**ENTRY, "sha256": fingerprint("01314960001")},  # another number
        {**ENTRY, "file": "evidence/other.yaml"},  # only in another file
        {**ENTRY, "field": "quote"},  # only in another field
    ],
)
def test_an_entry_accepts_only_what_it_names(folder: Path, entry: dict[str, str]) -> None:
    accept(folder / "accepted-findings.yaml", entry)
    found = diagnostics(folder)
    assert codes(found) == ["IK504", "IK508"]
    assert "0 accepted findings" in next(d.message for d in found if d.code == "IK508")
    assert "1 accepted entry matched nothing" in next(d.message for d in found if d.code == "IK508")


def test_an_entry_for_its_own_file_and_field(folder: Path) -> None:
    accept(
        folder / "accepted-findings.yaml",
        {**ENTRY, "file": "evidence/items.yaml", "field": "summary"},
    )
    assert codes(diagnostics(folder)) == ["IK508"]


def test_the_hash_is_of_the_normal_form_whatever_the_writing(folder: Path) -> None:
    accept(folder / "accepted-findings.yaml", ENTRY)
    items = folder / "evidence" / "items.yaml"
    items.write_text(items.read_text("utf-8").replace(SWITCHBOARD, "+44 (0)131 496 0000"), "utf-8")
    assert codes(diagnostics(folder)) == ["IK508"]
    assert scan_text("+44 (0)131 496 0000")[0].fingerprint == SWITCHBOARD_SHA


@pytest.mark.parametrize(
    "entry, code",
    [
        ({**ENTRY, "sha256": "01314960000"}, "IK204"),  # the plain number, not its hash
        ({**ENTRY, "code": "IK999"}, "IK204"),
        ({"code": "IK504", "sha256": SWITCHBOARD_SHA}, "IK203"),  # no reason
        ({**ENTRY, "value": SWITCHBOARD}, "IK202"),
    ],
)
def test_a_wrong_entry_is_an_error_with_its_place(
    folder: Path, entry: dict[str, str], code: str
) -> None:
    accept(folder / "accepted-findings.yaml", entry)
    found = [d for d in diagnostics(folder) if d.code == code]
    assert [(d.file.endswith("accepted-findings.yaml"), d.line > 0) for d in found] == [
        (True, True)
    ]


def test_accepted_findings_stay_in_a_report_and_others_are_redacted(
    folder: Path, tmp_path: Path
) -> None:
    accept(folder / "accepted-findings.yaml", ENTRY)
    out = tmp_path / "out"
    runner = CliRunner()
    common = ["report", str(folder), *FW, "-o", str(out), "--date", "2026-03-30"]
    written = runner.invoke(app, common)
    assert written.exit_code == 0, written.output  # nothing left to refuse
    assert SWITCHBOARD in (out / "mini.html").read_text("utf-8")
    items = folder / "evidence" / "items.yaml"
    items.write_text(
        items.read_text("utf-8").replace("were made.", f"were made (CHI {CHI})."), "utf-8"
    )
    refused = runner.invoke(app, [*common, "--force"])
    assert refused.exit_code == 1 and "1 possible piece of personal data" in refused.stderr
    redacted = runner.invoke(app, [*common, "--force", "--redact"])
    assert redacted.exit_code == 0, redacted.output
    for name in ("mini.md", "mini.html"):
        text = (out / name).read_text("utf-8")
        assert CHI not in text and SWITCHBOARD in text
