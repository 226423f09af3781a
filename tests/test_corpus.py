"""Every hostile and invalid input gets a clear diagnostic and exit 1 or 4, never a crash.

The corpora are copied verbatim into tests/corpus (see its README).
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inspectkit.cli import app
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "corpus"
HOSTILE = CORPUS / "hostile"
INVALID = sorted((CORPUS / "yaml-test-suite" / "invalid").glob("*.yaml"))
VALID = sorted((CORPUS / "yaml-test-suite" / "valid").glob("*.yaml"))
EXPECT = {
    row["file"]: row["expect"]
    for row in csv.DictReader((HOSTILE / "expectations.tsv").open(encoding="utf-8"), delimiter="\t")
}
PLACE_FREE = {"IK001", "IK002", "IK003", "IK006", "IK009", "IK011", "IK012"}


def validate(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["validate", str(path), "--format", "parsable"])
    return result.exit_code, result.output


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_yaml_suite_invalid_cases_are_rejected_with_a_place(path: Path) -> None:
    code, out = validate(path)
    assert code in (1, 4), out
    assert "Traceback" not in out
    first = out.splitlines()[0]
    assert f"{path.name}:" in first
    place = first.split(f"{path.name}:", 1)[1].split(":")[:2]
    assert int(place[0]) >= 1, first  # a line number, not 0


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_yaml_suite_valid_cases_never_crash(path: Path) -> None:
    code, out = validate(path)
    assert code in (0, 1, 4), out
    assert "Traceback" not in out


@pytest.mark.parametrize(
    "name", sorted(f for f in EXPECT if "/" not in f and (HOSTILE / f).is_file())
)
def test_hostile_files(name: str) -> None:
    code, out = validate(HOSTILE / name)
    assert code in (1, 4), out  # none of them is a valid evidence file
    assert "Traceback" not in out and "\x1b[2J" not in out
    assert out.strip(), "a rejection must say why"
    first = out.splitlines()[0]
    assert name in first
    code_id = first.rsplit("(", 1)[1].rstrip(")")
    if code_id not in PLACE_FREE:
        assert ":0:0:" not in first, first


def test_hostile_links_and_special_files(tmp_path: Path) -> None:
    links = tmp_path / "links"
    subprocess.run(
        ["bash", str(HOSTILE / "make-symlinks.sh"), str(links), "--dev-zero", "--fifo"],
        check=True,
        capture_output=True,
    )
    for name in ("dangling.yaml", "loop.yaml", "devzero.yaml", "fifo.yaml", "outside.yaml"):
        code, out = validate(links / name)
        assert code in (1, 4), (name, out)
        assert "Traceback" not in out


def test_python_payloads_never_run(tmp_path: Path) -> None:
    for marker in ("/tmp/inspectkit-hostile-PWNED", "/tmp/inspectkit-hostile-PWNED2"):
        if os.path.lexists(marker):
            os.remove(marker)
    for name in ("python-object-apply.yaml", "python-tags-misc.yaml"):
        result = subprocess.run(
            [sys.executable, "-m", "inspectkit", "validate", str(HOSTILE / name)],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 1
        assert "IK008" in result.stdout
    assert not os.path.lexists("/tmp/inspectkit-hostile-PWNED")
    assert not os.path.lexists("/tmp/inspectkit-hostile-PWNED2")


def test_hostile_files_inside_an_evidence_folder(tmp_path: Path) -> None:
    """Dropped into a real folder, each hostile file is one diagnostic among the rest."""
    folder = tmp_path / "f"
    (folder / "evidence").mkdir(parents=True)
    (folder / "inspection.yaml").write_text("framework: cso-at-home\npartnership: Glenbrae\n")
    for name in EXPECT:
        if "/" not in name and (HOSTILE / name).is_file():
            (folder / "evidence" / name).write_bytes((HOSTILE / name).read_bytes())
    result = CliRunner().invoke(app, ["validate", str(folder), "-f", "parsable"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "\x1b[2J" not in result.output
    for name in ("billion-laughs.yaml", "python-object-apply.yaml", "duplicate-keys.yaml"):
        assert f"evidence/{name}:" in result.output


def test_a_link_to_the_root_folder_is_not_walked(tmp_path: Path) -> None:
    links = tmp_path / "links"
    subprocess.run(
        ["bash", str(HOSTILE / "make-symlinks.sh"), str(links)], check=True, capture_output=True
    )
    code, out = validate(links / "escape-dir")
    assert code == 1
    lines = out.splitlines()
    assert any("(IK201)" in line for line in lines)
    assert len(lines) < 100  # a few names of '/', never the whole file system
