"""Property-based tests: whatever bytes arrive, the loaders give a result or diagnostics.

Random text, mutated real evidence files and random CSV tables go through the same code as
``inspectkit validate``. The outcomes are checked, not only that nothing raises: data that
was written is the data that is loaded, and every diagnostic names a file of the folder and
a line that the file has.
"""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspectkit.codes import CODES
from inspectkit.diagnostics import Diagnostic
from inspectkit.errors import FrameworkError, ReadFailure
from inspectkit.framework.registry import Registry
from inspectkit.validate import ValidationResult, validate_folder
from inspectkit.yamlread import load_yaml_text
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"
MINI = DATA / "evidence" / "mini"
REGISTRY = Registry([DATA / "frameworks"])
SEEDS = [
    (MINI / "evidence" / "items.yaml").read_bytes(),
    (MINI / "evaluations.yaml").read_bytes(),
    (MINI / "inspection.yaml").read_bytes(),
    (MINI / "records" / "reader-a.csv").read_bytes(),
]
SETTINGS = settings(
    max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["flip", "insert", "delete", "dup"]))
        pos = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[pos] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[pos:pos] = draw(
                st.sampled_from(
                    [
                        b"\t",
                        b"- ",
                        b": ",
                        b"&a ",
                        b"*a",
                        b"!!python/object:os.system ",
                        b"\x00",
                        b'"',
                        b"\n  ",
                        b"---\n",
                        b"[",
                        b"{",
                        b"\xff",
                        b",",
                        b"\r\n",
                        b"2.1",
                    ]
                )
            )
        elif kind == "delete" and data:
            del data[pos : pos + draw(st.integers(1, 20))]
        else:
            data += data[pos : pos + 40]
    return bytes(data)


def _line_count(text: str) -> int:
    return len(text.splitlines()) or 1


@SETTINGS
@given(st.text(max_size=300))
def test_any_text_is_yaml_or_a_placed_diagnostic(text: str) -> None:
    try:
        doc = load_yaml_text(text, "random.yaml")
    except ReadFailure as exc:
        d = exc.diagnostic
        assert d.code.startswith("IK0") and d.file == "random.yaml"
        assert 0 <= d.line <= _line_count(text), (d.line, text)
        assert d.column >= 0
    else:
        assert _plain(doc.data)


def _plain(data: Any) -> bool:
    """Only plain data comes out of the reader: no object of any other type."""
    if isinstance(data, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in data.items())
    if isinstance(data, list):
        return all(_plain(v) for v in data)
    return data is None or isinstance(data, (str, int, float, bool))


# Words that read as the same thing in YAML 1.1 (which PyYAML writes) and 1.2 (which
# inspectkit reads): no letter that could make a number, a boolean or a null.
_WORDS = st.text(alphabet="abcdghijkm ,:'\"#!&*?|>%@-_\u00e9\u2019\n", max_size=20)
_SCALARS = _WORDS | st.integers(-(10**12), 10**12) | st.booleans() | st.none()
_DATA = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_WORDS, inner, max_size=4),
    max_leaves=12,
)


@SETTINGS
@given(_DATA, st.booleans())
def test_written_data_is_loaded_as_written(data: Any, flow: bool) -> None:
    if data is None or data == "":
        return  # an empty document is reported as empty, by design
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    assert load_yaml_text(text, "data.yaml").data == data


def _file_lines(folder: Path, d: Diagnostic) -> int:
    path = Path(d.file)
    return _line_count(path.read_text(encoding="utf-8", errors="replace")) if path.is_file() else 0


def _check_places(folder: Path, result: ValidationResult) -> None:
    """Every diagnostic has a known code, a file inside the folder and a line it has."""
    for d in result.diagnostics:
        assert d.code in CODES
        assert d.file and Path(d.file).resolve().is_relative_to(folder.resolve()), d
        assert 0 <= d.line <= _file_lines(folder, d), d
        assert d.column >= 0


