"""Plain tables that fit a width: columns wrap between words, never inside one.

Drawn with rich's table layout but returned as plain text (no colour, no borders), so the
grade and overview tables read the same in a terminal, a pipe or a file. With no width the
table takes the width it needs and nothing wraps.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

__all__ = ["fit_table", "hanging"]

_GAP = 2


def fit_table(
    head: Sequence[str], rows: Sequence[Sequence[str]], width: int = 0, *, wrap: Sequence[int] = ()
) -> list[str]:
    """The table's lines, at most ``width`` wide (0: as wide as it needs).

    Args:
        head: Column headings.
        rows: The cells, already made safe.
        width: The width to fit.
        wrap: The columns that may wrap (the others are never broken); by default the
            last column.
    """
    from rich.console import Console
    from rich.table import Table

    wrapping = set(wrap) if wrap else {len(head) - 1}
    columns = list(zip(head, *rows, strict=True))
    natural = sum(max(len(c) for c in col) for col in columns) + _GAP * (len(head) - 1)
    # The narrowest the table can be without breaking a word: a wrapping column as wide as
    # its longest word, the others as their longest cell. Narrower terminals get that.
    least = _GAP * (len(head) - 1) + sum(
        max(len(w) for c in col for w in [*c.split(), ""])
        if i in wrapping
        else max(len(c) for c in col)
        for i, col in enumerate(columns)
    )
    fit = max(least, width) if 0 < width < natural else natural
    # One space each side of a cell, none at the table's edges: columns _GAP apart.
    table = Table(box=None, pad_edge=False, padding=(0, _GAP // 2))
    for index, name in enumerate(head):
        may_wrap = index in wrapping
        longest = max(len(w) for c in columns[index] for w in [*c.split(), ""])
        table.add_column(name, no_wrap=not may_wrap, min_width=longest if may_wrap else None)
    for row in rows:
        table.add_row(*row)
    buffer = io.StringIO()
    console = Console(file=buffer, width=fit, color_system=None, highlight=False, _environ={})
    console.print(table, crop=False)
    return [line.rstrip() for line in buffer.getvalue().splitlines()]


def hanging(text: str, width: int, indent: str, *, first: str = "") -> list[str]:
    """``text`` wrapped at ``width`` between words, later lines indented by ``indent``;
    one line when ``width`` is 0."""
    import textwrap

    if width <= 0:
        return [first + text]
    return textwrap.wrap(
        text,
        width=max(width, len(indent) + 20),
        initial_indent=first,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first]
