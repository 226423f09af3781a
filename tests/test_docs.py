"""The README stays true: every diagnostic code and exit code is documented."""

from __future__ import annotations

import subprocess
import sys

from inspectkit.codes import CODES
from inspectkit.errors import ExitCode
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_code_is_in_the_readme_table() -> None:
    for code in CODES.values():
        assert f"| {code.code} | {code.name} | {code.default} |" in README, code.code


def test_every_exit_code_is_documented() -> None:
    for exit_code in ExitCode:
        assert f"\n| {int(exit_code)} |" in README, exit_code


def test_readme_gives_the_two_fresh_machine_commands() -> None:
    assert (
        "python3 -m venv .venv && .venv/bin/python -m pip install . && .venv/bin/inspectkit "
        in README
    )
    assert "python3 -m pip install -e '.[test]' && python3 -m pytest" in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 -m pip install -e '.[test]'" in ci
    assert "python3 -m pytest" in ci


def test_the_library_example_runs() -> None:
    """The README's library snippet works as written (from the repository root)."""
    section = README.split("## Library", 1)[1].split("\n## ", 1)[0]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("[") and len(lines) == 1 + 4  # the graded ids, then 4 rows