def _folder_with(name: str, data: bytes) -> ValidationResult:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "f"
        shutil.copytree(MINI, folder)
        (folder / name).write_bytes(data)
        result = validate_folder(folder, REGISTRY)
        _check_places(folder, result)
        return result


@SETTINGS
@given(mutated())
def test_mutated_evidence_file(data: bytes) -> None:
    result = _folder_with("evidence/items.yaml", data)
    others = [p for p in result.folder.items if not p.doc.display.endswith("items.yaml")]
    assert {p.model.id for p in others} == {"DOC-01"}  # the other file is untouched
    if not [d for d in result.diagnostics if d.file.endswith("items.yaml")]:
        assert any(p.doc.display.endswith("items.yaml") for p in result.folder.items)


@SETTINGS
@given(mutated())
def test_mutated_evaluations(data: bytes) -> None:
    result = _folder_with("evaluations.yaml", data)
    evaluated = {p.model.indicator for p in result.folder.evaluations}
    assert evaluated <= {i.id for i in REGISTRY.load("mini").framework.indicators} | evaluated
    if not [d for d in result.diagnostics if d.file.endswith("evaluations.yaml")]:
        assert result.folder.evaluations  # a clean file was loaded, not dropped


@SETTINGS
@given(mutated())
def test_mutated_manifest(data: bytes) -> None:
    try:
        result = _folder_with("inspection.yaml", data)
    except FrameworkError as exc:  # a garbled framework name is reported, not raised raw
        assert exc.diagnostics and exc.diagnostics[0].file.endswith("inspection.yaml")
    else:
        if not [d for d in result.diagnostics if d.file.endswith("inspection.yaml")]:
            assert result.folder.manifest is not None


@SETTINGS
@given(mutated())
def test_mutated_records_csv(data: bytes) -> None:
    result = _folder_with("records/reader-a.csv", data)
    text = data.decode("utf-8", errors="replace").splitlines()
    for record in result.folder.records:
        if record.file.endswith("reader-a.csv"):  # each loaded record is on its own line
            assert record.record_id in text[record.line - 1], record


_CELLS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@SETTINGS
@given(st.lists(st.lists(_CELLS, min_size=1, max_size=5), max_size=8))
def test_random_survey_tables(rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out).writerows([["respondent_id", "s01"], *rows])
    result = _folder_with("surveys/staff.csv", out.getvalue().encode("utf-8"))
    written = {row[0].strip() for row in rows}
    loaded = [r for r in result.folder.responses if r.survey == "staff"]
    assert {r.respondent_id for r in loaded} <= written
    assert len({r.respondent_id for r in loaded}) == len(loaded)  # each respondent once


_ANSWERS = ["strongly agree", "agree", "neither", "disagree", "strongly disagree", "don't know"]


@SETTINGS
@given(
    st.lists(
        st.tuples(
            st.from_regex(r"\A[A-Z]{2}-[0-9]{1,4}\Z"),
            st.sampled_from(["", *_ANSWERS]),
            st.sampled_from(["", " ", "  "]),
            st.booleans(),
        ),
        max_size=12,
        unique_by=lambda row: row[0],
    )
)
def test_valid_survey_tables_load_exactly_as_written(
    rows: list[tuple[str, str, str, bool]],
) -> None:
    """Padding, letter case and quoting aside, every row is loaded with its answer."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(["respondent_id", "s01"])
    for ident, answer, pad, upper in rows:
        writer.writerow([pad + ident, (answer.upper() if upper else answer) + pad])
    result = _folder_with("surveys/staff.csv", out.getvalue().encode("utf-8"))
    assert [d for d in result.diagnostics if d.file.endswith("staff.csv")] == []
    loaded = [
        (r.respondent_id, dict(r.answers)) for r in result.folder.responses if r.survey == "staff"
    ]
    expected = [(ident, {"s01": answer} if answer else {}) for ident, answer, _, _ in rows]
    assert loaded == expected
