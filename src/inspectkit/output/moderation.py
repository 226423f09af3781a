"""Paired record reading in ``grade``'s outputs: agreement, disagreements, what is unmoderated.

The same data serves the JSON document (``moderation``), the text after the grades table and
the report's moderation section, so the three always agree.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from inspectkit.grading.moderation import Agreement, Moderation
from inspectkit.textsafe import safe

__all__ = ["moderation_data", "moderation_lines"]


def _num(value: Decimal | None, places: str = "0.1") -> float | None:
    return None if value is None else float(value.quantize(Decimal(places)))


def _agreement(a: Agreement) -> dict[str, Any]:
    return {
        "key": a.key,
        "level": a.level,
        "records": a.records,
        "pairs": a.pairs,
        "agreeing": a.agreeing,
        "percent": _num(a.percent),
        "alpha": {level: _num(v, "0.01") for level, v in sorted(a.alpha.items())},
    }


def moderation_data(m: Moderation | None) -> dict[str, Any] | None:
    """The moderation part of the JSON document; None when records were read once."""
    if m is None:
        return None
    return {
        "readings": m.readings,
        "records": m.records,
        "moderated_records": m.moderated_records,
        "unmoderated": len(m.unmoderated),
        "questions": [_agreement(a) for a in m.questions],
        "reader_pairs": [_agreement(a) for a in m.pairs],
        "disagreements": [
            {
                "record": d.record_id,
                "question": d.question,
                "answers": [{"reader": r, "answer": str(a)} for r, a in d.answers],
                "moderated": None if d.moderated is None else str(d.moderated),
                "file": d.file,
                "line": d.line,
                "column": d.column,
            }
            for d in m.disagreements
        ],
    }


def _row(a: Agreement) -> str:
    percent = "-" if a.percent is None else f"{a.percent:.0f}%"
    alphas = ", ".join(
        f"alpha {level} {'-' if v is None else f'{v:.2f}'}" for level, v in sorted(a.alpha.items())
    )
    return f"  {a.key}: {percent} agreement over {a.pairs} pairs of readings ({alphas})"


def moderation_lines(m: Moderation | None) -> list[str]:
    """The moderation block printed after the grades table."""
    if m is None:
        return []
    lines = [
        "",
        f"Paired reading: {m.readings} readings of {m.records} records; "
        f"{m.moderated_records} records with a moderated row; "
        f"{len(m.unmoderated)} disagreements still unmoderated",
        "Agreement per question",
        *(_row(a) for a in m.questions),
        "Agreement per reader pair",
        *(_row(a) for a in m.pairs),
    ]
    if m.disagreements:
        lines.append("Disagreements")
    for d in m.disagreements:
        given = " vs ".join(f"{r} {a}" for r, a in d.answers)
        settled = "unmoderated" if d.moderated is None else f"moderated {d.moderated}"
        lines.append(f"  {d.record_id} {d.question}: {given} ({settled})")
    return [safe(line) for line in lines]
