"""The built-in frameworks in frameworks/: found, clean under lint, and faithful to the domain."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from inspectkit.diagnostics import Severity
from inspectkit.framework.models import Framework
from inspectkit.framework.registry import BUILT_IN, Registry
from inspectkit.quantify import describe_percent, proportion
from inspectkit.resources import data_dir

BASE = "quality-framework-2019"
PROGRAMMES = ("cso-at-home", "care-and-protection-2018", "at-risk-of-harm-2021")
BUILT_INS = (BASE, *PROGRAMMES)
GRADED = {
    "cso-at-home": ["2.1", "5.3", "5.4", "9.2"],
    "care-and-protection-2018": ["1.1", "2.1", "2.2", "9"],
    "at-risk-of-harm-2021": ["2.1"],
}


def load(ref: str) -> Framework:
    """A fresh registry each time, so no cached load hides a file's own diagnostics."""
    return Registry().load(ref).framework


def test_every_builtin_is_found() -> None:
    registry = Registry()
    entries = registry.entries()
    assert registry.problems == []
    ids = {e.id for e in entries}
    assert set(BUILT_INS) <= ids
    assert all(e.origin == BUILT_IN for e in entries)
    files = {p.resolve() for p in data_dir("frameworks").glob("*.yaml")}
    assert files == {e.path.resolve() for e in entries}
    for entry in entries:
        assert entry.path.name == f"{entry.id}-{entry.version}.yaml"


@pytest.mark.parametrize("framework_id", BUILT_INS)
def test_builtin_lints_without_errors_or_warnings(framework_id: str) -> None:
    registry = Registry()
    path: Path = registry.find(framework_id).path
    loaded, problems = registry.lint(path)
    assert loaded is not None
    serious = [(d.line, d.code, d.message) for d in problems if d.severity != Severity.NOTE]
    assert serious == []
    # The only notes allowed say that some content is provisional.
    assert {d.code for d in problems} <= {"IK112"}


@pytest.mark.parametrize("framework_id", BUILT_INS)
def test_builtin_file_header(framework_id: str) -> None:
    text = Registry().find(framework_id).path.read_text(encoding="utf-8")
    assert text.startswith("# ")
    header = text.split("\nid:", 1)[0]
    assert "# yaml-language-server: $schema=../schemas/framework.schema.json" in header
    assert "our own summary of public sources" in " ".join(
        line.lstrip("# ") for line in header.splitlines()
    )
    assert "\t" not in text


def test_base_indicators_and_what_is_confirmed() -> None:
    fw = load(BASE)
    ids = [i.id for i in fw.indicators]
    assert ids == [
        "1.1",
        "2.1",
        "2.2",
        "3.1",
        "4.1",
        "5.1",
        "5.2",
        "5.3",
        "5.4",
        "6.1",
        "6.2",
        "6.3",
        "6.4",
        "7.1",
        "7.2",
        "8.1",
        "8.2",
        "9.1",
        "9.2",
        "9.3",
        "9.4",
        "10.1",
    ]
    assert [i.id for i in fw.indicators if not i.provisional] == ["2.1", "5.3", "5.4", "9.2"]
    impact = fw.indicator("2.1")
    assert impact is not None and impact.title == "Impact on children and young people"
    assert len(fw.key_questions) == 6 and len(fw.areas) == 10
    for indicator in fw.indicators:
        assert indicator.key_question and indicator.area
        assert 2 <= len(indicator.themes) <= 4, indicator.id
        assert 3 <= len(indicator.illustrations.very_good) <= 5, indicator.id
        assert 3 <= len(indicator.illustrations.weak) <= 5, indicator.id
    assert fw.graded == []
    assert fw.record_reading is None and fw.surveys == [] and fw.lines_of_enquiry == []
    assert "keeping-children-safe" in {t.id for t in fw.themes}


def test_base_scale_labels() -> None:
    fw = load(BASE)
    assert fw.scale is not None
    assert [p.value for p in fw.scale.points] == [6, 5, 4, 3, 2, 1]
    assert [p.label for p in fw.scale.points] == [
        "Excellent",
        "Very good",
        "Good",
        "Adequate",
        "Weak",
        "Unsatisfactory",
    ]
    assert all(p.description for p in fw.scale.points if p.value in (5, 4, 3))


@pytest.mark.parametrize(
    "percent, term",
    [
        ("0", "none"),
        ("0.4", "few"),
        ("1", "few"),
        ("15", "few"),
        ("15.5", "less-than-half"),
        ("16", "less-than-half"),
        ("49", "less-than-half"),
        ("49.5", "less-than-half"),
        ("50", "majority"),
        ("74", "majority"),
        ("74.5", "majority"),
        ("75", "most"),
        ("90", "most"),
        ("90.4", "almost-all"),
        ("90.5", "almost-all"),
        ("99", "almost-all"),
        ("99.5", "almost-all"),
        ("100", "all"),
    ],
)
def test_base_quantifiers(percent: str, term: str) -> None:
    quantifiers = load(BASE).quantifiers
    assert quantifiers is not None
    _, found = describe_percent(quantifiers, Decimal(percent))
    assert found is not None and found.id == term


