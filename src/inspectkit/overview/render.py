"""Views of an overview: a terminal table, CSV, JSON (``schema_version`` 1) and an HTML page.

The HTML page is rendered from ``templates/overview.html.j2`` in the same sandboxed Jinja
environment as reports. Counts of partnerships (per grade, per theme) go through the same
small-count rule as reports, :func:`inspectkit.report.figures.count`, in JSON and HTML alike.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from inspectkit import __version__
from inspectkit.overview.assess import FrameworkInfo, IndicatorResult, Outcome
from inspectkit.overview.summary import Group, Overview, ThemeCount
from inspectkit.report.figures import count
from inspectkit.textsafe import clean_all, neutralise, safe, slug

SCHEMA_VERSION = 1
TEMPLATE = "overview"
LANG = "en-GB"
PROPOSED_MARK = "*"


def _status(o: Outcome) -> str:
    return "graded" if o.graded else "failed"


def _shown(result: IndicatorResult | None) -> str:
    """'4' for a final grade, '4*' for a proposed one, '-' for none."""
    if result is None or result.shown is None:
        return "-"
    return str(result.shown) + ("" if result.final is not None else PROPOSED_MARK)


def _result(o: Outcome, indicator: str) -> IndicatorResult | None:
    return next((g for g in o.grades if g.indicator == indicator), None)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# --- text -----------------------------------------------------------------------------------


def render_text(overview: Overview, width: int = 0) -> str:
    """Tables per framework, each folder's grade per indicator; then failures. Fitted to
    ``width`` (0: as wide as they need): partnership names and problems wrap between words."""
    out: list[str] = []
    for group in overview.groups:
        fw = group.framework
        out += _para(
            f"{fw.ref}  {fw.title}  ({_plural(len(group.folders), 'folder')} graded)", width
        )
        head = ("FOLDER", "PARTNERSHIP", *(i for i, _ in fw.graded))
        rows = [
            (o.name, o.partnership, *(_shown(_result(o, i)) for i, _ in fw.graded))
            for o in group.folders
        ]
        out += [*_columns(head, rows, width, wrap=(1,)), ""]
    if overview.groups:
        out += [
            *_para(
                f"Grades are final grades; {PROPOSED_MARK} marks a proposed grade where no "
                "final grade is recorded; - means no grade.",
                width,
            ),
            "",
        ]
    if overview.failed:
        out.append(f"Not graded ({_plural(len(overview.failed), 'folder')})")
        head = ("FOLDER", "PARTNERSHIP", "ERRORS", "WARNINGS", "PROBLEM")
        rows = [
            (o.name, o.partnership, str(o.errors), str(o.warnings), o.problem)
            for o in overview.failed
        ]
        out += [*_columns(head, rows, width, wrap=(1, 4)), ""]
    graded = len(overview.folders) - len(overview.failed)
    out.append(
        f"{_plural(len(overview.folders), 'folder')}: {graded} graded, "
        f"{len(overview.failed)} not graded."
    )
    return "".join(f"{safe(line)}\n" for line in out)


def _para(text: str, width: int) -> list[str]:
    """A line of prose, wrapped between words to ``width`` (0: one line)."""
    from inspectkit.output.table import hanging

    return hanging(text, width, "")


def _columns(
    head: Sequence[str], rows: Sequence[Sequence[str]], width: int, wrap: Sequence[int]
) -> list[str]:
    """The table's lines: as wide as it needs, or fitted to ``width`` without breaking words."""
    if width <= 0:
        table = [head, *rows]
        widths = [max(len(r[i]) for r in table) for i in range(len(head))]
        return [
            "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in table
        ]
    from inspectkit.output.table import fit_table

    return fit_table(head, [[safe(c) for c in r] for r in rows], width, wrap=wrap)


# --- CSV ------------------------------------------------------------------------------------

CSV_HEAD = (
    "folder",
    "path",
    "partnership",
    "framework",
    "status",
    "errors",
    "warnings",
    "indicator",
    "proposed",
    "final",
    "grade",
)


def render_csv(overview: Overview) -> str:
    """One row per folder and graded indicator (one row for a folder not graded), formula-safe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEAD)
    for o in overview.folders:
        ref = o.framework.ref if o.framework else ""
        common = (o.name, o.path, o.partnership, ref, _status(o), o.errors, o.warnings)
        rows: list[tuple[object, ...]] = [
            (*common, g.indicator, g.proposed, g.final, g.shown) for g in o.grades
        ]
        for row in rows or [(*common, "", "", "", "")]:
            writer.writerow([neutralise(cell) for cell in row])
    return out.getvalue()


# --- JSON -----------------------------------------------------------------------------------


def to_data(overview: Overview) -> dict[str, Any]:
    """The overview as plain data with a stable shape (``schema_version`` 1)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "summary": _summary(overview),
        "folders": [_folder_data(o) for o in overview.folders],
        "groups": [_group_data(g) for g in overview.groups],
    }


