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


def emit(text: str, output: Path | None = None, *, stream: TextIO | None = None) -> None:
    """Write ``text`` to ``output`` (atomically) or to a stream (stdout by default)."""
    if output is not None:
        write_atomic(output, text.encode("utf-8"))
        return
    target = stream or sys.stdout
    target.write(text)
    target.flush()


def error(message: str, hint: str = "") -> None:
    """Print a one-line error (and a hint) to stderr."""
    sys.stderr.write(f"inspectkit: error: {message}\n")
    if hint:
        sys.stderr.write(f"inspectkit: hint: {hint}\n")
