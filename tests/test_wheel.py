"""The built wheel carries frameworks/, templates/ and schemas/, found from outside the repo."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_wheel_installs_and_lists_builtins(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("inspectkit-*.whl"))
    env_dir = tmp_path / "venv"
    # System site-packages supply the dependencies offline; the venv's own copy of
    # inspectkit (from the wheel) comes first on sys.path.
    venv.EnvBuilder(with_pip=True, system_site_packages=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--force-reinstall",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    where = subprocess.run(
        [str(python), "-c", "import inspectkit; print(inspectkit.__file__)"],
        cwd=outside,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert str(env_dir) in where
    listed = subprocess.run(
        [str(env_dir / "bin" / "inspectkit"), "frameworks", "list"],
        cwd=outside,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for framework in (
        "quality-framework-2019",
        "cso-at-home",
        "care-and-protection-2018",
        "at-risk-of-harm-2021",
    ):
        assert framework in listed
    assert "built-in" in listed
    data = subprocess.run(
        [
            str(python),
            "-c",
            "from inspectkit.resources import data_dir; "
            "print(data_dir('templates')); print(data_dir('schemas'))",
        ],
        cwd=outside,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert all(str(env_dir) in line for line in data.splitlines())
