"""The pipeline and its seams: one Inspection, release policy, format registries, frameworks
folders that must exist, and outputs that never land on the evidence."""

from __future__ import annotations

import dataclasses
import importlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from inspectkit.errors import NotGradable, OutputRefused, PersonalDataFound, UsageError
from inspectkit.files import refuse_output_over_inputs
from inspectkit.formats import GRADE_FORMATS, REPORT_FORMATS, Format
from inspectkit.framework.registry import Registry
from inspectkit.inspection import InspectOptions, inspect_folder
from inspectkit.policy import PersonalData, ReleasePolicy, build_date, release
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"
FW = ["--frameworks-dir", str(DATA / "frameworks")]
REGISTRY = Registry([DATA / "frameworks"])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "mini"
    shutil.copytree(DATA / "evidence" / "mini", target)
    return target


def invoke(*args: str) -> tuple[int, str, str]:
    from inspectkit.cli import app

    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# --- the Inspection -------------------------------------------------------------------------


def test_inspection_grades_a_clean_folder(folder: Path) -> None:
    found = inspect_folder(folder, REGISTRY)
    assert found.gradable and found.grades is not None
    assert found.graded() is found.grades
    assert [row.proposal.indicator for row in found.grades.indicators] == list(
        found.framework.graded if found.framework else []
    )


def test_validate_only_does_not_grade(folder: Path) -> None:
    found = inspect_folder(folder, REGISTRY, InspectOptions(grade=False))
    assert found.grades is None
    with pytest.raises(NotGradable, match="grading was not asked for"):
        found.graded()


def test_a_folder_with_errors_says_in_one_sentence_why_no_grades(folder: Path) -> None:
    ev = folder / "evaluations.yaml"
    ev.write_text(ev.read_text().replace("grade: ", "gradee: ", 1))
    found = inspect_folder(folder, REGISTRY)
    assert found.grades is None and not found.gradable
    with pytest.raises(NotGradable) as info:
        found.graded()
    assert info.value.message.startswith("No grades were produced for ")
    assert "validation found 1 error (listed above)" in info.value.message
    code, out, err = invoke("grade", str(folder), *FW)
    assert code == 1 and out == ""
    assert "inspectkit: error: No grades were produced for" in err
    assert "gradee" in err  # the error itself is listed first


# --- release policy -------------------------------------------------------------------------


@pytest.fixture
def personal(folder: Path) -> Path:
    items = folder / "evidence" / "items.yaml"
    items.write_text(items.read_text().replace("with children.", "with children; 07700 900123."))
    return folder


def test_release_refuses_personal_data_by_default(personal: Path) -> None:
    found = inspect_folder(personal, REGISTRY)
    with pytest.raises(PersonalDataFound) as info:
        release(found, ReleasePolicy())
    assert [d.code for d in info.value.diagnostics] == ["IK504"]  # a telephone number


def test_release_redacts_and_regrades(personal: Path) -> None:
    found = inspect_folder(personal, REGISTRY)
    out = release(found, ReleasePolicy(personal_data=PersonalData.REDACT))
    texts = [p.model.summary for p in out.folder.items]
    assert not any("07700 900123" in t for t in texts)
    assert any("07700 900123" in p.model.summary for p in found.folder.items)  # input kept
    assert out.grades is not None and out.grades is not found.grades
    assert [r.proposal.grade for r in out.grades.indicators] == [
        r.proposal.grade for r in found.graded().indicators
    ]


def test_release_allows_when_asked(personal: Path) -> None:
    found = inspect_folder(personal, REGISTRY)
    assert release(found, ReleasePolicy(personal_data=PersonalData.ALLOW)) is found


def test_build_date_takes_the_epoch_from_the_environment_passed_in(folder: Path) -> None:
    found = inspect_folder(folder, REGISTRY)
    policy = ReleasePolicy.from_environment({"SOURCE_DATE_EPOCH": "86400"})
    assert build_date(found, policy).source in ("manifest", "epoch")
    when = build_date(found, ReleasePolicy.from_environment({}, date="2026-01-02"))
    assert (when.date.isoformat() if when.date else None, when.source) == ("2026-01-02", "option")


# --- format registries ----------------------------------------------------------------------


def _dummy(view: object) -> bytes:
    return b"dummy grades\n"


def _reload_cli() -> None:
    """Build the command line again, as a new process would, from the registries as they are."""
    import inspectkit.cli

    for name in ("app", "options", "run", *inspectkit.cli.__all__[1:]):
        importlib.reload(importlib.import_module(f"inspectkit.cli.{name}"))
    importlib.reload(inspectkit.cli)


