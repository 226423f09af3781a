"""Report layout text: no trailing spaces, no runs of blank lines, blocks spaced in Markdown.

Escaping and cleaning of evidence text live in :mod:`inspectkit.textsafe`.
"""

from __future__ import annotations

import re

_BLANK_LINES = re.compile(r"\n{3,}")
_MD_BLOCK = re.compile(r"^(#{1,6} |\||- |\d{1,9}\. |> ?)")


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
