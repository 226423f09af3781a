"""Grading scenarios from tests/grading/scenarios.yaml, run against the built-in rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from inspectkit.evidence.folder import EvidenceFolder, Placed
from inspectkit.evidence.models import EvidenceItem
from inspectkit.evidence.tables import RecordRead, SurveyResponse
from inspectkit.framework.models import Framework, RecordQuestion
from inspectkit.framework.registry import Registry
from inspectkit.grading.engine import Proposal, propose
from inspectkit.yamlread import YamlDocument
from tests.conftest import ROOT

SPEC = yaml.safe_load((ROOT / "tests" / "grading" / "scenarios.yaml").read_text())
FRAMEWORK = Registry().load(SPEC["framework"]).framework
INDICATOR = SPEC["indicator"]


def _answer(question: RecordQuestion, positive: bool) -> int | str:
    if question.answer == "scale":
        return 5 if positive else 2
    if question.answer == "yes-no":
        return "yes" if positive else "no"
    negative = [o for o in question.options if o not in question.positive]
    return question.positive[0] if positive else negative[0]


def _records(fw: Framework, spec: Any) -> list[RecordRead]:
    if spec is None:
        return []
    assert fw.record_reading is not None
    questions = [q for q in fw.record_reading.questions if INDICATOR in q.indicators]
    default, weakest = (spec["all"], spec["weakest"]) if isinstance(spec, dict) else (spec, spec)
    total = max(default[1], weakest[1])
    answers: list[dict[str, int | str]] = [{} for _ in range(total)]
    for index, question in enumerate(questions):
        positive, read = weakest if index == 0 else default
        for n in range(read):
            answers[n][question.id] = _answer(question, n < positive)
    return [RecordRead(f"R-{n:03d}", "records/r.csv", n + 2, a) for n, a in enumerate(answers)]


def _responses(fw: Framework, spec: dict[str, list[int]] | None) -> list[SurveyResponse]:
    out = []
    for survey in fw.surveys:
        if not spec or survey.id not in spec:
            continue
        agree, total = spec[survey.id]
        asked = [q.id for q in survey.questions if INDICATOR in q.indicators]
        for n in range(total):
            answer = "agree" if n < agree else "disagree"
            out.append(
                SurveyResponse(
                    survey.id, f"{survey.id}-{n}", "s.csv", n + 2, dict.fromkeys(asked, answer)
                )
            )
    return out


def _items(finding: str, spec: Any) -> list[Placed]:
    if not spec:
        return []
    entries = (
        spec
        if isinstance(spec, list)
        else [{"significance": level} for level, count in spec.items() for _ in range(count)]
    )
    doc = YamlDocument("evidence/items.yaml", [])
    return [
        Placed(
            EvidenceItem(
                id=f"{finding[:2].upper()}-{n:02d}",
                source="focus-group",
                indicators=[INDICATOR],
                finding=finding,
                significance=e["significance"],
                themes=e.get("themes", []),
                summary="A finding.",
            ),
            doc,
            (n,),
        )
        for n, e in enumerate(entries)
    ]


def build(scenario: dict[str, Any]) -> EvidenceFolder:
    folder = EvidenceFolder(Path("scenario"))
    folder.records = _records(FRAMEWORK, scenario.get("records"))
    folder.responses = _responses(FRAMEWORK, scenario.get("surveys"))
    folder.items = _items("strength", scenario.get("strengths")) + _items(
        "area-for-improvement", scenario.get("improvements")
    )
    return folder


@pytest.mark.parametrize("scenario", SPEC["scenarios"], ids=lambda s: s["name"])
def test_scenario(scenario: dict[str, Any]) -> None:
    proposal = propose(build(scenario), FRAMEWORK, INDICATOR)
    expect = scenario["expect"]
    if "grade" in expect:
        assert proposal.grade == expect["grade"], (proposal.score, proposal.caps)
    if "band" in expect:
        assert proposal.band_grade == expect["band"]
    if "caps" in expect:
        assert [c.id for c in proposal.caps if c.binding] == expect["caps"]
        if expect["caps"]:
            assert proposal.lift[0].startswith("Resolve what holds the grade")
    if "because" in expect:
        assert [c.because for c in proposal.caps if c.binding] == [expect["because"]]
    if "words" in expect:  # how the explanation words the first (weakest) record question
        first = proposal.records.questions[0]
        assert [first.share.words, first.negative_share.words] == expect["words"]
    if "missing" in expect:
        assert any(expect["missing"] in m for m in proposal.missing), proposal.missing
    if proposal.grade is not None:
        assert proposal.drivers and proposal.lift
    _check_rules(proposal, expect)


def _check_rules(proposal: Proposal, expect: dict[str, Any]) -> None:
    """The scale's conditions, conflicts, collapse and what counts, as the scenario states."""
    if "held" in expect:
        assert [h.grade for h in proposal.held] == expect["held"], proposal.held
        if expect["held"]:
            assert any(t.startswith("Meet the condition for") for t in proposal.lift)
    if "conflict" in expect:
        spread = proposal.conflict.spread if proposal.conflict else None
        assert spread == expect["conflict"]
        if proposal.conflict:
            for name, grade in proposal.conflict.grades:
                strand = next(s for s in proposal.strands if s.name == name)
                assert strand.own_grade == grade
    if "collapse" in expect:
        assert (proposal.collapse.strand if proposal.collapse else None) == expect["collapse"]
    if "counting" in expect:
        assert [s.name for s in proposal.strands if s.counts] == expect["counting"]
    if "missing_strand" in expect:
        assert any(s.amount == expect["missing_strand"] for s in proposal.strands)


def test_scenarios_cover_the_required_cases() -> None:
    names = " ".join(s["name"] for s in SPEC["scenarios"])
    for words in (
        "excellent",
        "very good",
        "good",
        "adequate",
        "weak",
        "unsatisfactory",
        "safety",
        "conflicting",
        "insufficient",
        "missing",
    ):
        assert words in names