@pytest.fixture
def dummy_format() -> Iterator[str]:
    GRADE_FORMATS.register(Format("dummy", "a test format", "tests.test_pipeline:_dummy"))
    _reload_cli()
    yield "dummy"
    GRADE_FORMATS.unregister("dummy")
    _reload_cli()


def test_a_registered_format_is_in_help_and_works(dummy_format: str, folder: Path) -> None:
    code, out, _ = invoke("grade", "--help")
    assert code == 0 and "<text|json|yaml|csv|dummy>" in out
    code, out, _ = invoke("grade", str(folder), *FW, "--format", dummy_format)
    assert (code, out) == (0, "dummy grades\n")


def test_an_unknown_format_is_a_usage_error_with_a_suggestion(folder: Path) -> None:
    code, _, err = invoke("grade", str(folder), *FW, "--format", "jsn")
    assert code == 2
    assert "Unknown format 'jsn': use one of text, json, yaml, csv. Did you mean 'json'?" in (
        " ".join(err.split())
    )
    with pytest.raises(UsageError, match="Unknown format 'rtf'"):
        REPORT_FORMATS.get("rtf")


def test_groups_expand_to_their_members() -> None:
    assert [f.name for f in REPORT_FORMATS.expand("both")] == ["md", "html"]
    assert [f.suffix for f in REPORT_FORMATS.expand("both")] == [".md", ".html"]


def test_every_writer_returns_bytes(folder: Path) -> None:
    from inspectkit.output.grades import GradeView

    report = inspect_folder(folder, REGISTRY).graded()
    for fmt in GRADE_FORMATS:
        assert isinstance(fmt.write(GradeView(report)), bytes), fmt.name


# --- frameworks folders ---------------------------------------------------------------------

