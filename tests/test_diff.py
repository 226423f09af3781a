"""inspectkit diff: grade movements, evidence, evaluations and strand figures between two
snapshots (evidence folders or saved grade files), in text, Markdown and JSON."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from inspectkit.cli import app
from inspectkit.compare import (
    Snapshot,
    build_diff,
    load_snapshot,
    render_json,
    render_markdown,
    render_text,
)
from inspectkit.framework.registry import Registry
from tests.checkers_support import run_checker
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "cso-at-home-glenbrae"


def run(*args: str) -> tuple[int, str, str]:
    """``inspectkit diff ARGS`` through typer's runner: exit code, stdout, stderr."""
    result = CliRunner().invoke(app, ["diff", *args])
    return result.exit_code, result.stdout, result.stderr


def _edit_yaml(path: Path, change: Callable[[Any], Any]) -> None:
    data = change(yaml.safe_load(path.read_text("utf-8")))
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def _moderated(evaluations: list[dict[str, object]]) -> list[dict[str, object]]:
    for entry in evaluations:
        if entry["indicator"] == "5.3":
            entry["grade"] = 2  # moderation took 5.3 down from 3
    return evaluations


@dataclass(frozen=True)
class Pair:
    """Last year's folder and this year's, and each saved as a grade file."""

    root: Path
    old: Path
    new: Path
    old_json: Path
    new_json: Path
    snapshots: tuple[Snapshot, Snapshot]


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Pair:
    """The Glenbrae example, and a copy with 5.3's grade lowered and item MC-04 removed."""
    root = tmp_path_factory.mktemp("diff")
    old, new = root / "glenbrae-2025", root / "glenbrae-2026"
    shutil.copytree(EXAMPLE, old)
    shutil.copytree(EXAMPLE, new)
    _edit_yaml(new / "evaluations.yaml", _moderated)
    _edit_yaml(
        new / "evidence" / "meetings-with-children.yaml",
        lambda items: [i for i in items if i["id"] != "MC-04"],
    )
    registry = Registry()
    snapshots = (load_snapshot(old, registry), load_snapshot(new, registry))
    saved = []
    for folder, snapshot in zip((old, new), snapshots, strict=True):
        path = root / f"{folder.name}.json"
        path.write_text(json.dumps(snapshot.grades, indent=2) + "\n", "utf-8")
        saved.append(path)
    return Pair(root, old, new, saved[0], saved[1], snapshots)


EXPECTED_GRADES = [
    "Grades",
    "  2.1 proposed 4 Good -> 4 Good (no change), final 4 Good -> 4 Good (no change)",
    "  5.3 proposed 3 Adequate -> 3 Adequate (no change), final 3 Adequate -> 2 Weak (down 1)",
    # Without MC-04 (its one minor area for improvement) 5.4 still has only most records
    # positive and most people agreeing: the scale's condition for excellent keeps it at 5.
    "  5.4 proposed 5 Very good -> 5 Very good (no change), "
    "final 5 Very good -> 5 Very good (no change)",
    # 9.2: less than half of its qualitative weight is strengths, short of the condition for good.
    "  9.2 proposed 3 Adequate -> 3 Adequate (no change), final 4 Good -> 4 Good (no change)",
]
EXPECTED_EVALUATIONS = [
    "Evaluations changed",
    "  5.3 changed: grade 3 Adequate -> 2 Weak (down 1), rationale changed: no",
]


