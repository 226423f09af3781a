"""The reports judged by outside tools: the W3C Nu HTML checker and axe-core in headless
Chromium (0 errors, 0 WCAG 2.1 A/AA violations, no request to any other address), and
markdownlint with CommonMark parsing, for every view. They skip without the checkers, and fail in CI
(INSPECTKIT_REQUIRE_CHECKERS=1, set by .ci/run)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.checkers_support import require_checkers, run_checker
from tests.conftest import ROOT
from tests.test_report import EXAMPLES, FW, hostile_folder, mini, run

pytestmark = pytest.mark.slow


VIEWS = ("team", "partnership", "publication")


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both examples in every view, the mini folder and the hostile folder, in both formats."""
    require_checkers()
    tmp = tmp_path_factory.mktemp("reports")
    out = tmp / "out"
    for name in EXAMPLES:
        for view in VIEWS:
            assert run(str(ROOT / "examples" / name), "-o", str(out), "--view", view)[0] == 0
    for folder in (mini(tmp), hostile_folder(tmp)):
        assert run(str(folder), *FW, "-o", str(out), "--date", "2026-04-01")[0] == 0
    return out


def test_html_reports_pass_nu_and_axe(reports: Path) -> None:
    files = sorted(reports.glob("*.html"))
    assert len(files) == len(EXAMPLES) * len(VIEWS) + 2
    code, output, last = run_checker("check-html.sh", *files)
    assert last == "html: nu_errors=0 axe_violations=0", output
    assert code == 0, output
    assert re.findall(r"blocked_requests=(\d+)", output) == ["0"] * len(files), output
    assert output.count("page_errors=0") == len(files), output


def test_markdown_reports_pass_markdownlint(reports: Path) -> None:
    files = sorted(reports.glob("*.md"))
    assert len(files) == len(EXAMPLES) * len(VIEWS) + 2
    code, output, last = run_checker("check-md.sh", *files)
    assert last == "md: lint_errors=0 parse_errors=0", output
    assert code == 0, output
