"""The layers are checked, not hoped for: import contracts, mypy --strict and ruff.

``lint-imports`` reads the contracts in pyproject.toml. A deliberately wrong import in a copy
of the package must break a contract, so the check itself is known to work.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(found).exists():
        pytest.fail(f"{name} is not installed: install the test extras (pip install -e '.[test]')")
    return found


def _lint_imports(src: Path, config: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run(
        [_tool("lint-imports"), "--config", str(config), "--no-cache"],
        capture_output=True,
        text=True,
        env=env,
        cwd=config.parent,
        check=False,
    )


def test_the_import_contracts_hold() -> None:
    result = _lint_imports(ROOT / "src", ROOT / "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower().replace("0 broken", "")


def test_every_module_has_a_layer() -> None:
    """A new module must be placed in the layers, or it would escape every contract."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11 and newer

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    layers = next(c for c in config["contracts"] if c["type"] == "layers")["layers"]
    placed = {m.strip() for line in layers for part in line.split("|") for m in part.split(":")}
    package = ROOT / "src" / "inspectkit"
    modules = {
        f"inspectkit.{p.stem if p.is_file() else p.name}"
        for p in package.iterdir()
        if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").is_file()
    }
    assert modules - placed == set()


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("textsafe.py", "import inspectkit.report.render", "Layers"),
        ("grading/engine.py", "import jinja2", "never render"),
        ("evidence/checks.py", "import inspectkit.output.grades", "Layers"),
        ("report/context.py", "import typer", "Only the CLI imports typer"),
        ("validate.py", "import rich", "touch rich"),
    ],
)
def test_a_wrong_import_breaks_a_contract(
    tmp_path: Path, module: str, line: str, contract: str
) -> None:
    shutil.copytree(ROOT / "src" / "inspectkit", tmp_path / "src" / "inspectkit")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "src" / "inspectkit" / module
    target.write_text(target.read_text() + f"\n{line}  # deliberately wrong\n")
    result = _lint_imports(tmp_path / "src", tmp_path / "pyproject.toml")
    assert result.returncode != 0, result.stdout
    broken = result.stdout.split("Broken contracts")[-1]
    assert contract in broken, result.stdout


def test_mypy_strict_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "src"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_check_and_format_are_clean() -> None:
    ruff = _tool("ruff")
    check = subprocess.run(
        [ruff, "check", "src", "tests", "benchmarks"], capture_output=True, text=True, cwd=ROOT
    )
    assert check.returncode == 0, check.stdout + check.stderr
    fmt = subprocess.run(
        [ruff, "format", "--check", "src", "tests", "benchmarks"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr
