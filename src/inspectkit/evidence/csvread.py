"""Reading spreadsheet exports: UTF-8 with or without a BOM, quoted commas and newlines.

Rows keep the line they start on, so every problem can be placed at line and field.
Header names are matched without regard to case, surrounding spaces or a BOM.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

from inspectkit.diagnostics import Diagnostic
from inspectkit.errors import ReadFailure
from inspectkit.evidence.readers import Table, TableRow
from inspectkit.textfile import decode, read_bytes

MAX_ROWS = 100_000

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_RESAVE = (
    "In Excel: File > Save As > 'CSV UTF-8 (Comma delimited)'. In LibreOffice: File > "
    "Save As > 'Text CSV', with UTF-8 and ',' as the field delimiter."
)
# What each delimiter other than a comma says about how the file was saved.
_DELIMITERS = {
    ";": "semicolons (as Excel saves CSV in some European settings)",
    "\t": "tabs (as Excel saves 'Text (Tab delimited)', or as a copy from a spreadsheet)",
}


def read_csv(path: Path, display: str) -> Table:
    """Read a CSV file into a header and rows (the reader of kind ``csv``).

    Every place is a line and a field number.

    Raises:
        ReadFailure: the file is unreadable, binary, not UTF-8, or has no header.
    """
    try:
        return _read_csv(path, display)
    except ReadFailure as exc:
        found = exc.diagnostic
        raise ReadFailure(replace(found, unit="field") if found.column else found) from None


def _read_csv(path: Path, display: str) -> Table:
    data = read_bytes(path, display)
    if data.startswith(_UTF16_BOMS):
        raise ReadFailure(_utf16(data, display))
    try:
        text = decode(data, display)
    except ReadFailure as exc:
        raise ReadFailure(_as_field(exc.diagnostic, data)) from None
    problem = _other_delimiter(text, display)
    if problem is not None:
        raise ReadFailure(problem)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[TableRow] = []
    header: tuple[str, ...] | None = None
    line = 1
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            stripped = tuple(map(str.strip, cells))
            if not any(stripped):
                continue  # blank lines (and rows of empty cells) carry nothing
            if header is None:
                header = tuple(c.lower().lstrip("\ufeff") for c in stripped)
                continue
            rows.append(TableRow(start, stripped))
            if len(rows) > MAX_ROWS:
                raise ReadFailure(
                    Diagnostic(
                        "IK009", f"'{display}' has more than {MAX_ROWS:,} rows.", display, start, 1
                    )
                )
    except csv.Error as exc:
        # ``line`` is where the failing row starts: where an unclosed quote opened.
        raise ReadFailure(
            Diagnostic(
                "IK013",
                f"'{display}' cannot be read as CSV: {exc}.",
                display,
                line,
                1,
                hint='Check for an unclosed quote (").',
            )
        ) from None
    if header is None:
        raise ReadFailure(
            Diagnostic(
                "IK006",
                f"'{display}' is empty: it has no header row.",
                display,
                hint="The first row names the columns.",
            )
        )
    return Table(display, header, tuple(rows), kind="csv", unit="field")


def _as_field(diagnostic: Diagnostic, data: bytes) -> Diagnostic:
    """Turn a character column into the CSV field number, as every CSV place is given."""
    if diagnostic.line < 1 or diagnostic.column < 1:
        return diagnostic
    raw = data.split(b"\n")[diagnostic.line - 1][: diagnostic.column - 1]
    field, quoted = 1, False
    for byte in raw:
        if byte == 0x22:
            quoted = not quoted
        elif byte == 0x2C and not quoted:
            field += 1
    return replace(
        diagnostic,
        message=diagnostic.message.replace(f"column {diagnostic.column}", f"field {field}"),
        column=field,
        unit="field",
    )


def _utf16(data: bytes, display: str) -> Diagnostic:
    """Excel's "Unicode text" is UTF-16 with a BOM and tabs: name it, and say how to re-save."""
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        text = ""
    first = next((line for line in text.splitlines() if line.strip()), "")
    saved_as = (
        'Excel "Unicode text" (UTF-16, separated by tabs)' if "\t" in first else "UTF-16 text"
    )
    return Diagnostic(
        "IK002",
        f"'{display}' was saved as {saved_as}, not as UTF-8 CSV, so it is not read.",
        display,
        hint=_RESAVE,
    )


def _other_delimiter(text: str, display: str) -> Diagnostic | None:
    """A file separated by semicolons or tabs instead of commas, named as such.

    The header decides: if its first comma-separated cell holds another delimiter that
    splits the header into more columns, the file uses that delimiter.
    """
    lines = text.splitlines()
    number, header = next(((n, line) for n, line in enumerate(lines, 1) if line.strip()), (0, ""))
    try:
        by_comma = next(csv.reader([header]), None) or [""]
        split = {d: next(csv.reader([header], delimiter=d), []) for d in _DELIMITERS}
    except csv.Error:  # reported as it is read
        return None
    for delimiter, how in _DELIMITERS.items():
        if delimiter in by_comma[0] and len(split[delimiter]) > len(by_comma):
            return Diagnostic(
                "IK013",
                f"'{display}' is separated by {how}, not by commas, so its columns "
                "cannot be told apart.",
                display,
                number,
                1,
                hint=_RESAVE,
            )
    return None
