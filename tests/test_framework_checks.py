"""Framework files: every problem in one run, each with its place and a plain sentence."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from inspectkit.errors import FrameworkError
from inspectkit.framework.registry import Registry
from inspectkit.quantify import describe_percent, proportion
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"


@pytest.fixture
def registry() -> Registry:
    return Registry([DATA / "frameworks"])


def test_every_mistake_reported_with_its_place(registry: Registry) -> None:
    _, problems = registry.lint(DATA / "bad-frameworks" / "broken-1.0.0.yaml")
    found = sorted((d.line, d.column, d.code) for d in problems)
    assert found == [
        (11, 15, "IK104"),  # scale out of order
        (15, 3, "IK105"),  # bands leave 50..74 unassigned
        (21, 41, "IK103"),  # unknown theme 'safty'
        (22, 10, "IK102"),  # duplicate indicator id
        (24, 47, "IK103"),  # unknown indicator '2.7' in a line of enquiry
        (26, 53, "IK101"),  # unknown field 'colour'
        (27, 10, "IK109"),
        (27, 10, "IK110"),
        (27, 10, "IK111"),  # lint rules on graded 2.1
    ]
    by_code = {(d.line, d.code): d for d in problems}
    assert by_code[(21, "IK103")].hint == "Did you mean 'safety'?"
    assert by_code[(24, "IK103")].message == (
        "Unknown indicator '2.7': the framework does not define it."
    )
    assert "50%, 51%, 52%, 53%, 54% and 20 more" in by_code[(15, "IK105")].message
    assert by_code[(26, "IK101")].message == ("Unknown field 'colour' in 'evidence_sources[1]'.")


def test_mini_framework_is_clean(registry: Registry) -> None:
    loaded, problems = registry.lint(DATA / "frameworks" / "mini-1.0.0.yaml")
    assert problems == []
    assert loaded is not None and loaded.framework.graded == ["2.1"]


def test_user_folder_and_version_lookup(registry: Registry) -> None:
    assert registry.find("mini").version == "1.0.0"
    assert registry.find("mini@1").version == "1.0.0"
    assert registry.find("mini@1.0.0").origin == "user"
    with pytest.raises(FrameworkError) as info:
        registry.find("mini@2")
    assert info.value.diagnostics[0].hint == "Versions of 'mini': 1.0.0."
    with pytest.raises(FrameworkError) as info:
        registry.find("minu")
    assert info.value.diagnostics[0].hint == "Did you mean 'mini'?"


def test_newest_version_wins_by_semantic_order(tmp_path: Path) -> None:
    text = (DATA / "frameworks" / "mini-1.0.0.yaml").read_text()
    for version in ("1.2.0", "1.10.0", "1.9.0", "2.0.0-rc.1"):
        (tmp_path / f"mini-{version}.yaml").write_text(
            text.replace("version: 1.0.0", f"version: {version}")
        )
    registry = Registry([tmp_path], builtins=False)
    assert registry.find("mini").version == "2.0.0-rc.1"
    assert registry.find("mini@1").version == "1.10.0"


def test_base_framework_problems(tmp_path: Path) -> None:
    (tmp_path / "child.yaml").write_text(
        "id: child\nversion: 1.0.0\ntitle: Child\npublisher: p\nstatus: draft\n"
        "base: nowhere@1.0.0\n"
    )
    (tmp_path / "loop-a.yaml").write_text(
        "id: a\nversion: 1.0.0\ntitle: A\npublisher: p\nstatus: draft\nbase: b@1.0.0\n"
    )
    (tmp_path / "loop-b.yaml").write_text(
        "id: b\nversion: 1.0.0\ntitle: B\npublisher: p\nstatus: draft\nbase: a@1.0.0\n"
    )
    registry = Registry([tmp_path], builtins=False)
    _, problems = registry.lint(tmp_path / "child.yaml")
    assert [(d.code, d.line, d.column) for d in problems] == [("IK108", 6, 7)]
    with pytest.raises(FrameworkError) as info:
        registry.load("a")
    assert any("builds on this one in turn" in d.message for d in info.value.diagnostics)


def test_programme_inherits_from_base(tmp_path: Path) -> None:
    (tmp_path / "prog.yaml").write_text(
        "id: prog\nversion: 1.0.0\ntitle: Programme\npublisher: p\nstatus: draft\n"
        "base: mini@1.0.0\ninclude_indicators: ['2.1']\ngraded: ['2.1']\n"
    )
    fw = Registry([DATA / "frameworks", tmp_path], builtins=False).load("prog").framework
    assert [i.id for i in fw.indicators] == ["2.1"]
    assert fw.scale is not None and fw.scale.points[0].label == "Excellent"
    assert fw.record_reading is not None and fw.grading is not None


@pytest.mark.parametrize(
    "percent, words",
    [
        ("0", "none"),
        ("14", "few"),
        ("15", "few"),
        ("15.5", "less than half"),
        ("49", "less than half"),
        ("50", "the majority"),
        ("0.4", "few"),
        ("49.5", "less than half"),
        ("74", "the majority"),
        ("74.5", "the majority"),  # an old file's gap goes to the band below (gaps: lower)
        ("75", "most"),
        ("90", "most"),
        ("90.4", "most"),
        ("91", "almost all"),
        ("99", "almost all"),
        ("99.5", "almost all"),  # never 'all', a band of one percentage
        ("100", "all"),
    ],
)
def test_quantifier_edges(registry: Registry, percent: str, words: str) -> None:
    quantifiers = registry.load("mini").framework.quantifiers
    assert quantifiers is not None
    _, term = describe_percent(quantifiers, Decimal(percent))
    assert term is not None and term.label == words


def test_proportion_words(registry: Registry) -> None:
    quantifiers = registry.load("mini").framework.quantifiers
    assert quantifiers is not None
    assert proportion(quantifiers, 41, 50).words == "most (82%)"
    assert proportion(quantifiers, 0, 0).words == "none counted"


def test_every_model_field_has_a_description() -> None:
    from pydantic import BaseModel

    import inspectkit.evidence.models as evidence
    import inspectkit.framework.models as framework

    models = [
        obj
        for module in (framework, evidence)
        for obj in vars(module).values()
        if isinstance(obj, type)
        and issubclass(obj, BaseModel)
        and obj.__module__ == module.__name__
    ]
    assert len(models) > 20
    for model in models:
        for name, field in model.model_fields.items():
            assert field.description, f"{model.__name__}.{name} has no description"
        assert model.model_config.get("extra") == "forbid", model.__name__


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (  # 49.5 between 49 and 50.5: further apart than one whole percent, so an error
            "min: 50, max: 74",
            "min: 50.5, max: 74",
            "The quantifier bands leave 50% unassigned.",
        ),
        (  # an open edge on a band of one percentage leaves it empty
            "min: 0, max: 0,",
            "min: 0, min_inclusive: false, max: 0,",
            "The band of 'none' holds no percentage: it starts and ends at 0 with an open edge.",
        ),
        (  # an open lower edge at 50 leaves 50% itself to the gap rule: no error
            "min: 50, max: 74",
            "min: 50, min_inclusive: false, max: 74",
            None,
        ),
    ],
)
def test_quantifier_band_problems(tmp_path: Path, old: str, new: str, message: str | None) -> None:
    text = (DATA / "frameworks" / "mini-1.0.0.yaml").read_text("utf-8")
    assert old in text
    (tmp_path / "mini-1.0.0.yaml").write_text(text.replace(old, new, 1), "utf-8")
    _, problems = Registry([tmp_path], builtins=False).lint(tmp_path / "mini-1.0.0.yaml")
    assert [d.message for d in problems if d.code == "IK105"] == ([message] if message else [])
