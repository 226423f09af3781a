"""Text safety, the base every view builds on: cleaning, escaping, slugs, sort keys, formulas.

Evidence folders are untrusted. Everything a view shows of them passes through here:

- :func:`safe` for one-line terminal and machine output (diagnostics, CSV cells, logs):
  control characters, line separators and bidirectional overrides become visible escapes.
- :func:`clean` and :func:`clean_all` for report text, which keeps its newlines and tabs.
- :func:`md_escape` for Markdown, which has no autoescape (HTML's is Jinja's).
- :func:`neutralise` for spreadsheet cells, which must never run as formulas.
- :func:`slug` and :func:`natural_key` for file names, HTML ids and human sort order.

This module imports nothing of inspectkit's: every layer may import it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

__all__ = [
    "clean",
    "clean_all",
    "md_escape",
    "natural_key",
    "neutralise",
    "one_line",
    "safe",
    "slug",
]

# C0, DEL, C1, line/paragraph separators, bidi embeddings/overrides/isolates, lone surrogates
# (unencodable) and the two non-characters XML forbids.
_UNSAFE_LINE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)

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
_SLUG = re.compile(r"[^a-z0-9]+")
_NUMBER = re.compile(r"(\d+)")


def clean(text: str) -> str:
    """Text with control and bidirectional-override characters shown as visible escapes."""
    if text.isprintable():  # every character above is unprintable, '\r' too: most text
        return text
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


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe(text: str) -> str:
    r"""One line of untrusted text with control characters and bidi controls shown as visible
    escapes (``\x1b``, ``\u202e``), for terminals, logs and machine formats."""
    return _UNSAFE_LINE.sub(_escape_char, text)


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def neutralise(cell: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(_FORMULA_START) else text
