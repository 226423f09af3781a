"""inspectkit report: the command, golden files of every example, and shared helpers.

The helpers here are imported by the other test_report_*.py modules.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from inspectkit.cli import app
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"
FW = ["--frameworks-dir", str(DATA / "frameworks")]
GOLDEN = ROOT / "tests" / "golden" / "report"
EXAMPLES = ("cso-at-home-glenbrae", "care-and-protection-kinloch-mhor")

# Text that would break out of HTML or Markdown if it were not escaped: the hostile corpus
# plus Markdown structure at the start of a line, entities, autolinks and bidi controls.
HOSTILE = [
    *(
        str(v)
        for v in yaml.safe_load(
            (ROOT / "tests" / "corpus" / "hostile" / "html-injection.yaml").read_text("utf-8")
        ).values()
    ),
    "</style><script>alert(1)</script>",
    "- a list item",
    "1. an ordered item",
    "# a heading",
    "a | b | c",
    "`code` and ``` a fence",
    "[ref]: https://evil.example",
    "see https://evil.example/x and www.evil.example",
    "&amp; &#60; entities",
    "***bold*** _em_ ~~struck~~",
    "line one\n\n# line two\n- line three\n=====",
    "> a quote",
    "\\ a backslash \\",
    "\u202eoverride\u0007bell",
]


def run(*args: str) -> tuple[int, str, str]:
    """``inspectkit report ARGS`` through typer's runner: exit code, stdout, stderr."""
    result = CliRunner().invoke(app, ["report", *args])
    return result.exit_code, result.stdout, result.stderr


def mini(tmp_path: Path, name: str = "mini") -> Path:
    """A copy of the mini evidence folder."""
    target = tmp_path / name
    shutil.copytree(DATA / "evidence" / "mini", target)
    return target


def hostile_folder(tmp_path: Path) -> Path:
    """The mini folder with hostile text in every free-text field a report shows."""
    root = mini(tmp_path, "hostile")
    findings = ["strength", "area-for-improvement", "context"]
    items = [
        {
            "id": f"H-{i:02d}",
            "source": "focus-group",
            "indicators": ["2.1"],
            "lines_of_enquiry": ["LOE1"],
            "finding": findings[i % 3],
            "significance": "major" if i % 2 else "important",
            "summary": text,
            "quote": text,
            "reference": text,
        }
        for i, text in enumerate(HOSTILE)
    ]
    _dump(root / "evidence" / "hostile.yaml", items)
    manifest = yaml.safe_load((root / "inspection.yaml").read_text("utf-8"))
    manifest.update(
        partnership=HOSTILE[0],
        title=HOSTILE[1],
        reference=HOSTILE[3],
        context=HOSTILE[4],
        team=[{"name": t, "role": t, "organisation": t} for t in HOSTILE[:6]],
    )
    _dump(root / "inspection.yaml", manifest)
    evaluations = yaml.safe_load((root / "evaluations.yaml").read_text("utf-8"))
    evaluations[0].update(rationale=" ".join(HOSTILE), departure=HOSTILE[5])
    _dump(root / "evaluations.yaml", evaluations)
    return root


