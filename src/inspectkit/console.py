"""The terminal: colour decisions and writing results. The only CLI-side user of rich."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

from inspectkit.files import write_atomic


def use_color(stream: TextIO, *, no_color: bool = False) -> bool:
    """Colour only on a terminal, and never with --no-color or NO_COLOR set."""
    if no_color or os.environ.get("NO_COLOR", "") != "":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def in_github_actions() -> bool:
    """True when running as a GitHub Actions step."""
    return os.environ.get("GITHUB_ACTIONS") == "true"


def emit(
    data: bytes,
    output: Path | None = None,
    *,
    stream: TextIO | None = None,
    binary: bool = False,
) -> None:
    """Write ``data`` to ``output`` (atomically) or to a stream (stdout by default).

    Text formats are UTF-8 and go to the stream as text; binary data goes to its buffer.
    """
    if output is not None:
        write_atomic(output, data)
        return
    target = stream or sys.stdout
    if binary:
        target.flush()
        target.buffer.write(data)
        target.buffer.flush()
        return
    target.write(data.decode("utf-8"))
    target.flush()


def error(message: str, hint: str = "") -> None:
    """Print a one-line error (and a hint) to stderr."""
    sys.stderr.write(f"inspectkit: error: {message}\n")
    if hint:
        sys.stderr.write(f"inspectkit: hint: {hint}\n")
