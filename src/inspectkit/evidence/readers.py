"""Readers of tabular evidence, keyed by file kind: the one place that knows file formats.

In the style of pre-commit's language table: a reader is ``module:function`` taking a path and
the name to show, and returning a :class:`Table` whose rows keep their places (line, or sheet
and row, and the column). Everything above (record reading, surveys, the privacy scan, SARIF)
works on tables and places, never on file name endings. Adding a format is one module and one
line in :data:`READER_BY_KIND`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from inspectkit.diagnostics import Diagnostic, Severity, cell_place

__all__ = ["READER_BY_KIND", "Reader", "Table", "TableRow", "read_table", "reader_for"]


class TableRow(NamedTuple):
    """One data row: its cells (stripped) and where it starts (a line, or a sheet's row).

    A named tuple, not a dataclass: tables hold many thousands of rows, and a tuple is
    made several times faster.
    """

    line: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table of evidence as read: header names, data rows, and where they came from.

    Attributes:
        display: The file as shown to users.
        header: The column names, as written (lower case, BOM and spaces removed).
        rows: The data rows, blank rows left out.
        kind: The reader that read it (a key of :data:`READER_BY_KIND`).
        unit: What a diagnostic's column counts in this table: ``field`` (CSV) or ``cell``.
        sheet: The worksheet the rows come from, for workbooks.
        notes: What the reader noticed and the user should know (a delimiter, an encoding).
        header_line: The line (or row) the header is on.
        empty_columns: Indexes of columns with neither a name nor data (a workbook's merged
            header cells and formatted blank columns): left out without a problem.
        text: The decoded text of a text table (CSV), so that later steps need not read
            the file again; empty for workbooks.
    """

    display: str
    header: tuple[str, ...]
    rows: tuple[TableRow, ...]
    kind: str = "csv"
    unit: str = "field"
    sheet: str = ""
    notes: tuple[Diagnostic, ...] = field(default=())
    header_line: int = 1
    empty_columns: frozenset[int] = field(default=frozenset())
    text: str = field(default="", repr=False)

    def diagnostic(
        self,
        code: str,
        message: str,
        line: int = 0,
        column: int = 0,
        *,
        hint: str = "",
        severity: Severity | None = None,
    ) -> Diagnostic:
        """A diagnostic placed in this table, its column in the table's own unit."""
        return Diagnostic(
            code,
            message,
            self.display,
            line,
            column,
            severity,  # type: ignore[arg-type]  # None: the code's own severity
            hint,
            unit=self.unit,
            sheet=self.sheet,
        )

    def place(self, line: int) -> str:
        """Where a row starts, in words: ``file:7``, or ``file:Sheet1!A7`` in a workbook."""
        if self.sheet:
            return f"{self.display}:{cell_place(self.sheet, line, 1)}"
        return f"{self.display}:{line}"


TableReaderFunction = Callable[[Path, str], Table]


@dataclass(frozen=True)
class Reader:
    """One kind of tabular file.

    Attributes:
        kind: Its name ("csv").
        suffixes: File name endings it reads, lower case.
        function: ``module:function`` taking (path, display) and returning a :class:`Table`;
            it raises :class:`inspectkit.errors.ReadFailure` for a file it cannot read.
    """

    kind: str
    suffixes: tuple[str, ...]
    function: str

    def load(self) -> TableReaderFunction:
        """The reading function (its module is imported on first use)."""
        module, _, name = self.function.partition(":")
        found: TableReaderFunction = getattr(importlib.import_module(module), name)
        return found


READER_BY_KIND: dict[str, Reader] = {
    "csv": Reader("csv", (".csv",), "inspectkit.evidence.csvread:read_csv"),
    "xlsx": Reader("xlsx", (".xlsx",), "inspectkit.evidence.xlsxread:read_xlsx"),
}


def reader_for(path: Path | str) -> Reader | None:
    """The reader of a file, by its name's ending; None when no reader takes it."""
    name = str(path).lower()
    for reader in READER_BY_KIND.values():
        if name.endswith(reader.suffixes):
            return reader
    return None


def table_suffixes() -> tuple[str, ...]:
    """Every file name ending a reader takes."""
    return tuple(s for r in READER_BY_KIND.values() for s in r.suffixes)


def read_table(path: Path, display: str) -> Table:
    """Read a tabular evidence file with the reader its name calls for.

    Raises:
        ReadFailure: no reader takes it, or it cannot be read (with a placed diagnostic).
    """
    from inspectkit.errors import ReadFailure

    reader = reader_for(path)
    if reader is None:
        raise ReadFailure(
            Diagnostic(
                "IK016",
                f"'{display}' is not a kind of table inspectkit reads.",
                display,
                hint=f"Tables are {', '.join(table_suffixes())} files.",
            )
        )
    return reader.load()(path, display)
