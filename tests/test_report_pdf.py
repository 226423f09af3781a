"""The PDF report (the pdf extra, WeasyPrint): tagged, titled, in English, and short enough
to print; without WeasyPrint, a message naming the extra."""

from __future__ import annotations

import builtins
import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from inspectkit.report.pdf import INSTALL_HINT
from tests.report_support import DATA, EXAMPLE_DIRS, VIEWS, rendered
from tests.test_report import run

GLENBRAE = EXAMPLE_DIRS["cso-at-home-glenbrae"]
MAX_PUBLICATION_PAGES = 12


@pytest.mark.parametrize("view", VIEWS)
def test_pdf_has_text_title_language_and_structure(view: str) -> None:
    reader = PdfReader(io.BytesIO(rendered(GLENBRAE, view, "pdf")))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert reader.metadata is not None
    assert reader.metadata.title.endswith("living at home in Glenbrae")
    text = reader.pages[0].extract_text()
    assert "Key facts" in text
    assert "Glenbrae" in text


def test_publication_prints_to_at_most_twelve_pages() -> None:
    pages = len(PdfReader(io.BytesIO(rendered(GLENBRAE, "publication", "pdf"))).pages)
    assert pages <= MAX_PUBLICATION_PAGES


def test_same_inputs_give_the_same_pdf() -> None:
    first = rendered.__wrapped__(GLENBRAE, "publication", "pdf")
    assert first == rendered.__wrapped__(GLENBRAE, "publication", "pdf")


def test_without_weasyprint_the_message_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = builtins.__import__

    def no_weasyprint(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "weasyprint":
            raise ImportError("No module named 'weasyprint'")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    folder = shutil.copytree(DATA / "evidence" / "mini", tmp_path / "mini")
    code, _, err = run(
        str(folder),
        "--frameworks-dir",
        str(DATA / "frameworks"),
        "-f",
        "pdf",
        "-o",
        str(tmp_path / "o"),
    )
    assert code == 2
    assert "pip install 'inspectkit[pdf]'" in err
    assert INSTALL_HINT.split(":")[0] in err
    assert not (tmp_path / "o").exists()
