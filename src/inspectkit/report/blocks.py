"""The rendered HTML report read back as a list of blocks, for formats that are not HTML.

Word (and anything else that is not a web page) is written from the same template output as
the HTML file, so every view and every user template reaches it with no second template to
keep in step: headings, paragraphs, list items, quotes and tables, with bold and italic runs
and the evidence ids a finding links to. Navigation, the DRAFT banner, charts (each has a
table giving the same figures) and the page footer are left out: a document format has its own
navigation, header and footer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

__all__ = ["Block", "Run", "Table", "parse"]

_SKIP_CLASSES = {"contents", "skip", "phase"}
_SKIP_TAGS = {"style", "svg", "figure", "footer", "nav", "script"}
_HEADINGS = {"h1": 0, "h2": 1, "h3": 2, "h4": 3}
_SPACE = re.compile(r"\s+")


@dataclass
class Run:
    """Text with its emphasis; ``text == "\\n"`` is a line break."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Block:
    """A paragraph-like block: kind is title, subtitle, heading, para, bullet, number or quote.

    ``level`` is a heading's level (1 = a section); ``evidence`` the ids a finding links to.
    """

    kind: str
    runs: list[Run] = field(default_factory=list)
    level: int = 0
    evidence: list[str] = field(default_factory=list)


@dataclass
class Table:
    """A table: ``header`` rows first (repeated on each page), each cell a list of runs."""

    caption: str
    rows: list[list[list[Run]]] = field(default_factory=list)
    header: int = 0


def clean(runs: list[Run]) -> list[Run]:
    """Runs with white space collapsed as a browser would, trimmed at both ends."""
    out: list[Run] = []
    for run in runs:
        text = run.text
        if out and out[-1].text.endswith((" ", "\n")) and text.startswith(" "):
            text = text[1:]
        if text:
            out.append(Run(text, run.bold, run.italic))
    if out:
        out[0].text = out[0].text.lstrip(" ")
        out[-1].text = out[-1].text.rstrip(" ") if out[-1].text != "\n" else "\n"
    return [r for r in out if r.text]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[Block | Table] = []
        self.title = ""
        self.skip: list[str] = []
        self.block: Block | None = None
        self.table: Table | None = None
        self.cell: list[Run] | None = None
        self.lists: list[str] = []
        self.style: list[str] = []
        self.in_title = False
        self.quoting = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        if self.skip:
            if tag == self.skip[0]:
                self.skip.append(tag)
            return
        if tag in _SKIP_TAGS or classes & _SKIP_CLASSES:
            self.skip = [tag]
            return
        if tag == "title":
            self.in_title = True
        elif tag in ("strong", "b", "em", "i", "cite") or "badge" in classes:
            self.style.append("b" if tag in ("strong", "b") or "badge" in classes else "i")
        elif tag == "span":
            self.style.append("")
            if "partnership" in classes and self.block is not None:
                self._flush()
                self.block = Block("subtitle")
        elif tag == "br":
            self._text("\n")
        elif tag == "a" and "ev" in classes and self.block is not None:
            self.block.evidence.append("")
        elif tag in ("table", "dl"):
            self._flush()
            self.table = Table("", header=1 if tag == "table" else 0)
        elif tag == "thead" and self.table is not None:
            self.table.header = 0
        elif tag in ("tr", "dt") and self.table is not None:
            self.table.rows.append([])
            self.cell = None
            if tag == "dt":
                self._cell()
        elif tag in ("th", "td", "dd") and self.table is not None:
            self._cell()
        elif tag == "caption" and self.table is not None:
            self.cell = []
        elif tag in ("ul", "ol"):
            self.lists.append(tag)
        elif self.cell is not None:
            if tag in ("li", "p") and self.cell:
                self.cell.append(Run("; " if tag == "li" else "\n"))
        elif tag in _HEADINGS:
            self._start(Block("title" if tag == "h1" else "heading", level=_HEADINGS[tag]))
        elif tag == "li":
            self._start(Block("number" if self.lists[-1:] == ["ol"] else "bullet"))
        elif tag == "p":
            self._start(Block("quote" if self.quoting else "para"))
        elif tag == "blockquote":
            self._flush()
            self.quoting += 1

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag == self.skip[0]:
                self.skip.pop()
            return
        if tag == "title":
            self.in_title = False
        elif tag in ("strong", "b", "em", "i", "cite", "span") and self.style:
            self.style.pop()
        elif tag == "thead" and self.table is not None:
            self.table.header = len(self.table.rows)
        elif tag == "caption" and self.table is not None and self.cell is not None:
            self.table.caption = "".join(r.text for r in clean(self.cell))
            self.cell = None
        elif tag in ("th", "td", "dt", "dd"):
            self.cell = None
        elif tag in ("table", "dl") and self.table is not None:
            self.out.append(self.table)
            self.table, self.cell = None, None
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag == "blockquote" and self.quoting:
            self.quoting -= 1
        elif tag in (*_HEADINGS, "p", "li") and self.cell is None:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.in_title:
            self.title += data
            return
        if self.block is None and self.cell is None and data.strip() and self.table is None:
            self._start(Block("para"))
        self._text(_SPACE.sub(" ", data))

    def _text(self, text: str) -> None:
        run = Run(text, "b" in self.style, "i" in self.style)
        if self.cell is not None:
            self.cell.append(run)
        elif self.block is not None:
            self.block.runs.append(run)
            if self.block.evidence and self.block.evidence[-1] == "":
                self.block.evidence[-1] = text.strip()

    def _cell(self) -> None:
        assert self.table is not None
        self.cell = []
        self.table.rows[-1].append(self.cell)

    def _start(self, block: Block) -> None:
        self._flush()
        self.block = block

    def _flush(self) -> None:
        if self.block is not None:
            self.block.runs = clean(self.block.runs)
            if self.block.runs:
                self.out.append(self.block)
        self.block = None


def parse(html: str) -> tuple[str, list[Block | Table]]:
    """The document title and the blocks of a rendered HTML report, in order."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    reader._flush()
    for item in reader.out:
        if isinstance(item, Table):
            item.rows = [[clean(c) for c in row] for row in item.rows if row]
    return _SPACE.sub(" ", reader.title).strip(), reader.out
