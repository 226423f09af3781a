"""Run one function over many inputs in worker processes, results in the inputs' order.

Used by ``validate`` and ``overview`` over many evidence folders. Arguments and results must
be picklable plain data; with one job (or one input) everything runs in this process.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from typing import TypeVar

__all__ = ["gc_paused", "map_in_processes"]

A = TypeVar("A")
R = TypeVar("R")


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector while one folder is loaded and checked.

    Loading builds hundreds of thousands of small objects that live until the folder has
    been checked, and the collector would walk them again and again (about a seventh of
    the time of ``validate``). Nearly all of them are freed by reference counting; the few
    cycles are collected once the collector runs again. Nesting is allowed: only the
    outermost pause restores the collector, and only if it was running.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def map_in_processes(
    function: Callable[[A], R],
    inputs: Sequence[A],
    *,
    jobs: int = 1,
    on_done: Callable[[R], None] | None = None,
) -> list[R]:
    """``[function(x) for x in inputs]``, ``jobs`` at a time.

    Args:
        function: A module-level function (it is pickled by name).
        inputs: Its arguments, one per call.
        jobs: Worker processes; 1 runs every call here.
        on_done: Called in this process as each call finishes, in finishing order.
    """
    done = on_done or (lambda _: None)
    if jobs <= 1 or len(inputs) <= 1:
        results = []
        for item in inputs:
            results.append(function(item))
            done(results[-1])
        return results
    found: dict[int, R] = {}
    with ProcessPoolExecutor(max_workers=min(jobs, len(inputs))) as pool:
        futures = {pool.submit(function, item): index for index, item in enumerate(inputs)}
        for future in as_completed(futures):
            found[futures[future]] = result = future.result()
            done(result)
    return [found[index] for index in range(len(inputs))]