def _summary(overview: Overview) -> dict[str, int]:
    return {
        "folders": len(overview.folders),
        "graded": len(overview.folders) - len(overview.failed),
        "failed": len(overview.failed),
        "frameworks": len(overview.groups),
    }


def _folder_data(o: Outcome) -> dict[str, Any]:
    return {
        "folder": o.name,
        "path": o.path,
        "partnership": o.partnership,
        "framework": o.framework.ref if o.framework else None,
        "status": _status(o),
        "errors": o.errors,
        "warnings": o.warnings,
        "problem": o.problem,
        "grades": [
            {"indicator": g.indicator, "proposed": g.proposed, "final": g.final, "grade": g.shown}
            for g in o.grades
        ],
    }


def _group_data(group: Group) -> dict[str, Any]:
    fw = group.framework
    below = fw.suppress_below
    labels = dict(fw.scale)
    return {
        "framework": fw.ref,
        "title": fw.title,
        "folders": [o.name for o in group.folders],
        "suppress_below": below,
        "distribution": [
            {
                "indicator": d.indicator,
                "title": d.title,
                "grades": [
                    {"grade": v, "label": labels.get(v, ""), "partnerships": count(n, below)}
                    for v, n in d.counts
                ],
                "ungraded": count(d.ungraded, below),
            }
            for d in group.distribution
        ],
        "common_strengths": [_theme_data(t, below) for t in group.strengths],
        "common_improvements": [_theme_data(t, below) for t in group.improvements],
    }


def _theme_data(theme: ThemeCount, below: int) -> dict[str, Any]:
    return {
        "theme": theme.id,
        "title": theme.title,
        "partnerships": count(theme.partnerships, below),
    }


def render_json(overview: Overview) -> str:
    """JSON, indented, UTF-8."""
    return json.dumps(to_data(overview), indent=2, ensure_ascii=False) + "\n"


# --- HTML -----------------------------------------------------------------------------------


def html_context(overview: Overview) -> dict[str, Any]:
    """The data ``overview.html.j2`` receives: plain data, small counts suppressed, cleaned."""
    context = {
        "lang": LANG,
        "inspectkit": {"version": __version__},
        "summary": _summary(overview),
        "groups": [_group_context(g) for g in overview.groups],
        "failed": [
            {
                "name": o.name,
                "path": o.path,
                "partnership": o.partnership,
                "framework": o.framework.ref if o.framework else "",
                "errors": o.errors,
                "warnings": o.warnings,
                "problem": o.problem,
            }
            for o in overview.failed
        ],
    }
    cleaned: dict[str, Any] = clean_all(context)
    return cleaned


def _group_context(group: Group) -> dict[str, Any]:
    data = _group_data(group)
    fw: FrameworkInfo = group.framework
    labels = dict(fw.scale)
    return {
        **data,
        "anchor": "fw-" + slug(fw.ref),
        "indicators": [{"id": i, "title": t} for i, t in fw.graded],
        "scale": [{"value": v, "label": label} for v, label in fw.scale],
        "rows": [
            {
                "name": o.name,
                "path": o.path,
                "partnership": o.partnership,
                "warnings": o.warnings,
                "grades": [_cell(_result(o, i), labels) for i, _ in fw.graded],
            }
            for o in group.folders
        ],
    }


def _cell(result: IndicatorResult | None, labels: dict[int, str]) -> dict[str, Any]:
    value = result.shown if result else None
    return {
        "value": value,
        "label": labels.get(value, "") if value is not None else "",
        "proposed": result is not None and result.final is None and value is not None,
    }


def render_html(overview: Overview) -> str:
    """The overview as one self-contained, accessible HTML page.

    Raises:
        TemplateProblem: the template fails.
    """
    from inspectkit.report.render import render

    return render(html_context(overview), "html", TEMPLATE)


@dataclass(frozen=True)
class OverviewView:
    """What an overview writer is given: the overview, and the terminal's width for text."""

    overview: Overview
    width: int = 0


def write_text(view: OverviewView) -> bytes:
    """:func:`render_text` as bytes."""
    return render_text(view.overview, view.width).encode("utf-8")


def write_csv(view: OverviewView) -> bytes:
    """:func:`render_csv` as bytes."""
    return render_csv(view.overview).encode("utf-8")


def write_json(view: OverviewView) -> bytes:
    """:func:`render_json` as bytes."""
    return render_json(view.overview).encode("utf-8")
