"""Views for each reader, in every format: what each must show and what it must not."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from inspectkit.errors import UsageError
from inspectkit.report.views import VIEWS, get_view
from tests.report_support import (
    DATA,
    EVIDENCE_ID,
    EXAMPLE_DIRS,
    FORMATS,
    as_text,
    rendered,
)
from tests.test_report import run

GLENBRAE = EXAMPLE_DIRS["cso-at-home-glenbrae"]
INTERNALS = (
    "Proposed by inspectkit",
    "Combined score",
    "How inspectkit proposes grades",
    "Prepared by inspectkit",
    "inspectkit wrote it",
    "Written with",
    "Written by inspectkit",
    "decision aid",
    "Krippendorff",
)
# Each view: phrases that must be there, phrases that must not.
REQUIRED = {
    "team": ("DRAFT", "Proposed by inspectkit", "Combined score", "How inspectkit proposes"),
    "partnership": ("DRAFT", "factual accuracy", "4 Good", "evidence index"),
    "publication": ("Appendix 1", "Appendix 3: key terms", "4 Good", "Further strengths"),
}
FORBIDDEN = {
    "team": (),
    "partnership": (*INTERNALS, "proposed", "Proposed grade", "not yet moderated"),
    "publication": (*INTERNALS, "proposed", "DRAFT", "evidence index", "evidence DOC"),
}
CASES = [(n, v, f) for n in EXAMPLE_DIRS for v in VIEWS for f in FORMATS]


def _flat(text: str) -> str:
    """Text with line breaks and runs of spaces made single spaces (PDF text wraps)."""
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize(("name", "view", "fmt"), CASES, ids=["-".join(c) for c in CASES])
def test_each_view_shows_what_its_reader_may_see(name: str, view: str, fmt: str) -> None:
    text = _flat(as_text(rendered(EXAMPLE_DIRS[name], view, fmt), fmt))
    for phrase in REQUIRED[view]:
        if name != "cso-at-home-glenbrae" and phrase in ("4 Good", "Further strengths"):
            continue
        assert phrase in text, (view, fmt, phrase)
    for phrase in FORBIDDEN[view]:
        assert phrase.lower() not in text.lower(), (view, fmt, phrase)
    ids = EVIDENCE_ID.findall(text)
    if view == "publication":
        assert ids == [], ids[:5]
    else:
        assert ids, "the team and the partnership see evidence ids"


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_score_in_partnership_or_publication(fmt: str) -> None:
    team = as_text(rendered(GLENBRAE, "team", fmt), fmt)
    scores = re.findall(r"\| (\d+\.\d) \| \d Good", as_text(rendered(GLENBRAE, "team", "md"), "md"))
    assert scores, "the team's draft gives combined scores"
    assert "71.5" in team
    for view in ("partnership", "publication"):
        assert "71.5" not in as_text(rendered(GLENBRAE, view, fmt), fmt), view


def test_publication_gives_each_finding_once() -> None:
    md = rendered(GLENBRAE, "publication", "md").decode("utf-8")
    findings = [
        line for line in md.splitlines() if line.startswith("- ") and "records we read" not in line
    ]
    assert len(findings) > 20
    repeated = {f for f in findings if findings.count(f) > 1}
    assert repeated == set()
    team = rendered(GLENBRAE, "team", "md").decode("utf-8")
    team_findings = [line for line in team.splitlines() if line.startswith("- ")]
    assert len(team_findings) > len(set(team_findings)), "the team's draft repeats them"


def test_publication_summary_takes_the_strongest_and_says_where_the_rest_are() -> None:
    md = rendered(GLENBRAE, "publication", "md").decode("utf-8")
    summary = md[md.index("## Summary") : md.index("## The area in context")]
    assert (
        "Further strengths and areas for improvement are set out under line of enquiry 1" in summary
    )
    team = rendered(GLENBRAE, "team", "md").decode("utf-8")
    team_summary = team[team.index("## Summary") : team.index("## The area in context")]
    first = team_summary.split("\n- ")[1].split(" (")[0]
    assert first in summary, "the same strongest finding comes first"


def test_unknown_view_is_a_usage_error(tmp_path: Path) -> None:
    folder = shutil.copytree(DATA / "evidence" / "mini", tmp_path / "mini")
    code, _, err = run(
        str(folder),
        "--frameworks-dir",
        str(DATA / "frameworks"),
        "--view",
        "publicaton",
        "-o",
        str(tmp_path / "o"),
    )
    assert code == 2
    assert "Unknown view 'publicaton': use one of team, partnership, publication." in err
    with pytest.raises(UsageError):
        get_view("press")
    assert list(VIEWS) == ["team", "partnership", "publication"]


def test_views_are_named_in_the_file_names(tmp_path: Path) -> None:
    folder = shutil.copytree(DATA / "evidence" / "mini", tmp_path / "mini")
    fw = ["--frameworks-dir", str(DATA / "frameworks"), "-o", str(tmp_path / "o")]
    assert run(str(folder), *fw, "--view", "publication", "-f", "md")[0] == 0
    assert run(str(folder), *fw, "-f", "md")[0] == 0
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["mini-publication.md", "mini.md"]


def test_how_evidence_was_gathered_says_only_what_the_folder_holds(tmp_path: Path) -> None:
    folder = shutil.copytree(DATA / "evidence" / "mini", tmp_path / "mini")
    shutil.rmtree(folder / "surveys")
    md = rendered(folder, "team", "md").decode("utf-8")
    sentence = md.split("### How we carried out the inspection\n\n")[1].split("\n")[0]
    assert sentence.startswith("We read a sample of children's records")
    assert "survey" not in sentence
    glenbrae = rendered(GLENBRAE, "publication", "md").decode("utf-8")
    assert "surveyed staff, children and young people, and parents and carers" in glenbrae
    assert "read the partnership's documents" in glenbrae


def test_a_missing_percentage_is_explained_once() -> None:
    md = rendered(GLENBRAE, "team", "md").decode("utf-8")
    words = r"(?:most|almost all|the majority|less than half|few)"
    bare = re.findall(rf"\| {words} of \d+ |In {words} of the \d+ records", md)
    assert bare, "some figures give the word alone"
    assert md.count("it is left out and the word stands alone") == 1
    assert f"{len(bare)} figures in this report give only the word" in md


@pytest.mark.parametrize("view", ["partnership", "publication"])
def test_what_a_view_leaves_out_is_gone_from_the_context(view: str) -> None:
    """A user's template cannot show what the view leaves out: the data is not there."""
    from inspectkit.framework.registry import Registry
    from inspectkit.inspection import inspect_folder
    from inspectkit.policy import ReportDate
    from inspectkit.report import build_context

    inspection = inspect_folder(GLENBRAE, Registry([DATA / "frameworks"]))
    context = build_context(inspection, ReportDate(None, "none"), view)
    assert context["view"]["name"] == view
    for e in context["evaluations"]:
        assert (e["proposed"], e["score"], e["strands"], e["independent"]) == (None, None, [], [])
    assert context["framework"]["grading_basis"] == ""
    if view == "publication":
        assert context["evidence_index"] == []
        assert {f["id"] for s in context["sections"] for f in s["strengths"]} == {""}
