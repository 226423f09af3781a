"""Writing reports: never over a report without --force, never into the evidence folder
unless asked, atomically, and the same bytes for the same inputs."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import inspectkit.files
from inspectkit.errors import UsageError
from inspectkit.policy import resolve_date
from tests.conftest import ROOT
from tests.test_report import DATA, FW, clean_tree, mini, run


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    folder, out = mini(tmp_path), tmp_path / "out"
    assert run(str(folder), *FW, "-o", str(out), "--date", "2026-04-01")[0] == 0
    (out / "mini.md").write_text("edited by hand\n")
    code, _, err = run(str(folder), *FW, "-o", str(out), "--date", "2026-04-02")
    assert code == 2
    assert (
        f"inspectkit: error: '{(out / 'mini.md').as_posix()}', "
        f"'{(out / 'mini.html').as_posix()}' already exist; give --force to replace, "
        "or another --output folder."
    ) in err
    assert (out / "mini.md").read_text() == "edited by hand\n"
    assert "1 April 2026" in (out / "mini.html").read_text()


def test_force_replaces(tmp_path: Path) -> None:
    folder, out = mini(tmp_path), tmp_path / "out"
    run(str(folder), *FW, "-o", str(out), "--date", "2026-04-01")
    code, _, _ = run(str(folder), *FW, "-o", str(out), "--date", "2026-04-02", "--force")
    assert code == 0
    assert "2 April 2026" in (out / "mini.md").read_text()
    assert clean_tree(out) == ["mini.html", "mini.md"]


def test_refuses_one_existing_format_before_writing_the_other(tmp_path: Path) -> None:
    folder, out = mini(tmp_path), tmp_path / "out"
    out.mkdir()
    (out / "mini.html").write_text("old")
    code, _, err = run(str(folder), *FW, "-o", str(out))
    assert code == 2 and "already exists" in err
    assert clean_tree(out) == ["mini.html"]


def test_default_output_is_refused_inside_the_evidence_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = mini(tmp_path)
    before = clean_tree(folder)
    monkeypatch.chdir(folder)
    code, _, err = run(".", *FW)
    assert code == 2
    assert "inside the evidence folder" in err and "--output" in err
    assert clean_tree(folder) == before


def test_default_output_and_an_explicit_one_inside_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = mini(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert run("mini", *FW)[0] == 0
    assert clean_tree(tmp_path / "inspectkit-report") == ["mini.html", "mini.md"]
    assert run("mini", *FW, "-o", "mini/drafts")[0] == 0  # asked for on purpose
    assert clean_tree(folder / "drafts") == ["mini.html", "mini.md"]


def test_interrupted_rename_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, out = mini(tmp_path), tmp_path / "out"
    run(str(folder), *FW, "-o", str(out), "-f", "md", "--date", "2026-04-01")
    old = (out / "mini.md").read_bytes()

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(inspectkit.files.os, "replace", interrupted)
    code, _, err = run(
        str(folder), *FW, "-o", str(out), "-f", "md", "--date", "2026-04-02", "--force"
    )
    assert code == 130 and "interrupted" in err
    assert (out / "mini.md").read_bytes() == old
    assert clean_tree(out) == ["mini.md"]


def test_interrupted_write_between_formats_leaves_whole_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, out = mini(tmp_path), tmp_path / "out"
    run(str(folder), *FW, "-o", str(out), "--date", "2026-04-01")
    old_html = (out / "mini.html").read_bytes()
    calls = []
    real_fsync = os.fsync

    def fsync_then_stop(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:  # the second file, after its bytes went to the temporary file
            raise KeyboardInterrupt
        real_fsync(fd)

    monkeypatch.setattr(inspectkit.files.os, "fsync", fsync_then_stop)
    code, _, _ = run(str(folder), *FW, "-o", str(out), "--date", "2026-04-02", "--force")
    assert code == 130
    assert "2 April 2026" in (out / "mini.md").read_text()  # new and whole
    assert (out / "mini.html").read_bytes() == old_html  # old and whole
    assert clean_tree(out) == ["mini.html", "mini.md"]


KILLED_RUN = """
import runpy, sys, time
import inspectkit.files
def slow_replace(src, dst):
    print("renaming", flush=True)
    time.sleep(60)
