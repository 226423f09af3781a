"""Problems as data: every check returns diagnostics; the CLI decides the exit code once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from inspectkit.codes import CODES


class Severity(str, Enum):
    """How serious a diagnostic is. ``error`` fails a run; ``warning`` fails it under --strict."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for notes (for sorting)."""
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTE: 2}


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in an input, with its place.

    Attributes:
        code: Stable code such as ``IK104``; its short name is ``name``.
        message: A plain sentence.
        file: Path of the file as the user named it (POSIX separators), or "" for none.
        line: 1-based line, or 0 when the problem concerns the whole file.
        column: 1-based column, or 0; counted in ``unit``.
        severity: Defaults to the code's own severity.
        hint: What to do about it, where that helps.
        unit: What ``column`` counts: ``character`` in text files, ``field`` in CSV,
            ``cell`` in a worksheet. Machine formats that place by character (SARIF) give
            no column in other units.
        sheet: The worksheet, for a place in a workbook (``unit`` is then ``cell``, ``line``
            the row and ``column`` the column number); "" elsewhere.
    """

    code: str
    message: str
    file: str = ""
    line: int = 0
    column: int = 0
    severity: Severity = field(default=None)  # type: ignore[assignment]
    hint: str = ""
    unit: str = "character"
    sheet: str = ""

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown diagnostic code {self.code}")
        if self.severity is None:
            object.__setattr__(self, "severity", CODES[self.code].severity)

    @property
    def name(self) -> str:
        """The code's short name, e.g. ``unknown-indicator``."""
        return CODES[self.code].name

    def sort_key(self) -> tuple[str, int, int, int, str, str]:
        """Order by file, line, column, then severity, code and message."""
        return (self.file, self.line, self.column, self.severity.rank, self.code, self.message)

    def with_severity(self, severity: Severity) -> Diagnostic:
        """A copy with another severity (e.g. personal data under --strict)."""
        return Diagnostic(
            self.code,
            self.message,
            self.file,
            self.line,
            self.column,
            severity,
            self.hint,
            self.unit,
            self.sheet,
        )

    @property
    def cell(self) -> str:
        """The place in a workbook as a spreadsheet writes it (``Sheet1!D7``), else ""."""
        return cell_place(self.sheet, self.line, self.column) if self.sheet else ""

    @property
    def place(self) -> str:
        """``line:col``, ``line``, a workbook's ``Sheet1!D7``, or "" for the whole file
        (not yet made safe for a terminal)."""
        if self.sheet:
            return self.cell
        if self.line <= 0:
            return ""
        return f"{self.line}:{self.column}" if self.column > 0 else str(self.line)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping with stable keys (``sheet`` and ``cell`` for workbooks only)."""
        data: dict[str, object] = {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "hint": self.hint,
        }
        if self.sheet:
            data["sheet"] = self.sheet
            data["cell"] = self.cell
        return data


def cell_place(sheet: str, row: int, column: int) -> str:
    """``Sheet1!D7`` (a quoted name where a spreadsheet quotes it), ``Sheet1!7:7`` for a
    whole row, or the sheet's name alone for the whole sheet."""
    name = sheet
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", name):
        name = "'" + name.replace("'", "''") + "'"
    if row <= 0:
        return name
    if column <= 0:
        return f"{name}!{row}:{row}"
    return f"{name}!{column_letters(column)}{row}"


def column_letters(number: int) -> str:
    """A spreadsheet's column name for a 1-based column number (1 is A, 27 is AA)."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Sort by file and place, dropping exact duplicates."""
    return sorted(set(diagnostics), key=Diagnostic.sort_key)


def count(diagnostics: Iterable[Diagnostic]) -> dict[Severity, int]:
    """How many diagnostics of each severity."""
    totals = dict.fromkeys(Severity, 0)
    for diagnostic in diagnostics:
        totals[diagnostic.severity] += 1
    return totals


def has_errors(diagnostics: Iterable[Diagnostic], *, strict: bool = False) -> bool:
    """True if any error (or, when strict, any warning) is present."""
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return any(d.severity in failing for d in diagnostics)
