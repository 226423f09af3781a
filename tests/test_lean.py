"""What keeps ``validate`` fast: each step done once, and nothing loaded that is not used.

The speed itself is measured by ``benchmarks/run.py``, not here; these tests guard the
changes that made it fast, so that losing one fails a test rather than only a benchmark.
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from inspectkit import textfile, yamlread
from inspectkit.evidence import silence as silence_module
from inspectkit.framework import registry as registry_module
from inspectkit.framework.registry import Registry
from inspectkit.inspection import InspectOptions, inspect_folder
from inspectkit.parallel import gc_paused
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "mini"
    shutil.copytree(DATA / "evidence" / "mini", target)
    return target


# --- the collector pauses while a folder is checked ------------------------------------------


def test_the_collector_pauses_and_comes_back() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # only the outermost pause restores it
    assert gc.isenabled()


def test_the_collector_comes_back_after_an_error() -> None:
    with pytest.raises(ValueError), gc_paused():
        raise ValueError
    assert gc.isenabled()


def test_a_paused_collector_stays_off_when_it_was_off() -> None:
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_folder_is_checked_with_the_collector_paused(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    original = silence_module.silence

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("inspectkit.inspection.silence", spy)
    inspect_folder(folder, Registry([DATA / "frameworks"]), InspectOptions(grade=False))
    assert seen == [False]
    assert gc.isenabled()


# --- each file is read once --------------------------------------------------------------


def test_ignore_comments_come_from_the_text_already_read(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = folder / "evidence" / "items.yaml"
    text = items.read_text(encoding="utf-8")
    assert "# inspectkit: ignore" not in text
    read_again: list[str] = []
    original = silence_module.read_text

    def spy(path: Path, display: str, **kwargs: object) -> textfile.TextFile:
        read_again.append(display)
        return original(path, display, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(silence_module, "read_text", spy)
    found = inspect_folder(folder, Registry([DATA / "frameworks"]), InspectOptions(grade=False))
    text_files = [f for f in found.files if f.endswith((".yaml", ".yml", ".md", ".csv"))]
    assert [f for f in text_files if f.endswith(".csv")]
    assert not [f for f in read_again if f in text_files]
    assert set(found.folder.texts) == set(text_files)
    assert found.folder.texts[textfile.display_path(items)] == text


def test_an_ignore_in_a_text_already_read_still_silences() -> None:
    texts = {"evidence/x.yaml": "- id: A  # inspectkit: ignore IK401 -- only source there is\n"}
    ignores, problems = silence_module.find_ignores(["evidence/x.yaml"], texts)
    assert problems == []
    assert [(i.file, i.line, sorted(i.codes)) for i in ignores] == [
        ("evidence/x.yaml", 1, ["IK401"])
    ]


@pytest.fixture
def framework_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the framework files the registry reads whole."""
    reads: list[str] = []
    original = yamlread.load_yaml_file

    def spy(path: Path, display: str) -> yamlread.YamlDocument:
        reads.append(path.name)
        return original(path, display)

    monkeypatch.setattr(registry_module, "load_yaml_file", spy)
    return reads


def test_the_framework_file_the_scan_read_is_not_read_again(framework_reads: list[str]) -> None:
    reads = framework_reads
    registry = Registry([DATA / "frameworks"], builtins=False)
    registry.load("mini")
    assert reads and len(reads) == len(set(reads)), reads


# --- nothing loaded that is not used ------------------------------------------------------


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    return set(out.split())


def test_the_options_are_light_to_import() -> None:
    loaded = _modules_after("import inspectkit.options, inspectkit.batch")
    assert not {"pydantic", "yaml", "inspectkit.evidence.folder", "inspectkit.validate"} & loaded


