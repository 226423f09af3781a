"""``inspectkit report``: a draft inspection report in Markdown and HTML from Jinja templates.

The flow: a validated and graded folder -> :func:`build_context` (plain data, small counts
suppressed) -> :func:`render` (sandboxed templates, built-in or the user's) -> files written
atomically by :func:`write_report`.
"""

from __future__ import annotations

from inspectkit.errors import ReportExists, TemplateProblem
from inspectkit.report.context import CONTEXT_VERSION, build_context
from inspectkit.report.render import ReportView, render
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
    "ReportExists",
    "ReportRequest",
    "ReportView",
    "TemplateProblem",
    "build_context",
    "render",
    "render_report",
    "report_paths",
    "write_report",
]
