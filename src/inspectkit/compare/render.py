"""Views of a diff: plain text for the terminal, Markdown, and JSON (``schema_version`` 1).

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
from inspectkit.output.diagnostics import safe
from inspectkit.report.text import md_escape

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


def _count(value: int | None) -> str:
    return "unknown" if value is None else str(value)


def _moved(before: str, after: str, change: str, arrow: str) -> str:
    return f"{before} {arrow} {after}" + (f" ({change})" if change else "")


def _grade_move(m: Movement, arrow: str, esc: Callable[[str], str]) -> str:
    return _moved(esc(grade_words(m.old)), esc(grade_words(m.new)), change_words(m.change), arrow)


def _count_name(c: CountChange) -> str:
    return "records read" if c.name == "records" else f"respondents, {c.name} survey"


def _drops(diff: Diff, esc: Callable[[str], str] = str) -> str:
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
        *_framework_note(diff),
        "",
        "Grades",
    ]
    lines += [
        f"  {g.indicator} proposed {_grade_move(g.proposed, '->', str)}, "
        f"final {_grade_move(g.final, '->', str)}"
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
        f"  {_count_name(c)}: " + _moved(_count(c.old), _count(c.new), change_words(c.change), "->")
        for c in (ev.records, *ev.respondents)
    ]
    lines += ["", "Evaluations changed"]
    lines += [f"  {_evaluation_text(c)}" for c in diff.evaluations] or ["  none"]
    lines += ["", f"Strand figures that moved ({diff.threshold} points or more)"]
    lines += [
        f"  {m.indicator} {m.strand} "
        + _moved(percent_words(m.old), percent_words(m.new), change_words(m.change), "->")
        for m in diff.strands
    ] or ["  none"]
    lines += ["", _drops(diff)]
    return "".join(f"{safe(line)}\n" for line in lines)


def _side_text(name: str, side: Side) -> str:
    about = ", ".join(x for x in (side.partnership, side.framework) if x)
    return f"{name}: {side.source} ({KINDS.get(side.kind, side.kind)}): {about}"


def _framework_note(diff: Diff) -> list[str]:
    if diff.old.framework == diff.new.framework:
        return []
    return ["note: the two sides use different frameworks; indicators are matched by id."]


def _evaluation_text(c: EvaluationChange) -> str:
    if c.kind != "changed":
        value = c.grade.new if c.kind == "added" else c.grade.old
        return f"{c.indicator} {c.kind}: grade {grade_words(value)}"
    return (
        f"{c.indicator} changed: grade {_grade_move(c.grade, '->', str)}, "
        f"rationale changed: {'yes' if c.rationale_changed else 'no'}"
    )


# --- Markdown -------------------------------------------------------------------------------


def render_markdown(diff: Diff) -> str:
    """Markdown (CommonMark with GitHub tables), clean under markdownlint."""
    e = md_escape
    out = ["# Changes in grades and evidence", ""]
    out += _table(
        ("Side", "Source", "Kind", "Partnership", "Framework"),
        [
            (name, e(s.source), KINDS.get(s.kind, e(s.kind)), e(s.partnership), e(s.framework))
            for name, s in (("Old", diff.old), ("New", diff.new))
        ],
    )
    for line in _framework_note(diff):
        out += [_capfirst(line), ""]
    out += ["## Grades", ""]
    out += _table(
        ("Indicator", "Proposed", "Change", "Final", "Change"),
        [
            (
                f"{e(g.indicator)} {e(g.title)}".strip(),
                _moved(e(grade_words(g.proposed.old)), e(grade_words(g.proposed.new)), "", "→"),
                change_words(g.proposed.change) or "–",
                _moved(e(grade_words(g.final.old)), e(grade_words(g.final.new)), "", "→"),
                change_words(g.final.change) or "–",
            )
            for g in diff.grades
        ],
    )
    out += _evidence_md(diff)
    out += ["## Evaluations changed", ""]
    out += _table(
        ("Indicator", "Change", "Grade", "Rationale changed"),
        [
            (
                e(c.indicator),
                c.kind,
                _grade_move(c.grade, "→", e),
                "yes" if c.rationale_changed else "no",
            )
            for c in diff.evaluations
        ],
    )
    out += ["## Strand figures that moved", ""]
    out += [f"Figures that moved by {diff.threshold} percentage points or more.", ""]
    out += _table(
        ("Indicator", "Strand", "Old", "New", "Change"),
        [
            (
                e(m.indicator),
                e(m.strand),
                percent_words(m.old),
                percent_words(m.new),
                change_words(m.change) or "–",
            )
            for m in diff.strands
        ],
    )
    out += ["## Summary", "", _drops(diff, e)]
    return "\n".join(out).rstrip("\n") + "\n"


def _evidence_md(diff: Diff) -> list[str]:
    e = md_escape
    ev = diff.evidence
    out = ["## Evidence", ""]
    out += [BASIS[ev.basis], ""] if BASIS[ev.basis] else []
    for word, ids in (("added", ev.added), ("removed", ev.removed)):
        listed = f" ({len(ids)}): {', '.join(e(i) for i in ids)}." if ids else ": none."
        out += [f"Items {word}{listed}", ""]
    out += _table(
        ("Count", "Old", "New", "Change"),
        [
            (
                _capfirst(e(_count_name(c))),
                _count(c.old),
                _count(c.new),
                change_words(c.change) or "–",
            )
            for c in (ev.records, *ev.respondents)
        ],
    )
    return out


def _capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def _table(head: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    """A GitHub table and a blank line after it; 'None.' when there are no rows."""
    if not rows:
        return ["None.", ""]
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join("---" for _ in head) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


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
