"""Run one function over many inputs in worker processes, results in the inputs' order.

Used by ``validate`` and ``overview`` over many evidence folders. Arguments and results must
be picklable plain data; with one job (or one input) everything runs in this process.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from types import TracebackType
from typing import TypeVar

__all__ = ["Workers", "gc_paused", "map_in_processes"]

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


class Workers:
    """Worker processes started before their work is known, each warming up at once.

    A command starts them as soon as it knows it will want them, then reads its settings
    and lists its inputs while the workers import what they need: on two cores, the one
    core would otherwise wait. Use it as a context manager; leaving it stops the workers.
    With one job there are no workers, and :func:`map_in_processes` runs every call here.
    """

    def __init__(self, jobs: int, warm_up: Callable[[], object] | None = None) -> None:
        self.jobs = max(jobs, 1)
        self.pool: ProcessPoolExecutor | None = None
        if self.jobs > 1:
            self.pool = ProcessPoolExecutor(max_workers=self.jobs)
            for _ in range(self.jobs if warm_up is not None else 0):
                self.pool.submit(warm_up)  # type: ignore[arg-type]

    def __enter__(self) -> Workers:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def map_in_processes(
    function: Callable[[A], R],
    inputs: Sequence[A],
    *,
    jobs: int = 1,
    on_done: Callable[[R], None] | None = None,
    workers: Workers | None = None,
) -> list[R]:
    """``[function(x) for x in inputs]``, ``jobs`` at a time.

    Args:
        function: A module-level function (it is pickled by name).
        inputs: Its arguments, one per call.
        jobs: Worker processes; 1 runs every call here.
        on_done: Called in this process as each call finishes, in finishing order.
        workers: Workers already started; they replace ``jobs`` and are left running.
    """
    done = on_done or (lambda _: None)
    pool = workers.pool if workers is not None else None
    if (pool is None and jobs <= 1) or len(inputs) <= 1:
        results = []
        for item in inputs:
            results.append(function(item))
            done(results[-1])
        return results
    if pool is not None:
        return _collect(pool, function, inputs, done)
    with ProcessPoolExecutor(max_workers=min(jobs, len(inputs))) as own:
        return _collect(own, function, inputs, done)


def _collect(
    pool: ProcessPoolExecutor,
    function: Callable[[A], R],
    inputs: Sequence[A],
    done: Callable[[R], None],
) -> list[R]:
    found: dict[int, R] = {}
    futures = {pool.submit(function, item): index for index, item in enumerate(inputs)}
    for future in as_completed(futures):
        found[futures[future]] = result = future.result()
        done(result)
    return [found[index] for index in range(len(inputs))]
