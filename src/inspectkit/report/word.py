"""The report as a Word document (.docx), written with python-docx from the HTML report.

The HTML template is rendered for the view and read back as blocks
(:mod:`inspectkit.report.blocks`), so Word shows what the HTML shows for every view and every
user template. The document is built for people who edit and check it in Word: real heading
styles (the navigation pane shows the structure), tables whose header row repeats on each
page, the title, subject and language (en-GB) in the core properties, page numbers in the
footer and, except in the publication view, DRAFT in the header. Charts are left out: each
has a table giving the same figures. Where the view shows evidence ids, every finding carries
a Word comment naming its evidence and where it was recorded.

The same inputs give the same bytes: the core properties carry the report date (or a fixed
epoch), comments are numbered in order and dated likewise, and the package is rewritten with
fixed zip entry dates in python-docx's own order.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from inspectkit.report.blocks import Block, Run, Table, parse
from inspectkit.report.render import ReportView, render

__all__ = ["EPOCH", "write_docx"]

EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
STYLES = {"title": "Title", "subtitle": "Subtitle", "bullet": "List Bullet"}
STYLES.update(number="List Number", quote="Quote", para="Normal")


def write_docx(view: ReportView) -> bytes:
    """The report as the bytes of a .docx file."""
    html = render(view.context, "html", view.template, view.templates_dirs)
    title, blocks = parse(html)
    doc = Document()
    when = stamp(view.context)
    _setup(doc, view.context, title, when)
    comments = _comment_texts(view.context)
    author = "inspectkit" if view.context["view"]["internals"] else "Inspection team"
    for block in blocks:
        if isinstance(block, Table):
            _table(doc, block)
            continue
        paragraph = _paragraph(doc, block)
        notes = [comments[i] for i in block.evidence if i in comments]
        if notes and paragraph.runs:
            comment = doc.add_comment(paragraph.runs, "\n".join(notes), author, author[:2].upper())
            # python-docx dates a comment with the clock; the report's date keeps bytes stable.
            comment._comment_elm.date = when
    buffer = io.BytesIO()
    doc.save(buffer)
    return fixed_zip(buffer.getvalue())


def stamp(context: dict[str, Any]) -> dt.datetime:
    """The report date at midnight UTC, or :data:`EPOCH` when the report has no date."""
    date = context.get("date")
    if not date:
        return EPOCH
    return dt.datetime(date["year"], date["month"], date["day"], tzinfo=dt.timezone.utc)


def fixed_zip(data: bytes) -> bytes:
    """The same package with every entry dated :data:`ZIP_DATE`, in the same order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def _setup(doc: DocxDocument, context: dict[str, Any], title: str, when: dt.datetime) -> None:
    view, fw = context["view"], context["framework"]
    props = doc.core_properties
    props.title = title
    props.subject = f"{fw['title']}: {context['inspection']['partnership']}"
    props.language = context["lang"]
    props.author = fw["publisher"]
    props.last_modified_by = fw["publisher"]
    props.comments = ""
    props.keywords = "DRAFT" if view["draft"] else ""
    props.created = props.modified = props.last_printed = when.replace(tzinfo=None)
    props.revision = 1
    normal = doc.styles["Normal"]
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    _language(doc, context["lang"])
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(20)
    if view["draft"]:
        marking = section.header.paragraphs[0]
        marking.add_run("DRAFT: not for publication").bold = True
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")


def _language(doc: DocxDocument, lang: str) -> None:
    """Set the language of every run by default (spelling, hyphenation, screen readers)."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    assert defaults is not None
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    element = OxmlElement("w:lang")
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        element.set(qn(attribute), lang)
    rpr.append(element)


def _field(paragraph: Paragraph, code: str) -> None:
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), f" {code} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def _paragraph(doc: DocxDocument, block: Block) -> Paragraph:
    paragraph: Paragraph
    if block.kind == "heading":
        paragraph = doc.add_heading("", level=min(block.level, 9))
    else:
        paragraph = doc.add_paragraph(style=STYLES.get(block.kind, "Normal"))
    _runs(paragraph, block.runs)
    return paragraph


def _runs(paragraph: Paragraph, runs: list[Run]) -> None:
    for item in runs:
        if item.text == "\n":
            if paragraph.runs:
                paragraph.runs[-1].add_break()
            continue
        run = paragraph.add_run(item.text)
        run.bold = item.bold or None
        run.italic = item.italic or None


def _table(doc: DocxDocument, block: Table) -> None:
    if not block.rows:
        return
    if block.caption:
        doc.add_paragraph(block.caption, style="Caption").paragraph_format.keep_with_next = True
    width = max(len(row) for row in block.rows)
    table = doc.add_table(rows=len(block.rows), cols=width)
    table.style = doc.styles["Table Grid"]
    _describe(table._tbl, block.caption)
    for r, row in enumerate(block.rows):
        cells = table.rows[r].cells
        for c, content in enumerate(row):
            paragraph = cells[c].paragraphs[0]
            header = r < block.header or (block.header == 0 and c == 0)
            _runs(paragraph, [Run(x.text, x.bold or header, x.italic) for x in content])
        if r < block.header:
            props = table.rows[r]._tr.get_or_add_trPr()
            props.append(OxmlElement("w:tblHeader"))


def _describe(tbl: Any, caption: str) -> None:
    """The table's caption as its accessible title (Word's table alt text)."""
    if not caption:
        return
    props = tbl.tblPr
    element = OxmlElement("w:tblCaption")
    element.set(qn("w:val"), caption)
    props.append(element)


def _comment_texts(context: dict[str, Any]) -> dict[str, str]:
    """What the comment on a finding says: its evidence id, source, date and place."""
    out = {}
    for item in context["evidence_index"]:
        where = item["file"] + (f", line {item['line']}" if item["line"] else "")
        when = f", {item['date']}" if item["date"] else ""
        out[item["id"]] = f"Evidence {item['id']}: {item['source']}{when}; {where}"
    return out
