"""The terminal: colour decisions and writing results. The only CLI-side user of rich."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from inspectkit.files import write_atomic
from inspectkit.textsafe import safe


def use_color(stream: TextIO, mode: str = "auto", environ: Mapping[str, str] | None = None) -> bool:
    """Whether to colour ``stream``: ``always``, ``never``, or for ``auto`` on a terminal
    unless NO_COLOR is set, and anywhere when FORCE_COLOR is (https://no-color.org,
    https://force-color.org; NO_COLOR wins when both are set)."""
    env = os.environ if environ is None else environ
    if mode != "auto":
        return mode == "always"
    if env.get("NO_COLOR", "") != "":
        return False
    if env.get("FORCE_COLOR", "") != "":
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def terminal_width(stream: TextIO, environ: Mapping[str, str]) -> int:
    """$COLUMNS when set, else the terminal's width, else 0 when ``stream`` is no terminal."""
    columns = environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    isatty = getattr(stream, "isatty", None)
    if not (isatty and isatty()):
        return 0
    return shutil.get_terminal_size().columns


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


@contextmanager
def progress(total: int, stream: TextIO, *, enabled: bool) -> Iterator[Callable[[Any], None]]:
    """A callback that advances a bar of ``total`` folders; a no-op when not ``enabled``.

    The bar refreshes only when a folder finishes, never from a thread of its own: worker
    processes may be forked while it is shown, and forking beside a running thread is unsafe.
    """
    if not enabled or total <= 0:
        yield lambda _: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(
        TextColumn("grading"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}", markup=False),
        console=Console(file=stream),
        auto_refresh=False,
        transient=True,
    )
    task = bar.add_task("", total=total)
    with bar:
        bar.refresh()

        def advance(done: Any) -> None:
            bar.update(task, advance=1, description=safe(str(getattr(done, "name", ""))))
            bar.refresh()

        yield advance