def test_validating_a_folder_loads_no_grading(folder: Path) -> None:
    code = (
        "from pathlib import Path\n"
        "from inspectkit.framework.registry import Registry\n"
        "from inspectkit.inspection import InspectOptions, inspect_folder\n"
        f"inspect_folder(Path({str(folder)!r}), Registry([Path({str(DATA / 'frameworks')!r})]),"
        " InspectOptions(grade=False))"
    )
    loaded = _modules_after(code)
    assert "inspectkit.validate" in loaded
    assert not [m for m in loaded if m.startswith("inspectkit.grading")]


# --- workers start before the settings are read ------------------------------------------


def _pid(_: int) -> int:
    import os

    return os.getpid()


def test_started_workers_do_the_work_and_stop() -> None:
    import os

    from inspectkit.parallel import Workers, map_in_processes

    with Workers(2, warm_up=gc.isenabled) as workers:
        assert workers.pool is not None
        pids = map_in_processes(_pid, list(range(6)), workers=workers)
        assert os.getpid() not in pids
    assert workers.pool is None


def test_one_job_starts_no_workers() -> None:
    import os

    from inspectkit.parallel import Workers, map_in_processes

    with Workers(1) as workers:
        assert workers.pool is None
        assert map_in_processes(_pid, [1, 2], workers=workers) == [os.getpid()] * 2


