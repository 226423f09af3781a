"""Each possible identifier is placed on its own line and column, whatever the YAML style.

The oracle is the source itself: the number is written in one piece in every style, so its
place is where the text of the file has it. (A fold, an escape or a doubled quote before it
moves it in the parsed value but not in the file.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from inspectkit.diagnostics import Diagnostic
from inspectkit.framework.registry import Registry
from inspectkit.privacy import name_patterns
from inspectkit.validate import validate_folder
from tests.conftest import ROOT
from tests.personal_support import CHI, CHI_0

DATA = ROOT / "tests" / "data"
ITEM = "- id: FG-09\n  source: focus-group\n  indicators: ['2.1']\n  finding: strength\n"


def place_of(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """1-based line and column of the ``nth`` occurrence of ``needle`` in ``text``."""
    index = -1
    for _ in range(nth + 1):
        index = text.index(needle, index + 1)
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def personal(folder: Path, names: list[str] | None = None) -> list[Diagnostic]:
    result = validate_folder(
        folder, Registry([DATA / "frameworks"]), names=name_patterns(names or [])
    )
    return [d for d in result.diagnostics if d.code.startswith("IK5")]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "mini"
    shutil.copytree(DATA / "evidence" / "mini", target)
    return target


ITEM_STYLES = {
    "plain": f"  summary: Staff said CHI {CHI} was used.\n",
    "plain over lines": f"  summary: Staff said\n    the number\n    CHI {CHI} was used.\n",
    "plain after a blank line": f"  summary: Staff said\n\n    CHI {CHI} was used.\n",
    "plain with a comment": f"  summary: Staff said CHI {CHI}  # checked\n",
    "single-quoted over lines": (f"  summary: 'It''s the\n    child''s CHI, {CHI}.'\n"),
    "double-quoted with escapes": (f'  summary: "caf\\u00e9 \\"x\\" then\n    \\t CHI {CHI}."\n'),
    "double-quoted with an escaped line break": (
        f'  summary: "one long\\\n    line, CHI {CHI}."\n'
    ),
    "folded >-": (
        f"  summary: >-\n    Staff described\n    the plan well, and\n    CHI {CHI} was seen.\n"
    ),
    "folded > after a blank line": f"  summary: >\n    Staff said\n\n    CHI {CHI} too.\n",
    "literal |": f"  summary: |\n    one\n    two CHI {CHI}\n",
    "literal |- more indented": f"  summary: |-\n    one\n      two CHI {CHI}\n",
    "literal with an indentation indicator": f"  summary: |2\n     x CHI {CHI}\n",
    "an anchor": f"  summary: &s\n    text CHI {CHI}\n",
    "a flow sequence": f"  summary: ok\n  quote: [a, 'b CHI {CHI}']\n",
    "quote field": f"  summary: ok\n  quote: >-\n    said\n    {CHI}\n",
    "reference field": f'  summary: ok\n  reference: "doc,\n    p. 3, {CHI}"\n',
    "an unquoted number (not valid there, but still scanned)": (
        f"  summary: ok\n  reference: {CHI_0}\n"
    ),
    "windows line ends": f"  summary: >-\r\n    Staff said\r\n    CHI {CHI} was used.\r\n",
}


@pytest.mark.parametrize("style", sorted(ITEM_STYLES))
def test_place_in_each_scalar_style_of_an_item(folder: Path, style: str) -> None:
    text = ITEM + ITEM_STYLES[style]
    (folder / "evidence" / "styles.yaml").write_bytes(text.encode("utf-8"))
    number = CHI_0 if style.startswith("an unquoted number") else CHI
    found = [d for d in personal(folder) if d.file.endswith("styles.yaml")]
    assert [(d.code, d.line, d.column) for d in found] == [
        ("IK501", *place_of(text.replace("\r\n", "\n"), number))
    ], style


def test_an_unquoted_number_as_an_id_is_scanned(folder: Path) -> None:
    text = ITEM.replace("FG-09", CHI_0) + "  summary: ok\n"
    (folder / "evidence" / "styles.yaml").write_text(text, "utf-8")
    result = validate_folder(folder, Registry([DATA / "frameworks"]))
    assert [(d.code, d.line, d.column) for d in result.diagnostics if d.code != "IK016"] == [
        ("IK501", *place_of(text, CHI_0))
    ]


def test_place_in_a_markdown_body(folder: Path) -> None:
    text = (
        "---\nid: DOC-09\nsource: document\nindicators: ['2.1']\nfinding: context\n"
        f"summary: >-\n  A plan, and\n  CHI {CHI}.\n---\n\n\n  The plan was agreed.\n"
        f"Later the CHI {CHI} was seen,\nand again: ({CHI}).\n"
    )
    (folder / "evidence" / "doc-09.md").write_text(text, "utf-8")
    found = [(d.line, d.column, d.message) for d in personal(folder)]
    assert [f[:2] for f in found if "doc-09" not in f[2]] == [
        place_of(text, CHI, 0),
        place_of(text, CHI, 1),
        place_of(text, CHI, 2),
    ]
    assert "in 'summary'" in found[0][2] and "in 'detail'" in found[1][2]


def test_place_in_a_markdown_body_on_its_first_line(folder: Path) -> None:
    text = (
        "---\nid: DOC-09\nsource: document\nindicators: ['2.1']\nfinding: context\n"
        f"summary: A plan.\n---\n   CHI {CHI} first.\n"
    )
    (folder / "evidence" / "doc-09.md").write_text(text, "utf-8")
    assert [(d.line, d.column) for d in personal(folder)] == [place_of(text, CHI)]


def test_place_in_the_manifest_context_and_team(folder: Path) -> None:
    manifest = folder / "inspection.yaml"
    text = manifest.read_text("utf-8").replace(
        "  - {name: Lead inspector, role: lead}",
        f"  - {{name: Lead inspector, role: lead, organisation: 'x {CHI}'}}",
    )
    text += f"context: >-\n  Glenbrae is rural.\n  A child, CHI {CHI},\n  lives there.\n"
    manifest.write_text(text, "utf-8")
    found = [(d.line, d.column) for d in personal(folder)]
    assert found == [place_of(text, CHI, 0), place_of(text, CHI, 1)]


def test_place_in_a_rationale_and_a_departure(folder: Path) -> None:
    text = (
        '- indicator: "2.1"\n  grade: good\n  rationale: |\n    Most records were good.\n'
        f"    One named CHI {CHI}.\n  departure: >-\n    The team\n    saw {CHI}\n"
    )
    (folder / "evaluations.yaml").write_text(text, "utf-8")
    found = [(d.line, d.column) for d in personal(folder)]
    assert found == [place_of(text, CHI, 0), place_of(text, CHI, 1)]


def test_place_of_a_name_after_a_decomposed_accent(folder: Path) -> None:
    text = ITEM + "  summary: >-\n    Cafe\u0301 visits,\n    then Zoe\u0308 Smith said so.\n"
    (folder / "evidence" / "styles.yaml").write_text(text, "utf-8")
    found = [d for d in personal(folder, ["Zoë Smith"]) if d.code == "IK507"]
    assert [(d.line, d.column) for d in found] == [place_of(text, "Zoe\u0308")]


def _framework_with_notes(tmp_path: Path) -> Path:
    frameworks = tmp_path / "frameworks"
    frameworks.mkdir()
    text = (DATA / "frameworks" / "mini-1.0.0.yaml").read_text("utf-8")
    text = text.replace(
        "record_reading:\n  source: record-reading\n",
        "record_reading:\n  source: record-reading\n  other_columns: [note]\n",
    )
    (frameworks / "mini-1.0.0.yaml").write_text(text, "utf-8")
    return frameworks


def test_place_in_a_csv_cell_is_the_cell(folder: Path, tmp_path: Path) -> None:
    frameworks = _framework_with_notes(tmp_path)
    (folder / "records" / "reader-a.csv").write_text(
        "record_id,plan-quality,note\n"
        "R-001,4,fine\n"
        f'R-002,5,"two lines,\nthen CHI {CHI}."\n'
        f"R-{CHI},3,\n",
        "utf-8",
    )
    result = validate_folder(folder, Registry([frameworks]))
    found = [(d.line, d.column, d.message) for d in result.diagnostics if d.code == "IK501"]
    assert [f[:2] for f in found] == [(3, 3), (5, 1)]
    assert "in 'note'" in found[0][2] and "in 'record_id'" in found[1][2]


@pytest.mark.parametrize(
    "relative, code",
    [
        (f"evidence/FG-{CHI}.yaml", "IK501"),
        ("evidence/morag_smith/items.yaml", "IK507"),
        ("evidence/Morag-Smith.yaml", "IK507"),
        (f"records/reader-{CHI}.csv", "IK501"),
    ],
)
def test_file_and_folder_names_are_scanned(folder: Path, relative: str, code: str) -> None:
    target = folder / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    source = folder / (
        "records/reader-a.csv" if relative.endswith(".csv") else "evidence/items.yaml"
    )
    source.rename(target)
    found = [d for d in personal(folder, ["Morag Smith"]) if d.code == code]
    assert [(d.file.endswith(relative), d.line, "the file name" in d.message) for d in found] == [
        (True, 0, True)
    ]


def test_file_names_near_misses(folder: Path) -> None:
    (folder / "evidence" / "items.yaml").rename(folder / "evidence" / "smithson-2026-01.yaml")
    assert personal(folder, ["Morag Smith", "Smith"]) == []
