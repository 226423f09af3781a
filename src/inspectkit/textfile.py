"""Reading input files safely: regular files only, a size limit, and strict decoding.

Every failure becomes a diagnostic naming the file, never an exception from the standard
library. Paths are never built from file content.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from inspectkit.diagnostics import Diagnostic
from inspectkit.errors import ReadFailure

#: Largest input file read, in bytes. Real evidence files are far smaller.
MAX_FILE_BYTES = 10 * 1024 * 1024

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class TextFile:
    """A decoded input file and the name to show for it."""

    display: str
    text: str


def display_path(path: Path, cwd: str | None = None) -> str:
    """The path as shown to users: relative to the working directory where possible."""
    return _display(os.fspath(path), cwd or os.getcwd())


@lru_cache(maxsize=65536)
def _display(path: str, cwd: str) -> str:
    """:func:`display_path` for one path and working directory (remembered: a folder's files
    are named again by every check that places a problem in them)."""
    try:
        rel = os.path.relpath(path, cwd)
    except ValueError:  # another drive on Windows
        return Path(path).as_posix()
    return Path(rel).as_posix() if not rel.startswith("..") else Path(path).as_posix()


def read_bytes(path: Path, display: str, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """Read a regular file of at most ``max_bytes``.

    Raises:
        ReadFailure: the path is missing, a link loop, not a regular file, or too large.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ReadFailure(
            Diagnostic("IK001", f"'{display}' does not exist (or is a broken link).", display)
        ) from None
    except OSError as exc:
        raise ReadFailure(
            Diagnostic("IK001", f"'{display}' cannot be read: {_reason(exc)}.", display)
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise ReadFailure(
            Diagnostic(
                "IK012",
                f"'{display}' is not a regular file, so it is not read.",
                display,
                hint="Evidence files must be ordinary files, not devices, pipes or folders.",
            )
        )
    if info.st_size > max_bytes:
        raise ReadFailure(
            Diagnostic(
                "IK009",
                f"'{display}' is {info.st_size:,} bytes, more than the limit of "
                f"{max_bytes:,} bytes.",
                display,
                hint="Split the evidence into smaller files.",
            )
        )
    try:
        with path.open("rb") as handle:
            # The size it has, and one byte more to see it grow: asking for the limit
            # itself would allocate the limit, many megabytes, for every small file.
            data = handle.read(min(info.st_size, max_bytes) + 1)
            if len(data) > info.st_size and len(data) <= max_bytes:
                data += handle.read(max_bytes + 1 - len(data))
    except OSError as exc:
        raise ReadFailure(
            Diagnostic("IK001", f"'{display}' cannot be read: {_reason(exc)}.", display)
        ) from None
    if len(data) > max_bytes:  # grew while we looked
        raise ReadFailure(
            Diagnostic(
                "IK009", f"'{display}' is larger than the limit of {max_bytes:,} bytes.", display
            )
        )
    return data


def decode(data: bytes, display: str, *, allow_utf16: bool = False) -> str:
    """Decode UTF-8 (with or without a byte-order mark); UTF-16 with a BOM when allowed.

    Raises:
        ReadFailure: the bytes are binary or not in an accepted encoding.
    """
    if allow_utf16 and data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ReadFailure(
                Diagnostic(
                    "IK002", f"'{display}' starts like UTF-16 but is not valid UTF-16.", display
                )
            ) from None
    if b"\x00" in data[:8192] or data.startswith(b"\x89PNG"):
        raise ReadFailure(
            Diagnostic(
                "IK003",
                f"'{display}' is a binary file, not text.",
                display,
                hint="Evidence files are plain text: YAML, Markdown or CSV.",
            )
        )
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ReadFailure(
            Diagnostic(
                "IK002",
                f"'{display}' is not UTF-8 text: byte 0x{data[exc.start]:02X} at line "
                f"{line}, column {column} cannot be decoded.",
                display,
                line,
                column,
                hint="Save the file as UTF-8 (in Excel: Save As > 'CSV UTF-8'; in a text editor: "
                "choose the UTF-8 encoding). Files saved as Windows-1252 or Latin-1 look like "
                "this.",
            )
        ) from None


def read_text(
    path: Path, display: str, *, allow_utf16: bool = False, max_bytes: int = MAX_FILE_BYTES
) -> TextFile:
    """Read and decode a text file in one step."""
    return TextFile(
        display, decode(read_bytes(path, display, max_bytes), display, allow_utf16=allow_utf16)
    )


def _reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()