def _dump(path: Path, data: object) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def copy_example(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copytree(ROOT / "examples" / name, target)
    return target


def clean_tree(folder: Path) -> list[str]:
    """Every file under ``folder`` (temporary files included), relative and sorted."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


# --- golden files -------------------------------------------------------------------------

CASES = [
    ("mini", DATA / "evidence" / "mini", [*FW, "--date", "2026-04-01"]),
    *((name, ROOT / "examples" / name, []) for name in EXAMPLES),
]


@pytest.mark.parametrize(("name", "folder", "extra"), CASES, ids=[c[0] for c in CASES])
def test_golden(
    name: str, folder: Path, extra: list[str], tmp_path: Path, update_golden: bool
) -> None:
    """Both formats match their golden files (rewrite them with --update-golden)."""
    code, _, err = run(str(folder), "-o", str(tmp_path), *extra)
    assert code == 0, err
    for fmt in ("md", "html"):
        got = (tmp_path / f"{folder.name}.{fmt}").read_bytes()
        # The reports attached to the examples are their golden files: they stay current.
        where = ROOT / "examples" / "reports" if name in EXAMPLES else GOLDEN
        copies = [where / f"{name}.{fmt}"]
        for golden in copies:
            if update_golden:
                golden.parent.mkdir(parents=True, exist_ok=True)
                golden.write_bytes(got)
            assert golden.is_file(), f"{golden} is missing: run pytest --update-golden"
            assert got == golden.read_bytes(), f"{golden} differs: run pytest --update-golden"


def test_examples_have_attached_reports() -> None:
    for name in EXAMPLES:
        for suffix in (".md", ".html", ".png"):
            assert (ROOT / "examples" / "reports" / f"{name}{suffix}").is_file(), name


# --- the command ----------------------------------------------------------------------------


def test_writes_both_formats_and_says_so(tmp_path: Path) -> None:
    folder = mini(tmp_path)
    code, out, err = run(str(folder), *FW, "-o", str(tmp_path / "out"))
    assert code == 0
    assert out == ""
    assert err.splitlines()[-2:] == [
        f"wrote    {(tmp_path / 'out' / 'mini.md').as_posix()}",
        f"wrote    {(tmp_path / 'out' / 'mini.html').as_posix()}",
    ]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_one_format(fmt: str, tmp_path: Path) -> None:
    code, _, _ = run(str(mini(tmp_path)), *FW, "-o", str(tmp_path / "out"), "-f", fmt)
    assert code == 0
    assert clean_tree(tmp_path / "out") == [f"mini.{fmt}"]


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run(str(mini(tmp_path)), *FW, "-o", str(tmp_path / "out"), "-f", "rtf")
    assert code == 2
    assert "Unknown format 'rtf': use one of md, html, docx, pdf, both." in err


def test_folder_with_errors_is_not_reported(tmp_path: Path) -> None:
    folder = mini(tmp_path)
    (folder / "evaluations.yaml").write_text("- indicator: '2.1'\n  grade: 9\n  rationale: x\n")
    code, _, err = run(str(folder), *FW, "-o", str(tmp_path / "out"))
    assert code == 1
    assert "IK308" in err
    assert not (tmp_path / "out").exists()


def test_missing_folder_cannot_be_read(tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path / "nope"), *FW, "-o", str(tmp_path / "out"))
    assert code == 4
    assert "nope" in err


def test_small_counts_are_suppressed(tmp_path: Path) -> None:
    """The mini folder read 4 records and had 3 and 2 respondents: none may be shown."""
    code, _, _ = run(str(mini(tmp_path)), *FW, "-o", str(tmp_path), "--date", "2026-04-01")
    assert code == 0
    md = (tmp_path / "mini.md").read_text("utf-8")
    assert "| Children's records read | fewer than 5 |" in md
    assert "| Staff survey: responses | fewer than 5 |" in md
    assert "Fewer than 5 of the records we read answered this, so no figure is given." in md
    assert "(67%)" not in md  # 2 of 3 plans were good: the share would give the count away


def test_without_lines_of_enquiry_the_sections_follow_the_key_questions(tmp_path: Path) -> None:
    frameworks = tmp_path / "frameworks"
    frameworks.mkdir()
    text = (DATA / "frameworks" / "mini-1.0.0.yaml").read_text("utf-8")
    start = text.index("lines_of_enquiry:\n")
    end = text.index("\n", text.index("- {id: LOE1", start)) + 1
    text = text[:start] + text[end:]
    (frameworks / "mini-kq-1.0.0.yaml").write_text(text.replace("id: mini\n", "id: mini-kq\n"))
    folder = mini(tmp_path)
    manifest = (folder / "inspection.yaml").read_text("utf-8")
    (folder / "inspection.yaml").write_text(manifest.replace("mini@1.0", "mini-kq@1.0"))
    code, _, err = run(
        str(folder),
        "--frameworks-dir",
        str(frameworks),
        "-o",
        str(tmp_path),
        "-f",
        "md",
        "--date",
        "2026-04-01",
    )
    assert code == 0, err
    md = (tmp_path / "mini.md").read_text("utf-8")
    assert (
        "### The key questions\n\nWe considered 1 key question:\n\n"
        "1. How well do we meet needs?\n" in md
    )
    assert "## Key question 1\n\nHow well do we meet needs?\n" in md
    assert "### Strengths in key question 1\n\n- Staff described stable" in md


@pytest.mark.parametrize(
    ("positive", "total", "expected"),
    [
        (62, 100, {"percent": 62, "term": "the majority", "positive": 62, "total": 100}),
        (3, 96, {"percent": None, "term": "few", "positive": None, "total": 96}),
        (93, 96, {"percent": None, "term": "almost all", "positive": None, "total": 96}),
        (96, 96, {"percent": 100, "term": "all", "positive": 96, "total": 96}),
        (0, 40, {"percent": 0, "term": "none", "positive": 0, "total": 40}),
        (199, 200, {"percent": None, "term": "almost all", "positive": None, "total": 200}),
        (995, 1000, {"percent": 99.5, "term": "almost all", "positive": 995, "total": 1000}),
        (99, 200, {"percent": 49.5, "term": "less than half", "positive": 99, "total": 200}),
        (1, 250, {"percent": None, "term": "few", "positive": None, "total": 250}),
        (10, 2500, {"percent": 0.4, "term": "few", "positive": 10, "total": 2500}),
        (2, 3, {"percent": None, "term": None, "positive": None, "total": None}),
    ],
)
def test_shares_hide_what_would_reveal_a_small_count(
    positive: int, total: int, expected: dict[str, object]
) -> None:
    from inspectkit.framework.registry import Registry
    from inspectkit.report.figures import share

    quantifiers = Registry(()).load("quality-framework-2019").framework.quantifiers
    assert quantifiers is not None
    got = share(quantifiers, positive, total, 5)
    assert got is not None
    assert {
        "percent": got["percent"],
        "term": got["term"],
        "positive": got["positive"]["value"],
        "total": got["total"]["value"],
    } == expected
    assert share(quantifiers, 0, 0, 5) is None


@pytest.mark.parametrize("view", ["partnership", "publication"])  # team: the golden above
def test_the_attached_markdown_of_each_view_is_current(
    view: str, tmp_path: Path, update_golden: bool
) -> None:
    """examples/reports/cso-at-home-glenbrae-VIEW.md, which the README links, is what the view
    renders now (rewrite with --update-golden, or bash tools/page-images.sh)."""
    name = "cso-at-home-glenbrae"
    code, _, err = run(
        str(ROOT / "examples" / name), "-o", str(tmp_path), "-f", "md", "--view", view
    )
    assert code == 0, err
    got = (tmp_path / f"{name}-{view}.md").read_bytes()
    attached = ROOT / "examples" / "reports" / f"{name}-{view}.md"
    if update_golden:
        attached.write_bytes(got)
    assert got == attached.read_bytes(), f"{attached} differs: run pytest --update-golden"
