"""inspectkit overview: many folders validated and graded in parallel, as a table (text, CSV,
JSON) and an accessible HTML page; failed folders listed; frameworks grouped."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from inspectkit.cli import app
from inspectkit.console import progress
from inspectkit.framework.registry import Registry
from inspectkit.inspection import inspect_folder
from inspectkit.overview import Outcome, find_folders
from tests.checkers_support import run_checker
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"
FW = ["--frameworks-dir", str(DATA / "frameworks")]
GOLDEN = ROOT / "tests" / "golden" / "overview" / "overview.html"
SMALL = ["--folders", "4", "--records", "20", "--staff", "30", "--children", "6"]
SMALL += ["--parents", "6", "--items", "40"]


def run(*args: str) -> tuple[int, str, str]:
    """``inspectkit overview ARGS`` through typer's runner: exit code, stdout, stderr."""
    result = CliRunner().invoke(app, ["overview", *args])
    return result.exit_code, result.stdout, result.stderr


def _edit_yaml(path: Path, **fields: object) -> None:
    data = yaml.safe_load(path.read_text("utf-8"))
    data.update(fields)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def _break(folder: Path) -> None:
    """An evaluation with a grade off the scale (IK308): the folder fails validation."""
    path = folder / "evaluations.yaml"
    entries = yaml.safe_load(path.read_text("utf-8"))
    entries[0]["grade"] = 9
    path.write_text(yaml.safe_dump(entries, sort_keys=False), "utf-8")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four small generated partnerships (benchmarks/generate.py) and a broken fifth."""
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    out = tmp_path_factory.mktemp("overview") / "national"
    assert generate.main([str(out), *SMALL]) == 0
    shutil.copytree(out / "glenbrae", out / "zz-broken")
    _break(out / "zz-broken")
    return out


@pytest.fixture(scope="module")
def fixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The golden set: both examples, the mini folder (a third framework) with markup in its
    partnership's name, and a broken copy of it."""
    out = tmp_path_factory.mktemp("fixed") / "set"
    for name in ("cso-at-home-glenbrae", "care-and-protection-kinloch-mhor"):
        shutil.copytree(ROOT / "examples" / name, out / name)
    shutil.copytree(DATA / "evidence" / "mini", out / "mini")
    _edit_yaml(out / "mini" / "inspection.yaml", partnership='Mini <b>&</b> "Co"')
    shutil.copytree(DATA / "evidence" / "mini", out / "mini-broken")
    _break(out / "mini-broken")
    return out


GOOD = ["glenbrae", "inverallt", "kinloch-mhor", "strathmurran"]


def test_finds_the_folders_of_a_parent_in_name_order(generated: Path) -> None:
    found = find_folders([generated, generated / "glenbrae"])  # glenbrae only once
    assert [p.name for p in found] == [*GOOD, "zz-broken"]


def test_table_gives_each_partnership_its_grades(generated: Path) -> None:
    code, out, err = run(str(generated), "--jobs", "2")
    assert code == 1, err
    lines = out.splitlines()
    assert (
        lines[0].startswith("cso-at-home@1.0.0  Joint inspection")
        and "(4 folders graded)" in lines[0]
    )
    assert lines[1].split() == ["FOLDER", "PARTNERSHIP", "2.1", "5.3", "5.4", "9.2"]
    registry = Registry()
    for line, name in zip(lines[2:6], GOOD, strict=True):
        report = inspect_folder(generated / name, registry).graded()
        shown = [
            "-" if g is None else f"{g}{'' if row.final is not None else '*'}"
            for row in report.indicators
            for g in [row.final if row.final is not None else row.proposal.grade]
        ]
        assert line.split()[0] == name
        assert line.split()[-4:] == shown
        assert report.partnership in line


def test_a_failed_folder_is_listed_and_does_not_stop_the_rest(generated: Path) -> None:
    code, out, err = run(str(generated), "--jobs", "2")
    assert code == 1
    failed = out.split("Not graded (1 folder)\n")[1].splitlines()
    assert failed[0].split() == ["FOLDER", "PARTNERSHIP", "ERRORS", "WARNINGS", "PROBLEM"]
    assert failed[1].split()[:3] == ["zz-broken", "Glenbrae", "1"]
    assert out.endswith("5 folders: 4 graded, 1 not graded.\n")
    assert "grading" not in err  # no progress bar when standard error is not a terminal


def test_all_graded_is_exit_0(generated: Path) -> None:
    code, out, _ = run(*(str(generated / name) for name in GOOD[:2]), "-j", "1")
    assert code == 0
    assert "Not graded" not in out and out.endswith("2 folders: 2 graded, 0 not graded.\n")


