"""The README's snippets work as written: each one that can run here is run or checked."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from inspectkit.cli import app
from inspectkit.config import Config, ReportConfig, load_config
from inspectkit.evidence.accepted import AcceptedFinding
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
DATA = ROOT / "tests" / "data"


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def section(title: str) -> str:
    start = README.index(title)
    end = README.find("\n## ", start + 1)
    return README[start:end]


def test_quick_start_installs_into_a_virtual_environment(tmp_path: Path) -> None:
    quick = re.findall(r"```sh\n(.*?)```", section("## Quick start"), flags=re.DOTALL)[0]
    steps = [shlex.split(step) for step in quick.strip().split(" && ")]
    assert steps[0] == ["python3", "-m", "venv", ".venv"]
    assert steps[1][:4] == [".venv/bin/python", "-m", "pip", "install"]
    assert not any(s[:4] == ["python3", "-m", "pip", "install"] for s in steps)  # no system pip
    # The install itself needs the package index; the commands after it run here as written.
    for step in steps[2:]:
        assert step[0] == ".venv/bin/inspectkit"
        args = [str(ROOT / a) if a.startswith("examples/") else a for a in step[1:]]
        args = [str(tmp_path / a) if a == "glenbrae-report" else a for a in args]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
    assert sorted(p.suffix for p in (tmp_path / "glenbrae-report").iterdir()) == [".html", ".md"]


def test_ci_recipes_install_what_exists_and_match_the_schemas() -> None:
    ci = section("## Using inspectkit in CI")
    recipes = re.findall(r"```yaml\n(.*?)```", ci, flags=re.DOTALL)
    github, gitlab = (yaml.safe_load(recipes[0]), yaml.safe_load(recipes[1]))
    # YAML 1.1 reads the key `on` as true; GitHub (YAML 1.2) reads it as the string.
    github = {"on" if key is True else key: value for key, value in github.items()}
    for name, data in (("github-workflow", github), ("gitlab-ci", gitlab)):
        schema = json.loads((DATA / f"{name}.schema.json").read_text(encoding="utf-8"))
        errors = list(jsonschema.Draft7Validator(schema).iter_errors(data))
        assert errors == [], (name, [e.message for e in errors])
    installs = re.findall(r"pip install (\S+)", ci)
    assert installs and all(i.endswith(".whl") for i in installs)
    assert "pip install inspectkit" not in README


def _shim(bin_dir: Path) -> None:
    """`inspectkit` on PATH, running this checkout (as an installed inspectkit would)."""
    bin_dir.mkdir()
    shim = bin_dir / "inspectkit"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m inspectkit "$@"\n')
    shim.chmod(0o755)


@pytest.mark.slow
def test_the_pre_commit_snippet_runs(tmp_path: Path) -> None:
    snippet = re.findall(r"```yaml\n(repos:.*?)```", README, flags=re.DOTALL)
    assert len(snippet) == 1 and "repo: local" in snippet[0]
    repo = tmp_path / "evidence-repo"
    shutil.copytree(ROOT / "examples" / "cso-at-home-glenbrae", repo / "glenbrae")
    (repo / ".pre-commit-config.yaml").write_text(snippet[0])
    _shim(tmp_path / "bin")
    env = {
        **os.environ,
        "PATH": f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(ROOT / "src"),
        "PRE_COMMIT_HOME": str(tmp_path / "home"),
    }
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "."], cwd=repo, check=True)

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", "--all-files", "--verbose"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    good = run()
    assert good.returncode == 0, good.stdout + good.stderr
    assert "inspectkit validate" in good.stdout and "Passed" in good.stdout
    evaluations = repo / "glenbrae" / "evaluations.yaml"
    evaluations.write_text(evaluations.read_text().replace("rationale:", "rationel:", 1))
    subprocess.run([*git, "add", "."], cwd=repo, check=True)
    bad = run()
    assert bad.returncode == 1 and "IK202" in bad.stdout


def test_the_configuration_example_parses_and_uses_every_key(tmp_path: Path) -> None:
    example = re.findall(r"```toml\n(.*?)```", section("## Configuration"), flags=re.DOTALL)
    assert len(example) == 1
    path = tmp_path / "pyproject.toml"
    path.write_text(example[0], encoding="utf-8")
    loaded = load_config(path).config
    data = loaded.model_dump(by_alias=True, exclude_unset=True)
    for model, found in ((Config, data), (ReportConfig, data["report"])):
        assert set(found) == {f.alias or n for n, f in model.model_fields.items()}, model
    assert set(data["accepted"][0]) == set(AcceptedFinding.model_fields)
    for name, field in ReportConfig.model_fields.items():
        assert f"--{(field.alias or name)}" in example[0] or name == "templates_dirs"
