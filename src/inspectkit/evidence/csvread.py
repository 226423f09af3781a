"""Reading spreadsheet exports: quoted delimiters and newlines, three delimiters, three encodings.

Comma, semicolon (Excel in some European settings) and tab are read, the delimiter told from
the header; UTF-8 (a BOM allowed), UTF-16 with a BOM (Excel's "Unicode text") and, where the
bytes leave no doubt, Windows-1252. Anything other than comma-separated UTF-8 is read with a
note (IK017) saying how. Rows keep the line they start on, so every problem can be placed at
line and field. Header names are matched without regard to case, surrounding spaces or a BOM.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from pathlib import Path

from inspectkit.diagnostics import Diagnostic
from inspectkit.errors import ReadFailure
from inspectkit.evidence.readers import Table, TableRow
from inspectkit.textfile import decode, read_bytes

MAX_ROWS = 100_000

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
# Windows-1252 bytes that read the same in Latin-1 and Latin-9, or (0x80-0x9F) that are
# punctuation in Windows-1252 and control codes, never text, in the Latin sets.
_PUNCTUATION_1252 = frozenset(
    b"\x80\x82\x84\x85\x86\x87\x89\x8b\x91\x92\x93\x94\x95\x96\x97\x99\x9b"
)
_SAFE_1252 = _PUNCTUATION_1252 | (
    frozenset(range(0xA0, 0x100))
    - frozenset(b"\xa4\xa6\xa8\xb4\xb8\xbc\xbd\xbe\xd0\xd1\xd2\xd3\xd4\xd5")
)
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
    text, notes = decode_table(data, display)
    number, delimiter = _delimiter(text)
    if delimiter != ",":
        notes.append(
            Diagnostic(
                "IK017",
                f"'{display}' is separated by {_DELIMITERS[delimiter]}, not by commas; "
                "it was read as such.",
                display,
                number,
                1,
            )
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
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
    return Table(
        display, header, tuple(rows), kind="csv", unit="field", notes=tuple(notes), text=text
    )


def decode_table(data: bytes, display: str) -> tuple[str, list[Diagnostic]]:
    """The text of a CSV file, and a note when it was not UTF-8.

    UTF-8 (a BOM allowed) is read as it is; UTF-16 with a BOM (Excel's "Unicode text") is
    read with a note; a file that is not UTF-8 is read as Windows-1252, with a note, only
    when :func:`is_certainly_windows_1252` says so, and refused with the re-save steps
    otherwise.

    Raises:
        ReadFailure: the bytes are binary, damaged UTF-16, or in an encoding not told for sure.
    """
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ReadFailure(
                Diagnostic(
                    "IK002",
                    f"'{display}' starts like UTF-16 but is not valid UTF-16.",
                    display,
                    hint=_RESAVE,
                )
            ) from None
        return text, [
            Diagnostic(
                "IK017",
                f"'{display}' was saved as UTF-16 (as Excel saves \"Unicode text\"), not "
                "UTF-8; it was read as such.",
                display,
            )
        ]
    try:
        return decode(data, display), []
    except ReadFailure as exc:
        if exc.diagnostic.code != "IK002" or not is_certainly_windows_1252(data):
            raise ReadFailure(_as_field(exc.diagnostic, data)) from None
    return data.decode("cp1252"), [
        Diagnostic(
            "IK017",
            f"'{display}' is in the Windows-1252 encoding (as Excel saves 'CSV (Comma "
            "delimited)'), not UTF-8; it was read as Windows-1252.",
            display,
            hint=_RESAVE,
        )
    ]


def is_certainly_windows_1252(data: bytes) -> bool:
    """Whether bytes that are not UTF-8 can only mean one text, the Windows-1252 one.

    Yes when: no sequence in them is valid multi-byte UTF-8 (a file of both is damaged,
    not legacy); every byte outside ASCII is one Windows-1252 defines; each in 0x80-0x9F is
    a punctuation mark there (quotes, dashes, the euro sign, not a letter such as Ž); none
    is one of the eight bytes where Latin-9 (ISO-8859-15) gives another character; and none
    is 0xD0-0xD5, Mac Roman's dashes and curly quotes (Ð-Õ in Windows-1252). Latin-1 files
    then read the same. Anything else is refused.
    """
    if _UTF8_SEQUENCE.search(data):
        return False
    high = {byte for byte in data if byte >= 0x80}
    return bool(high) and not high - _SAFE_1252


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


def _delimiter(text: str) -> tuple[int, str]:
    """The header's line and the file's delimiter: a comma, or a semicolon or tab.

    The header decides: if its first comma-separated cell holds another delimiter that
    splits the header into more columns, the file uses that delimiter.
    """
    lines = text.splitlines()
    number, header = next(((n, line) for n, line in enumerate(lines, 1) if line.strip()), (0, ""))
    try:
        by_comma = next(csv.reader([header]), None) or [""]
        split = {d: next(csv.reader([header], delimiter=d), []) for d in _DELIMITERS}
    except csv.Error:  # reported as it is read
        return number, ","
    for delimiter in _DELIMITERS:
        if delimiter in by_comma[0] and len(split[delimiter]) > len(by_comma):
            return number, delimiter
    return number, ","
