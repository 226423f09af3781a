"""A progress bar on standard error, for the command line only (this module touches rich).

The bar refreshes only when a folder finishes, never from a thread of its own: worker
processes may be forked while it is shown, and forking beside a running thread is unsafe.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from inspectkit.overview.assess import Outcome
from inspectkit.textsafe import safe


@contextmanager
def progress(total: int, stream: TextIO, *, enabled: bool) -> Iterator[Callable[[Outcome], None]]:
    """A callback that advances a bar of ``total`` folders; a no-op when not ``enabled``."""
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

        def advance(outcome: Outcome) -> None:
            bar.update(task, advance=1, description=safe(outcome.name))
            bar.refresh()

        yield advance
