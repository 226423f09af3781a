"""Views of a diff: plain text for the terminal and JSON (``schema_version`` 1), and the words
shared with the Markdown view (:mod:`inspectkit.compare.markdown`).

All three are drawn from :func:`to_data`'s figures, so they always agree. Text from the inputs
(paths, ids, titles, labels) is shown escaped: control characters as visible escapes in text,
Markdown structure backslash-escaped in Markdown.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from inspectkit.compare.diff import (
    CountChange,
    Diff,
    EvaluationChange,
    GradeValue,
    Movement,
    Side,
    StrandMove,
)
from inspectkit.textsafe import safe

SCHEMA_VERSION = 1
KINDS = {"folder": "evidence folder", "grades": "grade file"}
BASIS = {
    "folders": "",
    "grades": "Compared on what a grade file holds: the items weighed for graded indicators, "
    "the records read for them and the survey respondents.",
}


def grade_words(value: GradeValue | None) -> str:
    """'4 Good', 'none' (no grade recorded) or 'not graded' (the indicator is absent)."""
    if value is None:
        return "not graded"
    if value.grade is None:
        return "none"
    return f"{value.grade} {value.label}".strip()


def change_words(change: int | Decimal | None) -> str:
    """'up 1', 'down 0.8', 'no change', or '' when there is nothing to compare."""
    if change is None:
        return ""
    shown = f"{abs(change):.1f}" if isinstance(change, Decimal) else str(abs(change))
    return "no change" if change == 0 else f"{'up' if change > 0 else 'down'} {shown}"


def percent_words(value: Decimal | None) -> str:
    """'61.2%' or 'none'."""
    return "none" if value is None else f"{value:.1f}%"


def count_words(value: int | None) -> str:
    """'100', or 'unknown' when that side does not know the count."""
    return "unknown" if value is None else str(value)


def moved(before: str, after: str, change: str, arrow: str) -> str:
    """'3 Adequate -> 4 Good (up 1)'."""
    return f"{before} {arrow} {after}" + (f" ({change})" if change else "")


def grade_move(m: Movement, arrow: str, esc: Callable[[str], str]) -> str:
    """A grade movement in words, each grade passed through ``esc``."""
    return moved(esc(grade_words(m.old)), esc(grade_words(m.new)), change_words(m.change), arrow)


def count_name(c: CountChange) -> str:
    """'records read' or 'respondents, staff survey'."""
    return "records read" if c.name == "records" else f"respondents, {c.name} survey"


def drops_line(diff: Diff, esc: Callable[[str], str] = safe) -> str:
    """'1 final grade went down: 5.3.' or 'No final grade went down.'"""
    drops = diff.final_drops
    if not drops:
        return "No final grade went down."
    ids = ", ".join(esc(g.indicator) for g in drops)
    return f"{len(drops)} final grade{'s' if len(drops) > 1 else ''} went down: {ids}."


# --- text -----------------------------------------------------------------------------------


def render_text(diff: Diff) -> str:
    """Plain text for the terminal: one line per change, sections in a fixed order."""
    lines = [
        *(_side_text(name, side) for name, side in (("old", diff.old), ("new", diff.new))),
        *framework_note(diff),
        "",
        "Grades",
    ]
    lines += [
        f"  {g.indicator} proposed {grade_move(g.proposed, '->', str)}, "
        f"final {grade_move(g.final, '->', str)}"
        for g in diff.grades
    ] or ["  none"]
    ev = diff.evidence
    lines += ["", "Evidence"]
    lines += [f"  {BASIS[ev.basis]}"] if BASIS[ev.basis] else []
    for word, ids in (("added", ev.added), ("removed", ev.removed)):
        lines.append(
            f"  items {word} ({len(ids)}): {', '.join(ids)}" if ids else f"  items {word}: none"
        )
    lines += [
        f"  {count_name(c)}: "
        + moved(count_words(c.old), count_words(c.new), change_words(c.change), "->")
        for c in (ev.records, *ev.respondents)
    ]
    lines += ["", "Evaluations changed"]
    lines += [f"  {_evaluation_text(c)}" for c in diff.evaluations] or ["  none"]
    lines += ["", f"Strand figures that moved ({diff.threshold} points or more)"]
    lines += [
        f"  {m.indicator} {m.strand} "
        + moved(percent_words(m.old), percent_words(m.new), change_words(m.change), "->")
        for m in diff.strands
    ] or ["  none"]
    lines += ["", drops_line(diff, str)]
    return "".join(f"{safe(line)}\n" for line in lines)


def _side_text(name: str, side: Side) -> str:
    about = ", ".join(x for x in (side.partnership, side.framework) if x)
    return f"{name}: {side.source} ({KINDS.get(side.kind, side.kind)}): {about}"


def framework_note(diff: Diff) -> list[str]:
    """A note when the two sides use different frameworks."""
    if diff.old.framework == diff.new.framework:
        return []
    return ["note: the two sides use different frameworks; indicators are matched by id."]


def _evaluation_text(c: EvaluationChange) -> str:
    if c.kind != "changed":
        value = c.grade.new if c.kind == "added" else c.grade.old
        return f"{c.indicator} {c.kind}: grade {grade_words(value)}"
    return (
        f"{c.indicator} changed: grade {grade_move(c.grade, '->', str)}, "
        f"rationale changed: {'yes' if c.rationale_changed else 'no'}"
    )


# --- JSON -----------------------------------------------------------------------------------


def to_data(diff: Diff) -> dict[str, Any]:
    """The diff as plain data with a stable shape (``schema_version`` 1)."""
    ev = diff.evidence
    return {
        "schema_version": SCHEMA_VERSION,
        "old": _side_data(diff.old),
        "new": _side_data(diff.new),
        "grades": [
            {
                "indicator": g.indicator,
                "title": g.title,
                "proposed": _movement_data(g.proposed),
                "final": _movement_data(g.final),
            }
            for g in diff.grades
        ],
        "evidence": {
            "basis": ev.basis,
            "items_added": list(ev.added),
            "items_removed": list(ev.removed),
            "records": _count_data(ev.records),
            "respondents": [{"survey": c.name, **_count_data(c)} for c in ev.respondents],
        },
        "evaluations": [
            {
                "indicator": c.indicator,
                "change": c.kind,
                "grade": _movement_data(c.grade),
                "rationale_changed": c.rationale_changed,
            }
            for c in diff.evaluations
        ],
        "strands": {
            "threshold": float(diff.threshold),
            "moved": [_strand_data(m) for m in diff.strands],
        },
        "final_drops": [g.indicator for g in diff.final_drops],
    }


def _side_data(side: Side) -> dict[str, Any]:
    return {
        "source": side.source,
        "kind": side.kind,
        "framework": side.framework,
        "partnership": side.partnership,
    }


def _grade_data(value: GradeValue | None) -> dict[str, Any] | None:
    return None if value is None else {"grade": value.grade, "label": value.label}


def _movement_data(m: Movement) -> dict[str, Any]:
    return {"old": _grade_data(m.old), "new": _grade_data(m.new), "change": m.change}


def _count_data(c: CountChange) -> dict[str, Any]:
    return {"old": c.old, "new": c.new, "change": c.change}


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _strand_data(m: StrandMove) -> dict[str, Any]:
    return {
        "indicator": m.indicator,
        "strand": m.strand,
        "old": _number(m.old),
        "new": _number(m.new),
        "change": _number(m.change),
    }


def render_json(diff: Diff) -> str:
    """JSON, indented, UTF-8."""
    return json.dumps(to_data(diff), indent=2, ensure_ascii=False) + "\n"


def write_text(diff: Diff) -> bytes:
    """:func:`render_text` as bytes."""
    return render_text(diff).encode("utf-8")


def write_json(diff: Diff) -> bytes:
    """:func:`render_json` as bytes."""
    return render_json(diff).encode("utf-8")
