"""Plain hints for the YAML syntax errors people make when they write prose by hand.

The parser's words ("mapping values are not allowed in this context") say what it saw, not
what to do. Each rule here looks at the text around the error, recognises one mistake, and
says how to fix it at the place where the mistake is (which is not always where the parser
gave up).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A line that holds a key: indentation, any '- ' list markers, a plain key, then ':'.
_KEY_LINE = re.compile(r"^(?P<lead>[ ]*(?:-[ ]+)*)(?P<key>[A-Za-z0-9_.-]+):(?:[ ]|$)")
_EMPTY_LIST = re.compile(r"^\[\][ ]*(?:#.*)?$")


@dataclass(frozen=True)
class Hint:
    """What to do, and the 1-based line and column of the mistake (0-based input)."""

    text: str
    line: int
    column: int


def syntax_hint(problem: str, text: str, line: int, column: int) -> Hint | None:
    """A hint for the syntax error the parser reported at 0-based ``line``:``column``."""
    lines = text.splitlines()
    return (
        _empty_list_left(lines)
        or _indented_key(lines, line, column)
        or _apostrophe(lines, line, column)
        or _colon_in_text(problem, lines, line, column)
    )


def _empty_list_left(lines: list[str]) -> Hint | None:
    """'[]' (the empty list) kept beside entries, as when an example is uncommented."""
    content = [n for n, ln in enumerate(lines) if ln.strip() and not ln.lstrip().startswith("#")]
    empty = [n for n in content if _EMPTY_LIST.match(lines[n])]
    if not empty or len(content) < 2:
        return None
    return Hint(
        "The '[]' line says the list is empty, but the file now holds entries: "
        "delete the '[]' line.",
        empty[0] + 1,
        1,
    )


def _indented_key(lines: list[str], line: int, column: int) -> Hint | None:
    """A key whose indentation differs from the keys above it."""
    if line >= len(lines):
        return None
    match = _KEY_LINE.match(lines[line])
    if match is None:
        return None
    start, colon = match.start("key"), match.end("key")
    if column not in (start, colon):  # the parser stopped elsewhere on the line
        return None
    above = next(
        (m for ln in reversed(lines[:line]) if (m := _KEY_LINE.match(ln)) is not None),
        None,
    )
    if above is None or above.start("key") == start:
        return None
    return Hint(
        f"This key is indented differently from the keys above it (it starts in column "
        f"{start + 1}, the key above in column {above.start('key') + 1}): line it up with "
        "the other keys of the same entry, indenting with spaces.",
        line + 1,
        start + 1,
    )


def _apostrophe(lines: list[str], line: int, column: int) -> Hint | None:
    """An apostrophe inside single quotes, which ends the text early ('the child's plan')."""
    if line >= len(lines):
        return None
    before = lines[line][:column].rstrip()
    after = lines[line][column:]
    if not before.endswith("'") or not after[:1].isalnum():
        return None
    return Hint(
        "This apostrophe ends the text that the single quote began: double the apostrophe "
        "('') or put the whole text in double quotes (\"...\").",
        line + 1,
        len(before),
    )


def _colon_in_text(problem: str, lines: list[str], line: int, column: int) -> Hint | None:
    """A colon followed by a space inside unquoted text, which YAML reads as a new key."""
    if "mapping values are not allowed" not in problem or line >= len(lines):
        return None
    if lines[line][column : column + 1] != ":":
        return None
    return Hint(
        "A colon followed by a space inside text starts a new key: quote the text "
        '("...") or use >- and write the text on the lines below, indented.',
        line + 1,
        column + 1,
    )
