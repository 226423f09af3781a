"""Text from evidence made safe to place in a report: cleaned, and escaped for Markdown.

HTML escaping is Jinja's autoescape; Markdown has none, so :func:`md_escape` turns any text
into Markdown that renders as that text and can never open a heading, list, table cell, code
span, link, HTML block or autolink.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# C0 (except tab and newline), DEL, C1, bidi embeddings/overrides/isolates, lone surrogates
# and the non-characters: none of them belongs in a report, and HTML checkers reject several.
_UNSAFE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
_SPACE = re.compile(r"\s+")
# Characters that can open or close Markdown structure anywhere in a line: escapes, code
# spans, emphasis, links, HTML and autolinks, table cells, headings, strikethrough, and an
# ampersand only where it would begin a character reference. Pandoc's Markdown, which turns
# reports into Word documents, adds citations (@), superscripts (^) and maths ($).
_MD_ANYWHERE = re.compile(r"([\\`*_\[\]<>|#~@^$]|&(?=#?\w+;))")
# Structure that only counts at the start of a line: list items, ordered lists, setext
# underlines, thematic breaks, and pandoc's definition lists.
_MD_LINE_START = re.compile(r"^(?:([-+=:])|(\d{1,9})(?=[.)](?:\s|$)))")
# GitHub-flavoured Markdown turns bare addresses into links; an escaped character stops it.
_MD_AUTOLINK = re.compile(
    r"(?i)\b(?:https?|ftp|mailto|javascript|data|file|vbscript)(?=:)|"
    r"\bwww(?=\.)"
)
_BLANK_LINES = re.compile(r"\n{3,}")
_MD_BLOCK = re.compile(r"^(#{1,6} |\||- |\d{1,9}\. |> ?)")
_SLUG = re.compile(r"[^a-z0-9]+")
_NUMBER = re.compile(r"(\d+)")


def clean(text: str) -> str:
    """Text with control and bidirectional-override characters shown as visible escapes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def one_line(text: str) -> str:
    """Every run of whitespace, newlines included, as one space; no space at either end."""
    return _SPACE.sub(" ", text).strip()


def md_escape(text: str) -> str:
    """Text as Markdown that shows exactly that text, on one line, whatever it holds.

    Backslash escapes are CommonMark's own, so pandoc and GitHub read them the same way.
    """
    line = _MD_ANYWHERE.sub(r"\\\1", one_line(text))
    line = _MD_AUTOLINK.sub(_break_autolink, line)
    match = _MD_LINE_START.match(line)
    if match and match.group(1):
        return "\\" + line
    if match:  # "1." stays text, not an ordered list
        return match.group(2) + "\\" + line[match.end() :]
    return line


def _break_autolink(match: re.Match[str]) -> str:
    """'https:' -> 'https\\:', 'www.' -> 'www\\.'."""
    return match.group() + "\\"


def normalise(text: str) -> str:
    """No trailing spaces, no runs of blank lines, one newline at the end."""
    lines = "\n".join(line.rstrip() for line in text.splitlines())
    return _BLANK_LINES.sub("\n\n", lines).strip("\n") + "\n"


def normalise_markdown(text: str) -> str:
    """:func:`normalise`, and a blank line around every heading, table, list and quote.

    Only template text can start a line with these marks (text from evidence is escaped),
    so this fixes a template's spacing without touching what evidence says.
    """
    out: list[str] = []
    previous = ""
    for line in normalise(text).splitlines():
        kind, before = _block(line), _block(previous)
        if out and previous and line and (kind != before or kind == "#"):
            out.append("")
        out.append(line)
        previous = line
    return normalise("\n".join(out))


def _block(line: str) -> str:
    """The kind of Markdown block a line belongs to: '#', '|', '-', '1', '>' or ''."""
    match = _MD_BLOCK.match(line)
    if not match:
        return ""
    mark = match.group(1)[0]
    return "1" if mark.isdigit() else mark


def slug(text: str, fallback: str = "x") -> str:
    """Lower-case ASCII letters, digits and hyphens, for file names and HTML ids."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _SLUG.sub("-", ascii_text.lower()).strip("-") or fallback


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that puts 'FG-2' before 'FG-10'."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.lower())
        for part in _NUMBER.split(text)
        if part
    )


def clean_all(value: Any) -> Any:
    """Every string in nested data, cleaned of control and bidi-override characters."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {k: clean_all(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_all(v) for v in value]
    return value