def test_folders_text_gives_the_exact_movements(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(pair.root)
    code, out, err = run(pair.old.name, pair.new.name)
    assert code == 0, err
    blocks = out.split("\n\n")
    assert blocks[0].splitlines() == [
        "old: glenbrae-2025 (evidence folder): Glenbrae, cso-at-home@1.0.0",
        "new: glenbrae-2026 (evidence folder): Glenbrae, cso-at-home@1.0.0",
    ]
    assert blocks[1].splitlines() == EXPECTED_GRADES
    assert blocks[2].splitlines() == [
        "Evidence",
        "  items added: none",
        "  items removed (1): MC-04",
        "  records read: 100 -> 100 (no change)",
        "  respondents, children survey: 36 -> 36 (no change)",
        "  respondents, parents survey: 34 -> 34 (no change)",
        "  respondents, staff survey: 306 -> 306 (no change)",
    ]
    assert blocks[3].splitlines() == EXPECTED_EVALUATIONS
    strands = blocks[4].splitlines()
    assert strands[0] == "Strand figures that moved (0.5 points or more)"
    assert [line.split(" ")[2:4] for line in strands[1:]] == [
        ["2.1", "qualitative"],
        ["5.4", "qualitative"],
    ]
    assert blocks[5] == "1 final grade went down: 5.3.\n"


def test_the_diff_data_is_exact(pair: Pair) -> None:
    diff = build_diff(*pair.snapshots)
    moved = {g.indicator: (g.proposed.change, g.final.change) for g in diff.grades}
    assert moved == {"2.1": (0, 0), "5.3": (0, -1), "5.4": (0, 0), "9.2": (0, 0)}
    assert (diff.evidence.basis, diff.evidence.added, diff.evidence.removed) == (
        "folders",
        (),
        ("MC-04",),
    )
    assert [
        (c.indicator, c.kind, c.grade.change, c.rationale_changed) for c in diff.evaluations
    ] == [("5.3", "changed", -1, False)]
    for move in diff.strands:  # only the qualitative strand had evidence taken away
        assert move.strand == "qualitative"
        assert move.change is not None and move.change > 0
    assert [g.indicator for g in diff.final_drops] == ["5.3"]


def test_no_change_against_itself(pair: Pair) -> None:
    diff = build_diff(pair.snapshots[0], pair.snapshots[0])
    assert all(g.proposed.change == 0 and g.final.change == 0 for g in diff.grades)
    assert (diff.evidence.added, diff.evidence.removed) == ((), ())
    assert diff.evaluations == () and diff.strands == () and diff.final_drops == ()
    assert render_text(diff).endswith(
        "Evaluations changed\n  none\n\n"
        "Strand figures that moved (0.5 points or more)\n  none\n\nNo final grade went down.\n"
    )


def test_two_saved_grade_files(pair: Pair, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(pair.root)
    code, out, err = run(pair.old_json.name, pair.new_json.name)
    assert code == 0, err
    blocks = out.split("\n\n")
    assert (
        blocks[0].splitlines()[0]
        == "old: glenbrae-2025.json (grade file): Glenbrae, cso-at-home@1.0.0"
    )
    assert blocks[1].splitlines() == EXPECTED_GRADES
    evidence = blocks[2].splitlines()
    assert evidence[1].startswith("  Compared on what a grade file holds")
    assert evidence[2:4] == ["  items added: none", "  items removed (1): MC-04"]
    assert blocks[3].splitlines() == EXPECTED_EVALUATIONS
    data = json.loads(run(pair.old_json.name, pair.new_json.name, "-f", "json")[1])
    assert data["evidence"]["basis"] == "grades"


def test_a_folder_against_a_grade_file_compares_what_the_file_holds(pair: Pair) -> None:
    code, out, _ = run(str(pair.old_json), str(pair.new), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["old"]["kind"] == "grades" and data["new"]["kind"] == "folder"
    assert data["evidence"]["basis"] == "grades"
    assert data["evidence"]["items_removed"] == ["MC-04"]
    assert data["evidence"]["items_added"] == []


def test_json_shape(pair: Pair) -> None:
    data = json.loads(render_json(build_diff(*pair.snapshots)))
    assert list(data) == [
        "schema_version",
        "old",
        "new",
        "grades",
        "evidence",
        "evaluations",
        "strands",
        "final_drops",
    ]
    assert data["schema_version"] == 1
    five_four = next(g for g in data["grades"] if g["indicator"] == "5.4")
    assert five_four["proposed"] == {
        "old": {"grade": 5, "label": "Very good"},
        "new": {"grade": 5, "label": "Very good"},
        "change": 0,
    }
    assert data["evaluations"] == [
        {
            "indicator": "5.3",
            "change": "changed",
            "grade": {
                "old": {"grade": 3, "label": "Adequate"},
                "new": {"grade": 2, "label": "Weak"},
                "change": -1,
            },
            "rationale_changed": False,
        }
    ]
    assert data["strands"]["threshold"] == 0.5
    assert data["final_drops"] == ["5.3"]


@pytest.mark.parametrize("render", [render_text, render_markdown, render_json])
def test_outputs_are_deterministic(pair: Pair, render: Callable[[Any], str]) -> None:
    first = render(build_diff(*pair.snapshots))
    again = render(build_diff(*pair.snapshots))
    assert first == again


def test_the_cli_is_deterministic_for_each_format(pair: Pair) -> None:
    for fmt in ("text", "md", "json"):
        args = (str(pair.old_json), str(pair.new_json), "-f", fmt)
        assert run(*args)[1] == run(*args)[1]


def test_fail_on_drop(pair: Pair) -> None:
    args = (str(pair.old_json), str(pair.new_json))
    assert run(*args)[0] == 0
    code, _, err = run(*args, "--fail-on-drop")
    assert code == 1
    assert err == "inspectkit: 1 final grade went down: 5.3.\n"
    assert run(str(pair.new_json), str(pair.old_json), "--fail-on-drop")[0] == 0


def test_output_file_is_written_atomically(pair: Pair, tmp_path: Path) -> None:
    target = tmp_path / "changes.md"
    code, out, _ = run(str(pair.old_json), str(pair.new_json), "-f", "md", "-o", str(target))
    assert (code, out) == (0, "")
    assert target.read_text("utf-8").startswith("# Changes in grades and evidence\n")
    assert [p.name for p in tmp_path.iterdir()] == ["changes.md"]


def test_markdown_escapes_text_from_the_inputs(pair: Pair, tmp_path: Path) -> None:
    data = json.loads(pair.new_json.read_text("utf-8"))
    data["partnership"] = "| # <b>Glen</b> [x](https://evil.example)"
    data["indicators"][0]["title"] = "`code` | *bold*"
    data["indicators"][0]["explanation"]["qualitative"]["strengths"][0]["id"] = "FG-01|x"
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps(data), "utf-8")
    code, out, _ = run(str(pair.old_json), str(hostile), "-f", "md")
    assert code == 0
    assert "\\| \\# \\<b\\>Glen\\</b\\> \\[x\\](https\\://evil.example)" in out
    assert "\\`code\\` \\| \\*bold\\*" in out
    assert "FG-01\\|x" in out
    assert "<b>" not in out


def test_errors(pair: Pair, tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path / "absent"), str(pair.new_json))
    assert code == 4 and "does not exist" in err
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 2, "indicators": []}', "utf-8")
    code, _, err = run(str(bad), str(pair.new_json))
    assert code == 4
    assert "is not a saved grade file (schema_version: input should be 1" in err
    bad.write_text("framework: x\n", "utf-8")
    code, _, err = run(str(bad), str(pair.new_json))
    assert code == 4 and "is not JSON (line 1, column 1" in err
    assert run(str(pair.old_json), str(pair.new_json), "-f", "html")[0] == 2


