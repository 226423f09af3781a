"""The text format of diagnostics: grouped by file, wrapped to a width with hanging indents.

Every message, hint and path passes through :func:`safe`. Lines break only between words, so a
code, a path or an id is never split; with no width given nothing is wrapped (pipes and files
keep one finding per line, as ``grep`` expects).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from inspectkit.diagnostics import Diagnostic, Severity, count
from inspectkit.output.table import hanging
from inspectkit.textsafe import safe

if TYPE_CHECKING:
    from inspectkit.output.diagnostics import DiagnosticsView

__all__ = ["summary", "text"]

_COLOR = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.NOTE: "blue"}
_PLACE_WIDTH = 8
_SEVERITY_WIDTH = max(len(s.value) for s in Severity)
_INDENT = " " * (2 + _PLACE_WIDTH + 2 + _SEVERITY_WIDTH + 2)
_NO_FILE = "(no file)"
Line = list[tuple[str, str]]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _place(d: Diagnostic) -> str:
    """:attr:`Diagnostic.place`, made safe (a sheet's name comes from the workbook)."""
    return safe(d.place)


def _finding(d: Diagnostic, width: int) -> list[Line]:
    head = f"  {_place(d):<{_PLACE_WIDTH}}  "
    severity = f"{d.severity.value:<{_SEVERITY_WIDTH}}"
    # The severity is coloured on its own, so the message is cut after its padding.
    prefix = head + severity
    wrapped = hanging(f"{safe(d.message)}  ({d.code})", width, _INDENT, first=prefix + "  ")
    first = wrapped[0][len(prefix) + 2 :]
    lines: list[Line] = [[(head, ""), (severity, _COLOR[d.severity]), ("  " + first, "")]]
    lines += [[(line, "")] for line in wrapped[1:]]
    if d.hint:
        hint = hanging(safe(d.hint), width, _INDENT + "      ", first=f"{_INDENT}hint: ")
        lines += [[(line, "dim")] for line in hint]
    return lines


def text(view: DiagnosticsView) -> str:
    """The whole text output of ``view``."""
    shown = [d for d in view.diagnostics if not (view.quiet and d.severity is Severity.NOTE)]
    lines: list[Line] = []
    current: str | None = None
    for d in shown:
        if d.file != current:
            if current is not None:
                lines.append([])
            current = d.file
            lines.append([(safe(d.file) or _NO_FILE, "bold")])
        lines += _finding(d, view.width)
    if not (view.quiet and not shown):
        if lines:
            lines.append([])
        lines.append([(summary(view.diagnostics, len(view.checked), len(view.silenced)), "")])
    if not view.color:
        return "".join("".join(t for t, _ in line).rstrip() + "\n" for line in lines)
    return _rich(lines)


def summary(diagnostics: Sequence[Diagnostic], n_files: int, silenced: int = 0) -> str:
    """'1 error, 0 warnings, 2 notes in 7 files (3 silenced)'."""
    in_files = f"in {_plural(n_files, 'file')}"
    quieted = f" ({silenced} silenced)" if silenced else ""
    if not diagnostics:
        return f"No problems found {in_files}{quieted}."
    totals = count(diagnostics)
    return (
        f"{_plural(totals[Severity.ERROR], 'error')}, "
        f"{_plural(totals[Severity.WARNING], 'warning')}, "
        f"{_plural(totals[Severity.NOTE], 'note')} {in_files}{quieted}"
    )


def _rich(lines: list[Line]) -> str:
    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    # An empty environment: NO_COLOR, TERM or COLUMNS must not change what the library returns.
    console = Console(
        file=buffer,
        force_terminal=True,
        color_system="standard",
        width=10_000,
        no_color=False,
        highlight=False,
        _environ={},
    )
    for line in lines:
        out = Text()
        for piece, style in line:
            out.append(piece, style=style or None)
        out.rstrip()
        console.print(out, soft_wrap=True)
    return buffer.getvalue()
