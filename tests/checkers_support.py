"""Shared helpers for tests that judge inspectkit's output with the external checkers.

The checkers live in ``tools/checkers/`` (see its README) and install under
``$CHECKERS_HOME`` (default ``~/.cache/inspectkit-checkers``) with
``bash tools/checkers/install.sh``. A test that needs them calls
:func:`require_checkers` (or just :func:`run_checker`, which calls it):

* checkers installed: the test runs;
* not installed: the test is skipped, so a plain local ``pytest`` works on a
  machine without java or chromium;
* not installed and ``INSPECTKIT_REQUIRE_CHECKERS=1`` (set by ``.ci/run``):
  the test fails, so CI can never pass by skipping them.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from collections.abc import Mapping
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
CHECKERS_DIR = REPO_ROOT / "tools" / "checkers"
REQUIRE_ENV = "INSPECTKIT_REQUIRE_CHECKERS"
INSTALL_HINT = "bash tools/checkers/install.sh"
# Generous: a checker may still install a missing piece (npm, pip) on first use.
DEFAULT_TIMEOUT = 900.0


def checkers_home() -> Path:
    """Where the checkers install their venv and node_modules (as ``_common.sh`` decides)."""
    home = os.environ.get("CHECKERS_HOME")
    return Path(home) if home else Path.home() / ".cache" / "inspectkit-checkers"


def missing_checkers() -> list[str]:
    """Name what the checkers need and this machine lacks; empty when all is installed."""
    home = checkers_home()
    chromium = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    needs = {
        "java": shutil.which("java") is not None,
        "node": shutil.which("node") is not None,
        str(chromium): os.access(chromium, os.X_OK),
        f"{home}/venv": (home / "venv" / "bin" / "check-jsonschema").is_file(),
        **{
            f"{home}/node/node_modules/{pkg}": (
                home / "node" / "node_modules" / pkg / "package.json"
            ).is_file()
            for pkg in ("playwright-core", "axe-core", "markdownlint-cli2")
        },
    }
    return [name for name, present in needs.items() if not present]


def checkers_required() -> bool:
    """True when missing checkers must fail the test instead of skipping it."""
    return os.environ.get(REQUIRE_ENV, "") == "1"


def require_checkers() -> None:
    """Skip the calling test when the checkers are not installed, or fail it under CI.

    Raises:
        pytest.skip.Exception: checkers missing and ``INSPECTKIT_REQUIRE_CHECKERS`` unset.
        pytest.fail.Exception: checkers missing and ``INSPECTKIT_REQUIRE_CHECKERS=1``.
    """
    missing = missing_checkers()
    if not missing:
        return
    why = f"external checkers not installed (missing: {', '.join(missing)}); run: {INSTALL_HINT}"
    if checkers_required():
        pytest.fail(f"{why} [{REQUIRE_ENV}=1: a missing checker is a failure]", pytrace=False)
    pytest.skip(why)


def run_checker(
    script_name: str,
    *files: str | os.PathLike[str],
    env: Mapping[str, str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> tuple[int, str, str]:
    """Run ``tools/checkers/<script_name>`` on files, after :func:`require_checkers`.

    Args:
        script_name: ``check-html.sh``, ``check-md.sh``, ``check-jsonschema.sh`` or
            ``selftest.sh`` (the ``.sh`` may be left off).
        *files: the arguments, in order (for check-jsonschema.sh: the schema first).
        env: extra environment variables, for example ``{"SHOT": "report.png"}``.
        timeout: seconds before the run is killed and the test fails.

    Returns:
        ``(returncode, output, last_line)``: output is stdout and stderr together;
        last_line is its last non-empty line, the checker's summary, such as
        ``html: nu_errors=0 axe_violations=0``. Return codes: 0 clean,
        1 findings, 2 the checker could not run.
    """
    require_checkers()
    name = script_name if script_name.endswith(".sh") else f"{script_name}.sh"
    script = CHECKERS_DIR / name
    if not script.is_file():
        pytest.fail(f"no such checker: {script}", pytrace=False)
    # A session of its own, so that a timeout also kills java and chromium.
    with subprocess.Popen(
        ["bash", str(script), *(os.fspath(f) for f in files)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {})},
        start_new_session=True,
    ) as proc:
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            pytest.fail(f"{name} ran for more than {timeout:.0f}s", pytrace=False)
    output = out.decode("utf-8", "replace")
    lines = [line for line in output.splitlines() if line.strip()]
    return proc.returncode, output, lines[-1] if lines else ""


def require_program(name: str) -> str:
    """The path of a program a test drives (pandoc, LibreOffice), installed by
    ``tools/install-programs.sh``; skip without it, or fail under CI.

    Raises:
        pytest.skip.Exception: missing and ``INSPECTKIT_REQUIRE_CHECKERS`` unset.
        pytest.fail.Exception: missing and ``INSPECTKIT_REQUIRE_CHECKERS=1``.
    """
    found = shutil.which(name)
    if found:
        return found
    why = f"{name} is not installed; run: bash tools/install-programs.sh"
    if checkers_required():
        pytest.fail(f"{why} [{REQUIRE_ENV}=1: a missing program is a failure]", pytrace=False)
    pytest.skip(why)
