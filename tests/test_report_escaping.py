"""Evidence text stays text: escaped in HTML, escaped in Markdown, whatever it holds."""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from inspectkit.report.text import normalise_markdown
from inspectkit.textsafe import clean, md_escape, one_line
from tests.checkers_support import require_program
from tests.test_report import FW, HOSTILE, hostile_folder, run

MD = MarkdownIt("commonmark").enable("table")
# Markdown punctuation weighted heavily, plus letters, digits, spaces and newlines.
TEXT = st.text(
    alphabet=st.sampled_from(list("\\`*_[]<>|#&~!-+=.:;()/@'\"{}$%^ \n\tab1Zé0x")), max_size=40
)


def inline_text(tokens: list[Token]) -> str:
    """The text of the first inline token, refusing any structure inside it."""
    inline = next(t for t in tokens if t.type == "inline")
    kinds = {c.type for c in inline.children or []}
    assert kinds <= {"text"}, kinds
    return "".join(c.content for c in inline.children or [])


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a | b", "a \\| b"),
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("1. item", "1\\. item"),
        ("2) item", "2\\) item"),
        ("2.1 Impact", "2.1 Impact"),
        ("=====", "\\====="),
        ("<script>", "\\<script\\>"),
        ("`code`", "\\`code\\`"),
        ("[a](javascript:x)", "\\[a\\](javascript\\:x)"),
        ("see https://x.example and www.x.example", "see https\\://x.example and www\\.x.example"),
        ("a@b.example", "a\\@b.example"),
        ("@citation (@) ^sup^ $x$", "\\@citation (\\@) \\^sup\\^ \\$x\\$"),
        (": a definition", "\\: a definition"),
        ("&amp; & fish", "\\&amp; & fish"),
        ("line\n\n# two", "line \\# two"),
        ("back\\slash", "back\\\\slash"),
        ("*em* _em_ ~~s~~", "\\*em\\* \\_em\\_ \\~\\~s\\~\\~"),
    ],
)
def test_md_escape(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_escaped_text_is_one_paragraph_of_the_same_text(text: str) -> None:
    expected = one_line(text)
    if not expected:
        return
    tokens = MD.parse(md_escape(text))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert inline_text(tokens) == expected


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_escaped_text_stays_inside_a_list_item_and_a_table_cell(text: str) -> None:
    expected = one_line(text)
    if not expected:
        return
    item = MD.parse(f"Before.\n\n- {md_escape(text)}\n")
    assert [t.type for t in item][3:6] == ["bullet_list_open", "list_item_open", "paragraph_open"]
    assert inline_text(item[5:]) == expected
    table = MD.parse(f"| head | other |\n| --- | --- |\n| {md_escape(text)} | x |\n")
    cells = [t for t in table if t.type == "td_open"]
    assert len(cells) == 2
    body = table[[t.type for t in table].index("td_open") + 1]
    assert "".join(c.content for c in body.children or []) == expected


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_escaped_text_after_a_paragraph_line_is_no_heading(text: str) -> None:
    if not one_line(text):
        return
    types = [t.type for t in MD.parse(f"A paragraph\n{md_escape(text)}\n")]
    assert types == ["paragraph_open", "inline", "paragraph_close"]


def test_clean_shows_controls_and_bidi_overrides() -> None:
    assert clean("a\u202eb\u0007c\r\nd\te") == "a\\u202eb\\u0007c\nd\te"


def test_normalise_markdown_spaces_blocks() -> None:
    text = "# T\npara\n| a |\n| --- |\n- x\n- y\ntext  \n\n\n\n## U\n"
    assert normalise_markdown(text) == (
        "# T\n\npara\n\n| a |\n| --- |\n\n- x\n- y\n\ntext\n\n## U\n"
    )


def table_rows(tokens: list[Token]) -> list[list[str]]:
    """Every table row as the text of its cells."""
    rows: list[list[str]] = []
    for i, token in enumerate(tokens):
        if token.type == "tr_open":
            rows.append([])
        elif token.type in ("td_open", "th_open"):
            rows[-1].append(inline_text(tokens[i + 1 : i + 2]))
    return rows


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture(scope="module")
def hostile_reports(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    tmp = tmp_path_factory.mktemp("hostile")
    code, _, err = run(
        str(hostile_folder(tmp)), *FW, "-o", str(tmp / "out"), "--date", "2026-04-01"
    )
    assert code == 0, err
    return (
        (tmp / "out" / "hostile.html").read_text("utf-8"),
        (tmp / "out" / "hostile.md").read_text("utf-8"),
    )


def test_hostile_text_is_only_text_in_html(hostile_reports: tuple[str, str]) -> None:
    html = hostile_reports[0]
    assert "<script" not in html.lower()
    parser = _Tags()
    parser.feed(html)
    names = [tag for tag, _ in parser.tags]
    assert "script" not in names and "img" not in names and "iframe" not in names
    assert names.count("style") == 1
    for tag, attrs in parser.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            if name == "href":
                assert value is not None and value.startswith("#"), value
    text = "".join(parser.text)
    for hostile in HOSTILE[:6]:
        assert hostile in text
    assert "\u202e" not in html and "\\u202eoverride\\u0007bell" in text


def test_hostile_text_keeps_the_markdown_structure(hostile_reports: tuple[str, str]) -> None:
    md = hostile_reports[1]
    tokens = MD.parse(md)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    assert not kinds & {
        "html_block",
        "html_inline",
        "link_open",
        "image",
        "code_inline",
        "fence",
        "code_block",
        "hr",
        "ordered_list_open_nested",
    }
    headings = [
        inline_text(tokens[i + 1 : i + 2]) for i, t in enumerate(tokens) if t.type == "heading_open"
    ]
    assert headings[0] == f"{HOSTILE[1]}: {HOSTILE[0]}"
    assert not [h for h in headings if "heading" in h or "line two" in h]
    rows = table_rows(tokens)
    evaluation = next(r for r in rows if r[0] == "2.1 Impact on children")
    assert len(evaluation) == 4  # whatever the rationale held, the row keeps its cells
    assert HOSTILE[2] in evaluation[2] and HOSTILE[0] in evaluation[2]
    team = next(r for r in rows if r[0] == "Team")
    assert len(team) == 2 and team[1].startswith(f"{HOSTILE[0]} ({HOSTILE[0]})")
    assert "\u202e" not in md


def _pandoc_kinds(markdown: str) -> Counter[str]:
    ast = json.loads(
        subprocess.run(
            ["pandoc", "-f", "markdown", "-t", "json"],
            input=markdown,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    kinds: Counter[str] = Counter()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "t" in node:
                kinds[node["t"]] += 1
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(ast["blocks"])
    return kinds


def test_pandoc_reads_the_same_structure(hostile_reports: tuple[str, str]) -> None:
    """Headings and tables survive pandoc's Markdown (the road to Word); no citation, link,
    raw HTML, code, maths or footnote comes out of the evidence."""
    require_program("pandoc")
    md = hostile_reports[1]
    tokens = MD.parse(md)
    kinds = _pandoc_kinds(md)
    assert kinds["Header"] == sum(1 for t in tokens if t.type == "heading_open")
    assert kinds["Table"] == sum(1 for t in tokens if t.type == "table_open")
    for kind in (
        "Cite",
        "Link",
        "RawInline",
        "RawBlock",
        "Code",
        "CodeBlock",
        "Math",
        "Note",
        "Superscript",
        "Subscript",
        "Strikeout",
        "DefinitionList",
        "LineBlock",
        "HorizontalRule",
    ):
        assert kinds[kind] == 0, kind
