"""The grading rules at their exact edges: every threshold read from the framework file.

Exactly the minimum evidence gives a strand that counts and one fewer does not; a cap holds
at exactly its threshold and one above, not one below; a team grade exactly the departure
points from the proposal needs a reason, one point less does not.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from inspectkit.evidence.folder import EvidenceFolder, Placed
from inspectkit.evidence.models import Evaluation
from inspectkit.evidence.tables import SurveyResponse
from inspectkit.framework.models import Grading
from inspectkit.grading.engine import propose
from inspectkit.grading.grade import grade_folder
from inspectkit.yamlread import YamlDocument
from tests.test_grading_scenarios import FRAMEWORK, INDICATOR, build

assert FRAMEWORK.grading is not None
RULES: Grading = FRAMEWORK.grading
MINIMUM = RULES.minimum
ENOUGH = 100  # comfortably above every minimum


def _counts(folder: EvidenceFolder, strand: str) -> bool:
    proposal = propose(folder, FRAMEWORK, INDICATOR)
    return next(s.counts for s in proposal.strands if s.name == strand)


def _survey_answers(n: int) -> list[SurveyResponse]:
    """``n`` respondents, each answering one question that informs the indicator."""
    survey = next(
        s for s in FRAMEWORK.surveys if any(INDICATOR in q.indicators for q in s.questions)
    )
    question = next(q for q in survey.questions if INDICATOR in q.indicators)
    return [
        SurveyResponse(survey.id, f"{survey.id}-{i}", "s.csv", i + 2, {question.id: "agree"})
        for i in range(n)
    ]


@pytest.mark.parametrize("offset", [0, -1])
def test_records_at_exactly_the_minimum(offset: int) -> None:
    n = MINIMUM.records + offset
    folder = build({"records": [n, n], "strengths": {"important": MINIMUM.qualitative_items}})
    assert _counts(folder, "records") is (offset == 0)
    proposal = propose(folder, FRAMEWORK, INDICATOR)
    assert MINIMUM.strands == 2  # the two strands here are exactly enough, or one short
    assert (proposal.grade is not None) is (offset == 0)
    if offset:
        assert any(
            f"{n} records (at least {MINIMUM.records} needed)" in m for m in proposal.missing
        )


@pytest.mark.parametrize("offset", [0, -1])
def test_qualitative_items_at_exactly_the_minimum(offset: int) -> None:
    n = MINIMUM.qualitative_items + offset
    folder = build({"records": [ENOUGH, ENOUGH], "strengths": {"important": n}})
    assert _counts(folder, "qualitative") is (offset == 0)
    assert (propose(folder, FRAMEWORK, INDICATOR).grade is not None) is (offset == 0)


@pytest.mark.parametrize("offset", [0, -1])
def test_survey_answers_at_exactly_the_minimum(offset: int) -> None:
    n = MINIMUM.survey_responses + offset
    folder = build({"records": [ENOUGH, ENOUGH]})
    folder.responses = _survey_answers(n)
    proposal = propose(folder, FRAMEWORK, INDICATOR)
    assert proposal.surveys.answers == n
    assert _counts(folder, "surveys") is (offset == 0)
    assert (proposal.grade is not None) is (offset == 0)


def _records_cap() -> tuple[str, int, Decimal]:
    cap = next(c for c in RULES.caps if c.when.records_negative_at_least)
    assert FRAMEWORK.quantifiers is not None
    term = next(
        t for t in FRAMEWORK.quantifiers.terms if t.id == cap.when.records_negative_at_least
    )
    return cap.id, cap.max_grade, Decimal(str(term.min))


@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_records_cap_at_exactly_its_threshold(offset: int) -> None:
    cap_id, max_grade, threshold = _records_cap()
    assert threshold == int(threshold)  # a whole percentage: exact with 100 records
    negative = int(threshold) + offset
    folder = build(
        {
            "records": {"all": [ENOUGH, ENOUGH], "weakest": [ENOUGH - negative, ENOUGH]},
            "surveys": {"staff": [ENOUGH, ENOUGH]},
            "strengths": {"major": 2, "important": 4},
        }
    )
    proposal = propose(folder, FRAMEWORK, INDICATOR)
    assert proposal.band_grade is not None and proposal.band_grade > max_grade
    applied = [c.id for c in proposal.caps]
    assert (cap_id in applied) is (offset >= 0), (negative, applied)
    assert (proposal.grade == max_grade) is (offset >= 0)


@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_item_cap_at_exactly_its_number_of_items(offset: int) -> None:
    cap = next(c for c in RULES.caps if c.when.finding and not c.when.themes)
    assert cap.when.significance
    n = cap.when.minimum_items + offset
    folder = build(
        {
            "records": [ENOUGH, ENOUGH],
            "strengths": {"important": MINIMUM.qualitative_items},
            "improvements": {cap.when.significance[0]: n} if n else None,
        }
    )
    applied = [c.id for c in propose(folder, FRAMEWORK, INDICATOR).caps]
    assert (cap.id in applied) is (offset >= 0)


@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_departure_of_exactly_the_departure_points(offset: int) -> None:
    folder = build(
        {
            "records": [70, 100],
            "surveys": {"staff": [72, 100]},
            "strengths": {"important": 3},
            "improvements": {"important": 2},
        }
    )
    proposed = propose(folder, FRAMEWORK, INDICATOR).grade
    assert proposed is not None and FRAMEWORK.scale is not None
    distance = RULES.departure_points + offset
    values = {p.value for p in FRAMEWORK.scale.points}
    team = proposed + distance if proposed + distance in values else proposed - distance
    assert team in values and abs(team - proposed) == distance
    doc = YamlDocument("evaluations.yaml", [{}])
    evaluation = Evaluation(indicator=INDICATOR, grade=team, rationale="The team's view.")
    folder.evaluations = [Placed(evaluation, doc, (0,))]
    report = grade_folder(folder, FRAMEWORK)
    assert ("IK601" in [d.code for d in report.diagnostics]) is (offset >= 0)
