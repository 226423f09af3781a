"""Render reports through the library for tests, and read each format back as text."""

from __future__ import annotations

import html
import io
import re
import zipfile
from functools import cache
from pathlib import Path

from inspectkit.framework.registry import Registry
from inspectkit.inspection import inspect_folder
from inspectkit.policy import ReleasePolicy, build_date, release
from inspectkit.report import ReportRequest, render_report
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"
EXAMPLE_DIRS = {
    name: ROOT / "examples" / name
    for name in ("cso-at-home-glenbrae", "care-and-protection-kinloch-mhor")
}
VIEWS = ("team", "partnership", "publication")
FORMATS = ("md", "html", "docx", "pdf")
# Evidence ids of the examples and the mini folder: "FG-01", "DOC-05", "PS-04".
EVIDENCE_ID = re.compile(r"\b[A-Z]{2,4}-\d{2}\b")


@cache
def rendered(folder: Path, view: str, fmt: str) -> bytes:
    """One report of ``folder`` (an example, or a folder using the test frameworks)."""
    registry = Registry([DATA / "frameworks"])
    policy = ReleasePolicy(date="2026-04-01")
    inspection = release(inspect_folder(folder, registry), policy)
    request = ReportRequest(formats=(fmt,), date=build_date(inspection, policy), view=view)
    return render_report(inspection, request)[fmt]


def docx_text(data: bytes, comments: bool = True) -> str:
    """Every paragraph, table cell, header, footer and (optionally) comment of a .docx."""
    import docx

    doc = docx.Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    for section in doc.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    if comments:
        parts += [c.text for c in doc.comments]
    return "\n".join(parts)


def pdf_text(data: bytes) -> str:
    """The text of every page of a PDF."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def as_text(data: bytes, fmt: str) -> str:
    """What a reader of the format sees, as text (Markdown marks left in; HTML without tags
    or styles, attributes included)."""
    if fmt == "docx":
        return docx_text(data)
    if fmt == "pdf":
        return pdf_text(data)
    text = data.decode("utf-8")
    if fmt == "html":
        text = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"(?s)<style>.*?</style>", "", text)))
    return text


def zip_dates(data: bytes) -> set[tuple[int, ...]]:
    """The dates of the entries of a zip package."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {tuple(i.date_time) for i in z.infolist()}
