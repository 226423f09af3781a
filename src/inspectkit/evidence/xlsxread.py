"""Reading .xlsx workbooks (the reader of kind ``xlsx``), with openpyxl in read-only mode.

Which sheet holds the data: the first visible worksheet whose first non-empty row starts with
an id column (``record_id``, ``respondent_id``, or the ``ID`` a survey tool writes); failing
that, the first visible worksheet that holds anything (its header is then checked and reported
like a CSV header). Hidden sheets, empty sheets and the ``Guidance`` and ``Lists`` sheets that
``inspectkit template`` writes are skipped silently; any other sheet with content is ignored
with a note (IK018).

Cells read as a user sees them: whole numbers as ``4`` (never ``4.0``, stored as a number or
as text), dates as ISO ``2026-02-10`` (``2026-02-10 09:30:00`` with a time), TRUE and FALSE
as ``yes`` and ``no``, formulas by their last computed value. Rows before the header and blank
rows (trailing ones included) are skipped. A column with no header and no data (the spill of a
header merged across columns, or formatting left to the right) is left out; one with data but
no header is reported. Every place is a sheet, a row and a column.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from inspectkit.diagnostics import Diagnostic
from inspectkit.errors import ReadFailure
from inspectkit.evidence.readers import Table, TableRow
from inspectkit.framework.models import column_key
from inspectkit.textfile import read_bytes

MAX_ROWS = 100_000
#: Largest total size of a workbook's parts once unpacked: a guard against zip bombs.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
ID_COLUMNS = frozenset({"record_id", "respondent_id", "id"})
#: Sheets the template writes beside the data; skipped without a note.
TEMPLATE_SHEETS = frozenset({"guidance", "lists"})
_WHOLE = re.compile(r"[+-]?\d+\.0+")

Rows = Iterator[tuple[int, tuple[str, ...]]]


def read_xlsx(path: Path, display: str) -> Table:
    """Read the data sheet of a workbook into a header and rows, placed by sheet and cell.

    Raises:
        ReadFailure: the file is too large, not a workbook, or holds no data.
    """
    data = read_bytes(path, display)
    workbook = _open(data, display)
    try:
        return _read(workbook, display)
    finally:
        workbook.close()


def _open(data: bytes, display: str) -> Any:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise ReadFailure(
                Diagnostic(
                    "IK009",
                    f"'{display}' unpacks to {unpacked:,} bytes, more than the limit of "
                    f"{MAX_UNPACKED_BYTES:,}.",
                    display,
                )
            )
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ReadFailure:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise ReadFailure(
            Diagnostic(
                "IK019",
                f"'{display}' cannot be read as an Excel workbook (.xlsx): {type(exc).__name__}.",
                display,
                hint="Open it in Excel or LibreOffice and save it again as 'Excel Workbook "
                "(.xlsx)', or as 'CSV UTF-8'. Older .xls files are not read.",
            )
        ) from None


def _read(workbook: Any, display: str) -> Table:
    found: list[tuple[str, int, tuple[str, ...], Rows]] = []
    for sheet in workbook.worksheets:
        if getattr(sheet, "sheet_state", "visible") != "visible":
            continue
        rows = _rows(sheet)
        first = next(rows, None)
        if first is not None:  # an empty sheet, as Excel adds, is passed over
            found.append((sheet.title, first[0], first[1], rows))
    if not found:
        raise ReadFailure(
            Diagnostic(
                "IK006",
                f"'{display}' is empty: no visible worksheet holds a header row.",
                display,
                hint="The first row of the data sheet names the columns.",
            )
        )
    data = next((f for f in found if column_key(f[2][0]) in ID_COLUMNS), found[0])
    title = data[0]
    table = _table(display, *data)
    notes = tuple(
        table.diagnostic(
            "IK018",
            f"The sheet '{name}' is not read: the data is on the sheet '{title}'.",
            hint="Keep one table per workbook, with the id column first; other sheets are ignored.",
        )
        for name, *_ in found
        if name != title and name.lower() not in TEMPLATE_SHEETS
    )
    return replace(table, notes=notes)


def _rows(sheet: Any) -> Rows:
    """Non-blank rows as (row number, cells as text); read lazily, so a sheet whose first
    row is all that is needed is not read to its end."""
    sheet.reset_dimensions()  # some writers record a wrong used range; read what is there
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells = tuple(text_of(value) for value in values)
        if any(cells):
            yield number, cells


def _table(display: str, title: str, header_row: int, header: tuple[str, ...], rows: Rows) -> Table:
    read: list[tuple[int, tuple[str, ...]]] = []
    for number, cells in rows:
        read.append((number, cells))
        if len(read) > MAX_ROWS:
            raise ReadFailure(
                Diagnostic(
                    "IK009",
                    f"'{display}' has more than {MAX_ROWS:,} rows.",
                    display,
                    number,
                    1,
                    unit="cell",
                    sheet=title,
                )
            )
    used = [i for i, c in enumerate(header) if c]
    for _, cells in read:
        used += [i for i, c in enumerate(cells) if c]
    width = max(used) + 1
    names = tuple(c.lower() for c in (*header, *[""] * width)[:width])
    filled = {i for _, cells in read for i, c in enumerate(cells[:width]) if c}
    empty = frozenset(i for i, name in enumerate(names) if not name and i not in filled)
    table_rows = tuple(TableRow(number, (*cells, *[""] * width)[:width]) for number, cells in read)
    return Table(
        display, names, table_rows, "xlsx", "cell", title, (), header_row, empty_columns=empty
    )


def text_of(value: object) -> str:
    """A cell's value as the text a user sees in it (see the module's notes)."""
    if value is None:
        return ""
    if isinstance(value, str):
        text = value.strip()
        return text.split(".")[0].lstrip("+") if _WHOLE.fullmatch(text) else text
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.time):
        return value.isoformat(timespec="minutes")
    if isinstance(value, (dt.date, dt.timedelta)):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    return str(value).strip()