def test_json_and_csv(generated: Path) -> None:
    code, out, _ = run(str(generated), "-j", "2", "-f", "json")
    assert code == 1
    data = json.loads(out)
    assert data["schema_version"] == 1
    assert data["summary"] == {"folders": 5, "graded": 4, "failed": 1, "frameworks": 1}
    assert [f["folder"] for f in data["folders"]] == [*GOOD, "zz-broken"]
    assert [f["status"] for f in data["folders"]] == ["graded"] * 4 + ["failed"]
    group = data["groups"][0]
    assert group["folders"] == GOOD
    for d in group["distribution"]:  # every count of partnerships is below 5: suppressed
        counted = [g["partnerships"] for g in d["grades"]]
        assert all(c in ({"value": None, "below": 5}, {"value": 0, "below": None}) for c in counted)
    _, text, _ = run(str(generated), "-j", "2", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 4 * 4 + 1
    assert rows[-1]["folder"] == "zz-broken" and rows[-1]["status"] == "failed"
    by_json = {
        (f["folder"], g["indicator"]): g["grade"] for f in data["folders"] for g in f["grades"]
    }
    assert {(r["folder"], r["indicator"]): int(r["grade"]) for r in rows[:-1]} == by_json


def test_csv_is_formula_safe(generated: Path, tmp_path: Path) -> None:
    target = tmp_path / "formula"
    shutil.copytree(generated / "glenbrae", target)
    _edit_yaml(target / "inspection.yaml", partnership='=HYPERLINK("x")')
    code, out, _ = run(str(target), "-f", "csv")
    assert code == 0
    assert all(row[2] == '\'=HYPERLINK("x")' for row in list(csv.reader(io.StringIO(out)))[1:])


def test_output_is_deterministic_whatever_the_jobs(generated: Path, tmp_path: Path) -> None:
    seen = []
    for jobs in ("1", "2"):
        page = tmp_path / f"overview-{jobs}.html"
        outs = [
            run(str(generated), "-j", jobs, "-f", fmt, "--html", str(page))[1]
            for fmt in ("text", "json")
        ]
        seen.append((*outs, page.read_bytes()))
    assert seen[0] == seen[1]


def test_frameworks_are_grouped(fixed: Path) -> None:
    code, out, _ = run(str(fixed), *FW, "-j", "2", "-f", "json")
    assert code == 1
    data = json.loads(out)
    assert [g["framework"] for g in data["groups"]] == [
        "care-and-protection-2018@1.0.0",
        "cso-at-home@1.0.0",
        "mini@1.0.0",
    ]
    assert [f["folder"] for f in data["folders"] if f["status"] == "failed"] == ["mini-broken"]


def test_html_matches_the_golden_file(fixed: Path, tmp_path: Path, update_golden: bool) -> None:
    """tests/golden/overview/overview.html (rewrite it with --update-golden)."""
    page = tmp_path / "overview.html"
    code, _, err = run(str(fixed), *FW, "-j", "2", "--html", str(page))
    assert code == 1
    assert err == f"wrote    {page.as_posix()}\n"
    got = page.read_bytes()
    assert b"Mini &lt;b&gt;&amp;&lt;/b&gt; &#34;Co&#34;" in got
    if update_golden:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_bytes(got)
    assert GOLDEN.is_file(), f"{GOLDEN} is missing: run pytest --update-golden"
    assert got == GOLDEN.read_bytes(), f"{GOLDEN} differs: run pytest --update-golden"


def test_a_folder_without_a_manifest_is_found_and_fails(tmp_path: Path) -> None:
    (tmp_path / "set" / "lost" / "evidence").mkdir(parents=True)
    code, out, _ = run(str(tmp_path / "set"), "-f", "json")
    assert code == 1
    folder = json.loads(out)["folders"][0]
    assert (folder["folder"], folder["status"], folder["errors"]) == ("lost", "failed", 1)


def test_usage_and_input_errors(tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path / "absent"))
    assert code == 4 and "does not exist" in err
    assert run(str(tmp_path), "--jobs", "0")[0] == 2
    assert run(str(tmp_path), "--format", "html")[0] == 2


def test_progress_bar_advances_per_folder() -> None:
    stream = io.StringIO()
    outcome = Outcome("glenbrae", "glenbrae", "Glenbrae", None, 0, 0)
    with progress(2, stream, enabled=True) as done:
        done(outcome)
        done(outcome)
    with progress(2, stream, enabled=False) as done:
        done(outcome)


@pytest.mark.slow
def test_html_passes_nu_and_axe(generated: Path, fixed: Path, tmp_path: Path) -> None:
    pages = [tmp_path / "generated.html", tmp_path / "fixed.html"]
    run(str(generated), "-j", "2", "--html", str(pages[0]))
    run(str(fixed), *FW, "-j", "2", "--html", str(pages[1]))
    code, output, last = run_checker("check-html.sh", *pages)
    assert last == "html: nu_errors=0 axe_violations=0", output
    assert code == 0, output
