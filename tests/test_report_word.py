"""The Word report: structure a reader navigates, comments on findings, stable bytes, and
LibreOffice opening it for real."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from tests.checkers_support import require_program
from tests.report_support import EVIDENCE_ID, EXAMPLE_DIRS, VIEWS, rendered, zip_dates

GLENBRAE = EXAMPLE_DIRS["cso-at-home-glenbrae"]
FINDING = re.compile(r"· evidence [A-Z]+-\d\d")


def _doc(view: str, folder: Path = GLENBRAE) -> docx.document.Document:
    return docx.Document(io.BytesIO(rendered(folder, view, "docx")))


def test_same_inputs_give_the_same_bytes() -> None:
    first = rendered.__wrapped__(GLENBRAE, "team", "docx")
    second = rendered.__wrapped__(GLENBRAE, "team", "docx")
    assert first == second
    assert zip_dates(first) == {(1980, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize("view", VIEWS)
def test_headings_are_word_headings(view: str) -> None:
    doc = _doc(view)
    headings = [
        (p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")
    ]
    assert ("Heading 1", "Key facts") in headings
    assert ("Heading 1", "Summary") in headings
    assert ("Heading 2", "Key strengths") in headings
    assert ("Heading 1", "Line of enquiry 1") in headings
    assert [p.style.name for p in doc.paragraphs][:3] == ["Normal", "Title", "Subtitle"]


@pytest.mark.parametrize("view", VIEWS)
def test_tables_repeat_their_header_row_and_carry_a_caption(view: str) -> None:
    doc = _doc(view)
    headed = [t for t in doc.tables if t.rows[0]._tr.find(qn("w:trPr")) is not None]
    assert len(headed) >= 5
    for table in headed:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert table._tbl.tblPr.find(qn("w:tblCaption")) is not None
    evaluations = next(t for t in doc.tables if t.rows[0].cells[0].text == "Quality indicator")
    assert [c.text for c in evaluations.rows[1].cells][:2] == [
        "2.1 Impact on children and young people",
        "4 Good",
    ]


@pytest.mark.parametrize("view", VIEWS)
def test_core_properties_language_and_no_empty_paragraphs(view: str) -> None:
    doc = _doc(view)
    props = doc.core_properties
    assert props.title.endswith("living at home in Glenbrae")
    assert props.title.startswith("DRAFT: ") == (view != "publication")
    assert props.language == "en-GB"
    assert props.subject.endswith(": Glenbrae")
    assert props.created.isoformat() == props.modified.isoformat() == "2026-04-01T00:00:00+00:00"
    lang = doc.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert lang.get(qn("w:val")) == "en-GB"
    assert [p for p in doc.paragraphs if not p.text.strip()] == []


@pytest.mark.parametrize("view", VIEWS)
def test_page_numbers_in_the_footer_and_draft_in_the_header(view: str) -> None:
    section = _doc(view).sections[0]
    fields = section.footer._element.findall(".//" + qn("w:fldSimple"))
    assert [f.get(qn("w:instr")) for f in fields] == [" PAGE ", " NUMPAGES "]
    header = "\n".join(p.text for p in section.header.paragraphs)
    assert ("DRAFT" in header) == (view != "publication")


def test_every_finding_in_the_team_draft_carries_a_comment() -> None:
    doc = _doc("team")
    bullets = [
        p for p in doc.paragraphs if p.style.name == "List Bullet" and FINDING.search(p.text)
    ]
    assert len(bullets) > 40
    for paragraph in bullets:
        ranges = paragraph._p.findall(qn("w:commentRangeStart"))
        assert ranges, paragraph.text
    comments = list(doc.comments)
    assert len(comments) == len(bullets)
    first = comments[0]
    assert re.fullmatch(
        r"Evidence [A-Z]+-\d\d: [^,;]+, \d{4}-\d\d-\d\d; evidence/\S+\.yaml, line \d+", first.text
    )
    assert {c.timestamp.isoformat() for c in comments} == {"2026-04-01T00:00:00+00:00"}
    assert {c.author for c in comments} == {"inspectkit"}


def test_partnership_has_comments_and_publication_none() -> None:
    assert len(list(_doc("partnership").comments)) > 40
    publication = _doc("publication")
    assert list(publication.comments) == []
    assert EVIDENCE_ID.findall("\n".join(p.text for p in publication.paragraphs)) == []


def _convert(tmp_path: Path, data: bytes, stem: str) -> Path:
    """The .docx converted to PDF by LibreOffice, headless, with a profile of its own."""
    soffice = require_program("soffice")
    source = tmp_path / f"{stem}.docx"
    source.write_bytes(data)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return tmp_path / f"{stem}.pdf"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXAMPLE_DIRS))
def test_libreoffice_opens_each_example(name: str, tmp_path: Path) -> None:
    pdftotext = require_program("pdftotext")
    pdf = _convert(tmp_path, rendered(EXAMPLE_DIRS[name], "team", "docx"), name)
    text = subprocess.run(
        [pdftotext, str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = re.sub(r"\s+", " ", text)
    for phrase in (
        "DRAFT: not for publication",
        "Key facts",
        "Summary",
        "Evaluations of quality indicators",
        "Appendix 3: evidence index",
        "Page 1 of",
    ):
        assert phrase in flat, phrase