def test_validate_starts_its_workers_before_reading_settings(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from inspectkit import batch
    from inspectkit.cli import app
    from inspectkit.cli import run as cli_run

    second = tmp_path / "second"
    shutil.copytree(folder, second)
    order: list[str] = []
    start, settings = batch.start_workers, cli_run.settings_for

    def spy_start(*args: object, **kwargs: object) -> object:
        order.append("workers")
        return start(*args, **kwargs)  # type: ignore[arg-type]

    def spy_settings(**flags: object) -> object:
        order.append("settings")
        return settings(**flags)

    monkeypatch.setattr(batch, "start_workers", spy_start)
    monkeypatch.setattr("inspectkit.cli.check.settings_for", spy_settings)
    args = ["validate", str(folder), str(second), "--frameworks-dir", str(DATA / "frameworks")]
    result = CliRunner().invoke(app, [*args, "--jobs", "2", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert order[:2] == ["workers", "settings"]


# --- a file is read at its own size, not at the limit's ------------------------------------


def test_a_small_file_is_read_without_allocating_the_limit(tmp_path: Path) -> None:
    import tracemalloc

    small = tmp_path / "small.yaml"
    small.write_bytes(b"id: A\n")
    tracemalloc.start()
    try:
        data = textfile.read_bytes(small, "small.yaml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert data == b"id: A\n"
    assert peak < textfile.MAX_FILE_BYTES // 10


@pytest.mark.parametrize(("size", "refused"), [(99, False), (100, False), (101, True)])
def test_the_size_limit_holds_at_its_edge(tmp_path: Path, size: int, refused: bool) -> None:
    from inspectkit.errors import ReadFailure

    path = tmp_path / "f.csv"
    path.write_bytes(b"x" * size)
    if refused:
        with pytest.raises(ReadFailure, match=r"limit"):
            textfile.read_bytes(path, "f.csv", max_bytes=100)
    else:
        assert len(textfile.read_bytes(path, "f.csv", max_bytes=100)) == size


class _Shrunk(type(Path())):  # type: ignore[misc]
    """A path whose size, when asked, is smaller than the file: as if it grew meanwhile."""

    def stat(self, *, follow_symlinks: bool = True) -> os.stat_result:
        real = super().stat(follow_symlinks=follow_symlinks)
        fields = list(real)
        fields[6] = 3  # st_size
        return os.stat_result(fields)


@pytest.mark.parametrize(("size", "refused"), [(100, False), (101, True)])
def test_a_file_that_grows_while_read_is_read_whole_or_refused(
    tmp_path: Path, size: int, refused: bool
) -> None:
    from inspectkit.errors import ReadFailure

    (tmp_path / "g.csv").write_bytes(b"y" * size)
    path = _Shrunk(tmp_path / "g.csv")
    if refused:
        with pytest.raises(ReadFailure):
            textfile.read_bytes(path, "g.csv", max_bytes=100)
    else:
        assert textfile.read_bytes(path, "g.csv", max_bytes=100) == b"y" * size


# --- the built-ins are listed from their top lines; only the one used is read whole --------


def _built_ins() -> list[Path]:
    from inspectkit.resources import data_dir

    return sorted(data_dir("frameworks").glob("*.y*ml"))


@pytest.mark.parametrize("path", _built_ins(), ids=lambda p: p.stem)
def test_a_built_in_header_says_what_its_full_reading_says(path: Path) -> None:
    header = registry_module._built_in_header(path)
    data = yamlread.load_yaml_file(path, path.name).data
    assert header is not None
    assert header == {
        name: str(getattr(data[name], "text", data[name]))
        for name in ("id", "version", "title", "status")
        if name in data
    }


@pytest.mark.parametrize(
    "text",
    [
        "id: x\nversion: '1.0.0'\n",  # quoted
        "id: x\nversion: 1.0.0\ntitle: A long\n  title\n",  # continued on the next line
        "id: x\nversion: 1.0.0\ntitle: A # B\n",  # a comment, or text after ' #'
        "id: x\nid: y\nversion: 1.0.0\n",  # twice: the full reading says so
        "id: x\ntitle: no version\n",
        "id: x\nversion: 1.0.0\ntitle: >\n  folded\n",
    ],
)
def test_a_header_in_doubt_is_read_whole(tmp_path: Path, text: str) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    assert registry_module._built_in_header(path) is None


def test_only_the_built_ins_used_are_read_whole(framework_reads: list[str]) -> None:
    reads = framework_reads
    Registry().load("cso-at-home")
    assert sorted(reads) == ["cso-at-home-1.0.0.yaml", "quality-framework-2019-1.0.0.yaml"]


# --- the report: no needless copy, no exception per lookup ------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words", "plain words"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("left\u202eright", "left\\u202eright"),
        ("bell\x07", "bell\\u0007"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
    ],
)
def test_clean_escapes_only_what_it_must(text: str, expected: str) -> None:
    from inspectkit.textsafe import clean

    assert clean(text) == expected


def test_a_view_copies_a_context_unless_it_is_given_away(folder: Path) -> None:
    import copy
    import datetime as dt

    from inspectkit.policy import ReportDate
    from inspectkit.report.context import build_context
    from inspectkit.report.views import apply_view, get_view

    found = inspect_folder(folder, Registry([DATA / "frameworks"]))
    context = build_context(found, ReportDate(dt.date(2026, 1, 1), "option"), "team")
    before = copy.deepcopy(context)
    viewed = apply_view(context, get_view("publication"))
    assert viewed is not context and context == before
    assert viewed["view"]["name"] == "publication"
    assert apply_view(context, get_view("publication"), given=True) is context
    assert context["view"]["name"] == "publication"


def test_the_sandbox_reads_dict_entries_as_jinja_does() -> None:
    from jinja2.exceptions import SecurityError

    from inspectkit.report.render import _Sandbox

    env = _Sandbox()
    data = {"d": {"name": "N", "items": "an entry", "keys": 1}}
    assert env.from_string("{{ d.name }}").render(data) == "N"
    # Where a dict has the attribute, Jinja gives the attribute; so does the sandbox.
    assert env.from_string("{{ d.items is callable }}").render(data) == "True"
    assert env.from_string("{{ d['items'] }}").render(data) == "an entry"
    assert env.from_string("{{ d.missing is defined }}").render(data) == "False"
    with pytest.raises(SecurityError):
        env.from_string("{{ d.__class__.__subclasses__() }}").render(data)
    with pytest.raises(SecurityError):
        env.from_string("{{ d.update(name='changed') }}").render(data)
    assert data["d"]["name"] == "N"