inspectkit.files.os.replace = slow_replace
sys.argv[0] = "inspectkit"
runpy.run_module("inspectkit", run_name="__main__")
"""


def test_killed_run_leaves_the_old_report(tmp_path: Path) -> None:
    """SIGKILL while the new report waits to be renamed: the old one is intact."""
    folder, out = mini(tmp_path), tmp_path / "out"
    args = ["report", str(folder), *FW, "-o", str(out), "-f", "html", "--date"]
    assert run(*args[1:], "2026-04-01")[0] == 0
    old = (out / "mini.html").read_bytes()
    with subprocess.Popen(
        [sys.executable, "-c", KILLED_RUN, *args, "2026-04-02", "--force"],
        stdout=subprocess.PIPE,
        cwd=ROOT,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stdout.readline() == b"renaming\n"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert (out / "mini.html").read_bytes() == old
    left = [name for name in clean_tree(out) if name != "mini.html"]
    assert left and all(name.startswith(".mini.html.") and name.endswith(".tmp") for name in left)
    # The next run that writes the file removes what the killed one left behind.
    assert run(*args[1:], "2026-04-03", "--force")[0] == 0
    assert sorted(clean_tree(out)) == ["mini.html"]


def _subprocess_report(out: Path, seed: str) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "inspectkit",
            "report",
            str(ROOT / "examples" / "cso-at-home-glenbrae"),
            "-o",
            str(out),
        ],
        check=True,
        env={**os.environ, "PYTHONHASHSEED": seed},
        cwd=out.parent,
        capture_output=True,
    )


def test_same_inputs_give_the_same_bytes(tmp_path: Path) -> None:
    """Two processes with different hash seeds, from different folders: identical files."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "deeper").mkdir(parents=True)
    _subprocess_report(tmp_path / "a" / "out", "1")
    _subprocess_report(tmp_path / "b" / "deeper" / "out", "4242")
    for name in ("cso-at-home-glenbrae.md", "cso-at-home-glenbrae.html"):
        first = (tmp_path / "a" / "out" / name).read_bytes()
        assert first == (tmp_path / "b" / "deeper" / "out" / name).read_bytes(), name


def test_source_date_epoch_is_the_date_when_nothing_else_gives_one(tmp_path: Path) -> None:
    folder = mini(tmp_path)  # no report_date in its manifest
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1774958400"}  # 2026-03-31 12:00 UTC
    subprocess.run(
        [
            sys.executable,
            "-m",
            "inspectkit",
            "report",
            str(folder),
            *FW,
            "-o",
            str(tmp_path / "out"),
            "-f",
            "md",
        ],
        check=True,
        env=env,
        capture_output=True,
    )
    md = (tmp_path / "out" / "mini.md").read_text()
    assert "| Report date | 31 March 2026 (from SOURCE\\_DATE\\_EPOCH) |" in md


def test_without_a_date_the_report_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert run(str(mini(tmp_path)), *FW, "-o", str(tmp_path / "out"), "-f", "md")[0] == 0
    assert "| Report date | Draft – date not set |" in (tmp_path / "out" / "mini.md").read_text()


def test_date_order() -> None:
    manifest = dt.date(2026, 5, 1)
    assert resolve_date("2026-04-01", manifest, "0").date == dt.date(2026, 4, 1)
    assert resolve_date(None, manifest, "0").source == "manifest"
    assert resolve_date(None, None, "0").date == dt.date(1970, 1, 1)
    assert resolve_date(None, None, None).date is None
    assert resolve_date(None, None, " ").source == "none"


@pytest.mark.parametrize(
    ("option", "epoch", "message"),
    [
        ("31/03/2026", None, "--date '31/03/2026' is not a date: use YYYY-MM-DD"),
        (None, "yesterday", "SOURCE_DATE_EPOCH 'yesterday' is not a number of seconds"),
        (None, "9" * 30, "is not a number of seconds"),
    ],
)
def test_bad_dates_are_usage_errors(option: str | None, epoch: str | None, message: str) -> None:
    with pytest.raises(UsageError, match=message.replace("(", r"\(")):
        resolve_date(option, None, epoch)


def test_bad_date_option_is_exit_2(tmp_path: Path) -> None:
    code, _, err = run(
        str(DATA / "evidence" / "mini"), *FW, "-o", str(tmp_path), "--date", "tomorrow"
    )
    assert code == 2 and "--date 'tomorrow' is not a date" in err