def test_cso_at_home() -> None:
    fw = load("cso-at-home")
    assert fw.base == "quality-framework-2019@1.0.0"
    assert fw.graded == ["2.1", "5.3", "5.4", "9.2"]
    assert [loe.id for loe in fw.lines_of_enquiry] == ["LOE1", "LOE2", "LOE3"]
    assert [s.id for s in fw.surveys] == ["staff", "children", "parents"]
    assert [s.audience for s in fw.surveys] == ["staff", "children", "parents"]
    assert fw.record_reading is not None and fw.record_reading.minimum_records == 60
    assert 14 <= len(fw.record_reading.questions) <= 18
    for theme in (
        "continuity-of-relationships",
        "staff-support-and-training",
        "appropriate-use-of-legal-measures",
        "quality-assurance-of-assessment-and-planning",
        "leaders-show-the-difference",
    ):
        assert fw.themes and theme in {t.id for t in fw.themes}
    # Children's and parents' answers inform impact on children and their involvement.
    for survey in fw.surveys:
        if survey.audience in ("children", "parents"):
            informed = {i for q in survey.questions for i in q.indicators}
            assert {"2.1", "5.4"} <= informed, survey.id


def test_care_and_protection_2018() -> None:
    fw = load("care-and-protection-2018")
    assert fw.status == "superseded"
    assert fw.enquiry_term == "key inspection question"
    assert fw.graded == ["1.1", "2.1", "2.2", "9"]
    leadership = fw.indicator("9")
    assert leadership is not None and leadership.provisional
    assert leadership.title == "Leadership and direction"
    assert [loe.id for loe in fw.lines_of_enquiry] == ["KIQ1", "KIQ2", "KIQ3", "KIQ4", "KIQ5"]
    parents = next(s for s in fw.surveys if s.id == "parents")
    assert "2.2" in {i for q in parents.questions for i in q.indicators}


def test_at_risk_of_harm_2021() -> None:
    fw = load("at-risk-of-harm-2021")
    assert fw.graded == ["2.1"]
    assert fw.lines_of_enquiry and all(loe.provisional for loe in fw.lines_of_enquiry)
    assert {s.id for s in fw.surveys} == {"staff", "children", "parents"}


@pytest.mark.parametrize("framework_id", PROGRAMMES)
def test_graded_indicators_are_informed_by_records_and_surveys(framework_id: str) -> None:
    fw = load(framework_id)
    assert fw.graded == GRADED[framework_id]
    assert fw.record_reading is not None
    for indicator_id in fw.graded:
        indicator = fw.indicator(indicator_id)
        assert indicator is not None
        assert indicator.illustrations.very_good and indicator.illustrations.weak
        record_questions = [
            q.id for q in fw.record_reading.questions if indicator_id in q.indicators
        ]
        survey_questions = [
            q.id for s in fw.surveys for q in s.questions if indicator_id in q.indicators
        ]
        assert record_questions, f"{framework_id}: no record question informs {indicator_id}"
        assert survey_questions, f"{framework_id}: no survey question informs {indicator_id}"


@pytest.mark.parametrize("framework_id", PROGRAMMES)
def test_question_ids_make_distinct_csv_columns(framework_id: str) -> None:
    fw = load(framework_id)
    assert fw.record_reading is not None

    def key(name: str) -> str:
        return name.lower().replace("-", "_")

    columns = [key(q.id) for q in fw.record_reading.questions]
    assert len(set(columns)) == len(columns) and "record_id" not in columns
    assert all(q.id == q.id.lower() for q in fw.record_reading.questions)
    for survey in fw.surveys:
        survey_columns = [key(q.id) for q in survey.questions]
        assert len(set(survey_columns)) == len(survey_columns)
        assert "respondent_id" not in survey_columns


def test_references_resolve() -> None:
    registry = Registry()
    assert registry.find(BASE).version == "1.0.0"
    assert registry.find("cso-at-home@1.0").version == "1.0.0"
    assert registry.load("cso-at-home@1.0").framework.ref == "cso-at-home@1.0.0"


@pytest.mark.parametrize("ref", BUILT_INS)
def test_every_builtin_words_exact_counts(ref: str) -> None:
    """Each programme inherits the base's bands: the word is true of the exact count."""
    quantifiers = load(ref).quantifiers
    assert quantifiers is not None
    assert [proportion(quantifiers, k, n).words for k, n in ((199, 200), (1, 250), (99, 200))] == [
        "almost all (99.5%)",
        "few (0.4%)",
        "less than half (49.5%)",
    ]