def test_a_folder_with_errors_is_not_compared(pair: Pair, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(pair.new, broken)
    _edit_yaml(broken / "evaluations.yaml", lambda e: [{**e[0], "grade": 9}, *e[1:]])
    code, out, err = run(str(pair.old_json), str(broken))
    assert (code, out) == (1, "")
    assert "IK308" in err


@pytest.mark.slow
def test_markdown_passes_markdownlint(pair: Pair, tmp_path: Path) -> None:
    files = []
    for name, (old, new) in {
        "folders": (pair.old, pair.new),
        "grade-files": (pair.old_json, pair.new_json),
        "same": (pair.new_json, pair.new_json),
    }.items():
        target = tmp_path / f"{name}.md"
        assert run(str(old), str(new), "-f", "md", "-o", str(target))[0] == 0
        files.append(target)
    code, output, last = run_checker("check-md.sh", *files)
    assert last == "md: lint_errors=0 parse_errors=0", output
    assert code == 0, output


def _grades(rows: list[dict[str, Any]]) -> Snapshot:
    from inspectkit.compare.model import parse_grades
    from inspectkit.compare.snapshot import inventory_from_grades

    data = {"schema_version": 1, "framework": "fw@1.0.0", "indicators": rows}
    return Snapshot("x.json", "grades", data, inventory_from_grades(parse_grades(data)))


def _row(
    ind: str, proposed: int | None, final: dict[str, Any] | None, **scores: float
) -> dict[str, Any]:
    strands = [{"name": n, "score": s} for n, s in scores.items()]
    return {
        "indicator": ind,
        "proposed": {"grade": proposed, "label": ""},
        "final": final,
        "explanation": {"strands": strands},
    }


def test_edges_indicators_evaluations_and_the_threshold() -> None:
    old = _grades(
        [
            _row("1", 3, {"grade": 3, "rationale": "a"}, records=50.0, surveys=60.0),
            _row("2", None, {"grade": 4, "rationale": "b"}),
        ]
    )
    new = _grades(
        [
            _row("1", 3, {"grade": 3, "rationale": "a, reworded"}, records=50.5, surveys=60.4),
            _row("3", 2, None),
        ]
    )
    diff = build_diff(old, new)
    assert [(g.indicator, g.proposed.change, g.final.change) for g in diff.grades] == [
        ("1", 0, 0),
        ("2", None, None),
        ("3", None, None),
    ]
    assert [(c.indicator, c.kind, c.rationale_changed) for c in diff.evaluations] == [
        ("1", "changed", True),
        ("2", "removed", True),
    ]
    assert [(m.indicator, m.strand, m.change) for m in diff.strands] == [
        ("1", "records", Decimal("0.5"))  # 0.5 moves; 0.4 does not
    ]
    text = render_text(diff)
    assert "  2 proposed none -> not graded, final 4 -> not graded\n" in text
    assert "  3 proposed not graded -> 2, final not graded -> none\n" in text
    assert "  2 removed: grade 4\n" in text
