"""Proportions and the quantifier words reports use for them ("most (82%)").

The word is chosen on the exact share, count out of total as a fraction, by the bands, edges,
tie-break and gap rule the framework file states; only then is the figure beside it rounded,
and it keeps as many decimal places as it needs not to fall into another band (199 of 200 is
"almost all (99.5%)", never "(100%)"). Everything is exact: :class:`~fractions.Fraction`
for shares, :class:`~decimal.Decimal` for the figures shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from inspectkit.framework.models import Quantifiers, QuantifierTerm

HUNDRED = 100
HALF = Fraction(1, 2)
Number = Fraction | Decimal | int | float | str


def _half_up(whole: int, rest: Fraction) -> int:
    return whole + (rest >= HALF)


def _half_even(whole: int, rest: Fraction) -> int:
    return whole + (rest > HALF or (rest == HALF and whole % 2 == 1))


def _down(whole: int, rest: Fraction) -> int:
    return whole


def _up(whole: int, rest: Fraction) -> int:
    return whole + (rest > 0)


# Percentages are never negative, so down/up (towards zero / away from it) are floor/ceiling.
_MODES: dict[str, Callable[[int, Fraction], int]] = {
    "half-up": _half_up,
    "half-even": _half_even,
    "down": _down,
    "up": _up,
}


@dataclass(frozen=True)
class Proportion:
    """A count out of a total, the percentage shown for it and its quantifier term.

    ``percent`` is the figure shown (rounded, with extra decimal places where needed);
    ``exact`` is the share itself as a percentage, which decided ``term``.
    """

    count: int
    total: int
    percent: Decimal | None
    term: QuantifierTerm | None
    exact: Fraction | None = None

    @property
    def words(self) -> str:
        """E.g. 'most (82%)', or 'none counted' when the total is 0."""
        if self.percent is None or self.term is None:
            return "none counted"
        return f"{self.term.label} ({percent_text(self.percent)}%)"


@dataclass(frozen=True)
class Piece:
    """A stretch of percentages from ``low`` to ``high`` that one rule gives one term.

    ``holders`` are the terms whose own bands hold the stretch: two or more at a tie, none
    where the gap rule assigned it (or where nothing does, when ``term`` is None).
    """

    low: Fraction
    low_inclusive: bool
    high: Fraction
    high_inclusive: bool
    term: QuantifierTerm | None
    holders: tuple[QuantifierTerm, ...] = ()


def exact(value: Number) -> Fraction:
    """A number as an exact fraction; floats are read as their shortest decimal (90.4)."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, float):
        return Fraction(Decimal(str(value)))
    return Fraction(Decimal(value) if isinstance(value, str) else value)


def percent_text(value: Decimal) -> str:
    """A shown percentage without trailing zeros: '99.5', '100'."""
    return format(value.normalize(), "f")


def round_percent(
    quantifiers: Quantifiers, percent: Number, decimals: int | None = None
) -> Decimal:
    """Round a percentage by the framework's method, to its decimals unless others are given."""
    places = quantifiers.rounding.decimals if decimals is None else decimals
    scaled = exact(percent) * 10**places
    whole, rest = divmod(scaled.numerator, scaled.denominator)
    rounded = _MODES[quantifiers.rounding.method](whole, Fraction(rest, scaled.denominator))
    return Decimal(rounded).scaleb(-places)


def holds(term: QuantifierTerm, percent: Number) -> bool:
    """Whether the term's own band, with its inclusive or exclusive edges, holds a percentage."""
    x, low, high = exact(percent), exact(term.min), exact(term.max)
    above = x > low or (x == low and term.min_inclusive)
    below = x < high or (x == high and term.max_inclusive)
    return above and below


def _rank(term: QuantifierTerm) -> tuple[Fraction, bool, Fraction, bool]:
    """Orders bands from low to high: by upper edge first (an open edge is lower), then lower."""
    return (exact(term.max), term.max_inclusive, exact(term.min), term.min_inclusive)


def _is_point(term: QuantifierTerm) -> bool:
    return exact(term.min) == exact(term.max)


def _gap_term(quantifiers: Quantifiers, x: Fraction) -> QuantifierTerm | None:
    """The term the gap rule gives a percentage no band holds, if bands are one step apart."""
    ended = [
        t
        for t in quantifiers.terms
        if exact(t.max) < x or (exact(t.max) == x and not t.max_inclusive)
    ]
    starting = [
        t
        for t in quantifiers.terms
        if exact(t.min) > x or (exact(t.min) == x and not t.min_inclusive)
    ]
    if not ended or not starting:
        return None
    below = max(ended, key=_rank)
    above = min(starting, key=lambda t: (exact(t.min), not t.min_inclusive))
    if exact(above.min) - exact(below.max) > Fraction(1, 10**quantifiers.rounding.decimals):
        return None
    order = (below, above) if quantifiers.gaps == "lower" else (above, below)
    return next((t for t in order if not _is_point(t)), None)


