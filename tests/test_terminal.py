"""Terminal and pipes: findings on standard output, quiet and verbose, colour, widths, help."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inspectkit.cli import app
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"
FW = ["--frameworks-dir", str(DATA / "frameworks")]
GLENBRAE = str(ROOT / "examples" / "cso-at-home-glenbrae")
ANSI = "\x1b["


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "mini"
    shutil.copytree(DATA / "evidence" / "mini", target)
    (target / "evaluations.yaml").write_text("- indicator: '2.1'\n  grade: 9\n  rationale: r\n")
    return target


def run(*args: str, **env: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"NO_COLOR": "", "FORCE_COLOR": "", **env})
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("fmt", ["text", "parsable", "json", "github", "junit", "sarif"])
def test_findings_go_to_standard_output_in_every_format(folder: Path, fmt: str) -> None:
    code, out, err = run("validate", str(folder), *FW, "-f", fmt)
    assert code == 1
    assert "IK308" in out
    assert err == ""


def test_frameworks_lint_findings_go_to_standard_output(tmp_path: Path) -> None:
    bad = tmp_path / "bad-1.0.0.yaml"
    bad.write_text("id: bad\nversion: 1.0.0\ncolour: red\n")
    code, out, err = run("frameworks", "lint", str(bad), "-f", "text")
    assert code == 1 and "bad-1.0.0.yaml" in out and err == ""


def test_quiet_leaves_out_notes_logs_and_the_clean_summary(folder: Path, tmp_path: Path) -> None:
    code, out, _ = run("validate", str(DATA / "evidence" / "mini"), *FW, "-q", "-f", "text")
    assert (code, out) == (0, "")
    code, out, _ = run("validate", str(folder), *FW, "-q", "-f", "text")
    assert code == 1 and "IK308" in out and " note " not in out
    code, _, err = run("init", str(tmp_path / "new"), "--framework", "mini", *FW, "--quiet")
    assert (code, err) == (0, "")
    code, _, err = run("init", str(tmp_path / "new2"), "--framework", "mini", *FW)
    assert code == 0 and "created" in err


def test_verbose_logs_on_standard_error(folder: Path) -> None:
    code, out, err = run("validate", str(folder), *FW, "-v", "--no-config", "-f", "json")
    assert code == 1 and out.startswith("{")
    assert "inspectkit: configuration: (none)" in err
    assert "inspectkit: checked 1 folders" in err
    assert run("validate", str(folder), *FW, "-q", "-v")[0] == 2


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        ([], {}, False),  # not a terminal
        (["--color", "always"], {}, True),
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
        ([], {"FORCE_COLOR": "1"}, True),
        ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),  # NO_COLOR wins
        (["--color", "always", "--no-color"], {}, False),  # the old flag still works
        (["--no-color"], {"FORCE_COLOR": "1"}, False),
    ],
)
def test_colour(folder: Path, args: list[str], env: dict[str, str], coloured: bool) -> None:
    _, out, _ = run("validate", str(folder), *FW, "-f", "text", *args, **env)
    assert (ANSI in out) is coloured
    assert "IK308" in out


def test_an_unknown_colour_is_a_usage_error(folder: Path) -> None:
    assert run("validate", str(folder), *FW, "--color", "sometimes")[0] == 2


@pytest.mark.parametrize("columns", [80, 44])
def test_tables_fit_the_width_without_breaking_words(columns: int) -> None:
    code, out, _ = run("grade", GLENBRAE, COLUMNS=str(columns))
    assert code == 0
    lines = out.splitlines()
    table = lines[: lines.index("")]
    # Narrower than its longest words, a table keeps them whole and is as narrow as it can be.
    assert max(len(line) for line in table) <= max(columns, 64)
    words = set(" ".join(lines).split())
    for title in ("Care planning, managing risk and effective intervention",):
        assert all(word in words for word in title.split())  # each word whole on some line
    reason = "score 49.5 reaches 3; strands conflict"  # 5.3's reason, wrapped in its column
    assert all(word in words for word in reason.split())


def test_a_pipe_gets_one_row_per_indicator() -> None:
    _, out, _ = run("grade", GLENBRAE)
    assert len(out.split("\n\n")[0].splitlines()) == 5


@pytest.mark.parametrize("columns", [80, 50])
def test_explanations_wrap_with_a_hanging_indent(columns: int) -> None:
    _, out, _ = run("grade", GLENBRAE, "--explain", "5.3", COLUMNS=str(columns))
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= columns
    label = "  risk-and-need-assessment: "
    first = next(i for i, line in enumerate(lines) if line.startswith(label))
    assert lines[first + 1].startswith(" " * len(label)), lines[first : first + 2]


def test_validate_text_wraps_with_a_hanging_indent(folder: Path) -> None:
    _, out, _ = run("validate", str(folder), *FW, "-f", "text", COLUMNS="50")
    lines = [line for line in out.splitlines() if not line.startswith("/")]  # paths stay whole
    assert max(len(line) for line in lines) <= 50
    at = next(i for i, line in enumerate(lines) if "error" in line and "IK308" not in line)
    assert lines[at + 1].startswith(" " * 21)


def test_validate_checks_each_folder_a_folder_holds(folder: Path, tmp_path: Path) -> None:
    second = tmp_path / "second"
    shutil.copytree(DATA / "evidence" / "mini", second)
    code, out, _ = run("validate", str(tmp_path), *FW, "-f", "parsable")
    assert code == 1
    assert "IK201" not in out  # no missing inspection.yaml for the parent
    assert "mini/evaluations.yaml" in out
    code, out, _ = run("validate", str(tmp_path), *FW, "-f", "json", "-j", "2")
    assert '"files": 14' in out  # 7 files in each folder


COMMANDS = [
    ["frameworks", "list"],
    ["frameworks", "show"],
    ["frameworks", "lint"],
    ["validate"],
    ["grade"],
    ["report"],
    ["init"],
    ["schema"],
    ["diff"],
    ["overview"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_shows_no_internal_type_names(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    text = result.output
    for bad in ("<list[", "<path>", "<str>", "<bool>", "<int>", "{", "]...]..."):
        assert bad not in text, (bad, text)
    assert not re.search(r"<[a-z]+\[", text)
    for option in ("--config", "--no-config", "--quiet", "--verbose", "--color"):
        assert option in text


def _complete(words: str) -> list[str]:
    env = {
        "_INSPECTKIT_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }
    result = CliRunner().invoke(app, [], env=env, prog_name="inspectkit")
    return result.stdout.split()


def test_completion_offers_formats_and_framework_ids() -> None:
    assert "sarif" in _complete("inspectkit validate --format ")
    assert _complete("inspectkit validate --format ju") == ["junit"]
    assert _complete("inspectkit grade x --format y") == ["yaml"]
    assert "cso-at-home" in _complete("inspectkit init x --framework ")
    assert "cso-at-home" in _complete("inspectkit frameworks show ")
    assert "cso-at-home" in _complete("inspectkit schema evidence --framework cso")
    assert _complete("inspectkit validate x --color ne") == ["never"]


@pytest.mark.parametrize("columns", [60, 100])
def test_the_overview_fits_the_width_without_breaking_words(columns: int, tmp_path: Path) -> None:
    long_name = "Glenbrae and the Outer Islands Partnership for Children and Families"
    folder = tmp_path / "glenbrae"
    shutil.copytree(ROOT / "examples" / "cso-at-home-glenbrae", folder)
    manifest = folder / "inspection.yaml"
    manifest.write_text(
        re.sub(r"(?m)^partnership: .*$", f"partnership: {long_name}", manifest.read_text())
    )
    broken = str(ROOT / "examples" / "broken" / "period-typo")
    code, out, _ = run("overview", str(folder), broken, "--jobs", "1", COLUMNS=str(columns))
    assert code == 1  # the broken folder is listed as not graded
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= columns
    words = set(" ".join(lines).split())
    title = "Joint inspection of services for children subject to compulsory supervision orders"
    for text in (title, long_name):
        assert all(word in words for word in text.split())
    assert {"period-typo", "proposed", "recorded;"} <= words
