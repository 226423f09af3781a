"""Agreement between evaluators or readers: Krippendorff's alpha.

Alpha suits grades on a six-point scale: it is defined for any number of evaluators, copes with
evaluators who did not grade every indicator, and its ordinal metric counts a disagreement
between 3 and 5 as larger than one between 4 and 5, in proportion to how many grades lie
between them. The nominal metric (yes-no and choice answers of record reading) counts every
disagreement alike. 1 is perfect agreement; 0 is what chance alone would give.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from decimal import Decimal
from itertools import permutations
from typing import Any

Units = Sequence[Sequence[Any]]


def _coincidences(units: Units) -> dict[tuple[Any, Any], Decimal]:
    table: dict[tuple[Any, Any], Decimal] = Counter()  # type: ignore[assignment]
    for values in units:
        if len(values) < 2:
            continue
        share = Decimal(1) / (len(values) - 1)
        for a, b in permutations(values, 2):
            table[(a, b)] += share
    return table


Metric = Callable[[Any, Any], Decimal]


def _ordinal(totals: dict[Any, Decimal]) -> Metric:
    values = sorted(totals)

    def delta(c: Any, k: Any) -> Decimal:
        low, high = min(c, k), max(c, k)
        between = sum((totals[g] for g in values if low <= g <= high), Decimal(0))
        return (between - (totals[c] + totals[k]) / 2) ** 2

    return delta


def _interval(_totals: dict[Any, Decimal]) -> Metric:
    return lambda c, k: Decimal((c - k) ** 2)


def _nominal(_totals: dict[Any, Decimal]) -> Metric:
    return lambda c, k: Decimal(c != k)


METRICS = {"ordinal": _ordinal, "interval": _interval, "nominal": _nominal}


def krippendorff_alpha(units: Units, metric: str = "ordinal") -> Decimal | None:
    """Alpha for ``units`` (each the values given to one unit: an indicator's grades, or a
    record's answers to one question), or None when it is undefined: fewer than two pairable
    values, or every value the same. ``metric`` is ordinal, interval or nominal."""
    table = _coincidences(units)
    totals: dict[Any, Decimal] = Counter()  # type: ignore[assignment]
    for (c, _k), value in table.items():
        totals[c] += value
    n = sum(totals.values(), Decimal(0))
    if n < 2:
        return None
    delta = METRICS[metric](totals)
    observed = sum((v * delta(c, k) for (c, k), v in table.items()), Decimal(0))
    expected = sum(
        (totals[c] * totals[k] * delta(c, k) for c in totals for k in totals), Decimal(0)
    ) / (n - 1)
    if expected == 0:
        return None
    return 1 - observed / expected
