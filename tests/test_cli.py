"""The command line: exit codes, streams, formats and messages as users see them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inspectkit import __version__
from inspectkit.cli import app
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"
FW = ["--frameworks-dir", str(DATA / "frameworks")]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "mini"
    shutil.copytree(DATA / "evidence" / "mini", target)
    return target


def test_version_fast_path_and_module_entry() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "inspectkit", "--version"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert out == f"inspectkit {__version__}\n"
    code = (
        "import sys; from inspectkit.launch import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pydantic', 'yaml', 'jinja2', 'rich', 'typer', 'click')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert loaded.strip().endswith("[]")


def test_help_lists_exit_codes(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert (
        "4 cannot read input; 5\n  internal error." in result.output
        or "5 internal error" in " ".join(result.output.split())
    )


def test_validate_clean_folder(runner: CliRunner, folder: Path) -> None:
    result = runner.invoke(app, ["validate", str(folder), *FW, "--format", "text"])
    assert result.exit_code == 0
    assert result.stdout == "No problems found in 7 files.\n"
    assert result.stderr == ""


def test_validate_findings_exit_1_and_parsable(runner: CliRunner, folder: Path) -> None:
    (folder / "evidence" / "items.yaml").write_text(
        "- id: X-1\n  source: focus-group\n  indicators: ['2.7']\n  finding: strength\n"
        "  summary: s\n"
    )
    result = runner.invoke(app, ["validate", str(folder), *FW, "-f", "parsable"])
    assert result.exit_code == 1
    line = result.stdout.splitlines()[0]
    assert line.endswith(
        "items.yaml:3:16: [error] Unknown indicator '2.7': the framework "
        "does not define it. (IK301)"
    )


def test_strict_turns_warnings_into_failures(runner: CliRunner, folder: Path) -> None:
    shutil.rmtree(folder / "surveys")
    shutil.rmtree(folder / "records")
    ok = runner.invoke(app, ["validate", str(folder), *FW, "-f", "json"])
    assert ok.exit_code == 0
    data = json.loads(ok.stdout)
    assert data["schema_version"] == 1
    assert data["summary"]["warnings"] >= 1
    strict = runner.invoke(app, ["validate", str(folder), *FW, "-f", "json", "--strict"])
    assert strict.exit_code == 1


def test_auto_format_is_github_under_actions(runner: CliRunner, folder: Path) -> None:
    (folder / "evaluations.yaml").write_text("- indicator: '2.1'\n  grade: 9\n  rationale: r\n")
    result = runner.invoke(app, ["validate", str(folder), *FW], env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    assert result.stdout.startswith("::error file=")
    assert "title=IK308 invalid-grade::" in result.stdout


def test_output_file_is_written(runner: CliRunner, folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.sarif"
    result = runner.invoke(app, ["validate", str(folder), *FW, "-f", "sarif", "-o", str(out)])
    assert result.exit_code == 0
    assert json.loads(out.read_text())["version"] == "2.1.0"


def test_exit_codes_usage_framework_input(runner: CliRunner, folder: Path, tmp_path: Path) -> None:
    assert runner.invoke(app, ["validate", str(folder), "-f", "yaml", *FW]).exit_code == 2
    assert runner.invoke(app, ["validate"]).exit_code == 2
    missing = runner.invoke(app, ["validate", str(tmp_path / "nope"), *FW])
    assert missing.exit_code == 4
    assert "does not exist" in missing.stderr
    (folder / "inspection.yaml").write_text("framework: nothing-like-it\npartnership: X\n")
    unknown = runner.invoke(app, ["validate", str(folder), *FW])
    assert unknown.exit_code == 3
    assert "inspection.yaml" in unknown.stdout and "IK107" in unknown.stdout


def test_internal_error_is_exit_5_without_traceback(
    runner: CliRunner, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import inspectkit.inspection

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(inspectkit.inspection, "validate_folder", boom)
    result = runner.invoke(app, ["validate", str(folder), *FW])
    assert result.exit_code == 5
    assert "internal error: RuntimeError: boom" in result.stderr
    assert "report it at" in result.stderr
    assert "Traceback" not in result.output


def test_frameworks_commands(runner: CliRunner) -> None:
    listed = runner.invoke(app, ["frameworks", "list", *FW])
    assert listed.exit_code == 0
    assert "mini" in listed.stdout and "user" in listed.stdout
    as_json = json.loads(runner.invoke(app, ["frameworks", "list", *FW, "-f", "json"]).stdout)
    assert {"ref": "mini@1.0.0", "origin": "user"}.items() <= next(
        f for f in as_json["frameworks"] if f["id"] == "mini"
    ).items()
    shown = runner.invoke(app, ["frameworks", "show", "mini", *FW])
    assert shown.exit_code == 0
    assert "* 2.1   Impact on children" in shown.stdout
    assert runner.invoke(app, ["frameworks", "show", "nope", *FW]).exit_code == 3


def test_frameworks_env_variable(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["frameworks", "list"], env={"INSPECTKIT_FRAMEWORKS_PATH": str(DATA / "frameworks")}
    )
    assert "mini" in result.stdout


def test_frameworks_lint(runner: CliRunner) -> None:
    bad = runner.invoke(
        app,
        [
            "frameworks",
            "lint",
            str(DATA / "bad-frameworks" / "broken-1.0.0.yaml"),
            "-f",
            "parsable",
        ],
    )
    assert bad.exit_code == 1
    assert len(bad.stdout.splitlines()) == 9
    good = runner.invoke(app, ["frameworks", "lint", str(DATA / "frameworks" / "mini-1.0.0.yaml")])
    assert good.exit_code == 0


def test_schema_command_matches_shipped_schemas(runner: CliRunner) -> None:
    for name in ("framework", "manifest", "evidence", "evaluations"):
        result = runner.invoke(app, ["schema", name])
        assert result.exit_code == 0
        shipped = (ROOT / "schemas" / f"{name}.schema.json").read_text()
        assert result.stdout == shipped, f"run: inspectkit schema {name} > schemas/..."
    assert runner.invoke(app, ["schema", "nope"]).exit_code == 2


def test_init_writes_a_folder_and_never_overwrites(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "new"
    result = runner.invoke(app, ["init", str(target), "--framework", "mini", *FW])
    assert result.exit_code == 0
    assert (target / "records" / "records.csv").read_text() == (
        "record_id,plan-quality,views-recorded,workers\n"
    )
    assert (target / "surveys" / "children.csv").read_text() == "respondent_id,c01\n"
    first = (target / "inspection.yaml").read_text()
    assert first.startswith("# yaml-language-server: $schema=.inspectkit/schemas/")
    assert (target / ".inspectkit" / "schemas" / "evidence.schema.json").is_file()
    # the scaffold is valid apart from what the user must fill in
    check = runner.invoke(app, ["validate", str(target), *FW, "-f", "parsable"])
    assert check.exit_code == 1
    assert "inspection.yaml:3:1" not in check.stdout
    assert "'partnership' is empty" in check.stdout
    (target / "inspection.yaml").write_text(first.replace("partnership: ", "partnership: X"))
    again = runner.invoke(app, ["init", str(target), "--framework", "mini", *FW])
    assert again.exit_code == 0
    assert "kept" in again.stderr
    assert "partnership: X" in (target / "inspection.yaml").read_text()


def test_no_color_when_not_a_terminal(folder: Path) -> None:
    (folder / "evaluations.yaml").write_text("- indicator: '2.1'\n  grade: 9\n  rationale: r\n")
    env = {**os.environ, "NO_COLOR": "", "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run(
        [sys.executable, "-m", "inspectkit", "validate", str(folder), *FW],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 1
    assert "\x1b[" not in result.stdout
    assert "IK308" in result.stdout


@pytest.mark.parametrize(
    "command",
    [
        ["frameworks", "list"],
        ["frameworks", "show"],
        ["frameworks", "lint"],
        ["validate"],
        ["grade"],
        ["report"],
        ["init"],
        ["schema"],
    ],
)
def test_every_command_help_has_an_example(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example: inspectkit " in result.output
