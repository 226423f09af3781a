"""``inspectkit report``: a draft inspection report in Markdown and HTML from Jinja templates.

The flow: a validated and graded folder -> :func:`build_context` (plain data, small counts
suppressed) -> :func:`render` (sandboxed templates, built-in or the user's) -> files written
atomically by :func:`write_report`.
"""

from __future__ import annotations

from inspectkit.errors import ReportExists, TemplateProblem
from inspectkit.report.context import CONTEXT_VERSION, build_context
from inspectkit.report.dates import ReportDate, resolve_date
from inspectkit.report.render import FORMATS, render
from inspectkit.report.write import (
    DEFAULT_OUTPUT,
    ReportRequest,
    render_report,
    report_paths,
    write_report,
)

__all__ = [
    "CONTEXT_VERSION",
    "DEFAULT_OUTPUT",
    "FORMATS",
    "ReportDate",
    "ReportExists",
    "ReportRequest",
    "TemplateProblem",
    "build_context",
    "render",
    "render_report",
    "report_paths",
    "resolve_date",
    "write_report",
]
