"""The pre-commit hooks, exercised with pre-commit's own try-repo against the examples."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

GOOD = sorted(
    str(p.relative_to(ROOT))
    for p in (ROOT / "examples" / "cso-at-home-glenbrae").rglob("*")
    if p.is_file()
)
BAD = sorted(
    str(p.relative_to(ROOT))
    for p in (ROOT / "examples" / "broken" / "field-mistakes").rglob("*")
    if p.is_file()
)


def test_hook_definitions_match_the_repository_config() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    local = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    for hook_id, hook in hooks.items():
        assert local[hook_id]["entry"] == hook["entry"]
        assert local[hook_id]["files"] == hook["files"]


def _try_repo(hook: str, files: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(ROOT),
            hook,
            "--verbose",
            "--files",
            *files,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


@pytest.mark.slow
def test_try_repo_runs_the_hooks(tmp_path: Path) -> None:
    good = _try_repo("inspectkit-validate", GOOD, tmp_path)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "inspectkit validate" in good.stdout and "Passed" in good.stdout
    bad = _try_repo("inspectkit-validate", BAD, tmp_path)
    assert bad.returncode == 1
    assert "IK202" in bad.stdout and "Failed" in bad.stdout
    lint = _try_repo(
        "inspectkit-frameworks-lint",
        sorted(str(p.relative_to(ROOT)) for p in (ROOT / "frameworks").glob("*")),
        tmp_path,
    )
    assert lint.returncode == 0, lint.stdout + lint.stderr
