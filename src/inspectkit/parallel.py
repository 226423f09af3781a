"""Run one function over many inputs in worker processes, results in the inputs' order.

Used by ``validate`` and ``overview`` over many evidence folders. Arguments and results must
be picklable plain data; with one job (or one input) everything runs in this process.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import TypeVar

__all__ = ["map_in_processes"]

A = TypeVar("A")
R = TypeVar("R")


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