COMMANDS = [
    ("validate", "{folder}"),
    ("grade", "{folder}"),
    ("report", "{folder}", "-o", "{out}"),
    ("diff", "{folder}", "{folder}"),
    ("overview", "{folder}"),
    ("frameworks", "list"),
    ("frameworks", "show", "mini"),
    ("frameworks", "lint"),  # exit 3 for a missing folder; a broken file is a finding (1)
    ("init", "{out}/new", "--framework", "mini"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_missing_frameworks_folder_is_exit_3(
    command: tuple[str, ...], folder: Path, tmp_path: Path
) -> None:
    args = [a.format(folder=folder, out=tmp_path / "out") for a in command]
    code, out, err = invoke(*args, "--frameworks-dir", str(tmp_path / "does-not-exist"))
    assert code == 3, err
    # lint reports the folder as a finding, on standard output as every finding is
    assert "does-not-exist' does not exist" in out + err
    assert "No problems found" not in out + err


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_broken_framework_file_is_exit_3(
    command: tuple[str, ...], folder: Path, tmp_path: Path
) -> None:
    dirs = tmp_path / "fw"
    shutil.copytree(DATA / "frameworks", dirs)
    (dirs / "other-1.0.0.yaml").write_text("id: other\nversion: 1.0.0\ncolour: red\n")
    args = [a.format(folder=folder, out=tmp_path / "out") for a in command]
    code, out, err = invoke(*args, "--frameworks-dir", str(dirs))
    assert code == (1 if command == ("frameworks", "lint") else 3), err
    assert "other-1.0.0.yaml" in out + err


# --- outputs never over inputs --------------------------------------------------------------

REFUSED = [
    ("validate", "{folder}", "--format", "json", "-o", "{folder}/evaluations.yaml"),
    ("validate", "{folder}", "--format", "json", "-o", "{folder}/inspection.yaml"),
    ("grade", "{folder}", "--format", "csv", "-o", "{folder}/records/records.csv"),
    ("grade", "{folder}", "-o", "{folder}/surveys/new.csv"),
    ("diff", "{folder}", "{folder}", "-o", "{folder}/evidence/items.yaml"),
    ("overview", "{folder}", "--html", "{folder}/inspection.yaml"),
    ("overview", "{folder}", "-o", "{folder}/evidence/new.txt"),
    ("report", "{folder}", "-o", "{folder}/evidence"),
    ("frameworks", "list", "-o", "{frameworks}/mini-1.0.0.yaml"),
]


@pytest.mark.parametrize("command", REFUSED, ids=lambda c: " ".join(c[:1] + c[-1:]))
def test_an_output_on_the_evidence_is_refused(
    command: tuple[str, ...], folder: Path, tmp_path: Path
) -> None:
    frameworks = tmp_path / "fw"
    shutil.copytree(DATA / "frameworks", frameworks)
    before = {
        p: p.read_bytes() for p in [*folder.rglob("*"), *frameworks.rglob("*")] if p.is_file()
    }
    args = [a.format(folder=folder, frameworks=frameworks) for a in command]
    code, _, err = invoke(*args, "--frameworks-dir", str(frameworks))
    assert code == 2, err
    assert "Refusing to write" in err and "Nothing was written" in err
    after = {p: p.read_bytes() for p in [*folder.rglob("*"), *frameworks.rglob("*")] if p.is_file()}
    assert after == before


def test_a_link_to_an_input_is_refused(folder: Path, tmp_path: Path) -> None:
    link = tmp_path / "out.json"
    link.symlink_to(folder / "evaluations.yaml")
    with pytest.raises(OutputRefused, match=r"is the evidence folder's evaluations\.yaml"):
        refuse_output_over_inputs([link], [folder])


def test_outputs_beside_the_evidence_are_allowed(folder: Path, tmp_path: Path) -> None:
    refuse_output_over_inputs([tmp_path / "grades.json", folder / "report"], [folder])
    code, _, _ = invoke("validate", str(folder), *FW, "-f", "json", "-o", str(tmp_path / "v.json"))
    assert code == 0 and (tmp_path / "v.json").exists()


# --- validate in worker processes -----------------------------------------------------------


def test_validate_in_parallel_gives_the_same_output(folder: Path, tmp_path: Path) -> None:
    second = tmp_path / "second"
    shutil.copytree(folder, second)
    (second / "evidence" / "broken.yaml").write_text("- id: X\n")
    args = ["validate", str(folder), str(second), *FW, "-f", "parsable"]
    serial = invoke(*args, "--jobs", "1")
    parallel = invoke(*args, "--jobs", "2")
    assert serial == parallel
    assert serial[0] == 1 and "IK203" in serial[1]


# --- one sum: the report shows grading's figures -------------------------------------------


def test_report_figures_are_gradings_counts(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The report shapes the figures grading worked out; it does not count again."""
    import inspectkit.grading.strands as strands
    from inspectkit.report.context import build_context
    from inspectkit.report.figures import count
    from inspectkit.report.sections import record_figure

    found = inspect_folder(folder, REGISTRY)
    fw = found.framework
    assert fw is not None and fw.record_reading is not None
    question = fw.record_reading.questions[0]
    expected = strands.record_question_figure(found.folder, fw, question)
    shown = record_figure(found.folder, fw, question)
    below = fw.reporting.suppress_below
    assert shown is not None and shown["total"] == count(expected.counted, below)
    real = strands._record_question

    def doubled(*args: Any) -> tuple[strands.QuestionFigure, set[str]]:
        figure, ids = real(*args)
        total = figure.counted * 2
        bigger = strands.proportion(fw.quantifiers, figure.positive, total)
        return dataclasses.replace(figure, counted=total, share=bigger), ids

    monkeypatch.setattr(strands, "_record_question", doubled)
    changed = record_figure(found.folder, fw, question)
    assert changed is not None
    assert changed["total"] == count(expected.counted * 2, below) != shown["total"]
    build_context(found, build_date(found, ReleasePolicy()))  # still renders


# --- grading's own findings follow the configuration ---------------------------------------


@pytest.fixture
def unaddressed(tmp_path: Path) -> Path:
    """Glenbrae with rationales that do not speak of their strands' conflicts (IK605)."""
    target = tmp_path / "glenbrae"
    shutil.copytree(ROOT / "examples" / "cso-at-home-glenbrae", target)
    evaluations = target / "evaluations.yaml"
    evaluations.write_text(evaluations.read_text().replace("conflict", "difference"))
    return target


def test_grading_findings_take_the_configured_severity(unaddressed: Path) -> None:
    from inspectkit.diagnostics import Severity

    plain = inspect_folder(unaddressed, Registry())
    assert {d.severity for d in plain.problems if d.code == "IK605"} == {Severity.WARNING}
    options = InspectOptions(severity={"IK605": Severity.ERROR})
    strict = inspect_folder(unaddressed, Registry(), options)
    found = [d for d in strict.problems if d.code == "IK605"]
    assert len(found) == 2 and {d.severity for d in found} == {Severity.ERROR}


def test_grading_findings_can_be_silenced_where_they_stand(unaddressed: Path) -> None:
    evaluations = unaddressed / "evaluations.yaml"
    lines = evaluations.read_text().splitlines()
    start = lines.index('- indicator: "5.3"')
    at = next(i for i in range(start, len(lines)) if lines[i].strip().startswith("rationale:"))
    lines.insert(at, "  # inspectkit: ignore IK605 -- weighed at the moderation meeting")
    evaluations.write_text("\n".join(lines) + "\n")
    found = inspect_folder(unaddressed, Registry())
    assert len([d for d in found.problems if d.code == "IK605"]) == 1  # 9.2's is left
    assert [s.diagnostic.code for s in found.silenced] == ["IK605"]
