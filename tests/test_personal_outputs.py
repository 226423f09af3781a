"""Every text an output shows is redacted by --redact and escaped in HTML and Markdown.

Each field is tested on its own: a payload in one field only, so that a field that leaks
fails its own case. Where the report shows the field, the case first proves that the payload
reaches the report (with --allow-personal-data, or unescaped text), so that a field the
report stopped showing cannot pass by accident.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from inspectkit.cli import app
from tests.conftest import ROOT
from tests.personal_support import CHI

DATA = ROOT / "tests" / "data"
FW = ["--frameworks-dir", str(DATA / "frameworks")]
DATE = ["--date", "2026-03-30"]


def _load(path: Path) -> object:
    return yaml.safe_load(path.read_text("utf-8"))


def _dump(path: Path, data: object) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def _item(field: str) -> Callable[[Path, str], None]:
    def put(folder: Path, payload: str) -> None:
        path = folder / "evidence" / "items.yaml"
        items = _load(path)
        assert isinstance(items, list)
        items[0][field] = payload
        _dump(path, items)

    return put


def _markdown(part: str) -> Callable[[Path, str], None]:
    def put(folder: Path, payload: str) -> None:
        path = folder / "evidence" / "doc-01.md"
        text = path.read_text("utf-8")
        if part == "summary":
            text = text.replace(
                "summary: The children's services plan sets out shared priorities.",
                "summary: " + yaml.safe_dump(payload, default_style='"').strip(),
            )
        else:
            text += f"\nAlso {payload}.\n"
        path.write_text(text, "utf-8")

    return put


def _evaluation(field: str) -> Callable[[Path, str], None]:
    def put(folder: Path, payload: str) -> None:
        path = folder / "evaluations.yaml"
        entries = _load(path)
        assert isinstance(entries, list)
        if field == "evaluator":
            del entries[0]["grade"]
            entries[0]["independent"] = [
                {"evaluator": payload, "grade": 4},
                {"evaluator": "Health", "grade": 4},
            ]
        elif field == "moderated_by":
            entries[0]["moderated_by"] = ["lead", payload]
        else:
            entries[0][field] = payload
        _dump(path, entries)

    return put


def _manifest(field: str) -> Callable[[Path, str], None]:
    def put(folder: Path, payload: str) -> None:
        path = folder / "inspection.yaml"
        manifest = _load(path)
        assert isinstance(manifest, dict)
        if field.startswith("team."):
            manifest["team"] = [{"name": "Lead inspector", "role": "lead", field[5:]: payload}]
        else:
            manifest[field] = payload
        _dump(path, manifest)

    return put


def _rename(relative: str, template: str) -> Callable[[Path, str], None]:
    """Move ``relative`` to ``template`` with the payload as its {} part."""

    def put(folder: Path, payload: str) -> None:
        target = folder / template.format(payload)
        target.parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).rename(target)

    return put


@dataclass(frozen=True)
class Field:
    """Where a payload goes, and whether the report shows that field."""

    name: str
    put: Callable[[Path, str], None]
    shown: bool = True


FIELDS = [
    Field("item summary", _item("summary")),
    Field("item quote", _item("quote")),
    Field("item reference", _item("reference")),
    Field("item detail (not shown)", _item("detail"), shown=False),
    Field("Markdown item summary", _markdown("summary")),
    Field("Markdown item notes (not shown)", _markdown("body"), shown=False),
    Field("evaluation rationale", _evaluation("rationale")),
    Field("evaluation departure", _evaluation("departure")),
    Field("evaluation independent evaluator", _evaluation("evaluator")),
    Field("evaluation moderated_by (not shown)", _evaluation("moderated_by"), shown=False),
    Field("manifest partnership", _manifest("partnership")),
    Field("manifest title", _manifest("title")),
    Field("manifest reference", _manifest("reference")),
    Field("manifest context", _manifest("context")),
    Field("team name", _manifest("team.name")),
    Field("team role", _manifest("team.role")),
    Field("team organisation", _manifest("team.organisation")),
]
# File paths reach the evidence index and the list of data files.
PATHS = [
    Field("evidence file name", _rename("evidence/items.yaml", "evidence/{}.yaml")),
    Field("evidence folder name", _rename("evidence/items.yaml", "evidence/{}/items.yaml")),
    Field("Markdown file name", _rename("evidence/doc-01.md", "evidence/{}.md")),
    Field("records file name", _rename("records/reader-a.csv", "records/{}.csv")),
]


def report(folder: Path, out: Path, *flags: str) -> tuple[int, str, str, str]:
    """Run ``inspectkit report``: exit code, stderr, and the Markdown and HTML written."""
    result = CliRunner().invoke(app, ["report", str(folder), *FW, "-o", str(out), *DATE, *flags])
    md = out / f"{folder.name}.md"
    html = out / f"{folder.name}.html"
    return (
        result.exit_code,
        result.stderr,
        md.read_text("utf-8") if md.exists() else "",
        html.read_text("utf-8") if html.exists() else "",
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "mini"
    shutil.copytree(DATA / "evidence" / "mini", target)
    return target


@pytest.mark.parametrize("field", FIELDS + PATHS, ids=lambda f: f.name)
def test_redact_reaches_the_field(field: Field, folder: Path, tmp_path: Path) -> None:
    field.put(folder, f"FG-{CHI}" if field in PATHS else f"CHI {CHI}")
    out = tmp_path / "out"
    code, err, md, html = report(folder, out)
    assert code == 1 and "report not written" in err and not out.exists()
    code, err, md, html = report(folder, out, "--redact")
    assert code == 0, err
    assert CHI not in md and CHI not in html
    code, err, md_all, html_all = report(folder, out, "--allow-personal-data", "--force")
    assert code == 0, err
    if field.shown:
        assert CHI in md_all and CHI in html_all  # the field does reach the report
        assert "CHI number removed" in md and "CHI number removed" in html
    else:
        assert CHI not in md_all and CHI not in html_all


MD = MarkdownIt("commonmark").enable("table")
SCRIPT = "<script>x</script>"
LINK = "*[x](javascript:y)*"


def _markdown_is_inert(md: str) -> None:
    tokens = MD.parse(md)
    every = [*tokens, *(c for t in tokens for c in t.children or [])]
    assert not [t for t in every if t.type in ("html_inline", "html_block")]
    hrefs = [t.attrs.get("href", "") for t in every if t.type == "link_open"]
    assert all(str(h).startswith("#") for h in hrefs), hrefs


@pytest.mark.parametrize("field", [f for f in FIELDS if f.shown], ids=lambda f: f.name)
@pytest.mark.parametrize("payload", [SCRIPT, LINK])
def test_each_field_is_escaped(field: Field, payload: str, folder: Path, tmp_path: Path) -> None:
    field.put(folder, payload)
    code, err, md, html = report(folder, tmp_path / "out")
    assert code == 0, err
    if payload == SCRIPT:
        assert "<script" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
        assert "\\<script\\>x\\</script\\>" in md
    else:
        assert 'href="javascript' not in html and "*[x](javascript:y)*" in html
        assert "\\*\\[x\\](javascript\\:y)\\*" in md
    _markdown_is_inert(md)


@pytest.mark.parametrize("field", PATHS, ids=lambda f: f.name)
def test_each_path_is_escaped(field: Field, folder: Path, tmp_path: Path) -> None:
    field.put(folder, "<img src=x onerror=y>")
    code, err, md, html = report(folder, tmp_path / "out")
    assert code == 0, err
    assert "<img" not in html and "&lt;img src=x onerror=y&gt;" in html
    assert "\\<img src=x onerror=y\\>" in md
    _markdown_is_inert(md)


def _break(folder: Path) -> None:
    """A grade off the scale (IK308): the folder fails validation."""
    path = folder / "evaluations.yaml"
    entries = _load(path)
    assert isinstance(entries, list)
    entries[0]["grade"] = 9
    _dump(path, entries)


@pytest.mark.parametrize("failed", [True, False], ids=["failed folder", "graded folder"])
@pytest.mark.parametrize("payload", [SCRIPT, LINK])
def test_overview_escapes_the_partnership(
    failed: bool, payload: str, folder: Path, tmp_path: Path
) -> None:
    _manifest("partnership")(folder, payload)
    if failed:
        _break(folder)
    page = tmp_path / "overview.html"
    result = CliRunner().invoke(app, ["overview", str(folder), *FW, "--html", str(page)])
    assert result.exit_code == (1 if failed else 0), result.output
    html = page.read_text("utf-8")
    if payload == SCRIPT:
        assert "<script" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    else:
        assert 'href="javascript' not in html and payload in html