def term_for(quantifiers: Quantifiers, percent: Number) -> QuantifierTerm | None:
    """The term for an exact percentage: the band holding it, after the tie-break and gap rule."""
    x = exact(percent)
    matches = [t for t in quantifiers.terms if holds(t, x)]
    if not matches:
        return _gap_term(quantifiers, x)
    if quantifiers.tie_break == "lower":
        return min(matches, key=_rank)
    return max(matches, key=_rank)


def shown_percent(quantifiers: Quantifiers, percent: Number) -> Decimal:
    """The figure shown for an exact percentage: rounded, with places added until it agrees.

    A figure agrees when the same rule gives it the same term as the exact share; shares that
    no band holds are shown at the framework's decimals.
    """
    x = exact(percent)
    term = term_for(quantifiers, x)
    places = quantifiers.rounding.decimals
    # Enough places always exist: once a rounding step is below the share's distance to every
    # edge, the figure is in the share's own band (or is the share itself, on an edge).
    limit = places + len(str(x.denominator)) + max(_places(t) for t in quantifiers.terms) + 1
    shown = round_percent(quantifiers, x, places)
    while term is not None and places < limit and term_for(quantifiers, shown) != term:
        places += 1
        shown = round_percent(quantifiers, x, places)
    return shown


def _places(term: QuantifierTerm) -> int:
    """Decimal places an edge of the term is written with (90.5 has one)."""
    exponents = [
        Decimal(str(edge)).normalize().as_tuple().exponent for edge in (term.min, term.max)
    ]
    return max(-e if isinstance(e, int) and e < 0 else 0 for e in exponents)


def describe_percent(
    quantifiers: Quantifiers, percent: Number
) -> tuple[Decimal, QuantifierTerm | None]:
    """The figure shown for an exact percentage and its term."""
    return shown_percent(quantifiers, percent), term_for(quantifiers, percent)


def proportion(quantifiers: Quantifiers, count: int, total: int) -> Proportion:
    """``count`` out of ``total`` with its term and shown figure (none when total is 0)."""
    if total <= 0:
        return Proportion(count, total, None, None)
    share = Fraction(count * HUNDRED, total)
    shown, term = describe_percent(quantifiers, share)
    return Proportion(count, total, shown, term, share)


def at_least(quantifiers: Quantifiers, percent: Number, term_id: str) -> bool:
    """Whether a share reaches a term: it lies at or above where the term begins to apply."""
    x = exact(percent)
    starts = [p for p in pieces(quantifiers) if p.term is not None and p.term.id == term_id]
    if not starts:
        return False
    first = starts[0]
    return x > first.low or (x == first.low and first.low_inclusive)


def _critical(quantifiers: Quantifiers) -> list[Fraction]:
    edges = {Fraction(0), Fraction(HUNDRED)}
    edges |= {exact(v) for t in quantifiers.terms for v in (t.min, t.max)}
    return sorted(edges)


def segments(quantifiers: Quantifiers) -> list[Piece]:
    """Every edge and every stretch between two edges, from 0% to 100%, with its term."""
    points = _critical(quantifiers)
    out: list[Piece] = []
    for i, point in enumerate(points):
        if i:
            middle = (points[i - 1] + point) / 2
            out.append(_piece(quantifiers, points[i - 1], False, point, False, middle))
        out.append(_piece(quantifiers, point, True, point, True, point))
    return out


def _piece(
    quantifiers: Quantifiers,
    low: Fraction,
    low_in: bool,
    high: Fraction,
    high_in: bool,
    at: Fraction,
) -> Piece:
    holders = tuple(t for t in quantifiers.terms if holds(t, at))
    return Piece(low, low_in, high, high_in, term_for(quantifiers, at), holders)


def pieces(quantifiers: Quantifiers) -> list[Piece]:
    """The percentages from 0% to 100% as each term applies to them, low to high.

    A term normally has one piece: its band as applied, after ties and gaps. Unassigned
    stretches have ``term`` None.
    """
    return join(segments(quantifiers))


def join(parts: list[Piece]) -> list[Piece]:
    """Pieces in order, with touching neighbours of the same term made one piece."""
    out: list[Piece] = []
    for part in parts:
        last = out[-1] if out else None
        touching = (
            last is not None
            and last.high == part.low
            and (last.high_inclusive or part.low_inclusive)
        )
        if last is not None and touching and _same(last.term, part.term):
            out[-1] = Piece(last.low, last.low_inclusive, part.high, part.high_inclusive, part.term)
        else:
            out.append(
                Piece(part.low, part.low_inclusive, part.high, part.high_inclusive, part.term)
            )
    return out


def _same(a: QuantifierTerm | None, b: QuantifierTerm | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and a.id == b.id)


def percentages(decimals: int) -> list[Decimal]:
    """Every percentage from 0 to 100 at the given number of decimals."""
    step = Decimal(1).scaleb(-decimals)
    return [Decimal(n) * step for n in range(0, 100 * 10**decimals + 1)]
