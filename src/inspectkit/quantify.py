"""Percentages and the quantifier words reports use for them ("most (82%)").

The framework file states the bands, the rounding rule and the tie-break; this module
follows it exactly, in decimal arithmetic so that 74.5 is 74.5 and not 74.4999...
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from inspectkit.framework.models import Quantifiers, QuantifierTerm

_MODES = {
    "half-up": ROUND_HALF_UP,
    "half-even": ROUND_HALF_EVEN,
    "down": ROUND_FLOOR,
    "up": ROUND_CEILING,
}


@dataclass(frozen=True)
class Proportion:
    """A count out of a total, its rounded percentage and its quantifier term."""

    count: int
    total: int
    percent: Decimal | None
    term: QuantifierTerm | None

    @property
    def words(self) -> str:
        """E.g. 'most (82%)', or 'none counted' when the total is 0."""
        if self.percent is None or self.term is None:
            return "none counted"
        return f"{self.term.label} ({format(self.percent.normalize(), 'f')}%)"


def round_percent(quantifiers: Quantifiers, percent: Decimal | float | str) -> Decimal:
    """Round a percentage by the framework's rule."""
    exponent = Decimal(1).scaleb(-quantifiers.rounding.decimals)
    value = percent if isinstance(percent, Decimal) else Decimal(str(percent))
    return value.quantize(exponent, rounding=_MODES[quantifiers.rounding.method])


def term_for(quantifiers: Quantifiers, rounded: Decimal) -> QuantifierTerm | None:
    """The term whose band holds an already rounded percentage, after the tie-break."""
    matches = [
        t for t in quantifiers.terms if Decimal(str(t.min)) <= rounded <= Decimal(str(t.max))
    ]
    if not matches:
        return None
    if quantifiers.tie_break == "lower":
        return min(matches, key=lambda t: (t.max, t.min))
    return max(matches, key=lambda t: (t.min, t.max))


def describe_percent(
    quantifiers: Quantifiers, percent: Decimal | float | str
) -> tuple[Decimal, QuantifierTerm | None]:
    """Round a percentage and find its term."""
    rounded = round_percent(quantifiers, percent)
    return rounded, term_for(quantifiers, rounded)


def proportion(quantifiers: Quantifiers, count: int, total: int) -> Proportion:
    """``count`` out of ``total`` as a rounded percentage and a term (none when total is 0)."""
    if total <= 0:
        return Proportion(count, total, None, None)
    rounded, term = describe_percent(quantifiers, Decimal(count) * 100 / Decimal(total))
    return Proportion(count, total, rounded, term)


def percentages(decimals: int) -> list[Decimal]:
    """Every percentage from 0 to 100 at the given number of decimals."""
    step = Decimal(1).scaleb(-decimals)
    return [Decimal(n) * step for n in range(0, 100 * 10**decimals + 1)]
