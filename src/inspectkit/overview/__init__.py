"""``inspectkit overview``: many evidence folders validated and graded side by side.

The flow: paths -> :func:`find_folders` -> :func:`assess_all` (each folder validated and
graded in a worker process) -> :func:`summarise` (pure: groups per framework, grade
distributions, common themes) -> a view (:func:`render_text`, :func:`render_csv`,
:func:`render_json`, :func:`render_html`).
"""

from __future__ import annotations

from inspectkit.evidence.discover import find_folders
from inspectkit.overview.assess import FrameworkInfo, IndicatorResult, Outcome, assess_all
from inspectkit.overview.render import (
    OverviewView,
    html_context,
    render_csv,
    render_html,
    render_json,
    render_text,
    to_data,
)
from inspectkit.overview.summary import Overview, summarise

__all__ = [
    "FrameworkInfo",
    "IndicatorResult",
    "Outcome",
    "Overview",
    "OverviewView",
    "assess_all",
    "find_folders",
    "html_context",
    "render_csv",
    "render_html",
    "render_json",
    "render_text",
    "summarise",
    "to_data",
]
