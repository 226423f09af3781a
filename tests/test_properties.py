"""Property-based tests: whatever bytes arrive, the loaders give a result or diagnostics.

Random text, mutated real evidence files and random CSV tables go through the same code as
``inspectkit validate``; the only allowed outcomes are data or ReadFailure diagnostics, and
validation of a whole folder never raises.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspectkit.errors import FrameworkError, ReadFailure
from inspectkit.framework.registry import Registry
from inspectkit.validate import validate_folder
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


@SETTINGS
@given(st.text(max_size=300))
def test_any_text_is_yaml_or_a_diagnostic(text: str) -> None:
    try:
        load_yaml_text(text, "random.yaml")
    except ReadFailure as exc:
        assert exc.diagnostic.code.startswith("IK0")


def _folder_with(name: str, data: bytes) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "f"
        shutil.copytree(MINI, folder)
        (folder / name).write_bytes(data)
        result = validate_folder(folder, REGISTRY)
        return [d.code for d in result.diagnostics]


@SETTINGS
@given(mutated())
def test_mutated_evidence_file(data: bytes) -> None:
    _folder_with("evidence/items.yaml", data)


@SETTINGS
@given(mutated())
def test_mutated_evaluations(data: bytes) -> None:
    _folder_with("evaluations.yaml", data)


@SETTINGS
@given(mutated())
def test_mutated_manifest(data: bytes) -> None:
    try:
        _folder_with("inspection.yaml", data)
    except FrameworkError as exc:  # a garbled framework name is reported, not raised raw
        assert exc.diagnostics and exc.diagnostics[0].file.endswith("inspection.yaml")


@SETTINGS
@given(mutated())
def test_mutated_records_csv(data: bytes) -> None:
    _folder_with("records/reader-a.csv", data)


@SETTINGS
@given(
    st.lists(
        st.lists(
            st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
            min_size=1,
            max_size=5,
        ),
        max_size=8,
    )
)
def test_random_survey_tables(rows: list[list[str]]) -> None:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out).writerows([["respondent_id", "s01"], *rows])
    _folder_with("surveys/staff.csv", out.getvalue().encode("utf-8"))
