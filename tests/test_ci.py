"""The CI entry point's own rules: a run in which every test skipped must fail."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

SCRIPT = ROOT / "tools" / "tests-ran.py"


def junit(tmp_path: Path, tests: int, skipped: int) -> Path:
    path = tmp_path / "junit.xml"
    path.write_text(
        f'<testsuites><testsuite name="pytest" tests="{tests}" skipped="{skipped}" '
        'errors="0" failures="0"/></testsuites>'
    )
    return path


@pytest.mark.parametrize(
    ("tests", "skipped", "code"), [(10, 10, 1), (0, 0, 1), (10, 9, 0), (1, 0, 0)]
)
def test_tests_ran(tmp_path: Path, tests: int, skipped: int, code: int) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(junit(tmp_path, tests, skipped))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == code
    if code:
        assert "a run that tests nothing must not pass" in result.stderr


def test_ci_runs_the_static_checks_and_the_skip_guard() -> None:
    text = (ROOT / ".ci" / "run").read_text()
    for step in ("lint-imports", "python3 -m mypy src", "ruff check", "tools/tests-ran.py"):
        assert step in text
