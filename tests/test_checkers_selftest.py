"""The external checkers in tools/checkers/ work on this machine (their own self-test)."""

from __future__ import annotations

import pytest

from tests.checkers_support import run_checker


@pytest.mark.slow
def test_checkers_selftest_passes() -> None:
    # Skips (or, with INSPECTKIT_REQUIRE_CHECKERS=1, fails) when the checkers are absent.
    rc, output, last_line = run_checker("selftest.sh")
    assert last_line == "selftest: pass=7 fail=0", output
    assert rc == 0, output
