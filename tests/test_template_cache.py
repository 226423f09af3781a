"""Compiled templates kept between runs: used when they match, never when they do not, and
never in the way when the cache cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader

from inspectkit.report import templatecache
from inspectkit.report.render import render
from inspectkit.report.templatecache import TemplateCache, cache_dir


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates Jinja compiles from source."""
    names: list[str] = []
    original = Environment._compile

    def spy(self: Environment, source: str, filename: str) -> object:
        names.append(Path(filename).name)
        return original(self, source, filename)

    monkeypatch.setattr(Environment, "_compile", spy)
    return names


def mine(tmp_path: Path, text: str = "Hello {{ name }}\n") -> Path:
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / "report.md.j2").write_text(text, "utf-8")
    return folder


def test_a_compiled_template_is_used_on_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiled: list[str]
) -> None:
    monkeypatch.setenv("INSPECTKIT_CACHE_DIR", str(tmp_path / "cache"))
    folder = mine(tmp_path)
    first = render({"name": "Ann"}, "md", templates_dirs=[folder])
    assert compiled == ["report.md.j2"]
    assert list((tmp_path / "cache" / "templates").glob("*.jinja"))
    second = render({"name": "Ann"}, "md", templates_dirs=[folder])
    assert compiled == ["report.md.j2"]  # not compiled again
    assert first == second == "Hello Ann\n"


def test_a_changed_template_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiled: list[str]
) -> None:
    monkeypatch.setenv("INSPECTKIT_CACHE_DIR", str(tmp_path / "cache"))
    folder = mine(tmp_path)
    assert render({"name": "Ann"}, "md", templates_dirs=[folder]) == "Hello Ann\n"
    mine(tmp_path, "Goodbye {{ name }}\n")
    assert render({"name": "Ann"}, "md", templates_dirs=[folder]) == "Goodbye Ann\n"
    assert compiled == ["report.md.j2", "report.md.j2"]


def test_a_damaged_entry_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiled: list[str]
) -> None:
    monkeypatch.setenv("INSPECTKIT_CACHE_DIR", str(tmp_path / "cache"))
    folder = mine(tmp_path)
    render({"name": "Ann"}, "md", templates_dirs=[folder])
    (entry,) = (tmp_path / "cache" / "templates").glob("*.jinja")
    entry.write_bytes(entry.read_bytes()[:-20])  # cut short
    assert render({"name": "Ann"}, "md", templates_dirs=[folder]) == "Hello Ann\n"
    assert len(compiled) == 2


def test_an_entry_of_other_versions_is_not_used(tmp_path: Path, compiled: list[str]) -> None:
    folder = tmp_path / "cache"
    template = mine(tmp_path)
    for options in ("a", "a", "b"):
        Environment(
            loader=FileSystemLoader(str(template)), bytecode_cache=TemplateCache(folder, options)
        ).get_template("report.md.j2")
    # "a" twice: compiled once; "b" (other settings or versions): compiled again.
    assert compiled.count("report.md.j2") == 2


def test_a_cache_that_cannot_be_written_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", "utf-8")
    monkeypatch.setenv("INSPECTKIT_CACHE_DIR", str(blocked))
    assert render({"name": "Ann"}, "md", templates_dirs=[mine(tmp_path)]) == "Hello Ann\n"
    assert blocked.read_text("utf-8") == "a file where the cache folder would be"


def test_an_empty_cache_dir_turns_the_cache_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiled: list[str]
) -> None:
    monkeypatch.setenv("INSPECTKIT_CACHE_DIR", "")
    folder = mine(tmp_path)
    render({"name": "Ann"}, "md", templates_dirs=[folder])
    render({"name": "Ann"}, "md", templates_dirs=[folder])
    assert compiled == ["report.md.j2", "report.md.j2"]


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"INSPECTKIT_CACHE_DIR": "/c", "XDG_CACHE_HOME": "/x"}, Path("/c/templates")),
        ({"INSPECTKIT_CACHE_DIR": ""}, None),
        ({"XDG_CACHE_HOME": "/x"}, Path("/x/inspectkit/templates")),
        ({}, Path.home() / ".cache" / "inspectkit" / "templates"),
    ],
)
def test_where_the_cache_is(environ: dict[str, str], expected: Path | None) -> None:
    assert cache_dir(environ) == expected


def test_only_templates_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INSPECTKIT_CACHE_DIR", str(tmp_path / "cache"))
    render({"name": "A private name"}, "md", templates_dirs=[mine(tmp_path)])
    for entry in (tmp_path / "cache").rglob("*"):
        if entry.is_file():
            assert b"A private name" not in entry.read_bytes()
    assert templatecache.__all__ == ["TemplateCache", "cache_dir"]
