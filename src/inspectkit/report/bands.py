"""The quantifier rule as plain data for the report's appendix, drawn from the framework.

The appendix states in words how proportions are described; so that the words cannot drift
from what the code does, they are built from the same pieces :mod:`inspectkit.quantify`
decides with: each term's band as applied, the edges two bands share and how the tie-break
resolves them, and the stretches the gap rule gives to a neighbouring band.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from inspectkit.framework.models import Quantifiers, QuantifierTerm
from inspectkit.quantify import Piece, exact, join, pieces, segments
from inspectkit.report.figures import Data, number


def quantifier_data(q: Quantifiers) -> Data:
    """Terms (widest share first) with their bands as written and as applied, ties and gaps."""
    applied = pieces(q)
    parts = segments(q)
    return {
        "source": q.source,
        "rounding": q.rounding.method,
        "decimals": q.rounding.decimals,
        "tie_break": q.tie_break,
        "gaps": q.gaps,
        "terms": [_term(t, applied) for t in sorted(q.terms, key=_widest_first)],
        "ties": [
            {
                "at": stretch(p),
                "terms": [t.label for t in sorted(p.holders, key=_widest_first, reverse=True)],
                "term": p.term.label,
            }
            for p in parts
            if len(p.holders) > 1 and p.term is not None
        ],
        "gap_filled": [
            {"stretch": stretch(p), "term": p.term.label}
            for p in join([p for p in parts if not p.holders and p.term is not None])
            if p.term is not None
        ],
    }


def _widest_first(t: QuantifierTerm) -> tuple[Fraction, bool, Fraction, bool]:
    return (-exact(t.max), not t.max_inclusive, -exact(t.min), t.min_inclusive)


def _term(t: QuantifierTerm, applied: list[Piece]) -> Data:
    return {
        "id": t.id,
        "label": t.label,
        "meaning": t.meaning,
        "min": _num(exact(t.min)),
        "max": _num(exact(t.max)),
        "min_inclusive": t.min_inclusive,
        "max_inclusive": t.max_inclusive,
        "applied": [stretch(p) for p in applied if p.term is not None and p.term.id == t.id],
        "provisional": t.provisional,
    }


def stretch(piece: Piece) -> Data:
    """A stretch of percentages: its edges as plain numbers and whether each is included."""
    return {
        "min": _num(piece.low),
        "min_inclusive": piece.low_inclusive,
        "max": _num(piece.high),
        "max_inclusive": piece.high_inclusive,
    }


def _num(value: Fraction) -> int | float:
    return number(Decimal(value.numerator) / Decimal(value.denominator))
