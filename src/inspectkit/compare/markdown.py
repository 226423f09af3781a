"""The Markdown view of a diff: CommonMark with GitHub tables, clean under markdownlint.

Every string from the inputs (paths, ids, titles, labels) goes through
:func:`inspectkit.report.text.md_escape`, so that it can never become Markdown structure.
"""

from __future__ import annotations

from inspectkit.compare.diff import Diff
from inspectkit.compare.render import (
    BASIS,
    KINDS,
    change_words,
    count_name,
    count_words,
    drops_line,
    framework_note,
    grade_move,
    grade_words,
    moved,
    percent_words,
)
from inspectkit.textsafe import md_escape


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
    for line in framework_note(diff):
        out += [_capfirst(line), ""]
    out += ["## Grades", ""]
    out += _table(
        ("Indicator", "Proposed", "Change", "Final", "Change"),
        [
            (
                f"{e(g.indicator)} {e(g.title)}".strip(),
                moved(e(grade_words(g.proposed.old)), e(grade_words(g.proposed.new)), "", "→"),
                change_words(g.proposed.change) or "–",
                moved(e(grade_words(g.final.old)), e(grade_words(g.final.new)), "", "→"),
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
                grade_move(c.grade, "→", e),
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
    out += ["## Summary", "", drops_line(diff, e)]
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
                _capfirst(e(count_name(c))),
                count_words(c.old),
                count_words(c.new),
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


def write_markdown(diff: Diff) -> bytes:
    """:func:`render_markdown` as bytes."""
    return render_markdown(diff).encode("utf-8")
