"""Where a character of a parsed YAML string was written in the source text.

The parser gives the place where a scalar starts. A character further in may be lines
below it: in a folded (``>-``) or literal (``|``) block, in a quoted string that goes on over
several lines, or in a plain one. To place it, the scalar's source is cut into pieces (one
per source line, after the line's indentation, quotes, escapes and comments are dealt with,
each character with its own line and column) and the pieces are laid along the parsed value.
The folding YAML does between lines only ever adds spaces and line breaks, so the pieces
and the value line up exactly wherever the source is well-formed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

Char = tuple[str, int, int]  # a character of the value, with its 0-based line and column
_BREAKS = re.compile(r"\r\n|\r|\n|\x85|\u2028|\u2029")
_COMMENT = re.compile(r"\s#")
_ESCAPES = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_HEX_LENGTH = {"x": 2, "u": 4, "U": 8}


def source_lines(text: str) -> list[str]:
    """The lines of a YAML source, split where YAML breaks lines."""
    return _BREAKS.split(text)


def value_places(lines: list[str], line: int, column: int, value: str) -> list[tuple[int, int]]:
    """The 0-based (line, column) in ``lines`` of each character of ``value``.

    Args:
        lines: The source, from :func:`source_lines`.
        line: The 0-based line where the scalar starts (its quote, block indicator, anchor
            or first character).
        column: Its 0-based column.
        value: The parsed string.

    Characters that could not be lined up (a source the parser read in a way not foreseen
    here) take the place of the last one that was, so a place is never past the scalar.
    """
    places: list[tuple[int, int] | None] = [None] * len(value)
    pos, last = 0, (line, column)
    for piece in _pieces(lines, line, column):
        if pos >= len(value):
            break
        if not piece:
            continue
        while pos < len(value) and value[pos] in " \n" and value[pos] != piece[0][0]:
            places[pos] = last  # a line break folded into a space or kept
            pos += 1
        k = 0
        while k < len(piece) and pos < len(value) and value[pos] == piece[k][0]:
            places[pos] = last = (piece[k][1], piece[k][2])
            pos += 1
            k += 1
        if k < len(piece) and pos < len(value):
            break
    out: list[tuple[int, int]] = []
    for place in places:
        last = place if place is not None else last
        out.append(last)
    return out


def _pieces(lines: list[str], line: int, column: int) -> Iterator[list[Char]]:
    if line >= len(lines):
        return
    text = lines[line]
    while column < len(text) and text[column] in "&!":  # an anchor or a tag before the value
        while column < len(text) and not text[column].isspace():
            column += 1
        while column < len(text) and text[column] in " \t":
            column += 1
        if column >= len(text) and line + 1 < len(lines):
            line, column, text = line + 1, 0, lines[line + 1]
            column = len(text) - len(text.lstrip(" \t"))
    first = text[column : column + 1]
    if first in ("|", ">"):
        yield from _block(lines, line)
    elif first == "'":
        yield from _quoted(lines, line, column + 1, double=False)
    elif first == '"':
        yield from _quoted(lines, line, column + 1, double=True)
    else:
        yield from _plain(lines, line, column)


def _chars(text: str, line: int, start: int) -> list[Char]:
    return [(c, line, start + i) for i, c in enumerate(text)]


def _plain(lines: list[str], line: int, column: int) -> Iterator[list[Char]]:
    for number in range(line, len(lines)):
        text = lines[number]
        start = column if number == line else len(text) - len(text.lstrip(" \t"))
        body = text[start:]
        if number > line and body.startswith("#"):
            return
        cut = _COMMENT.search(body)
        body = (body[: cut.start()] if cut else body).rstrip(" \t")
        yield _chars(body, number, start)


def _quoted(lines: list[str], line: int, column: int, *, double: bool) -> Iterator[list[Char]]:
    quote = '"' if double else "'"
    for number in range(line, len(lines)):
        text = lines[number]
        i = column if number == line else len(text) - len(text.lstrip(" \t"))
        piece: list[Char] = []
        joined = False  # the line ends in an escaped line break: no folding space
        while i < len(text):
            c = text[i]
            if c == quote and not double and text[i + 1 : i + 2] == "'":
                piece.append(("'", number, i))
                i += 2
            elif c == quote:
                yield piece
                return
            elif c == "\\" and double:
                nxt = text[i + 1 : i + 2]
                if not nxt:
                    joined = True
                    break
                if nxt in _HEX_LENGTH:
                    size = _HEX_LENGTH[nxt]
                    try:
                        piece.append((chr(int(text[i + 2 : i + 2 + size], 16)), number, i))
                    except ValueError:
                        return
                    i += 2 + size
                else:
                    piece.append((_ESCAPES.get(nxt, nxt), number, i))
                    i += 2
            else:
                piece.append((c, number, i))
                i += 1
        if not joined:
            while piece and piece[-1][0] in " \t" and text[piece[-1][2]] != "\\":
                piece.pop()  # spaces before a line break fold away; escaped ones stay
        yield piece


def _block(lines: list[str], line: int) -> Iterator[list[Char]]:
    indent = None
    for number in range(line + 1, len(lines)):
        text = lines[number]
        if not text.strip():
            yield []
            continue
        own = len(text) - len(text.lstrip(" "))
        if indent is None:
            indent = own
        elif own < indent:
            return
        yield _chars(text[indent:], number, indent)
